"""What the limitation measures say in words: the findings of each limitation, and the one
most in need of action (for the overview's "Việc cần xử lý").

``gather`` runs the named queries once (through a page's ``query``); ``findings`` turns their
counts into sentences, each with an urgency rank (0 most urgent):

0. a unit that has not issued its plan for a resolution past the due date (L1);
1. a cell where nobody criticised the head of the unit or committee in the whole span shown (L3);
2. a cell committee that met less than once a month (L2); a member holding a post who did not
   keep the yearly commitment (L4);
3. plans issued late in the period (L1); self-criticism in fewer than half the meetings (L3);
4. the rest: plans not made concrete, committees seldom deciding on the political task, cell
   resolutions without concrete targets, commitments not kept, members disciplined.
"""

from __future__ import annotations

import datetime as dt
from collections import namedtuple
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable

import numpy as np
import pandas as pd

from . import fmt, i18n, periods, settings
from .limitations import TREND_PERIODS

LOW_SHARE = 0.5            # "seldom": in fewer than half


@dataclass(frozen=True)
class Finding:
    code: str              # L1 … L4
    rank: int              # 0 most urgent
    text: str
    unit: str | None = None  # the unit it names (None: several)


def window(period: str, n: int = TREND_PERIODS) -> list[str]:
    """``period`` and the n − 1 periods of the same kind before it, oldest first."""
    found = [periods.parse_period(period)]
    for _ in range(n - 1):
        found.insert(0, found[0].previous())
    return [p.code for p in found]


def reads(period: str, today: dt.date, plan_days: int) -> dict[str, tuple[str, dict[str, object]]]:
    """The queries the limitation views read for ``period`` and the periods before it, each with
    its parameters, by the frame's key (a page may start them side by side before ``gather``)."""
    span = {"period": period, "periods": TREND_PERIODS}
    year = periods.parse_period(period).year
    return {
        "l1": ("limitations.l1_by_unit", dict(today=today, plan_days=plan_days, **span)),
        "l2": ("limitations.l2_by_cell", dict(today=today, **span)),
        "l3": ("limitations.l3_by_cell", dict(span)),
        "l4": ("limitations.l4_by_cell", dict(today=today, period=str(year), periods=TREND_PERIODS)),
        "uptake": ("limitations.uptake", dict(today=today, plan_days=plan_days)),
        "not_kept": ("limitations.not_kept", dict(year=year)),
    }


def gather(query: Callable[..., pd.DataFrame], period: str, today: dt.date, plan_days: int) -> dict[str, pd.DataFrame]:
    """Every frame the limitation views need, for ``period`` and the periods before it."""
    return {key: query(name, **params) for key, (name, params) in reads(period, today, plan_days).items()}


def _rows(frame: pd.DataFrame, period: str | None = None, periods: list[str] | None = None) -> list:
    """The frame's rows (of ``period``, or of ``periods``) as named tuples, in the frame's
    order: pandas' filtering and ``itertuples`` cost 0,5 ms a call on the few rows of a few
    cells, and the overview asks on every new choice of cells."""
    if frame.empty:
        return []
    keep = None
    if period is not None or periods is not None:
        codes = frame["period"].to_numpy()
        keep = np.flatnonzero(codes == period) if period is not None else np.flatnonzero(np.isin(codes, periods))
    columns = [frame[c].tolist() for c in frame.columns]      # dates as Timestamps, as pandas gives them
    if keep is not None:
        columns = [[column[i] for i in keep] for column in columns]
    row = _row_type(tuple(frame.columns))
    return [row._make(values) for values in zip(*columns)]


@lru_cache(maxsize=64)
def _row_type(columns: tuple[str, ...]):
    return namedtuple("Row", columns, rename=True)


