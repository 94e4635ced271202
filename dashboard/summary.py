"""The overview's figures, the written summary and the urgent list, from query results.

No Streamlit, no SQL, no external service: plain rules over the same DataFrames the
overview draws its cards and charts from. ``figures(...)`` computes every number once;
the page formats the cards with ``value_text``/``delta_text`` and the summary writes the
very same numbers with the very same formatters, so the two cannot disagree.

The sentences (3 to 6, Vietnamese first, English alongside in the catalog) say, in order:
who leads the period and the average score with its change; who rose and who fell most
since the previous period; how far the six solutions have got and which lags; what is
overdue; (only when a cell falls short) the cells meeting the meeting requirement; what
data is missing.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field

import pandas as pd

from . import i18n, periods, progress

MINUS = "\u2212"   # the minus sign of prose ("−3,5 điểm"); cards use "-" (Streamlit reads it)


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
    ranked: bool = True    # ranks may be told (a user of every cell; see rankings.shows_ranks)


# ---------------------------------------------------------------- figures

def _num(value: object) -> float | None:
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
    if history.empty or period not in set(history["period"]):
        return Card(None, compared_with=previous)
    rows = history.set_index("period")
    series = tuple(v for v in (_num(x) for x in history.sort_values("ord")[column]) if v is not None)
    total = int(rows.loc[period, total_column]) if total_column else None
    before = _num(rows.loc[previous, column]) if previous in rows.index else None
    return Card(_num(rows.loc[period, column]), before, series, previous, total)


def _movers(board: pd.DataFrame) -> tuple[Mover | None, Mover | None]:
    moved = board[board["complete"].astype(bool)].dropna(subset=["total_change"])
    if moved.empty:
        return None, None
    moved = moved.assign(rank_change=moved["rank_change"].fillna(0))

    def mover(row: pd.Series) -> Mover:
        return Mover(row["branch_code"], row["branch_name"], float(row["total_score"]),
                     float(row["total_change"]), int(row["rank_change"]))

    up = moved[(moved["rank_change"] > 0) | (moved["total_change"] > 0)]
    riser = None
    if not up.empty:
        riser = mover(up.sort_values(["rank_change", "total_change"], ascending=False, kind="stable").iloc[0])
    down = moved[((moved["rank_change"] < 0) | (moved["total_change"] < 0))
                 & (moved["branch_code"] != (riser.branch_code if riser else None))]
    faller = None
    if not down.empty:
        faller = mover(down.sort_values(["rank_change", "total_change"], kind="stable").iloc[0])
    return riser, faller


def figures(*, period: str, board: pd.DataFrame, score_history: pd.DataFrame, meetings: pd.DataFrame,
            members: pd.DataFrame, cells: int, by_solution: pd.DataFrame, timeline: pd.DataFrame,
            actions: pd.DataFrame, findings: pd.DataFrame, stale_days: int, today: dt.date,
            lang: str = "vi", ranked: bool = True) -> Figures:
    """Every number of the overview, from the page's query results.

    ``board``: rankings.leaderboard of ``period``; ``score_history``/``meetings``:
    overview.score_history/meeting_compliance; ``members``: overview.members_timeline;
    ``by_solution``, ``timeline``, ``actions``: solutions.*; ``findings``: rules.collect.
    """
    previous = periods.parse_period(period).previous().code
    actions = progress.with_stale(progress.unit_names(actions, lang), stale_days) if len(actions) else actions

    # Snapshot cards: today against the month end before it.
    overall = progress.overall_series(timeline)
    before_date = progress.previous_month_end(overall["on_date"]) if len(overall) else None
    before = overall[pd.to_datetime(overall["on_date"]).dt.date == before_date] if before_date else overall.iloc[0:0]
    compared_date = i18n.fmt_date(before_date) if before_date else None
    progress_value = progress.overall_progress(by_solution)
    overdue_value = int(by_solution["overdue"].sum())
    progress_card = Card(progress_value, _num(before["percent"].iloc[0]) if len(before) else None,
                         tuple(float(v) for v in overall["percent"]), compared_date)
    overdue_card = Card(overdue_value, _num(before["overdue"].iloc[0]) if len(before) else None,
                        tuple(float(v) for v in overall["overdue"]), compared_date)
    member_counts = [float(v) for v in members["members"]]
    member_dates = list(members["on_date"])
    members_card = Card(member_counts[-1] if member_counts else None,
                        member_counts[-2] if len(member_counts) >= 2 else None, tuple(member_counts),
                        i18n.fmt_date(pd.Timestamp(member_dates[-2])) if len(member_dates) >= 2 else None)

    fig = Figures(
        period=period, previous_period=previous, today=today, stale_days=stale_days, cells=int(cells),
        members=members_card,
        avg_score=_period_card(score_history, period, previous, "avg_score"),
        good_or_better=_period_card(score_history, period, previous, "good_or_better", "cells"),
        progress=progress_card, overdue=overdue_card,
        meetings=_period_card(meetings, period, previous, "compliant", "cells"),
        board=board, ranked=ranked,
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
    fig.incomplete = board[~board["complete"].astype(bool)].reset_index(drop=True)
    if len(meetings) and period in set(meetings["period"]):
        short = meetings.set_index("period").loc[period, "short_cells"]
        codes = [] if short is None or short is pd.NA or isinstance(short, float) else list(short)
        names = dict(zip(board["branch_code"], board["branch_name"]))
        fig.short_meetings = [names.get(c, c) for c in codes if isinstance(c, str)]
    if len(findings):
        fig.errors = findings[findings["severity"] == "error"].reset_index(drop=True)
    return fig


# ---------------------------------------------------------------- formatting shared by cards and sentences

def score_text(value: float | None, lang: str) -> str:
    return i18n.fmt_number(value, 1, lang) if value is not None else "—"


def percent_text(value: float | None, lang: str) -> str:
    return i18n.fmt_points_percent(value, lang, 0) if value is not None else "—"


def count_text(value: float | None, lang: str) -> str:
    return i18n.fmt_number(value, 0, lang) if value is not None else "—"


def share_text(card: Card, lang: str) -> str:
    if card.value is None:
        return "—"
    return f"{count_text(card.value, lang)}/{count_text(card.total, lang)}"


# card name → (value formatter, decimals of its delta)
CARD_FORMATS = {
    "members": (lambda c, lang: count_text(c.value, lang), 0),
    "avg_score": (lambda c, lang: score_text(c.value, lang), 1),
    "good_or_better": (share_text, 0),
    "progress": (lambda c, lang: percent_text(c.value, lang), 0),
    "overdue": (lambda c, lang: count_text(c.value, lang), 0),
    "meetings": (share_text, 0),
}


def value_text(fig: Figures, name: str, lang: str) -> str:
    """The value shown on card ``name`` ("85,8", "90 %", "3/4")."""
    fmt, _ = CARD_FORMATS[name]
    return fmt(getattr(fig, name), lang)


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
    return ("+" if value > 0 else "") + i18n.fmt_number(value, decimals, lang)


def compared_label(fig: Figures, name: str, lang: str) -> str | None:
    """What a card is compared with, as the reader says it ("năm 2024", "31/10/2026")."""
    card = getattr(fig, name)
    if card.compared_with is None:
        return None
    if "/" in card.compared_with:   # a date
        return card.compared_with
    return mid(periods.label(card.compared_with, lang))


def mid(label: str) -> str:
    """A period label inside a sentence: "Năm 2024" → "năm 2024", "Quý II/2026" → "quý II/2026"."""
    return label[:1].lower() + label[1:] if label else label


def _signed(value: float, decimals: int, lang: str) -> str:
    rounded = round(value, decimals)
    if rounded == 0:
        return i18n.fmt_number(0, decimals, lang)
    return ("+" if rounded > 0 else MINUS) + i18n.fmt_number(abs(rounded), decimals, lang)


def _names(names: list[str], lang: str) -> str:
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + i18n.t("tq.s.and", lang) + names[-1]


# ---------------------------------------------------------------- sentences

def sentences(fig: Figures, lang: str = "vi") -> list[str]:
    """The summary, 3 to 6 sentences, every number taken from ``fig``."""
    out = [_lead(fig, lang)]
    moves = _moves(fig, lang)
    if moves:
        out.append(moves)
    out.append(_solutions(fig, lang))
    out.append(_overdue(fig, lang))
    if fig.meetings.value is not None and fig.meetings.total and fig.meetings.value < fig.meetings.total:
        out.append(i18n.t("tq.s.meetings", lang, share=share_text(fig.meetings, lang),
                          period=mid(periods.label(fig.period, lang)), names=_names(fig.short_meetings, lang)))
    out.append(_missing(fig, lang))
    return out


def _change(fig: Figures, lang: str) -> str:
    delta = rounded_delta(fig, "avg_score")
    if delta is None:
        return ""
    previous = compared_label(fig, "avg_score", lang)
    if delta == 0:
        return i18n.t("tq.s.change_same", lang, previous=previous)
    key = "tq.s.change_up" if delta > 0 else "tq.s.change_down"
    return i18n.t(key, lang, delta=i18n.fmt_number(abs(delta), 1, lang), previous=previous)


def _lead(fig: Figures, lang: str) -> str:
    period = periods.label(fig.period, lang)
    if fig.single is not None and not fig.ranked:
        return i18n.t("tq.s.one_cell_unranked", lang, period=period, cell=fig.single["branch_name"],
                      score=score_text(fig.avg_score.value, lang), change=_change(fig, lang))
    if fig.single is not None:
        return i18n.t("tq.s.one_cell", lang, period=period, cell=fig.single["branch_name"],
                      score=score_text(fig.avg_score.value, lang), rank=int(fig.single["rank"]),
                      change=_change(fig, lang))
    if not fig.leaders or fig.avg_score.value is None:
        return i18n.t("tq.s.no_scores", lang, period=period)
    key = "tq.s.lead" if len(fig.leaders) == 1 else "tq.s.lead_tie"
    return i18n.t(key, lang, period=period, leaders=_names(fig.leaders, lang),
                  score=score_text(fig.leader_score, lang), avg=score_text(fig.avg_score.value, lang),
                  change=_change(fig, lang))


def move_text(mover: Mover, lang: str, ranked: bool = True) -> str:
    points = _signed(mover.total_change, 1, lang)
    if not ranked:
        return i18n.t("tq.s.points", lang, points=points)
    if mover.rank_change > 0:
        return i18n.t("tq.s.points_rank_up", lang, points=points, n=mover.rank_change)
    if mover.rank_change < 0:
        return i18n.t("tq.s.points_rank_down", lang, points=points, n=-mover.rank_change)
    return i18n.t("tq.s.points", lang, points=points)


def _moves(fig: Figures, lang: str) -> str | None:
    previous = mid(periods.label(fig.previous_period, lang))
    if fig.single is not None:
        if not fig.ranked:
            return None
        change = fig.single.get("rank_change")
        if change is None or pd.isna(change) or int(change) == 0:
            return None
        key = "tq.s.one_rank_up" if change > 0 else "tq.s.one_rank_down"
        return i18n.t(key, lang, previous=previous, cell=fig.single["branch_name"], n=abs(int(change)))
    compared = fig.board["complete"].astype(bool) & fig.board["total_change"].notna()
    if not compared.any():
        return None
    if fig.riser and fig.faller:
        return i18n.t("tq.s.moves_both", lang, previous=previous, riser=fig.riser.branch_name,
                      rise=move_text(fig.riser, lang, fig.ranked), faller=fig.faller.branch_name,
                      fall=move_text(fig.faller, lang, fig.ranked))
    if fig.riser:
        return i18n.t("tq.s.moves_up", lang, previous=previous, riser=fig.riser.branch_name,
                      rise=move_text(fig.riser, lang, fig.ranked))
    if fig.faller:
        return i18n.t("tq.s.moves_down", lang, previous=previous, faller=fig.faller.branch_name,
                      fall=move_text(fig.faller, lang, fig.ranked))
    return i18n.t("tq.s.moves_flat", lang, previous=previous)


def _solutions(fig: Figures, lang: str) -> str:
    if fig.lagging is None:
        return i18n.t("tq.s.no_actions", lang)
    n, pct = fig.lagging
    title = fig.solution_titles.get(n, {}).get(lang, "").rstrip(".")
    if fig.solutions_with_actions == 1:
        return i18n.t("tq.s.solutions_one", lang, n=n, title=title, percent=percent_text(pct, lang))
    key = "tq.s.solutions" if fig.solutions_with_actions == 6 else "tq.s.solutions_some"
    return i18n.t(key, lang, overall=percent_text(fig.progress.value, lang), n=n, title=title,
                  percent=percent_text(pct, lang), k=fig.solutions_with_actions)


def _overdue(fig: Figures, lang: str) -> str:
    late = fig.overdue_actions
    if late.empty:
        return i18n.t("tq.s.overdue_none", lang)
    first = late.iloc[0]
    key = "tq.s.overdue_one" if len(late) == 1 else "tq.s.overdue_many"
    return i18n.t(key, lang, n=count_text(fig.overdue.value, lang), code=first["action_code"],
                  unit=first["branch_name"], days=count_text(first["days_late"], lang))


def _missing(fig: Figures, lang: str) -> str:
    period = mid(periods.label(fig.period, lang))
    parts = []
    if len(fig.incomplete):
        cells = [i18n.t("tq.s.cell_scored", lang, cell=row["branch_name"], scored=int(row["n_scored"]),
                        expected=int(row["n_expected"]))
                 for _, row in fig.incomplete.iterrows()]
        parts.append(i18n.t("tq.s.missing_scores", lang, cells=_names(cells, lang), period=period))
    if len(fig.stale_actions):
        parts.append(i18n.t("tq.s.missing_reports", lang, n=len(fig.stale_actions), days=fig.stale_days,
                            codes=", ".join(fig.stale_actions["action_code"])))
    if not parts:
        return i18n.t("tq.s.missing_none", lang, period=period, days=fig.stale_days)
    return i18n.t("tq.s.missing", lang, parts="; ".join(parts))


# ---------------------------------------------------------------- the urgent list

@dataclass(frozen=True)
class Item:
    kind: str        # rule | overdue | scores | stale
    text: str


KIND_ORDER = ("rule", "overdue", "scores", "stale")


def urgent(fig: Figures, lang: str = "vi") -> list[Item]:
    """Everything that needs action, most urgent first.

    Within a kind: regulation errors in the order the rules give, overdue actions longest
    overdue first, cells missing scores for the period, actions not reported longest first.
    Across kinds, the first item of each kind comes first (in that order), then the rest in the
    same order: a short list ("the three most urgent") shows one of each kind there is, rather
    than three overdue actions hiding a cell that has no scores.
    """
    items = _all_items(fig, lang)
    firsts = [next(i for i in items if i.kind == kind) for kind in KIND_ORDER if any(i.kind == kind for i in items)]
    return firsts + [i for i in items if not any(i is first for first in firsts)]


def _all_items(fig: Figures, lang: str) -> list[Item]:
    items = [Item("rule", str(row["message"])) for _, row in fig.errors.iterrows()]
    for _, row in fig.overdue_actions.iterrows():
        items.append(Item("overdue", i18n.t(
            "tq.urgent.overdue", lang, code=row["action_code"], unit=row["branch_name"],
            days=count_text(row["days_late"], lang), due=i18n.fmt_date(row["due_on"]),
            percent=percent_text(row["percent"], lang))))
    period = mid(periods.label(fig.period, lang))
    for _, row in fig.incomplete.iterrows():
        key = "tq.urgent.no_scores" if int(row["n_scored"]) == 0 else "tq.urgent.scores"
        items.append(Item("scores", i18n.t(key, lang, unit=row["branch_name"], period=period,
                                           scored=int(row["n_scored"]), expected=int(row["n_expected"]))))
    for _, row in fig.stale_actions.iterrows():
        if pd.isna(row["last_reported_on"]):
            text = i18n.t("tq.urgent.never", lang, code=row["action_code"], unit=row["branch_name"],
                          days=count_text(row["days_since_report"], lang))
        else:
            text = i18n.t("tq.urgent.stale", lang, code=row["action_code"], unit=row["branch_name"],
                          days=count_text(row["days_since_report"], lang),
                          last=i18n.fmt_date(row["last_reported_on"]))
        items.append(Item("stale", text))
    return items
