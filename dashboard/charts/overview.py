"""Charts of the overview (Tổng quan) and of the report: compact bars that fit the first screen."""

from __future__ import annotations

import altair as alt
import pandas as pd

from .. import fmt, i18n
from .common import (INCOMPLETE_COLOUR, LEVEL_COLOURS, PERCENT_AXIS, TEXT_DARK, TEXT_LIGHT, first_cells, layered, pct,
                     sized)

OVERVIEW_CELLS = 10   # bars that fit the first screen's 190 px; the ranking page has them all


def ranking_bars(board: pd.DataFrame, level_names: dict[str, str], lang: str, height: int = 190,
                 title: str | None = None) -> alt.LayerChart:
    """Compact bars of total score per cell, coloured by level (grey: incomplete scores).

    The level is written on the bar ("93,0 · Xuất sắc"), so no legend takes room."""
    incomplete = i18n.t("ranking.incomplete", lang)
    board, note = first_cells(board, lang, OVERVIEW_CELLS)
    order = list(board["branch_name"])
    level_text = [level_names.get(c, c) if isinstance(c, str) and c else incomplete
                  for c in board["computed_level"]]
    data = board.assign(
        level_text=level_text,
        total_text=[fmt.fmt_number(v, 1, lang) for v in board["total_score"]],
        bar_text=[f"{fmt.fmt_number(v, 1, lang)} · {lv}" for v, lv in zip(board["total_score"], level_text)],
        total_plot=board["total_score"].fillna(0),
    )
    domain = [level_names.get(code, code) for code in LEVEL_COLOURS] + [incomplete]
    colours = list(LEVEL_COLOURS.values()) + [INCOMPLETE_COLOUR]
    base = alt.Chart().encode(y=alt.Y("branch_name:N", sort=order, title=None,
                                      axis=alt.Axis(labelLimit=190, labelFontSize=12)))
    bars = base.mark_bar(cornerRadiusEnd=3).encode(
        x=alt.X("total_plot:Q", title=None, scale=alt.Scale(domain=[0, 100]), axis=alt.Axis(tickCount=5)),
        color=alt.Color("level_text:N", title=None, scale=alt.Scale(domain=domain, range=colours), legend=None),
        tooltip=[alt.Tooltip("branch_name:N", title=i18n.t("col.cell", lang)),
                 alt.Tooltip("total_text:N", title=i18n.t("col.total", lang)),
                 alt.Tooltip("level_text:N", title=i18n.t("col.level", lang))],
    )
    labels = base.mark_text(align="right", dx=-6, color=TEXT_LIGHT, fontWeight="bold").encode(
        x=alt.X("total_plot:Q"), text=alt.Text("bar_text:N"))
    return layered(bars, labels, data=data, **sized(height, title, note))


def solution_bars(by_solution: pd.DataFrame, lang: str, height: int = 190, title: str | None = None
                  ) -> alt.LayerChart:
    """Compact bars of each solution's progress, coloured from red (0 %) to green (100 %): each
    named by its number and short title, the Đảng ủy's full wording on hover."""
    suffix = "vi" if lang == "vi" else "en"
    titles = dict(zip(by_solution["solution"].astype(int), by_solution[f"short_{suffix}"]))
    data = by_solution.assign(
        label=[fmt.solution_label(n, titles) for n in by_solution["solution"]],
        percent_plot=by_solution["percent"].fillna(0),
        percent_text=[pct(v, lang) for v in by_solution["percent"]],
        text_colour=[TEXT_LIGHT if pd.notna(v) and v >= 85 else TEXT_DARK for v in by_solution["percent"]],
        title=by_solution[f"title_{suffix}"],
    )
    base = alt.Chart().encode(y=alt.Y("label:N", sort=list(data["label"]), title=None,
                                      # every solution named, even on a short chart
                                      axis=alt.Axis(labelFontSize=11, labelLimit=260, labelOverlap=False)))
    bars = base.mark_bar(cornerRadiusEnd=3).encode(
        x=alt.X("percent_plot:Q", title=None, scale=alt.Scale(domain=[0, 100]),
                axis=alt.Axis(labelExpr=PERCENT_AXIS, tickCount=5)),
        color=alt.Color("percent_plot:Q", scale=alt.Scale(domain=[0, 100], scheme="redyellowgreen"), legend=None),
        tooltip=[alt.Tooltip("title:N", title=i18n.t("col.solution", lang)),
                 alt.Tooltip("percent_text:N", title=i18n.t("col.progress", lang)),
                 alt.Tooltip("actions:Q", title=i18n.t("col.actions", lang)),
                 alt.Tooltip("overdue:Q", title=i18n.t("col.overdue", lang))],
    )
    # The figure inside the bar when it is long enough, just after it otherwise.
    inside = base.mark_text(align="right", dx=-4, fontWeight="bold").encode(
        x=alt.X("percent_plot:Q"), text=alt.Text("percent_text:N"), color=alt.Color("text_colour:N", scale=None),
    ).transform_filter("datum.percent_plot >= 25")
    outside = base.mark_text(align="left", dx=4, color=TEXT_DARK).encode(
        x=alt.X("percent_plot:Q"), text=alt.Text("percent_text:N")).transform_filter("datum.percent_plot < 25")
    return layered(bars, inside, outside, data=data, independent_colour=True, **sized(height, title))
