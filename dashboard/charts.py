"""Altair chart builders: data in, chart spec out; no Streamlit, no SQL."""

from __future__ import annotations

import altair as alt
import pandas as pd

from . import i18n

LEVEL_COLOURS = {"HTXSNV": "#1b7837", "HTTNV": "#5aae61", "HTNV": "#f1a340", "KHTNV": "#d73027",
                 "": "#9e9e9e"}


def level_label(code: str | None, lang: str, levels: pd.DataFrame) -> str:
    if not code:
        return i18n.t("ranking.incomplete", lang)
    row = levels.loc[levels["code"] == code]
    if row.empty:
        return str(code)
    return str(row.iloc[0]["short_vi" if lang == "vi" else "short_en"])


def totals_bar(board: pd.DataFrame, levels: pd.DataFrame, lang: str, bands: tuple[float, ...],
               select_name: str | None = None) -> alt.Chart:
    """Horizontal bars of total score per cell, coloured by level, with the band lines of the
    framework that gives the period's levels (``bands``, e.g. 50, 70, 90)."""
    data = board.assign(
        level_label=[level_label(c, lang, levels) for c in board["computed_level"].fillna("")],
        level_code=board["computed_level"].fillna(""),
        total_text=[i18n.fmt_number(v, 1, lang) for v in board["total_score"]],
    )
    domain = [level_label(c, lang, levels) for c in LEVEL_COLOURS]
    colours = list(LEVEL_COLOURS.values())
    order = list(data["branch_name"])
    base = alt.Chart(data).encode(
        y=alt.Y("branch_name:N", sort=order, title=None, axis=alt.Axis(labelLimit=260)),
    )
    bars = base.mark_bar().encode(
        x=alt.X("total_score:Q", title=i18n.t("col.total", lang), scale=alt.Scale(domain=[0, 100])),
        color=alt.Color("level_label:N", title=i18n.t("col.level", lang),
                        scale=alt.Scale(domain=domain, range=colours),
                        legend=alt.Legend(orient="bottom", columns=2, labelLimit=220)),
        tooltip=[alt.Tooltip("branch_name:N", title=i18n.t("col.branch", lang)),
                 alt.Tooltip("total_text:N", title=i18n.t("col.total", lang)),
                 alt.Tooltip("level_label:N", title=i18n.t("col.level", lang))],
    )
    if select_name:
        selection = alt.selection_point(name=select_name, fields=["branch_code"], on="click")
        bars = bars.add_params(selection).encode(
            opacity=alt.condition(selection, alt.value(1.0), alt.value(0.45)))
    labels = base.mark_text(align="left", dx=4).encode(x="total_score:Q", text="total_text:N")
    rules = alt.Chart(pd.DataFrame({"band": list(bands)})).mark_rule(strokeDash=[4, 4], color="#555").encode(
        x="band:Q")
    # With Streamlit's fit-to-width, height includes the axis and the legend.
    return alt.layer(bars, labels, rules).properties(height=150 + 40 * len(data))


def criteria_heat(frame: pd.DataFrame, lang: str) -> alt.Chart:
    """Cells × criteria, coloured by the share of each criterion's maximum."""
    data = frame.assign(
        share_pct=frame["share"] * 100,
        share_text=[("—" if pd.isna(v) else i18n.fmt_number(v * 100, 0, lang)) for v in frame["share"]],
        score_text=[("—" if pd.isna(v) else i18n.fmt_number(v, 1, lang)) for v in frame["score"]],
        max_text=[i18n.fmt_number(v, 0 if float(v).is_integer() else 1, lang) for v in frame["max_points"]],
    )
    base = alt.Chart(data).encode(
        x=alt.X("criterion_code:N", title=None, axis=alt.Axis(labelAngle=0, orient="top")),
        y=alt.Y("branch_name:N", title=None, sort=list(dict.fromkeys(data["branch_name"])),
                axis=alt.Axis(labelLimit=260)),
    )
    rect = base.mark_rect().encode(
        color=alt.Color("share_pct:Q", title="%", scale=alt.Scale(domain=[40, 100], scheme="redyellowgreen")),
        tooltip=[alt.Tooltip("branch_name:N", title=i18n.t("col.branch", lang)),
                 alt.Tooltip("criterion_name:N", title=i18n.t("col.criterion", lang)),
                 alt.Tooltip("score_text:N", title=i18n.t("col.score", lang)),
                 alt.Tooltip("max_text:N", title=i18n.t("col.max", lang)),
                 alt.Tooltip("share_text:N", title=i18n.t("col.share_of_max", lang))])
    text = base.mark_text(fontSize=11).encode(text="share_text:N")
    return alt.layer(rect, text).properties(height=60 + 40 * data["branch_name"].nunique())


