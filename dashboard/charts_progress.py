"""Altair builders of the overview and the solution-progress pages: data in, spec out.

No Streamlit and no SQL. Every label a reader sees is formatted here the Vietnamese way
(85,5 %; dd/mm/yyyy) or comes from the message catalog; numbers drawn on marks are
pre-formatted text so that the browser's locale plays no part.

Channels are written as objects (``alt.X("a:Q")``), never as shorthand strings or
``alt.condition``/``alt.value`` dicts, and data is given to the layer, not to each sublayer:
Altair validates shorthands and dicts against its schema as the chart is built (about 2 ms
each) and compares sublayers' frames through their text form, which on every rerun added up
to more than the page's own work. A layer that mixes a colour scale with literal colours
(``scale=None``) resolves its colour scales independently, or Vega draws nothing.
"""

from __future__ import annotations

import json
import textwrap

import altair as alt
import pandas as pd

from . import i18n

# Good → bad, as in the rest of the dashboard (charts.LEVEL_COLOURS).
LEVEL_COLOURS = {"HTXSNV": "#1b7837", "HTTNV": "#5aae61", "HTNV": "#f1a340", "KHTNV": "#d73027"}
INCOMPLETE_COLOUR = "#9e9e9e"
NO_ACTION_COLOUR = "#eeeeee"
OVERDUE_STROKE = "#b71c1c"
PERCENT_AXIS = "datum.value + ' %'"
# Six solutions, six distinct colours that stay apart for colour-blind readers (Okabe–Ito).
SOLUTION_COLOURS = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00"]


def _pct(value: float | None, lang: str) -> str:
    return "—" if value is None or pd.isna(value) else i18n.fmt_points_percent(value, lang, 0)


def solution_label(n: int, titles: dict[int, str]) -> str:
    """'3. Hoàn thiện mô hình tổ chức …': a solution named by its number and short title."""
    return f"{int(n)}. {titles.get(int(n), '')}".strip()


def _unit_head(name: str) -> str:
    """A unit's column head: its name without the 'Chi bộ' every cell's name starts with."""
    return name[len("Chi bộ "):] if name.startswith("Chi bộ ") else name


def _wrapped_labels(labels: dict[object, str], width: int) -> str:
    """A Vega label expression that writes each axis value's label over several lines."""
    lines = {str(k): textwrap.wrap(v, width) or [""] for k, v in labels.items()}
    return f"{json.dumps(lines, ensure_ascii=False)}[datum.value + ''] || datum.label"


# ---------------------------------------------------------------- solution progress page

