"""Charts of the solution progress page (Tiến độ giải pháp): the solution × unit matrix, progress
over time, and the actions on time per unit (limitation L1).

A unit is a cell or the Đảng ủy (whose own actions count when no cell is chosen): the word is
kept for that reason.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from .. import fmt, i18n
from .common import (FAIR, GOOD, MAX_CELL_COLUMNS, NO_ACTION_COLOUR, OVERDUE_STROKE, PERCENT_AXIS, POOR,
                     SOLUTION_COLOURS, TEXT_DARK, TEXT_LIGHT, column_heads, first_cells, layered, noted, pct,
                     wrapped_labels)


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
    frame, note = first_cells(frame, lang, MAX_CELL_COLUMNS)
    units = list(dict.fromkeys(frame["branch_name"]))
    solution, unit = focus
    has_focus = solution is not None or unit is not None
    chosen = [not has_focus or ((solution is None or s == solution) and (unit is None or b == unit))
              for s, b in zip(frame["solution"], frame["branch_code"])]
    data = frame.assign(
        solution_text=[fmt.solution_label(n, titles) for n in frame["solution"]],
        percent_text=[pct(v, lang) for v in frame["percent"]],
        # Inside a cell the bare number (the caption says it is a %): five columns fit a phone.
        cell_text=["—" if pd.isna(v) else fmt.fmt_number(v, 0, lang) for v in frame["percent"]],
        overdue_text=[fmt.fmt_number(v, 0, lang) for v in frame["overdue"]],
        actions_text=[fmt.fmt_number(v, 0, lang) for v in frame["actions"]],
        stroke=[OVERDUE_STROKE if n > 0 else TEXT_LIGHT for n in frame["overdue"]],
        stroke_width=[3 if n > 0 else 1 for n in frame["overdue"]],
        cell_opacity=[1.0 if c else 0.3 for c in chosen],
        text_opacity=[1.0 if c else 0.35 for c in chosen],
        text_colour=[TEXT_LIGHT if pd.notna(v) and (v < 25 or v > 80) else TEXT_DARK for v in frame["percent"]],
    )
    # What a screen reader says for a cell (Vega's default lists every field by its code name).
    data["aria"] = [i18n.t("solutions.matrix.aria", lang, unit=u, solution=s, percent=p, actions=a, overdue=o)
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
                              labelExpr=wrapped_labels({n: fmt.solution_label(n, titles) for n in
                                                         sorted(set(int(x) for x in frame["solution"]))}, 36))),
        # Every cell is a "Chi bộ …": the column heads drop the words, the tooltip keeps the name.
        x=alt.X("branch_name:N", title=None, sort=units,
                axis=alt.Axis(orient="top", labelFontSize=11, labelLimit=130, labelOverlap=False, labelLineHeight=13,
                              **column_heads({u: fmt.unit_head(u) for u in units}, len(units)))),
        tooltip=[alt.Tooltip("branch_name:N", title=i18n.t("col.cell", lang)),
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
    ).transform_filter("datum.actions > 0")
    empty = base.mark_rect(cornerRadius=3, color=NO_ACTION_COLOUR).encode(**frame_style).transform_filter(
        "datum.actions == 0")
    text = base.mark_text(fontSize=12).encode(
        text=alt.Text("cell_text:N"), color=alt.Color("text_colour:N", scale=None),
        opacity=alt.Opacity("text_opacity:Q", scale=None), description=alt.Description("aria:N"),
    )
    # Streamlit's height includes the axis on top (unit names on up to three lines, or upright on
    # a phone: 80 px more than three lines take): 56 px a row leaves room for a solution's title
    # on three lines.
    # The text's colours are literal (scale=None): its colour scale must not merge with the cells'.
    return layered(rect, empty, text, data=data, independent_colour=True, picks=((0, pick), (2, pick_text)),
                   height=56 * frame["solution"].nunique() + 130, **noted(note))


def timeline(series: pd.DataFrame, lang: str, titles: dict[int, str],
             finishes: pd.DataFrame | None = None) -> alt.Chart | alt.LayerChart:
    """Progress over time, one line per solution (values carried forward between reports); with
    ``finishes`` (solution, finish_on, words: projection.by_group per solution), a diamond at
    100 % on the day each solution's last action is projected to finish at its pace."""
    data = series.assign(
        solution_text=[fmt.solution_label(n, titles) for n in series["solution"]],
        date_text=[fmt.fmt_date(pd.Timestamp(d)) for d in series["on_date"]],
        percent_text=[pct(v, lang) for v in series["percent"]],
        on_date=pd.to_datetime(series["on_date"]),
    )
    present = sorted(set(int(n) for n in series["solution"]))
    labels = [fmt.solution_label(n, titles) for n in present]
    colours = [SOLUTION_COLOURS[(n - 1) % len(SOLUTION_COLOURS)] for n in present]   # a solution keeps its colour
    colour = alt.Color("solution_text:N", title=None, sort=labels, scale=alt.Scale(domain=labels, range=colours),
                       legend=alt.Legend(orient="bottom", columns=1, labelFontSize=11, symbolSize=50, labelLimit=380))
    x = alt.X("on_date:T", title=None, axis=alt.Axis(format="%m/%Y", labelAngle=0, tickCount=6))
    # The legend, one solution a line, is inside the height.
    height = 240 + 20 * len(present)
    line = alt.Chart().mark_line(point=alt.OverlayMarkDef(size=18), interpolate="step-after").encode(
        x=x,
        y=alt.Y("percent:Q", title=i18n.t("col.progress", lang), scale=alt.Scale(domain=[0, 100]),
                axis=alt.Axis(labelExpr=PERCENT_AXIS, values=[0, 25, 50, 75, 100])),
        color=colour,
        tooltip=[alt.Tooltip("solution_text:N", title=i18n.t("col.solution", lang)),
                 alt.Tooltip("date_text:N", title=i18n.t("solutions.col.date", lang)),
                 alt.Tooltip("percent_text:N", title=i18n.t("col.progress", lang)),
                 alt.Tooltip("actions:Q", title=i18n.t("col.actions", lang)),
                 alt.Tooltip("overdue:Q", title=i18n.t("col.overdue", lang))],
    )
    landed = finishes.dropna(subset=["finish_on"]) if finishes is not None else None
    if landed is not None:
        landed = landed[landed["solution"].isin(present)]
    if landed is None or landed.empty:
        return line.properties(data=data, height=height)
    marks = landed.assign(solution_text=[fmt.solution_label(int(n), titles) for n in landed["solution"]],
                          on_date=pd.to_datetime(landed["finish_on"]), percent=100.0)[
        ["solution_text", "on_date", "percent", "words"]]
    marker = alt.Chart(marks).mark_point(shape="diamond", size=110, filled=True, stroke=TEXT_DARK,
                                         strokeWidth=0.6).encode(
        x=x, y=alt.Y("percent:Q"), color=colour,   # a channel, not a string: Altair makes every
        # string into a channel by a lookup table it builds anew each time (6,5 ms a chart)
        tooltip=[alt.Tooltip("solution_text:N", title=i18n.t("col.solution", lang)),
                 alt.Tooltip("words:N", title=i18n.t("solutions.col.projection", lang))])
    return layered(line, marker, data=data, height=height)


