"""The overview's figures gathered from the queries: one function for the page and the report.

``query(name, **params)`` runs a page query for the reader's cells (``PageContext.query`` on a
page, the report's runner in a document), so the overview and the report cannot say different
numbers: same queries, same parameters, same figures.
"""

from __future__ import annotations

import datetime as dt
from typing import Callable

import numpy as np
import pandas as pd

from .. import limitation_findings, progress, projection, settings
from ..grouping import Groups
from .figures import Figures, figures


def overview_figures(query: Callable[..., pd.DataFrame], *, period: str, today: dt.date, lang: str,
                     board: pd.DataFrame, findings: pd.DataFrame | Callable[[], pd.DataFrame],
                     cell_name: Callable[[str], str],
                     limitation_title: Callable[[str], str], cells_in_scope: int, ranked: bool = True,
                     query_many: Callable[..., list[pd.DataFrame]] | None = None,
                     prefetch: Callable[..., None] | None = None) -> Figures:
    """Every number of the overview of ``period`` seen on ``today``; ``board`` is the period's
    rankings.leaderboard (compared with the previous period), ``findings`` the rule findings shown
    (or a function making them: called while the reads not kept run);
    ``cells_in_scope`` how many cells the reader may choose from (``progress.timeline_read``).
    ``query_many(*(name, params))`` reads several at once (``PageContext.query_many``) and
    ``prefetch(name, **params)`` starts a read that ``query`` later waits for
    (``PageContext.prefetch``); without them the reads run one after another."""
    on_day = {"today": today}
    # The timeline (read per cell when the cells in scope are few; otherwise the one read that
    # sums over the cells shown in SQL) is started first and read last: everything else is
    # counted while it runs. The reads whose rows are each one cell's (kept for every cell: a
    # new choice of cells reads none of them) are summed here;
    # the actions that need attention, with their state and where their pace leads, come in one
    # read (18.115 of the sector's 120.060 actions; the counts come from by_solution); the most
    # urgent limitation finding (Python over kept rows) is worded while the reads not kept run.
    timeline = progress.timeline_read(cells_in_scope, today)
    if prefetch is not None:
        prefetch(timeline[0], **timeline[1])
        # and the limitation finding's reads, which its wording below would make one by one
        for name, params in limitation_findings.reads(period, today, int(settings.get("DASHBOARD_PLAN_DAYS"))).values():
            prefetch(name, **params)
    stale_days = int(settings.get("DASHBOARD_STALE_DAYS"))
    reads = (("projections.actions", dict(reports=projection.reports_used(), stale_days=stale_days, **on_day)),
             ("overview.score_history", dict(period=period)),
             ("overview.meeting_compliance", dict(period=period, today=today)),
             ("overview.members_timeline", dict(today=today)),
             ("overview.cells", {}),
             ("solutions.by_solution", dict(on_day)),
             ("reference.solutions", {}),
             lambda: limitation_findings.urgent(query, period, today, cell_name, lang),
             findings if callable(findings) else lambda: findings)
    if query_many is not None:
        read = query_many(*reads)
    else:
        read = [call() if callable(call) else query(call[0], **call[1]) for call in reads]
    actions, scores, meetings, members, cells, by_solution, solutions, urgent, findings = read
    return figures(
        period=period, board=board,
        score_history=score_history(scores),
        meetings=meeting_compliance(meetings),
        members=members_timeline(members),
        cells=len(cells),
        by_solution=progress.by_solution(by_solution, solutions),
        timeline=lambda: progress.timeline_rows(query(timeline[0], **timeline[1])),
        actions=actions,
        findings=findings, stale_days=stale_days, today=today, lang=lang,
        ranked=ranked,
        projections=actions,
        limitation=urgent and urgent.text,
        limitation_brief=urgent and limitation_findings.brief(urgent, limitation_title(urgent.code), lang))


GOOD_OR_BETTER = ("HTXSNV", "HTTNV")


def score_history(rows: pd.DataFrame) -> pd.DataFrame:
    """overview.score_history's cells counted per period, oldest first: cells with scores, cells
    with complete scores, their average total (complete cells only), cells whose score gives
    "good or better" (HTTNV or HTXSNV)."""
    columns = ["period", "ord", "cells", "complete_cells", "avg_score", "good_or_better"]
    if rows.empty:
        return pd.DataFrame(columns=columns)
    complete = rows["complete"].fillna(False).astype(bool)
    scored = complete & rows["total_score"].notna()
    periods = Groups(rows, ["ord", "period"])        # by the period's order, oldest first
    counted = periods.sum(scored)
    return pd.DataFrame({"period": periods.keys["period"], "ord": periods.keys["ord"], "cells": periods.count(),
                         "complete_cells": periods.sum(complete).astype("int64"),
                         "avg_score": periods.sum(rows["total_score"].where(scored, 0.0)) / np.where(
                             counted > 0, counted, np.nan),
                         "good_or_better": periods.sum(rows["computed_level"].isin(GOOD_OR_BETTER)).astype("int64")},
                        columns=columns)


def meeting_compliance(rows: pd.DataFrame) -> pd.DataFrame:
    """overview.meeting_compliance's months of the cells shown, from the first meeting any of them
    held, counted per period, oldest first: the cells judged, those that held enough meetings of
    both kinds (what each month asks, summed over the period and rounded down), the most months a
    cell was judged on, and the codes of the cells short of either (None when none is)."""
    columns = ["period", "ord", "cells", "compliant", "months", "short_cells"]
    first = rows["first_held"].min() if len(rows) else pd.NaT
    if pd.isna(first):
        return pd.DataFrame(columns=columns)
    # A row is a month, or months that start no choice of cells (from its first month on).
    rows = rows[pd.to_datetime(rows["month_end"]) >= pd.Timestamp(first) + pd.offsets.MonthEnd(0)]
    cells = Groups(rows, ["ord", "period", "branch_code"])        # a cell's months of a period
    held = {kind: cells.sum(rows[kind]) for kind in ("regular", "thematic")}
    enough = np.logical_and.reduce([held[kind] >= np.floor(np.round(cells.sum(rows[f"{kind}_asked"]), 9))
                                    for kind in held])
    judged = pd.DataFrame({key: cells.keys[key] for key in ("ord", "period")})
    periods = Groups(judged, ["ord", "period"])
    short = [sorted(cells.keys["branch_code"][(periods.index == i) & ~enough]) or None for i in range(periods.size)]
    return pd.DataFrame({"period": periods.keys["period"], "ord": periods.keys["ord"], "cells": periods.count(),
                         "compliant": periods.sum(enough).astype("int64"),
                         "months": periods.max(cells.sum(rows["months"])).astype("int64"), "short_cells": short},
                        columns=columns)


def members_timeline(rows: pd.DataFrame) -> pd.DataFrame:
    """overview.members_timeline's cells summed per date, oldest first."""
    if rows.empty:
        return pd.DataFrame(columns=["on_date", "members"])
    dates = Groups(rows, ["on_date"])
    return pd.DataFrame({**dates.keys, "members": dates.sum(rows["members"]).astype("int64")})
