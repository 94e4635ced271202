"""Altair chart builders: data in, chart spec out; no Streamlit, no SQL."""

from __future__ import annotations

import altair as alt
import pandas as pd

from . import i18n

LEVEL_COLOURS = {"HTXSNV": "#1b7837", "HTTNV": "#5aae61", "HTNV": "#f1a340", "KHTNV": "#d73027",
                 "": "#9e9e9e"}
BANDS = (50, 70, 90)


def level_label(code: str | None, lang: str, levels: pd.DataFrame) -> str:
    if not code:
        return i18n.t("ranking.incomplete", lang)
    row = levels.loc[levels["code"] == code]
    if row.empty:
        return str(code)
    return str(row.iloc[0]["short_vi" if lang == "vi" else "short_en"])


def totals_bar(board: pd.DataFrame, levels: pd.DataFrame, lang: str, select_name: str | None = None) -> alt.Chart:
    """Horizontal bars of total score per cell, coloured by level, with the 50/70/90 band lines."""
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
    rules = alt.Chart(pd.DataFrame({"band": BANDS})).mark_rule(strokeDash=[4, 4], color="#555").encode(
        x="band:Q")
    # With Streamlit's fit-to-width, height includes the axis and the legend.
    return alt.layer(bars, labels, rules).properties(height=150 + 40 * len(data))


def progress_by_solution(frame: pd.DataFrame, lang: str) -> alt.Chart:
    data = frame.assign(
        label=[f"{i18n.t('col.solution', lang)} {n}" for n in frame["solution"]],
        percent=frame["percent"].fillna(0),
        percent_text=[i18n.fmt_number(v, 0, lang) + " %" for v in frame["percent"].fillna(0)],
        title=frame["title_vi" if lang == "vi" else "title_en"],
    )
    base = alt.Chart(data).encode(y=alt.Y("label:N", sort=list(data["label"]), title=None))
    bars = base.mark_bar(color="#2b6cb0").encode(
        x=alt.X("percent:Q", title=i18n.t("col.progress", lang), scale=alt.Scale(domain=[0, 100])),
        tooltip=[alt.Tooltip("title:N", title=i18n.t("col.solution", lang)),
                 alt.Tooltip("percent_text:N", title=i18n.t("col.progress", lang)),
                 alt.Tooltip("overdue:Q", title=i18n.t("col.overdue", lang))])
    labels = base.mark_text(align="left", dx=4).encode(x="percent:Q", text="percent_text:N")
    return alt.layer(bars, labels).properties(height=260)


def trend_lines(frame: pd.DataFrame, lang: str) -> alt.Chart:
    return alt.Chart(frame).mark_line(point=True).encode(
        x=alt.X("year:O", title=i18n.t("col.year", lang)),
        y=alt.Y("total_score:Q", title=i18n.t("col.total", lang), scale=alt.Scale(zero=False)),
        color=alt.Color("branch_name:N", title=i18n.t("col.branch", lang), legend=alt.Legend(orient="bottom")),
        tooltip=[alt.Tooltip("branch_name:N", title=i18n.t("col.branch", lang)),
                 alt.Tooltip("year:O", title=i18n.t("col.year", lang)),
                 alt.Tooltip("total_score:Q", title=i18n.t("col.total", lang), format=".1f")],
    ).properties(height=280)


def matrix_heat(frame: pd.DataFrame, lang: str) -> alt.Chart:
    data = frame.assign(
        label=[f"{i18n.t('col.solution', lang)} {n}" for n in frame["solution"]],
        percent_text=[i18n.fmt_number(v, 0, lang) + " %" for v in frame["percent"]],
    )
    # Cells down the side (their names are long), solutions across.
    base = alt.Chart(data).encode(
        y=alt.Y("branch_name:N", title=None, sort=list(dict.fromkeys(data["branch_name"])),
                axis=alt.Axis(labelLimit=260)),
        x=alt.X("label:N", title=None, axis=alt.Axis(labelAngle=0, orient="top")),
    )
    rect = base.mark_rect().encode(
        color=alt.Color("percent:Q", title=i18n.t("col.progress", lang),
                        scale=alt.Scale(domain=[0, 100], scheme="redyellowgreen")),
        tooltip=[alt.Tooltip("branch_name:N", title=i18n.t("col.branch", lang)),
                 alt.Tooltip("label:N", title=i18n.t("col.solution", lang)),
                 alt.Tooltip("percent_text:N", title=i18n.t("col.progress", lang)),
                 alt.Tooltip("actions:Q", title=i18n.t("col.actions", lang)),
                 alt.Tooltip("overdue:Q", title=i18n.t("col.overdue", lang))])
    text = base.mark_text().encode(text="percent_text:N")
    return alt.layer(rect, text).properties(height=60 + 44 * data["branch_name"].nunique())


def monthly_meetings(frame: pd.DataFrame, lang: str, kinds: dict[str, str]) -> alt.Chart:
    data = frame.assign(kind_label=[kinds.get(k, k) for k in frame["kind"]])
    return alt.Chart(data).mark_bar().encode(
        x=alt.X("month:O", title=i18n.t("col.month", lang)),
        y=alt.Y("sum(meetings):Q", title=i18n.t("col.meetings", lang)),
        color=alt.Color("kind_label:N", title=None, legend=alt.Legend(orient="bottom")),
        column=alt.Column("branch_name:N", title=None),
        tooltip=[alt.Tooltip("branch_name:N", title=i18n.t("col.branch", lang)),
                 alt.Tooltip("kind_label:N"), alt.Tooltip("meetings:Q", title=i18n.t("col.meetings", lang))],
    ).properties(width=170, height=160)