def matrix(frame: pd.DataFrame, lang: str, titles: dict[int, str], select_name: str,
           focus: tuple[int | None, str | None] = (None, None)) -> alt.LayerChart:
    """Solution × unit heat map: colour = latest progress, red border = overdue actions.

    Solutions run down the side, each named by its number and short title over two or three
    lines; the units run across the top.

    ``frame``: solutions.matrix with branch_name filled in, in display order. Clicking a cell
    selects (solution, branch_code) through the point selection ``select_name`` (or
    ``select_name + "_text"`` when the figure in the cell was clicked); the cell in
    ``focus`` is drawn at full strength and the others faded.

    Conditional styles are data columns drawn with ``scale=None`` rather than
    ``alt.condition`` (Altair validates each condition against the schema as the chart is
    built), and the data is given to the layer, not to each sublayer (Altair would compare
    the sublayers' frames through their text form): 47 ms a rerun became a few.
    """
    units = list(dict.fromkeys(frame["branch_name"]))
    solution, unit = focus
    has_focus = solution is not None or unit is not None
    chosen = [not has_focus or ((solution is None or s == solution) and (unit is None or b == unit))
              for s, b in zip(frame["solution"], frame["branch_code"])]
    data = frame.assign(
        solution_text=[solution_label(n, titles) for n in frame["solution"]],
        percent_text=[_pct(v, lang) for v in frame["percent"]],
        # Inside a cell the bare number (the caption says it is a %): five columns fit a phone.
        cell_text=["—" if pd.isna(v) else i18n.fmt_number(v, 0, lang) for v in frame["percent"]],
        overdue_text=[i18n.fmt_number(v, 0, lang) for v in frame["overdue"]],
        actions_text=[i18n.fmt_number(v, 0, lang) for v in frame["actions"]],
        stroke=[OVERDUE_STROKE if n > 0 else "#ffffff" for n in frame["overdue"]],
        stroke_width=[3 if n > 0 else 1 for n in frame["overdue"]],
        cell_opacity=[1.0 if c else 0.3 for c in chosen],
        text_opacity=[1.0 if c else 0.35 for c in chosen],
        text_colour=["#ffffff" if pd.notna(v) and (v < 25 or v > 80) else "#222222" for v in frame["percent"]],
    )
    # What a screen reader says for a cell (Vega's default lists every field by its code name).
    data["aria"] = [i18n.t("gp.matrix.aria", lang, unit=u, solution=s, percent=p, actions=a, overdue=o)
                    for u, s, p, a, o in zip(data["branch_name"], data["solution_text"], data["percent_text"],
                                             data["actions_text"], data["overdue_text"])]
    # The figure drawn over a cell catches the click too, so it carries its own selection
    # ("<name>_text"); the page reads either.
    pick = alt.selection_point(name=select_name, fields=["solution", "branch_code"], on="click",
                               clear=False, empty=False)
    pick_text = alt.selection_point(name=f"{select_name}_text", fields=["solution", "branch_code"], on="click",
                                    clear=False, empty=False)
    base = alt.Chart().encode(
        y=alt.Y("solution:O", title=None,
                axis=alt.Axis(labelFontSize=11, labelLimit=240, labelOverlap=False, labelLineHeight=13,
                              labelExpr=_wrapped_labels({n: solution_label(n, titles) for n in
                                                         sorted(set(int(x) for x in frame["solution"]))}, 36))),
        # Every cell is a "Chi bộ …": the column heads drop the words, the tooltip keeps the name.
        x=alt.X("branch_name:N", title=None, sort=units,
                axis=alt.Axis(labelAngle=0, orient="top", labelFontSize=11, labelLimit=130, labelOverlap=False,
                              labelLineHeight=13, labelBaseline="bottom",
                              labelExpr=_wrapped_labels({u: _unit_head(u) for u in units}, 14))),
        tooltip=[alt.Tooltip("branch_name:N", title=i18n.t("col.branch", lang)),
                 alt.Tooltip("solution_text:N", title=i18n.t("col.solution", lang)),
                 alt.Tooltip("percent_text:N", title=i18n.t("col.progress", lang)),
                 alt.Tooltip("actions_text:N", title=i18n.t("col.actions", lang)),
                 alt.Tooltip("overdue_text:N", title=i18n.t("col.overdue", lang))],
    )
    frame_style = {"description": alt.Description("aria:N"), "stroke": alt.Stroke("stroke:N", scale=None),
                   "strokeWidth": alt.StrokeWidth("stroke_width:Q", scale=None),
                   "opacity": alt.Opacity("cell_opacity:Q", scale=None)}
    rect = base.mark_rect(cornerRadius=3).encode(
        color=alt.Color("percent:Q", scale=alt.Scale(domain=[0, 100], scheme="redyellowgreen"),
                        legend=None),   # every cell carries its figure; the caption explains
        **frame_style,
    ).transform_filter("datum.actions > 0").add_params(pick)
    empty = base.mark_rect(cornerRadius=3, color=NO_ACTION_COLOUR).encode(**frame_style).transform_filter(
        "datum.actions == 0")
    text = base.mark_text(fontSize=12).encode(
        text=alt.Text("cell_text:N"), color=alt.Color("text_colour:N", scale=None),
        opacity=alt.Opacity("text_opacity:Q", scale=None), description=alt.Description("aria:N"),
    ).add_params(pick_text)
    # Streamlit's height includes the axis on top (unit names on up to three lines): 48 px a row
    # leaves room for a solution's title on three lines.
    # The text's colours are literal (scale=None): its colour scale must not merge with the cells'.
    return alt.layer(rect, empty, text, data=data).resolve_scale(color="independent").properties(
        height=56 * frame["solution"].nunique() + 50)


