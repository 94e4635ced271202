"""Sinh hoạt chi bộ: meetings held against the rules, per cell and year."""

import streamlit as st

from dashboard import charts, periods, tables, ui

ctx = ui.page_setup("meetings")

years = ctx.query("meetings.years")
if years.empty:
    ui.empty_notice(ctx)
    st.stop()

year = periods.parse_period(ctx.period).year if ctx.period else int(years["year"].iloc[0])
if year not in set(years["year"]):
    year = int(years["year"].iloc[0])

yearly = ctx.query("meetings.yearly", year=year)
st.subheader(ctx.t("meetings.summary", year=year))
st.caption(ctx.t("meetings.caption"))
st.dataframe(
    tables.display(yearly, [
        ("branch_name", "col.branch", "text"), ("regular", "col.regular", "int"),
        ("thematic", "col.thematic", "int"), ("attendance", "col.attendance", "ratio"),
        ("unexcused", "col.unexcused", "int"), ("criticism_share", "col.criticism", "ratio"),
        ("avg_minutes", "col.minutes", "int"),
    ], ctx.lang),
    hide_index=True, width="stretch")

monthly = ctx.query("meetings.monthly", year=year)
if not monthly.empty:
    kinds = {k: ctx.label("meeting_kind", k) for k in monthly["kind"].unique()}
    st.subheader(ctx.t("meetings.by_month"))
    st.altair_chart(charts.monthly_meetings(monthly, ctx.lang, kinds))
