"""Charts of the cell rankings page (Xếp hạng chi bộ): totals by level, criteria, the "Vì sao?"
breakdown, score and rank over time, member levels and the 20 % quota."""

from __future__ import annotations

import textwrap

import altair as alt
import pandas as pd

from .. import fmt, i18n
from .common import (INCOMPLETE_COLOUR, LEVEL_COLOURS, MAX_CELL_FACETS, MAX_CELL_LINES, first_cells, layered,
                     level_colour, noted, stacked)

BAND_RULE = "#555555"
CELL_COLOUR, AVERAGE_COLOUR = "#b71c1c", INCOMPLETE_COLOUR


def level_labels(levels: pd.DataFrame, lang: str) -> dict[str, str]:
    """Each level's short name from ``reference.levels`` (code → name), and 'Chưa đủ tiêu chí'
    for the cell that has none (code '')."""
    names = dict(zip(levels["code"], levels["short_vi" if lang == "vi" else "short_en"]))
    return {"": i18n.t("ranking.incomplete", lang), **{str(k): str(v) for k, v in names.items()}}


def totals_bar(board: pd.DataFrame, levels: pd.DataFrame, lang: str, bands: tuple[float, ...],
               select_name: str | None = None) -> alt.LayerChart:
    """Horizontal bars of total score per cell, coloured by level, with the band lines of the
    framework that gives the period's levels (``bands``, e.g. 50, 70, 90). A click on a bar
    selects its ``branch_code`` through the point selection ``select_name``."""
    board, note = first_cells(board, lang)
    names = level_labels(levels, lang)
    data = board.assign(
        level_label=[names.get(c, c) for c in board["computed_level"].fillna("")],
        level_code=board["computed_level"].fillna(""),
        total_text=[fmt.fmt_number(v, 1, lang) for v in board["total_score"]],
    )
    domain = [names.get(c, c) for c in list(LEVEL_COLOURS) + [""]]
    colours = list(LEVEL_COLOURS.values()) + [INCOMPLETE_COLOUR]
    base = alt.Chart().encode(
        y=alt.Y("branch_name:N", sort=list(data["branch_name"]), title=None, axis=alt.Axis(labelLimit=260)))
    bars = base.mark_bar().encode(
        x=alt.X("total_score:Q", title=i18n.t("col.total", lang), scale=alt.Scale(domain=[0, 100])),
        color=alt.Color("level_label:N", title=i18n.t("col.level", lang),
                        scale=alt.Scale(domain=domain, range=colours),
                        legend=alt.Legend(orient="bottom", columns=2, labelLimit=220)),
        tooltip=[alt.Tooltip("branch_name:N", title=i18n.t("col.cell", lang)),
                 alt.Tooltip("total_text:N", title=i18n.t("col.total", lang)),
                 alt.Tooltip("level_label:N", title=i18n.t("col.level", lang))],
    )
    picks = ()
    if select_name:
        # The one live style: the bar clicked stays strong until the page narrows to its cell.
        # The selection goes to the top of the spec through layered(picks=…), not add_params:
        # Altair's lifting deep-copied and checked every layer (6 ms of every new view).
        selection = alt.selection_point(name=select_name, fields=["branch_code"], on="click")
        picks = ((0, selection),)
        bars = bars.encode(
            # Written as the object ``alt.when(...).then(...).otherwise(...)`` makes: that chain
            # is turned into it through the schema (a third of the chart's cost).
            opacity=alt.OpacityValue(0.45, condition=[alt.ConditionalParameterValueDefnumberExprRef(
                param=select_name, value=1.0)]))
    labels = base.mark_text(align="left", dx=4).encode(x=alt.X("total_score:Q"), text=alt.Text("total_text:N"))
    rules = alt.Chart(pd.DataFrame({"band": list(bands)})).mark_rule(strokeDash=[4, 4], color=BAND_RULE).encode(
        x=alt.X("band:Q"))
    # With Streamlit's fit-to-width, height includes the axis and the legend.
    return layered(bars, labels, rules, data=data, height=150 + 40 * len(data), picks=picks, **noted(note))