def findings(frames: dict[str, pd.DataFrame], period: str, names: Callable[[str], str], lang: str,
             plan_days: int) -> list[Finding]:
    """Every finding, limitation by limitation (L1 first), each unit in the frames' order."""
    label = fmt.mid_sentence(periods.label(period, lang))
    span = window(period)
    found: list[Finding] = []

    def add(code: str, rank: int, key: str, unit: str | None = None, **params) -> None:
        name = names(unit) if unit else None
        found.append(Finding(code, rank, i18n.t(key, lang, unit=name, **params), name))

    open_late = [r for r in _rows(frames["uptake"]) if pd.isna(r.plan_issued_on) and r.days_late > 0]
    for row in sorted(open_late, key=lambda r: -r.days_late):      # the latest first; stable on a tie
        add("L1", 0, "lim.f.open_late", row.branch_code, doc=row.doc_number, days=int(row.days_late),
            due=fmt.fmt_date(row.due_on))
    for row in _rows(frames["l1"], period):
        if row.late:
            add("L1", 3, "lim.f.late", row.branch_code, late=int(row.late), due=int(row.due), period=label,
                plan_days=plan_days,
                days=fmt.fmt_amount(row.days_to_plan_total / row.plans, lang) if row.plans else fmt.MISSING)
        if row.plans and row.concrete < row.plans:
            add("L1", 4, "lim.f.not_concrete", row.branch_code, n=int(row.plans - row.concrete), period=label)

    for row in _rows(frames["l2"], period):
        if row.months_begun and row.committee_meetings < row.months_begun:
            add("L2", 2, "lim.f.committee_rare", row.branch_code, n=int(row.committee_meetings),
                months=int(row.months_begun), period=label)
        if row.committee_meetings and row.political_task < LOW_SHARE * row.committee_meetings:
            add("L2", 4, "lim.f.political_task", row.branch_code, k=int(row.political_task),
                n=int(row.committee_meetings), period=label)
        if row.meetings_recorded and row.with_targets < LOW_SHARE * row.meetings_recorded:
            add("L2", 4, "lim.f.targets", row.branch_code, k=int(row.with_targets), n=int(row.meetings_recorded),
                period=label)

    spanned: dict[str, list[float]] = {}      # unit → [heads recorded, criticism of heads] over the span
    for row in _rows(frames["l3"], periods=span):
        sums = spanned.setdefault(row.branch_code, [0, 0])
        sums[0] += row.heads_recorded
        sums[1] += row.criticism_of_heads
    for unit, (heads, criticism) in spanned.items():
        if heads and not criticism:
            add("L3", 1, "lim.f.no_head_criticism", unit, n=int(heads), last=label,
                first=fmt.mid_sentence(periods.label(span[0], lang)))
    for row in _rows(frames["l3"], period):
        if row.criticism_recorded and row.with_self_criticism < LOW_SHARE * row.criticism_recorded:
            add("L3", 3, "lim.f.self_criticism", row.branch_code, k=int(row.with_self_criticism),
                n=int(row.criticism_recorded), period=label)

    year = periods.parse_period(period).year
    not_kept = _rows(frames["not_kept"])
    if not_kept:
        people = [i18n.t("lim.f.person", lang, code=r.member_code, role=r.party_role or "—", unit=names(r.branch_code))
                  for r in not_kept]
        posts = int(sum(r.holds_post for r in not_kept))
        add("L4", 2 if posts else 4, "lim.f.not_kept", n=len(not_kept), year=year, posts=posts,
            people="; ".join(people))
    disciplined = int(sum(r.disciplined for r in _rows(frames["l4"], str(year))))
    if disciplined:
        add("L4", 4, "lim.f.disciplined", n=disciplined, year=year)
    return found


def most_urgent(found: list[Finding]) -> Finding | None:
    """The finding of lowest rank (the first of them, in limitation order)."""
    return min(found, key=lambda f: f.rank) if found else None


def urgent(query: Callable[..., pd.DataFrame], period: str, today: dt.date, names: Callable[[str], str],
           lang: str) -> Finding | None:
    """The most urgent finding of the four limitations for ``period`` (the overview's "Việc cần
    xử lý" and summary), or None when there is none."""
    plan_days = int(settings.get("DASHBOARD_PLAN_DAYS"))
    return most_urgent(findings(gather(query, period, today, plan_days), period, names, lang, plan_days))


def brief(found: Finding | None, title: str, lang: str) -> str | None:
    """The finding said short, for the summary: the limitation's title and the unit it names."""
    if found is None:
        return None
    if found.unit:
        return i18n.t("lim.brief_unit", lang, title=title, unit=found.unit)
    return i18n.t("lim.brief", lang, title=title)
