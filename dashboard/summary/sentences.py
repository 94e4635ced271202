"""The overview's written summary: 3 to 6 sentences, every number taken from ``Figures``.

In order: who leads the period and the average score with its change; who rose and who fell
most since the previous period; how far the six solutions have got and which lags; what is
overdue; (only when a cell falls short) the cells meeting the meeting requirement; what data
is missing.
"""

from __future__ import annotations

import pandas as pd

from .. import fmt, i18n, periods
from .figures import Figures, Mover, compared_label, rounded_delta, share_text

MINUS = "\u2212"   # the minus sign of prose ("−3,5 điểm"); cards use "-" (Streamlit reads it)


def _signed(value: float, decimals: int, lang: str) -> str:
    rounded = round(value, decimals)
    if rounded == 0:
        return fmt.fmt_number(0, decimals, lang)
    return ("+" if rounded > 0 else MINUS) + fmt.fmt_number(abs(rounded), decimals, lang)


def sentences(fig: Figures, lang: str = "vi") -> list[str]:
    """The summary, 3 to 7 sentences, every number taken from ``fig``."""
    out = [_lead(fig, lang)]
    moves = _moves(fig, lang)
    if moves:
        out.append(moves)
    out.append(_solutions(fig, lang))
    out.append(_overdue(fig, lang))
    if fig.meetings.value is not None and fig.meetings.total and fig.meetings.value < fig.meetings.total:
        out.append(i18n.t("summary.meetings", lang, share=share_text(fig.meetings, lang),
                          period=fmt.mid_sentence(periods.label(fig.period, lang)),
                          names=fmt.join_names(fig.short_meetings, lang)))
    if fig.limitation_brief:
        out.append(i18n.t("summary.limitation", lang, text=fig.limitation_brief))
    out.append(_missing(fig, lang))
    return out


def _change(fig: Figures, lang: str) -> str:
    delta = rounded_delta(fig, "avg_score")
    if delta is None:
        return ""
    previous = compared_label(fig, "avg_score", lang)
    if delta == 0:
        return i18n.t("summary.change_same", lang, previous=previous)
    key = "summary.change_up" if delta > 0 else "summary.change_down"
    return i18n.t(key, lang, delta=fmt.fmt_number(abs(delta), 1, lang), previous=previous)


def _lead(fig: Figures, lang: str) -> str:
    period = periods.label(fig.period, lang)
    if fig.single is not None and not fig.ranked:
        return i18n.t("summary.one_cell_unranked", lang, period=period, cell=fig.single["branch_name"],
                      score=fmt.score_text(fig.avg_score.value, lang), change=_change(fig, lang))
    if fig.single is not None:
        return i18n.t("summary.one_cell", lang, period=period, cell=fig.single["branch_name"],
                      score=fmt.score_text(fig.avg_score.value, lang), rank=int(fig.single["rank"]),
                      change=_change(fig, lang))
    if not fig.leaders or fig.avg_score.value is None:
        return i18n.t("summary.no_scores", lang, period=period)
    key = "summary.lead" if len(fig.leaders) == 1 else "summary.lead_tie"
    return i18n.t(key, lang, period=period, leaders=fmt.join_names(fig.leaders, lang),
                  score=fmt.score_text(fig.leader_score, lang), avg=fmt.score_text(fig.avg_score.value, lang),
                  change=_change(fig, lang))


def move_text(mover: Mover, lang: str, ranked: bool = True) -> str:
    points = _signed(mover.total_change, 1, lang)
    if not ranked:
        return i18n.t("summary.points", lang, points=points)
    if mover.rank_change > 0:
        return i18n.t("summary.points_rank_up", lang, points=points, n=mover.rank_change)
    if mover.rank_change < 0:
        return i18n.t("summary.points_rank_down", lang, points=points, n=-mover.rank_change)
    return i18n.t("summary.points", lang, points=points)


def _moves(fig: Figures, lang: str) -> str | None:
    previous = fmt.mid_sentence(periods.label(fig.previous_period, lang))
    if fig.single is not None:
        if not fig.ranked:
            return None
        change = fig.single.get("rank_change")
        if change is None or pd.isna(change) or int(change) == 0:
            return None
        key = "summary.one_rank_up" if change > 0 else "summary.one_rank_down"
        return i18n.t(key, lang, previous=previous, cell=fig.single["branch_name"], n=abs(int(change)))
    compared = fig.board["complete"].astype(bool) & fig.board["total_change"].notna()
    if not compared.any():
        return None
    if fig.riser and fig.faller:
        return i18n.t("summary.moves_both", lang, previous=previous, riser=fig.riser.branch_name,
                      rise=move_text(fig.riser, lang, fig.ranked), faller=fig.faller.branch_name,
                      fall=move_text(fig.faller, lang, fig.ranked))
    if fig.riser:
        return i18n.t("summary.moves_up", lang, previous=previous, riser=fig.riser.branch_name,
                      rise=move_text(fig.riser, lang, fig.ranked))
    if fig.faller:
        return i18n.t("summary.moves_down", lang, previous=previous, faller=fig.faller.branch_name,
                      fall=move_text(fig.faller, lang, fig.ranked))
    return i18n.t("summary.moves_flat", lang, previous=previous)


def _solutions(fig: Figures, lang: str) -> str:
    if fig.lagging is None:
        return i18n.t("summary.no_actions", lang)
    n, pct = fig.lagging
    title = fig.solution_titles.get(n, {}).get(lang, "").rstrip(".")
    if fig.solutions_with_actions == 1:
        return i18n.t("summary.solutions_one", lang, n=n, title=title, percent=fmt.percent_text(pct, lang))
    key = "summary.solutions" if fig.solutions_with_actions == 6 else "summary.solutions_some"
    return i18n.t(key, lang, overall=fmt.percent_text(fig.progress.value, lang), n=n, title=title,
                  percent=fmt.percent_text(pct, lang), k=fig.solutions_with_actions)


def _overdue(fig: Figures, lang: str) -> str:
    late = fig.overdue_actions
    if late.empty:
        return i18n.t("summary.overdue_none", lang)
    first = late.iloc[0]
    key = "summary.overdue_one" if len(late) == 1 else "summary.overdue_many"
    return i18n.t(key, lang, n=fmt.count_text(fig.overdue.value, lang), code=first["action_code"],
                  unit=first["branch_name"], days=fmt.count_text(first["days_late"], lang))


def _missing(fig: Figures, lang: str) -> str:
    period = fmt.mid_sentence(periods.label(fig.period, lang))
    parts = []
    if len(fig.incomplete):
        cells = [i18n.t("summary.cell_scored", lang, cell=row["branch_name"], scored=int(row["n_scored"]),
                        expected=int(row["n_expected"]))
                 for _, row in fig.incomplete.iterrows()]
        parts.append(i18n.t("summary.missing_scores", lang, cells=fmt.join_names(cells, lang), period=period))
    if len(fig.stale_actions):
        parts.append(i18n.t("summary.missing_reports", lang, n=len(fig.stale_actions), days=fig.stale_days,
                            codes=", ".join(fig.stale_actions["action_code"])))
    if not parts:
        return i18n.t("summary.missing_none", lang, period=period, days=fig.stale_days)
    return i18n.t("summary.missing", lang, parts="; ".join(parts))