def criteria_heat(frame: pd.DataFrame, lang: str) -> alt.LayerChart:
    """Cells × criteria, coloured by the share of each criterion's maximum."""
    frame, note = first_cells(frame, lang)
    data = frame.assign(
        share_pct=frame["share"] * 100,
        share_text=[fmt.MISSING if pd.isna(v) else fmt.fmt_number(v * 100, 0, lang) for v in frame["share"]],
        score_text=[fmt.MISSING if pd.isna(v) else fmt.fmt_number(v, 1, lang) for v in frame["score"]],
        max_text=[fmt.fmt_amount(v, lang) for v in frame["max_points"]],
    )
    base = alt.Chart().encode(
        x=alt.X("criterion_code:N", title=None, axis=alt.Axis(labelAngle=0, orient="top")),
        y=alt.Y("branch_name:N", title=None, sort=list(dict.fromkeys(data["branch_name"])),
                axis=alt.Axis(labelLimit=260)),
    )
    rect = base.mark_rect().encode(
        color=alt.Color("share_pct:Q", title="%", scale=alt.Scale(domain=[40, 100], scheme="redyellowgreen")),
        tooltip=[alt.Tooltip("branch_name:N", title=i18n.t("col.cell", lang)),
                 alt.Tooltip("criterion_name:N", title=i18n.t("col.criterion", lang)),
                 alt.Tooltip("score_text:N", title=i18n.t("col.score", lang)),
                 alt.Tooltip("max_text:N", title=i18n.t("col.max", lang)),
                 alt.Tooltip("share_text:N", title=i18n.t("col.share_of_max", lang))])
    text = base.mark_text(fontSize=11).encode(text=alt.Text("share_text:N"))
    return layered(rect, text, data=data, height=60 + 40 * data["branch_name"].nunique(), **noted(note))


def why_breakdown(frame: pd.DataFrame, lang: str) -> alt.Chart:
    """One cell's criteria against the Đảng bộ average, as % of each maximum."""
    cell, average = i18n.t("why.cell_label", lang), i18n.t("why.average_label", lang)
    rows = []
    for r in frame.itertuples(index=False):
        label = f"{r.criterion_code} — {r.criterion_name}"
        for who, value in ((cell, r.score), (average, r.average)):
            if value is not None and not pd.isna(value):
                rows.append({"criterion": label, "who": who, "pct": value / r.max_points * 100,
                             "text": fmt.fmt_number(value, 1, lang) + " / " + fmt.fmt_number(r.max_points, 0, lang)})
    data = pd.DataFrame(rows, columns=["criterion", "who", "pct", "text"])
    return alt.Chart(data, height=90 + 34 * frame.shape[0]).mark_bar().encode(
        # On a phone the criteria's names, 320 px, left the bars no room: there they are cut short
        # (the whole name is in the tooltip).
        y=alt.Y("criterion:N", title=None, sort=list(dict.fromkeys(data["criterion"])),
                axis=alt.Axis(labelLimit=alt.ExprRef(expr="containerSize()[0] < 600 ? 130 : 320"))),
        yOffset=alt.YOffset("who:N", sort=[cell, average]),
        x=alt.X("pct:Q", title="% " + i18n.t("col.max", lang).lower(), scale=alt.Scale(domain=[0, 100])),
        color=alt.Color("who:N", title=None, sort=[cell, average],
                        scale=alt.Scale(range=[CELL_COLOUR, AVERAGE_COLOUR]), legend=alt.Legend(orient="bottom")),
        tooltip=[alt.Tooltip("criterion:N", title=i18n.t("col.criterion", lang)), alt.Tooltip("who:N", title=None),
                 alt.Tooltip("text:N", title=i18n.t("col.score", lang))],
    )


def history_lines(frame: pd.DataFrame, lang: str, labels: dict[str, str],
                  with_rank: bool = True) -> alt.VConcatChart | alt.Chart:
    """Total score and rank of each cell over the periods, one above the other.

    ``with_rank=False``: the scores alone, and no rank in the chart's data either."""
    frame, note = first_cells(frame, lang, MAX_CELL_LINES)
    data = frame.assign(period_label=[labels.get(p, p) for p in frame["period"]],
                        total_text=[fmt.fmt_number(v, 1, lang) for v in frame["total_score"]])
    if not with_rank:
        data = data.drop(columns=["rank"], errors="ignore")
    order = list(dict.fromkeys(data.sort_values("ord")["period_label"]))
    colour = alt.Color("branch_name:N", title=None, legend=alt.Legend(orient="bottom", columns=2, labelLimit=260))
    x = alt.X("period_label:N", title=None, sort=order, axis=alt.Axis(labelAngle=0))
    tooltip = [alt.Tooltip("branch_name:N", title=i18n.t("col.cell", lang)),
               alt.Tooltip("period_label:N", title=i18n.t("col.period", lang)),
               alt.Tooltip("total_text:N", title=i18n.t("col.total", lang))]
    if with_rank:
        tooltip.append(alt.Tooltip("rank:Q", title=i18n.t("col.rank", lang)))
    total = alt.Y("total_score:Q", title=i18n.t("col.total", lang), scale=alt.Scale(zero=False))
    if not with_rank:
        return alt.Chart(data, height=220, **noted(note)).mark_line(point=True).encode(
            x=x, y=total, color=colour, tooltip=tooltip)
    scores = alt.Chart(height=220).mark_line(point=True).encode(x=x, y=total, color=colour, tooltip=tooltip)
    ranks = alt.Chart(height=140).mark_line(point=True, strokeDash=[4, 3]).encode(
        x=x, y=alt.Y("rank:Q", title=i18n.t("ranking.rank_axis", lang), scale=alt.Scale(reverse=True, nice=False),
                     axis=alt.Axis(tickMinStep=1, format="d")),
        color=colour, tooltip=tooltip)
    return stacked(scores, ranks, data=data, **noted(note))