def why_breakdown(frame: pd.DataFrame, lang: str) -> alt.Chart:
    """One cell's criteria against the Đảng bộ average, as % of each maximum."""
    cell, average = i18n.t("why.cell_label", lang), i18n.t("why.average_label", lang)
    rows = []
    for r in frame.itertuples(index=False):
        label = f"{r.criterion_code} — {r.criterion_name}"
        for who, value in ((cell, r.score), (average, r.average)):
            if value is not None and not pd.isna(value):
                rows.append({"criterion": label, "who": who, "pct": value / r.max_points * 100,
                             "text": i18n.fmt_number(value, 1, lang) + " / " + i18n.fmt_number(r.max_points, 0, lang)})
    data = pd.DataFrame(rows, columns=["criterion", "who", "pct", "text"])
    return alt.Chart(data).mark_bar().encode(
        y=alt.Y("criterion:N", title=None, sort=list(dict.fromkeys(data["criterion"])),
                axis=alt.Axis(labelLimit=320)),
        yOffset=alt.YOffset("who:N", sort=[cell, average]),
        x=alt.X("pct:Q", title="% " + i18n.t("col.max", lang).lower(), scale=alt.Scale(domain=[0, 100])),
        color=alt.Color("who:N", title=None, sort=[cell, average],
                        scale=alt.Scale(range=["#b71c1c", "#9e9e9e"]), legend=alt.Legend(orient="bottom")),
        tooltip=[alt.Tooltip("criterion:N", title=i18n.t("col.criterion", lang)), alt.Tooltip("who:N", title=None),
                 alt.Tooltip("text:N", title=i18n.t("col.score", lang))],
    ).properties(height=90 + 34 * frame.shape[0])


def history_lines(frame: pd.DataFrame, lang: str, labels: dict[str, str],
                  with_rank: bool = True) -> alt.VConcatChart | alt.Chart:
    """Total score and rank of each cell over the periods, one above the other.

    ``with_rank=False``: the scores alone, and no rank in the chart's data either."""
    data = frame.assign(period_label=[labels.get(p, p) for p in frame["period"]],
                        total_text=[i18n.fmt_number(v, 1, lang) for v in frame["total_score"]])
    if not with_rank:
        data = data.drop(columns=["rank"], errors="ignore")
    order = list(dict.fromkeys(data.sort_values("ord")["period_label"]))
    colour = alt.Color("branch_name:N", title=None, legend=alt.Legend(orient="bottom", columns=2, labelLimit=260))
    x = alt.X("period_label:N", title=None, sort=order, axis=alt.Axis(labelAngle=0))
    tooltip = [alt.Tooltip("branch_name:N", title=i18n.t("col.branch", lang)),
               alt.Tooltip("period_label:N", title=i18n.t("col.period", lang)),
               alt.Tooltip("total_text:N", title=i18n.t("col.total", lang))]
    if with_rank:
        tooltip.append(alt.Tooltip("rank:Q", title=i18n.t("col.rank", lang)))
    scores = alt.Chart(data).mark_line(point=True).encode(
        x=x, y=alt.Y("total_score:Q", title=i18n.t("col.total", lang), scale=alt.Scale(zero=False)),
        color=colour, tooltip=tooltip).properties(height=220)
    if not with_rank:
        return scores
    ranks = alt.Chart(data).mark_line(point=True, strokeDash=[4, 3]).encode(
        x=x, y=alt.Y("rank:Q", title=i18n.t("ranking.rank_axis", lang), scale=alt.Scale(reverse=True, nice=False),
                     axis=alt.Axis(tickMinStep=1, format="d")),
        color=colour, tooltip=tooltip).properties(height=140)
    return alt.vconcat(scores, ranks)


