"""The overview's figures gathered from the queries: one function for the page and the report.

``query(name, **params)`` runs a page query for the reader's cells (``PageContext.query`` on a
page, the report's runner in a document), so the overview and the report cannot say different
numbers: same queries, same parameters, same figures.
"""

from __future__ import annotations

import datetime as dt
from typing import Callable

import pandas as pd

from .. import limitation_findings, projection, settings
from .figures import Figures, figures


def overview_figures(query: Callable[..., pd.DataFrame], *, period: str, today: dt.date, lang: str,
                     board: pd.DataFrame, findings: pd.DataFrame, cell_name: Callable[[str], str],
                     limitation_title: Callable[[str], str], ranked: bool = True,
                     query_many: Callable[..., list[pd.DataFrame]] | None = None) -> Figures:
    """Every number of the overview of ``period`` seen on ``today``; ``board`` is the period's
    rankings.leaderboard (compared with the previous period), ``findings`` the rule findings shown.
    ``query_many(*(name, params))`` reads several at once (``PageContext.query_many``); without
    it they are read one after another."""
    on_day = {"today": today}
    # The actions that need attention, with their state and where their pace leads, in one read
    # (18.115 of the sector's 120.060 actions; the counts come from by_solution).
    stale_days = int(settings.get("DASHBOARD_STALE_DAYS"))
    reads = (("projections.actions", dict(reports=projection.reports_used(), stale_days=stale_days, **on_day)),
             ("overview.score_history", dict(period=period)),
             ("overview.meeting_compliance", dict(period=period, today=today)),
             ("overview.members_timeline", dict(today=today)),
             ("overview.cells", {}),
             ("solutions.by_solution", dict(on_day)),
             ("solutions.timeline", dict(unit=None, **on_day)))
    if query_many is not None:
        read = query_many(*reads)
    else:
        read = [query(name, **params) for name, params in reads]
    actions, score_history, meetings, members, cells, by_solution, timeline = read
    urgent = limitation_findings.urgent(query, period, today, cell_name, lang)
    return figures(
        period=period, board=board,
        score_history=score_history,
        meetings=meetings,
        members=members,
        cells=int(cells["cells"].iloc[0]),
        by_solution=by_solution,
        timeline=timeline,
        actions=actions,
        findings=findings, stale_days=stale_days, today=today, lang=lang,
        ranked=ranked,
        projections=actions,
        limitation=urgent and urgent.text,
        limitation_brief=urgent and limitation_findings.brief(urgent, limitation_title(urgent.code), lang))