def on_time(frame: pd.DataFrame, lang: str) -> alt.LayerChart:
    """Limitation L1: share of actions on time per unit (green ≥ 80 %, amber ≥ 50 %, red below)."""
    frame, note = first_cells(frame, lang)
    units = list(frame["branch_name"])
    data = frame.assign(
        share=frame["on_time_share"] * 100,
        share_text=[fmt.fmt_percent(v, lang, 0) for v in frame["on_time_share"]],
        count_text=[f"{fmt.fmt_number(a, 0, lang)}/{fmt.fmt_number(b, 0, lang)}"
                    for a, b in zip(frame["on_time"], frame["actions"])],
        late_text=[fmt.fmt_number(v, 0, lang) for v in frame["days_late_total"]],
        band=["good" if v >= 0.8 else "fair" if v >= 0.5 else "poor" for v in frame["on_time_share"]],
    )
    base = alt.Chart().encode(
        y=alt.Y("branch_name:N", sort=units, title=None, axis=alt.Axis(labelLimit=170, labelFontSize=12)))
    bars = base.mark_bar(cornerRadiusEnd=3).encode(
        x=alt.X("share:Q", title=i18n.t("solutions.col.on_time_share", lang), scale=alt.Scale(domain=[0, 100]),
                axis=alt.Axis(labelExpr=PERCENT_AXIS, values=[0, 50, 100])),
        color=alt.Color("band:N", legend=None,
                        scale=alt.Scale(domain=["good", "fair", "poor"], range=[GOOD, FAIR, POOR])),
        tooltip=[alt.Tooltip("branch_name:N", title=i18n.t("col.cell", lang)),
                 alt.Tooltip("count_text:N", title=i18n.t("solutions.col.on_time", lang)),
                 alt.Tooltip("share_text:N", title=i18n.t("solutions.col.on_time_share", lang)),
                 alt.Tooltip("late_text:N", title=i18n.t("solutions.col.days_late_total", lang))],
    )
    inside = base.mark_text(align="right", dx=-4, color=TEXT_LIGHT, fontWeight="bold").encode(
        x=alt.X("share:Q"), text=alt.Text("share_text:N")).transform_filter("datum.share >= 25")
    outside = base.mark_text(align="left", dx=4, color=TEXT_DARK).encode(
        x=alt.X("share:Q"), text=alt.Text("share_text:N")).transform_filter("datum.share < 25")
    return layered(bars, inside, outside, data=data, height=34 * len(units) + 40, **noted(note))