def member_levels(frame: pd.DataFrame, lang: str, level_labels: dict[str, str]) -> alt.Chart:
    data = frame.assign(level_label=[level_labels.get(c, c) for c in frame["level"]])
    domain = [level_labels.get(c, c) for c in ("HTXSNV", "HTTNV", "HTNV", "KHTNV")]
    return alt.Chart(data).mark_bar().encode(
        x=alt.X("year:O", title=None, axis=alt.Axis(labelAngle=0)),
        y=alt.Y("members:Q", title=i18n.t("col.members_count", lang), stack="zero"),
        color=alt.Color("level_label:N", title=None, sort=domain,
                        scale=alt.Scale(domain=domain, range=[LEVEL_COLOURS[c] for c in
                                                              ("HTXSNV", "HTTNV", "HTNV", "KHTNV")]),
                        legend=alt.Legend(orient="bottom", columns=2, labelLimit=260)),
        order=alt.Order("ordinal:Q"),
        column=alt.Column("branch_name:N", title=None, header=alt.Header(labelLimit=200)),
        tooltip=[alt.Tooltip("branch_name:N", title=i18n.t("col.branch", lang)),
                 alt.Tooltip("year:O", title=i18n.t("col.year", lang)),
                 alt.Tooltip("level_label:N", title=i18n.t("col.level", lang)),
                 alt.Tooltip("members:Q", title=i18n.t("col.members_count", lang))],
    ).properties(width=150, height=180)


def member_quota(frame: pd.DataFrame, lang: str) -> alt.Chart:
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
                                   share=i18n.fmt_percent(sh, lang), base=int(b),
                                   raw=i18n.fmt_number(r, 1, lang).replace(",0", "").replace(".0", ""))
                            for a, sh, b, r in zip(data["allowed"], data["share"], data["base"], data["raw"])]
    base = alt.Chart(data).encode(x=alt.X("year:O", title=None, axis=alt.Axis(labelAngle=0)))
    bars = base.mark_bar(size=28).encode(
        y=alt.Y("excellent:Q", title=i18n.t("members.excellent", lang)),
        color=alt.condition("datum.over", alt.value(LEVEL_COLOURS["KHTNV"]), alt.value(LEVEL_COLOURS["HTXSNV"])),
        tooltip=[alt.Tooltip("year:O", title=i18n.t("col.year", lang)),
                 alt.Tooltip("excellent:Q", title=i18n.t("members.excellent", lang)),
                 alt.Tooltip("good:Q", title=i18n.t("members.good", lang)),
                 alt.Tooltip("allowed_text:N", title=i18n.t("members.allowed", lang))])
    allowed = base.mark_tick(color="#333", thickness=3, size=40).encode(y="allowed:Q")
    return alt.layer(bars, allowed).properties(height=220)


def meeting_calendar(frame: pd.DataFrame, lang: str) -> alt.Chart:
    """Month-by-month strip per cell: regular meeting held, missed, or month not over; T = thematic."""
    def status(row) -> str:
        if row["regular"] > 0:
            return i18n.t("calendar.held", lang)
        if row["month_over"]:
            return i18n.t("calendar.missed", lang)
        return i18n.t("calendar.not_yet", lang)

    data = frame.assign(status=[status(r) for r in frame.to_dict("records")],
                        mark=["CĐ" if lang == "vi" and t else ("T" if t else "") for t in frame["thematic"]],
                        month_label=[f"{'Th' if lang == 'vi' else 'M'}{m}" for m in frame["month"]])
    domain = [i18n.t(k, lang) for k in ("calendar.held", "calendar.missed", "calendar.not_yet")]
    base = alt.Chart(data).encode(
        x=alt.X("month_label:N", title=None, sort=[f"{'Th' if lang == 'vi' else 'M'}{m}" for m in range(1, 13)],
                axis=alt.Axis(labelAngle=0, orient="top")),
        y=alt.Y("branch_name:N", title=None, sort=list(dict.fromkeys(data["branch_name"])),
                axis=alt.Axis(labelLimit=260)),
    )
    rect = base.mark_rect(stroke="white", strokeWidth=2).encode(
        color=alt.Color("status:N", title=None, scale=alt.Scale(domain=domain,
                                                                 range=["#5aae61", "#d73027", "#e0e0e0"]),
                        legend=alt.Legend(orient="bottom")),
        tooltip=[alt.Tooltip("branch_name:N", title=i18n.t("col.branch", lang)),
                 alt.Tooltip("month:O", title=i18n.t("col.month", lang)),
                 alt.Tooltip("regular:Q", title=i18n.t("col.regular", lang)),
                 alt.Tooltip("thematic:Q", title=i18n.t("col.thematic", lang)),
                 alt.Tooltip("status:N", title=i18n.t("col.state", lang))])
    text = base.mark_text(fontSize=11, color="white", fontWeight="bold").encode(text="mark:N")
    return alt.layer(rect, text).properties(height=70 + 36 * data["branch_name"].nunique())
