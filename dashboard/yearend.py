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
from pathlib import Path

import pandas as pd

from . import queries, rules, store

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
            run = functools.partial(queries.run, cur=cur, scope=scope)
            return rules.collect(run, None, today, lang, years={year}, quota=quota,
                                 member_names=member_names, topics={rules.RATINGS})
        finally:
            cur.execute("ROLLBACK")
            try:
                cur.unregister("planner_proposed")
            except Exception:   # noqa: BLE001 - nothing was registered
                pass
