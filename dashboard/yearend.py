"""The year-end review: check proposed levels against the rules before the Đảng ủy decides.

``what_if`` judges a set of proposed levels (cells and members of one year) with the very rules
the dashboard applies to decided levels (``rules.collect`` on the rating topic): inside one
transaction the proposals take the place of that year's ratings, the rules run on that
transaction's view of the store, and the transaction is rolled back. Nothing is written; no
other reader sees the proposals; the quota, the caps and the discipline rules are said once.
A member keeps the discipline recorded for the year in ``xep_loai`` (none recorded: none).
"""

from __future__ import annotations

import datetime as dt
import functools
import math
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from . import queries, review, rules, store

PLANNER_UPLOAD = -1   # the upload number the proposals carry inside the rolled-back transaction


class ReadOnlyStore(RuntimeError):
    """The planner needs a store it may write in a transaction (it never commits)."""


def what_if(path: Path, year: int, proposed: pd.DataFrame, today: dt.date, lang: str = "vi",
            scope: frozenset[str] | None = None, quota: rules.QuotaSettings | None = None,
            member_names: dict[str, str] | None = None) -> pd.DataFrame:
    """The rating rules' findings of ``year`` if the levels in ``proposed`` (columns
    subject_kind, subject_code, level) were decided; rows without a level are left as they are.

    Findings are computed over every cell in ``scope`` (the quota is about the whole Đảng bộ).
    """
    proposed = proposed.dropna(subset=["level"])
    proposed = proposed[proposed["level"].astype(str) != ""]
    with store.write_lock:
        cur = store.cursor(path)
        try:
            cur.execute("BEGIN TRANSACTION")
        except Exception as exc:   # noqa: BLE001 - read-only stores refuse a write transaction
            raise ReadOnlyStore(str(exc)) from exc
        try:
            if len(proposed):
                cur.register("planner_proposed", proposed[["subject_kind", "subject_code", "level"]].astype(str))
                params = {"year": year, "u": PLANNER_UPLOAD}
                queries.execute("yearend.supersede_for_planner", cur=cur, **params)
                queries.execute("yearend.insert_for_planner", cur=cur, **params)
                store.refresh_marts(cur, only=("member_ratings",))   # rolled back with the rest
            run = functools.partial(queries.run, cur=cur, scope=scope)
            return rules.collect(run, None, today, lang, years={year}, quota=quota,
                                 member_names=member_names, topics={rules.RATINGS})
        finally:
            cur.execute("ROLLBACK")
            try:
                cur.unregister("planner_proposed")
            except Exception:   # noqa: BLE001 - nothing was registered
                pass


# ---------------------------------------------------------------- the quota planner's arithmetic
# The same counting as the quota rule (quota_check, 0009_sources.sql), done on the levels in the
# planner's table so that a change shows at once; the findings of ``what_if`` then say it with
# the rules' own words and sources.

@dataclass(frozen=True)
class QuotaCount:
    excellent: int      # rated (proposed) HTXSNV
    base: int           # those rated HTTNV (or HTTNV and better, as the setting says)
    share: float        # 0.2
    raw: float          # share × base
    allowed: int        # the most HTXSNV the rounding allows

    @property
    def over(self) -> bool:
        return self.excellent > self.allowed


def quota_allowed(base: int, share: float, rounding: str) -> tuple[float, int]:
    """share × base, and the most HTXSNV it allows: floor (strict), round (half up) or ceil."""
    raw = round(share * base, 9)
    allowed = {"round": math.floor(raw + 0.5), "ceil": math.ceil(raw)}.get(rounding, math.floor(raw))
    return raw, int(allowed)


def quota_count(levels: Iterable[object], share: float, quota: rules.QuotaSettings) -> QuotaCount:
    """The quota over a list of levels (blanks are not rated and do not count)."""
    shown = [str(level) for level in levels if review.is_given(level)]
    excellent, good = shown.count("HTXSNV"), shown.count("HTTNV")
    base = good + excellent if quota.base == "httnv_or_better" else good
    raw, allowed = quota_allowed(base, share, quota.rounding)
    return QuotaCount(excellent, base, share, raw, allowed)


def if_raised(levels: dict[str, object], share: float, quota: rules.QuotaSettings) -> dict[str, QuotaCount]:
    """For every subject not at HTXSNV in ``levels`` (code → level): the quota if it were raised
    to HTXSNV, the others as they are ("nếu Chi bộ X lên HTXSNV thì …")."""
    # The count depends on the levels only, not on which subject holds them: counted once per
    # level raised (once per cell cost 0,3 s a rerun for the sector's 2.000 cells).
    by_level: dict[object, QuotaCount] = {}
    out = {}
    for code, level in levels.items():
        if level == "HTXSNV":
            continue
        key = level if review.is_given(level) else None
        if key not in by_level:
            by_level[key] = quota_count([*(lv for c, lv in levels.items() if c != code), "HTXSNV"], share, quota)
        out[code] = by_level[key]
    return out


def quota_count_by_pool(plan: pd.DataFrame, share: float, quota: rules.QuotaSettings) -> dict[str | None, QuotaCount]:
    """Members' quota of a plan (columns branch_code, level): across the Đảng bộ (key None), or
    per cell when the pool setting says so."""
    if quota.pool == "chi_bo":
        return {cell: quota_count(group["level"], share, quota) for cell, group in plan.groupby("branch_code")}
    return {None: quota_count(plan["level"], share, quota)}