def timeline(series: pd.DataFrame, lang: str, titles: dict[int, str]) -> alt.Chart:
    """Progress over time, one line per solution (values carried forward between reports)."""
    data = series.assign(
        solution_text=[solution_label(n, titles) for n in series["solution"]],
        date_text=[i18n.fmt_date(pd.Timestamp(d)) for d in series["on_date"]],
        percent_text=[_pct(v, lang) for v in series["percent"]],
        on_date=pd.to_datetime(series["on_date"]),
    )
    present = sorted(set(int(n) for n in series["solution"]))
    labels = [solution_label(n, titles) for n in present]
    colours = [SOLUTION_COLOURS[(n - 1) % len(SOLUTION_COLOURS)] for n in present]   # a solution keeps its colour
    return alt.Chart(data).mark_line(point=alt.OverlayMarkDef(size=18), interpolate="step-after").encode(
        x=alt.X("on_date:T", title=None, axis=alt.Axis(format="%m/%Y", labelAngle=0, tickCount=6)),
        y=alt.Y("percent:Q", title=i18n.t("col.progress", lang), scale=alt.Scale(domain=[0, 100]),
                axis=alt.Axis(labelExpr=PERCENT_AXIS, values=[0, 25, 50, 75, 100])),
        color=alt.Color("solution_text:N", title=None, sort=labels,
                        scale=alt.Scale(domain=labels, range=colours),
                        legend=alt.Legend(orient="bottom", columns=1, labelFontSize=11, symbolSize=50,
                                          labelLimit=380)),
        tooltip=[alt.Tooltip("solution_text:N", title=i18n.t("col.solution", lang)),
                 alt.Tooltip("date_text:N", title=i18n.t("gp.col.date", lang)),
                 alt.Tooltip("percent_text:N", title=i18n.t("col.progress", lang)),
                 alt.Tooltip("actions:Q", title=i18n.t("col.actions", lang)),
                 alt.Tooltip("overdue:Q", title=i18n.t("col.overdue", lang))],
    ).properties(height=240 + 20 * len(present))   # the legend, one solution a line, is inside the height


def on_time(frame: pd.DataFrame, lang: str) -> alt.LayerChart:
    """Limitation L1: share of actions on time per unit (green ≥ 80 %, amber ≥ 50 %, red below)."""
    units = list(frame["branch_name"])
    data = frame.assign(
        share=frame["on_time_share"] * 100,
        share_text=[i18n.fmt_percent(v, lang, 0) for v in frame["on_time_share"]],
        count_text=[f"{i18n.fmt_number(a, 0, lang)}/{i18n.fmt_number(b, 0, lang)}"
                    for a, b in zip(frame["on_time"], frame["actions"])],
        late_text=[i18n.fmt_number(v, 0, lang) for v in frame["days_late_total"]],
        band=["good" if v >= 0.8 else "fair" if v >= 0.5 else "poor" for v in frame["on_time_share"]],
    )
    base = alt.Chart().encode(
        y=alt.Y("branch_name:N", sort=units, title=None, axis=alt.Axis(labelLimit=170, labelFontSize=12)))
    bars = base.mark_bar(cornerRadiusEnd=3).encode(
        x=alt.X("share:Q", title=i18n.t("gp.col.on_time_share", lang), scale=alt.Scale(domain=[0, 100]),
                axis=alt.Axis(labelExpr=PERCENT_AXIS, values=[0, 50, 100])),
        color=alt.Color("band:N", legend=None,
                        scale=alt.Scale(domain=["good", "fair", "poor"], range=["#1b7837", "#f1a340", "#d73027"])),
        tooltip=[alt.Tooltip("branch_name:N", title=i18n.t("col.branch", lang)),
                 alt.Tooltip("count_text:N", title=i18n.t("gp.col.on_time", lang)),
                 alt.Tooltip("share_text:N", title=i18n.t("gp.col.on_time_share", lang)),
                 alt.Tooltip("late_text:N", title=i18n.t("gp.col.days_late_total", lang))],
    )
    inside = base.mark_text(align="right", dx=-4, color="#ffffff", fontWeight="bold").encode(
        x=alt.X("share:Q"), text=alt.Text("share_text:N")).transform_filter("datum.share >= 25")
    outside = base.mark_text(align="left", dx=4, color="#222222").encode(
        x=alt.X("share:Q"), text=alt.Text("share_text:N")).transform_filter("datum.share < 25")
    return alt.layer(bars, inside, outside, data=data).properties(height=34 * len(units) + 40)


# ---------------------------------------------------------------- overview