def member_levels(frame: pd.DataFrame, lang: str, level_labels: dict[str, str]) -> alt.Chart:
    """Members by level per cell and year; ``level_labels`` (code → short name) in the levels'
    order, best first (``reference.levels``)."""
    frame, note = first_cells(frame, lang, MAX_CELL_FACETS)
    data = frame.assign(level_label=[level_labels.get(c, c) for c in frame["level"]])
    domain = list(level_labels.values())
    return alt.Chart(data, width=130, height=160, **noted(note)).mark_bar().encode(
        x=alt.X("year:O", title=None, axis=alt.Axis(labelAngle=0)),
        y=alt.Y("members:Q", title=i18n.t("col.members_count", lang), stack="zero"),
        color=alt.Color("level_label:N", title=None, sort=domain,
                        scale=alt.Scale(domain=domain, range=[level_colour(c) for c in level_labels]),
                        legend=alt.Legend(orient="bottom", columns=2, labelLimit=260)),
        order=alt.Order("ordinal:Q"),
        # Two cells a row: four side by side overflowed a 390 px phone (the chart keeps its width).
        facet=alt.Facet("branch_name:N", title=None, columns=2, header=alt.Header(labelLimit=160)),
        tooltip=[alt.Tooltip("branch_name:N", title=i18n.t("col.cell", lang)),
                 alt.Tooltip("year:O", title=i18n.t("col.year", lang)),
                 alt.Tooltip("level_label:N", title=i18n.t("col.level", lang)),
                 alt.Tooltip("members:Q", title=i18n.t("col.members_count", lang))],
    )


def member_quota(frame: pd.DataFrame, lang: str) -> alt.LayerChart:
    """HTXSNV members per year against the most the quota allows (red when over).

    ``frame``: rankings.member_quota; with the quota counted per cell, a year sums its cells
    and is red when any cell is over.
    """
    data = (frame.assign(over=frame["excellent"] > frame["allowed"])
            .groupby("year", as_index=False)
            .agg(excellent=("excellent", "sum"), good=("good", "sum"), allowed=("allowed", "sum"),
                 raw=("raw_allowed", "sum"), base=("base_count", "sum"), share=("share", "first"),
                 over=("over", "any")))
    data["allowed_text"] = [i18n.t("members.allowed_arithmetic", lang, allowed=int(a),
                                   share=fmt.fmt_percent(sh, lang), base=int(b), raw=fmt.fmt_amount(r, lang))
                            for a, sh, b, r in zip(data["allowed"], data["share"], data["base"], data["raw"])]
    data["bar_colour"] = [LEVEL_COLOURS["KHTNV"] if over else LEVEL_COLOURS["HTXSNV"] for over in data["over"]]
    base = alt.Chart().encode(x=alt.X("year:O", title=None, axis=alt.Axis(labelAngle=0)))
    bars = base.mark_bar(size=28).encode(
        # The title in lines of ~18 characters: whole, it ran past the chart's 220 px height.
        y=alt.Y("excellent:Q", title=textwrap.wrap(i18n.t("members.excellent", lang), 18)),
        color=alt.Color("bar_colour:N", scale=None),
        tooltip=[alt.Tooltip("year:O", title=i18n.t("col.year", lang)),
                 alt.Tooltip("excellent:Q", title=i18n.t("members.excellent", lang)),
                 alt.Tooltip("good:Q", title=i18n.t("members.good", lang)),
                 alt.Tooltip("allowed_text:N", title=i18n.t("members.allowed", lang))])
    allowed = base.mark_tick(color="#333333", thickness=3, size=40).encode(y=alt.Y("allowed:Q"))
    return layered(bars, allowed, data=data, height=220)
