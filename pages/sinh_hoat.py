"""Sinh hoạt chi bộ: meetings held against the guidance in force, per cell and year (self-criticism made visible)."""

import streamlit as st

from dashboard import charts, fmt, periods, rules, ui

ctx = ui.page_setup("meetings")
ui.clear_filter_button(ctx)

# ---- data: the period's year when it has meetings, else the latest year that has
years = ctx.query("meetings.years")
if years.empty:
    ui.empty_notice(ctx)
    st.stop()
year = periods.parse_period(ctx.period).year if ctx.period else int(years["year"].iloc[0])
if year not in set(years["year"]):
    year = int(years["year"].iloc[0])
yearly = ctx.query("meetings.yearly", year=year, today=ctx.today)
required = yearly.iloc[0] if not yearly.empty else None
calendar = ctx.query("meetings.calendar", year=year, today=ctx.today)
findings = ctx.findings(years={year}, topics={rules.MEETINGS})
findings = ctx.of_cells_shown(findings)
yearly = yearly.assign(
    regular_text=[f"{r}/{int(q)}" if q == q else str(r) for r, q in zip(yearly["regular"], yearly["regular_required"])],
    thematic_text=[f"{t}/{int(4 * q)}" if q == q else str(t)
                   for t, q in zip(yearly["thematic"], yearly["thematic_per_quarter"])],
    quarters=[" · ".join(str(int(r[f"thematic_q{q}"])) for q in range(1, 5)) for r in yearly.to_dict("records")],
)

# ---- the year against the requirements
st.subheader(ctx.t("meetings.summary", year=year))
if required is not None and required["source"] is not None and not isinstance(required["source"], float):
    st.caption(ctx.t("meetings.requirements", regular=int(required["regular_required"]),
                     thematic=int(required["thematic_per_quarter"]),
                     attendance=fmt.fmt_percent(required["attendance_above"], ctx.lang),
                     minutes=int(required["minutes_min"]), combined=int(required["minutes_combined_min"]),
                     source=ctx.citation(required["source"])))
if year == ctx.today.year:
    st.info(ctx.t("meetings.year_running", month=ctx.today.month), icon=":material/schedule:")
ui.table(ctx, yearly, [
    ("branch_name", "col.cell", "text"), ("regular_text", "col.regular", "text"),
    ("thematic_text", "col.thematic", "text"), ("criticism_share", "col.criticism", "ratio"),
    ("attendance", "col.attendance", "ratio"), ("unexcused", "col.unexcused", "int"),
    ("avg_minutes", "col.minutes", "int"), ("speakers", "col.speakers", "score"),
    ("quarters", "col.thematic_quarters", "text"), ("low_attendance", "col.low_attendance", "int"),
    ("too_short", "col.too_short", "int"),
], what=ctx.t("meetings.file"), key="meetings_table", title=ctx.t("meetings.summary", year=year),
    filters=[(ctx.t("download.year"), str(year))], period=str(year), kept=(year,))
st.caption(ctx.t("meetings.l3", limitation=ctx.limitation("L3")))

# ---- month by month, and the year's findings
if not calendar.empty:
    st.subheader(ctx.t("meetings.calendar", year=year))
    st.caption(ctx.t("meetings.calendar_help"))
    calendar_spec = ctx.chart(charts.calendar, calendar, ctx.lang)
    st.vega_lite_chart(calendar_spec, width="stretch")
    ui.chart_downloads(ctx, calendar_spec, ctx.t("meetings.calendar_file"), "calendar_chart", period=str(year))
st.subheader(ctx.t("meetings.findings", year=year))
ui.findings_table(ctx, findings, key="meeting_findings", with_year=False,
                  what=ctx.t("meetings.findings", year=year), period=str(year), kept=(year,))
