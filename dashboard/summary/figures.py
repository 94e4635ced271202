"""The overview's figures and the text of its cards, from query results.

``figures(...)`` computes every number of the overview once; the page formats the cards with
``value_text``/``delta_text``, and the sentences (``summary.sentences``) write the very same
numbers with the very same formatters, so the two cannot disagree.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from .. import fmt, i18n, periods, progress, projection
from ..contract import COMMITTEE_CODE
from ..grouping import is_in


@dataclass(frozen=True)
class Card:
    """One KPI: the value, what it is compared with, and the points of its sparkline."""

    value: float | None
    previous: float | None = None
    series: tuple[float, ...] = ()
    compared_with: str | None = None    # a period code, or a date dd/mm/yyyy
    total: int | None = None            # denominator of "3/4" cards

    @property
    def delta(self) -> float | None:
        if self.value is None or self.previous is None:
            return None
        return self.value - self.previous


@dataclass(frozen=True)
class Mover:
    branch_code: str
    branch_name: str
    total: float
    total_change: float
    rank_change: int


@dataclass
class Figures:
    period: str
    previous_period: str
    today: dt.date
    stale_days: int
    cells: int
    members: Card
    avg_score: Card
    good_or_better: Card
    progress: Card
    overdue: Card
    meetings: Card
    board: pd.DataFrame
    by_solution: pd.DataFrame = field(default_factory=pd.DataFrame)   # the six solutions (progress.by_solution)
    leaders: list[str] = field(default_factory=list)
    leader_score: float | None = None
    single: pd.Series | None = None
    riser: Mover | None = None
    faller: Mover | None = None
    solutions_with_actions: int = 0
    lagging: tuple[int, float] | None = None
    solution_titles: dict[int, dict[str, str]] = field(default_factory=dict)   # n → lang → short title
    overdue_actions: pd.DataFrame = field(default_factory=pd.DataFrame)
    stale_actions: pd.DataFrame = field(default_factory=pd.DataFrame)
    incomplete: pd.DataFrame = field(default_factory=pd.DataFrame)
    short_meetings: list[str] = field(default_factory=list)
    errors: pd.DataFrame = field(default_factory=pd.DataFrame)
    # Not yet overdue, but projected at their pace to finish after the due date, latest first.
    projected_late: pd.DataFrame = field(default_factory=pd.DataFrame)
    # projections.actions by action code: each overdue action's projection is worded when an
    # item is written (``projection_words``), not for every action of the sector up front.
    projections: pd.DataFrame = field(default_factory=pd.DataFrame)
    limitation: str | None = None        # the most urgent finding of the four limitations
    limitation_brief: str | None = None  # the same, short (its limitation's title and unit)
    ranked: bool = True    # ranks may be told (a user of every cell; see rankings.shows_ranks)


def _float(value: object) -> float | None:
    if value is None:
        return None
    try:
        value = float(value)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(value) else value


def _period_card(history: pd.DataFrame, period: str, previous: str, column: str,
                 total_column: str | None = None) -> Card:
    """A card of a period value against the previous period of the same kind."""
    codes = list(history["period"]) if len(history) else []
    if period not in codes:
        return Card(None, compared_with=previous)
    values = list(history[column])
    order = sorted(range(len(codes)), key=list(history["ord"]).__getitem__)
    series = tuple(v for v in (_float(values[i]) for i in order) if v is not None)
    total = int(history[total_column].iloc[codes.index(period)]) if total_column else None
    before = _float(values[codes.index(previous)]) if previous in codes else None
    return Card(_float(values[codes.index(period)]), before, series, previous, total)


def _movers(board: pd.DataFrame) -> tuple[Mover | None, Mover | None]:
    """The complete cell that rose most (rank first, then total) and the one that fell most,
    the first in the board's order on a tie. Plain Python over the columns: the board's pandas
    filtering and two sorts cost 2,5 ms of every new choice of cells."""
    if board.empty:
        return None, None
    complete = board["complete"].astype(bool).to_numpy()
    total_change = board["total_change"].to_numpy(dtype="float64", na_value=np.nan)
    rank_change = board["rank_change"].to_numpy(dtype="float64", na_value=np.nan)
    moved = [i for i in range(len(board)) if complete[i] and not np.isnan(total_change[i])]
    rank = {i: 0.0 if np.isnan(rank_change[i]) else rank_change[i] for i in moved}

    def mover(i: int) -> Mover:
        row = board.iloc[i]
        return Mover(row["branch_code"], row["branch_name"], float(row["total_score"]),
                     float(total_change[i]), int(rank[i]))

    up = [i for i in moved if rank[i] > 0 or total_change[i] > 0]
    riser = mover(max(up, key=lambda i: (rank[i], total_change[i]))) if up else None
    down = [i for i in moved if (rank[i] < 0 or total_change[i] < 0)
            and board["branch_code"].iloc[i] != (riser.branch_code if riser else None)]
    faller = mover(min(down, key=lambda i: (rank[i], total_change[i]))) if down else None
    return riser, faller


def figures(*, period: str, board: pd.DataFrame, score_history: pd.DataFrame, meetings: pd.DataFrame,
            members: pd.DataFrame, cells: int, by_solution: pd.DataFrame,
            timeline: pd.DataFrame | Callable[[], pd.DataFrame],
            actions: pd.DataFrame, findings: pd.DataFrame, stale_days: int, today: dt.date,
            lang: str = "vi", ranked: bool = True, projections: pd.DataFrame | None = None,
            limitation: str | None = None, limitation_brief: str | None = None) -> Figures:
    """Every number of the overview, from the page's query results.

    ``board``: rankings.leaderboard of ``period``; ``score_history``/``meetings``:
    overview.score_history/meeting_compliance; ``members``: overview.members_timeline;
    ``by_solution``, ``timeline``: solutions.* (the timeline, or a function that reads it: it is
    read last); ``actions``: each action's state (projections.actions
    carries it, as solutions.actions does); ``findings``: rules.collect; ``projections``:
    projections.actions (each overdue action then says where its pace leads; the overview passes
    the same frame as ``actions``);
    ``limitation``, ``limitation_brief``: the most urgent finding of limitation_findings, in full
    and short.
    """
    previous = periods.parse_period(period).previous().code
    actions = progress.with_stale(progress.unit_names(actions, lang), stale_days) if len(actions) else actions
    member_counts = [float(v) for v in members["members"]]
    member_dates = list(members["on_date"])
    members_card = Card(member_counts[-1] if member_counts else None,
                        member_counts[-2] if len(member_counts) >= 2 else None, tuple(member_counts),
                        fmt.fmt_date(pd.Timestamp(member_dates[-2])) if len(member_dates) >= 2 else None)

    fig = Figures(
        period=period, previous_period=previous, today=today, stale_days=stale_days, cells=int(cells),
        members=members_card,
        avg_score=_period_card(score_history, period, previous, "avg_score"),
        good_or_better=_period_card(score_history, period, previous, "good_or_better", "cells"),
        progress=_UNREAD, overdue=_UNREAD,     # last, from the timeline (below)
        meetings=_period_card(meetings, period, previous, "compliant", "cells"),
        board=board, by_solution=by_solution, ranked=ranked,
    )

    ranked = board[board["complete"].astype(bool) & board["rank"].notna()]
    if len(board) == 1 and len(ranked) == 1:
        fig.single = ranked.iloc[0]
    if len(ranked):
        top = ranked[ranked["rank"] == ranked["rank"].min()]
        fig.leaders = list(top["branch_name"])
        fig.leader_score = float(top["total_score"].iloc[0])
    fig.riser, fig.faller = _movers(board)

    fig.solutions_with_actions = int((by_solution["actions"] > 0).sum())
    fig.lagging = progress.lagging_solution(by_solution)
    fig.solution_titles = {int(n): {"vi": vi, "en": en} for n, vi, en in
                           zip(by_solution["solution"], by_solution["short_vi"], by_solution["short_en"])}
    if len(actions):
        fig.overdue_actions = (actions[actions["overdue"].astype(bool)]
                               .sort_values(["days_late", "action_code"], ascending=[False, True], kind="stable")
                               .reset_index(drop=True))
        fig.stale_actions = (actions[actions["stale"].astype(bool)]
                             .sort_values(["days_since_report", "action_code"], ascending=[False, True],
                                          kind="stable")
                             .reset_index(drop=True))
    if projections is not None and len(projections) and len(actions):
        _with_projections(fig, projections, lang)
    fig.limitation, fig.limitation_brief = limitation, limitation_brief
    fig.incomplete = board[~board["complete"].astype(bool)].reset_index(drop=True)
    if len(meetings) and period in set(meetings["period"]):
        short = meetings.set_index("period").loc[period, "short_cells"]
        codes = [] if short is None or short is pd.NA or isinstance(short, float) else list(short)
        names = dict(zip(board["branch_code"], board["branch_name"]))
        fig.short_meetings = [names.get(c, c) for c in codes if isinstance(c, str)]
    if len(findings):
        fig.errors = findings[findings["severity"] == "error"].reset_index(drop=True)
    # Last, the snapshot cards: the timeline may be a read still under way (a function that
    # waits for it), and everything above is counted meanwhile.
    fig.progress, fig.overdue = _snapshot_cards(timeline() if callable(timeline) else timeline, by_solution)
    return fig


_UNREAD = Card(None)


def _snapshot_cards(timeline: pd.DataFrame, by_solution: pd.DataFrame) -> tuple[Card, Card]:
    """The progress and overdue cards: today against the month end before it."""
    overall = progress.overall_series(timeline)      # one row a date, oldest first
    before = overall.iloc[-2:-1]                      # the month end before the last date
    compared_date = fmt.fmt_date(pd.Timestamp(before["on_date"].iloc[0]).date()) if len(before) else None
    return (Card(progress.overall_progress(by_solution), _float(before["percent"].iloc[0]) if len(before) else None,
                 tuple(float(v) for v in overall["percent"]), compared_date),
            Card(int(by_solution["overdue"].sum()), _float(before["overdue"].iloc[0]) if len(before) else None,
                 tuple(float(v) for v in overall["overdue"]), compared_date))


def _with_projections(fig: Figures, projections: pd.DataFrame, lang: str) -> None:
    """The projections kept for wording the overdue actions; the actions not yet overdue but
    projected to finish late, the latest first. Nothing is worded here: at sector scale there are
    120.000 actions (2,5 s a view to word them all), and the overview writes a few."""
    fig.projections = projections.set_index("action_code", drop=False)
    overdue = set(fig.overdue_actions["action_code"]) if len(fig.overdue_actions) else set()
    late = projections[(projections["pace_kind"] == "moving") & (projections["days_late_projected"] > 0)
                       & ~is_in(projections["action_code"], overdue)]
    names = dict(zip(fig.board["branch_code"], fig.board["branch_name"])) if len(fig.board) else {}
    fig.projected_late = late.assign(
        branch_name=[i18n.t("committee", lang) if c == COMMITTEE_CODE else names.get(c, c)
                     for c in late["branch_code"]],
    ).sort_values(["days_late_projected", "action_code"], ascending=[False, True], kind="stable").reset_index(drop=True)


def projection_words(fig: Figures, action_code: str, lang: str) -> str:
    """Where an action's pace leads, in words ("" when it has no projection)."""
    if fig.projections.empty or action_code not in fig.projections.index:
        return ""
    return projection.action_words(fig.projections.loc[action_code], lang)