def _sized(chart: alt.LayerChart, height: int, title: str | None) -> alt.LayerChart:
    """Height, and a small bold title at the left when given (it counts in the height)."""
    if title:
        return chart.properties(height=height, title=alt.TitleParams(title, anchor="start", fontSize=14,
                                                                     fontWeight="bold", offset=8))
    return chart.properties(height=height)


def ranking(board: pd.DataFrame, level_names: dict[str, str], lang: str, height: int = 190,
            title: str | None = None) -> alt.LayerChart:
    """Compact bars of total score per cell, coloured by level (grey: incomplete scores).

    The level is written on the bar ("93,0 · Xuất sắc"), so no legend takes room."""
    incomplete = i18n.t("ranking.incomplete", lang)
    order = list(board["branch_name"])
    level_text = [level_names.get(c, c) if isinstance(c, str) and c else incomplete
                  for c in board["computed_level"]]
    data = board.assign(
        level_text=level_text,
        total_text=[i18n.fmt_number(v, 1, lang) for v in board["total_score"]],
        bar_text=[f"{i18n.fmt_number(v, 1, lang)} · {lv}" for v, lv in zip(board["total_score"], level_text)],
        total_plot=board["total_score"].fillna(0),
    )
    domain = [level_names.get(code, code) for code in LEVEL_COLOURS] + [incomplete]
    colours = list(LEVEL_COLOURS.values()) + [INCOMPLETE_COLOUR]
    base = alt.Chart().encode(y=alt.Y("branch_name:N", sort=order, title=None,
                                          axis=alt.Axis(labelLimit=190, labelFontSize=12)))
    bars = base.mark_bar(cornerRadiusEnd=3).encode(
        x=alt.X("total_plot:Q", title=None, scale=alt.Scale(domain=[0, 100]), axis=alt.Axis(tickCount=5)),
        color=alt.Color("level_text:N", title=None, scale=alt.Scale(domain=domain, range=colours), legend=None),
        tooltip=[alt.Tooltip("branch_name:N", title=i18n.t("col.branch", lang)),
                 alt.Tooltip("total_text:N", title=i18n.t("col.total", lang)),
                 alt.Tooltip("level_text:N", title=i18n.t("col.level", lang))],
    )
    labels = base.mark_text(align="right", dx=-6, color="#ffffff", fontWeight="bold").encode(
        x=alt.X("total_plot:Q"), text=alt.Text("bar_text:N"))
    return _sized(alt.layer(bars, labels, data=data), height, title)


def solution_bars(by_solution: pd.DataFrame, lang: str, height: int = 190, title: str | None = None
                  ) -> alt.LayerChart:
    """Compact bars of each solution's progress, coloured from red (0 %) to green (100 %): each
    named by its number and short title, the Đảng ủy's full wording on hover."""
    suffix = "vi" if lang == "vi" else "en"
    titles = dict(zip(by_solution["solution"].astype(int), by_solution[f"short_{suffix}"]))
    data = by_solution.assign(
        label=[solution_label(n, titles) for n in by_solution["solution"]],
        percent_plot=by_solution["percent"].fillna(0),
        percent_text=[_pct(v, lang) for v in by_solution["percent"]],
        text_colour=["#ffffff" if pd.notna(v) and v >= 85 else "#222222" for v in by_solution["percent"]],
        title=by_solution[f"title_{suffix}"],
    )
    base = alt.Chart().encode(y=alt.Y("label:N", sort=list(data["label"]), title=None,
                                          axis=alt.Axis(labelFontSize=11, labelLimit=260)))
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
    outside = base.mark_text(align="left", dx=4, color="#222222").encode(
        x=alt.X("percent_plot:Q"), text=alt.Text("percent_text:N")).transform_filter("datum.percent_plot < 25")
    return _sized(alt.layer(bars, inside, outside, data=data).resolve_scale(color="independent"), height, title)


def spec(chart: alt.TopLevelMixin) -> dict:
    """The chart as a validated Vega-Lite dict (data inline), for ``st.vega_lite_chart``.

    Pages keep this dict in their cache, so a rerun does not build and validate the chart
    again (``st.altair_chart`` does both on every rerun: 30–50 ms a chart here). Altair's
    default theme fixes a 300 px view; Streamlit sizes the chart itself, so that part of the
    config is dropped, as ``st.altair_chart`` does.
    """
    out = chart.to_dict()
    config = out.get("config") or {}
    config.pop("view", None)
    if not config:
        out.pop("config", None)
    return out
