"""Tiến độ giải pháp: how far each of the six solutions has got, in each unit (a cell, or the Đảng ủy).

Setup, data, then views: the solution × unit matrix (a click narrows the page to that solution
and unit, kept in the address as ?giai_phap=5&don_vi=CB03), progress over time, the on-time
share per unit (the limitation "slow to turn resolutions into plans") and the actions with
their flags. Solutions are named by their short titles, the Đảng ủy's wording on hover.
"""

import streamlit as st

from dashboard import charts, fmt, progress, settings, tables, ui
from dashboard.progress import Focus

ctx = ui.page_setup("solutions", title_key="page.solutions.title")

# ---- data
stale_days = int(settings.get("DASHBOARD_STALE_DAYS"))
today = {"today": ctx.today}
actions = ctx.query("solutions.actions", **today)
if actions.empty:
    st.info(ctx.t("solutions.empty"), icon=":material/info:")
    st.stop()
actions = progress.with_stale(progress.unit_names(actions, ctx.lang), stale_days)
matrix = progress.unit_names(ctx.query("solutions.matrix", **today), ctx.lang)
timeline = ctx.query("solutions.timeline", **today)
titles = ctx.solution_titles()
units = list(dict.fromkeys(matrix["branch_code"]))
unit_names = dict(zip(matrix["branch_code"], matrix["branch_name"]))
statuses = ctx.labels("action_status")
focus = ui.url.focus(titles, units)
PICK = "matrix_pick"

# ---- the matrix: a click narrows the page, a second click on the same cell clears it
st.subheader(ctx.t("solutions.matrix.title"))
st.caption(ctx.t("solutions.matrix.help"))
event = st.vega_lite_chart(
    spec=ctx.chart(charts.matrix, matrix, ctx.lang, titles, PICK, (focus.solution, focus.unit)),
    on_select="rerun", selection_mode=[PICK, f"{PICK}_text"], width="stretch",
    key=f"solutions_matrix_{st.session_state.get(ui.url.FOCUS_GENERATION, 0)}")
selection = (event or {}).get("selection") or {}
picked = selection.get(PICK) or selection.get(f"{PICK}_text") or []
if picked:
    clicked = Focus(int(picked[0]["solution"]), str(picked[0]["branch_code"]))
    ui.url.set_focus(Focus() if clicked == focus else clicked)
    st.rerun()
if focus.active:
    left, right = st.columns([3, 1], vertical_alignment="center")
    left.markdown(":material/filter_alt: " + ui.plain(ctx.t(
        "solutions.focus", solution=fmt.solution_label(focus.solution, titles) if focus.solution
        else ctx.t("solutions.all_solutions"),
        unit=unit_names.get(focus.unit, "") if focus.unit else ctx.t("filter.cell.all"))))
    if right.button(ctx.t("solutions.focus.clear"), key="focus_clear", icon=":material/filter_alt_off:"):
        ui.url.set_focus(Focus())
        st.rerun()

shown = progress.narrow(actions, focus)
if shown.empty:
    st.info(ctx.t("solutions.focus.empty"), icon=":material/info:")
    st.stop()

# ---- over time, and how many actions are on time
left, right = st.columns([3, 2])
with left:
    st.subheader(ctx.t("solutions.timeline.title"))
    st.caption(ctx.t("solutions.timeline.help"))
    series = progress.series_by_solution(progress.narrow(timeline, focus))
    st.vega_lite_chart(spec=ctx.chart(charts.timeline, series, ctx.lang, titles), width="stretch")
on_time = progress.on_time_by_unit(shown, units)
with right:
    st.subheader(ctx.t("solutions.l1.title"))
    st.caption(ctx.t("solutions.l1.help", today=fmt.fmt_date(ctx.today), limitation=ctx.limitation("L1")))
    st.vega_lite_chart(spec=ctx.chart(charts.on_time, on_time, ctx.lang), width="stretch")
st.dataframe(tables.display(on_time, [
    ("branch_name", "col.cell", "text"), ("actions", "col.actions", "int"),
    ("on_time", "solutions.col.on_time", "int"), ("on_time_share", "solutions.col.on_time_share", "ratio"),
    ("done_late", "solutions.col.done_late", "int"), ("overdue", "col.overdue", "int"),
    ("days_late_total", "solutions.col.days_late_total", "int"),
    ("days_late_max", "solutions.col.days_late_max", "int"),
], ctx.lang), hide_index=True, width="stretch")

# ---- the actions; the flags come right after the figures they qualify, the owner, least read, last
st.subheader(ctx.t("solutions.actions.title"))
st.caption(ctx.t("solutions.actions.count", n=len(shown), overdue=int(shown["overdue"].sum()),
                 stale=int(shown["stale"].sum()), days=stale_days, backwards=int(shown["went_backwards"].sum())))
page_rows = ui.page_of(ctx, shown, "actions_table")   # the sector has 120.000 actions: a page at a time
page_rows = page_rows.assign(
    status_name=[statuses.get(s, s) for s in page_rows["status"]],
    solution_text=[fmt.solution_label(n, titles) for n in page_rows["solution"]],
    flags=[progress.flag_words(row, ctx.lang) for row in page_rows.to_dict("records")],
)
st.dataframe(tables.display(page_rows, [
    ("action_code", "solutions.col.code", "text"), ("solution_text", "col.solution", "text"),
    ("branch_name", "col.cell", "text"), ("description", "col.description", "text"),
    ("due_on", "col.due", "date"), ("last_reported_on", "col.last_report", "date"),
    ("percent", "col.progress", "percent"), ("status_name", "col.status", "text"),
    ("flags", "solutions.col.flags", "text"), ("owner", "col.owner", "text"),
], ctx.lang), hide_index=True, width="stretch", column_config={
    ctx.t("col.description"): st.column_config.TextColumn(width="large"),
    ctx.t("col.solution"): st.column_config.TextColumn(width="medium"),
    ctx.t("solutions.col.flags"): st.column_config.TextColumn(width="medium"),
})