# ---------------------------------------------------------------- the cards' text

def share_text(card: Card, lang: str) -> str:
    """'3/4': a card's value of its total."""
    if card.value is None:
        return fmt.MISSING
    return f"{fmt.count_text(card.value, lang)}/{fmt.count_text(card.total, lang)}"


# card name → (value formatter, decimals of its delta)
CARD_FORMATS = {
    "members": (lambda c, lang: fmt.count_text(c.value, lang), 0),
    "avg_score": (lambda c, lang: fmt.score_text(c.value, lang), 1),
    "good_or_better": (share_text, 0),
    "progress": (lambda c, lang: fmt.percent_text(c.value, lang), 0),
    "overdue": (lambda c, lang: fmt.count_text(c.value, lang), 0),
    "meetings": (share_text, 0),
}


def value_text(fig: Figures, name: str, lang: str) -> str:
    """The value shown on card ``name`` ("85,8", "90 %", "3/4")."""
    format_card, _ = CARD_FORMATS[name]
    return format_card(getattr(fig, name), lang)


def rounded_delta(fig: Figures, name: str) -> float | None:
    """The card's change, rounded as shown (so that -0,04 is shown as 0, not "-0,0")."""
    delta = getattr(fig, name).delta
    if delta is None:
        return None
    _, decimals = CARD_FORMATS[name]
    value = round(delta, decimals)
    return 0.0 if value == 0 else value


def delta_text(fig: Figures, name: str, lang: str) -> str | int | None:
    """The card's delta for st.metric: "+2,8", "-1" (a leading "-" turns it red), 0 when none."""
    value = rounded_delta(fig, name)
    if value is None:
        return None
    if value == 0:
        return 0
    _, decimals = CARD_FORMATS[name]
    return ("+" if value > 0 else "") + fmt.fmt_number(value, decimals, lang)


def compared_label(fig: Figures, name: str, lang: str) -> str | None:
    """What a card is compared with, as the reader says it ("năm 2024", "31/10/2026")."""
    card = getattr(fig, name)
    if card.compared_with is None:
        return None
    if "/" in card.compared_with:   # a date
        return card.compared_with
    return fmt.mid_sentence(periods.label(card.compared_with, lang))


