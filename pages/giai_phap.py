"""Tiến độ giải pháp: how far each of the six solutions has got, in each unit (a cell, or the Đảng ủy).

Setup, data, then views: the solution × unit matrix (a click narrows the page to that solution
and unit, kept in the address as ?giai_phap=5&don_vi=CB03), progress over time, the on-time
share per unit (the limitation "slow to turn resolutions into plans") and the actions with
their flags. Solutions are named by their short titles, the Đảng ủy's wording on hover.
"""

import streamlit as st

from dashboard import charts, fmt, progress, projection, settings, ui
from dashboard.progress import Focus

ctx = ui.page_setup("solutions", title_key="page.solutions.title")

# ---- data: what the page derives from its reads is kept for every reader of the same view
stale_days = int(settings.get("DASHBOARD_STALE_DAYS"))
today = {"today": ctx.today}
reports = projection.reports_used()


def read():
    actions = ctx.query("solutions.actions", **today)
    if actions.empty:
        return None
    matrix = progress.unit_names(ctx.query("solutions.matrix", **today), ctx.lang)
    return (progress.with_stale(progress.unit_names(actions, ctx.lang), stale_days), matrix,
            ctx.query("projections.actions", reports=reports, stale_days=None, **today))


data = ctx.kept("data", read, stale_days, reports)
if data is None:
    st.info(ctx.t("solutions.empty"), icon=":material/info:")
    st.stop()
actions, matrix, projections = data
titles = ctx.solution_titles()
units = list(dict.fromkeys(matrix["branch_code"]))
unit_names = dict(zip(matrix["branch_code"], matrix["branch_name"]))
statuses = ctx.labels("action_status")
focus = ui.url.focus(titles, units)
timeline_read = progress.timeline_read(len(ctx.cell_options), ctx.today, focus.unit)
ctx.prefetch(timeline_read[0], **timeline_read[1])   # read while the matrix is drawn
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
focus_text = ctx.t("solutions.focus", solution=fmt.solution_label(focus.solution, titles) if focus.solution
                   else ctx.t("solutions.all_solutions"),
                   unit=unit_names.get(focus.unit, "") if focus.unit else ctx.t("filter.cell.all"))
if focus.active:
    left, right = st.columns([3, 1], vertical_alignment="center")
    left.markdown(":material/filter_alt: " + ui.plain(focus_text))
    if right.button(ctx.t("solutions.focus.clear"), key="focus_clear", icon=":material/filter_alt_off:"):
        ui.url.set_focus(Focus())
        st.rerun()


def focused():
    """The actions of the focus, progress over time per solution (summed over the units shown,
    or the one the focus names), the projected finishes, the on-time share per unit."""
    shown = progress.narrow(actions, focus)
    if shown.empty:
        return None
    timeline = progress.timeline_rows(ctx.query(timeline_read[0], **timeline_read[1]), focus)
    finishes = projection.by_group(progress.narrow(projections, focus), ["solution"])
    finishes = finishes.assign(words=[projection.group_words(r, ctx.lang) for r in finishes.to_dict("records")])
    return (shown, progress.series_by_solution(timeline), finishes,
            progress.on_time_by_unit(shown, units))


view = ctx.kept("focused", focused, stale_days, reports, focus)
if view is None:
    st.info(ctx.t("solutions.focus.empty"), icon=":material/info:")
    st.stop()
shown, series, finishes, on_time = view

# ---- over time, and how many actions are on time
left, right = st.columns([3, 2])
with left:
    st.subheader(ctx.t("solutions.timeline.title"))
    st.caption(ctx.t("solutions.timeline.help"))
    timeline_spec = ctx.chart(charts.timeline, series, ctx.lang, titles, finishes)
    st.vega_lite_chart(spec=timeline_spec, width="stretch")
    ui.chart_downloads(ctx, timeline_spec, ctx.t("solutions.timeline.file"), "timeline_chart")
    st.caption(ctx.t("solutions.projection.help", n=reports))
with right:
    st.subheader(ctx.t("solutions.l1.title"))
    st.caption(ctx.t("solutions.l1.help", today=fmt.fmt_date(ctx.today), limitation=ctx.limitation("L1")))
    st.vega_lite_chart(spec=ctx.chart(charts.on_time, on_time, ctx.lang), width="stretch")
choices = [(ctx.t("download.focus"), focus_text)] if focus.active else []
ui.table(ctx, on_time, [
    ("branch_name", "col.cell", "text"), ("actions", "col.actions", "int"),
    ("on_time", "solutions.col.on_time", "int"), ("on_time_share", "solutions.col.on_time_share", "ratio"),
    ("done_late", "solutions.col.done_late", "int"), ("overdue", "col.overdue", "int"),
    ("days_late_total", "solutions.col.days_late_total", "int"),
    ("days_late_max", "solutions.col.days_late_max", "int"),
], what=ctx.t("solutions.l1.file"), key="on_time", filters=choices, title=ctx.t("solutions.l1.title"),
    kept=(stale_days, reports, focus))

# ---- the actions; the flags come right after the figures they qualify, the owner, least read, last
st.subheader(ctx.t("solutions.actions.title"))
st.caption(ctx.t("solutions.actions.count", n=len(shown), overdue=int(shown["overdue"].sum()),
                 stale=int(shown["stale"].sum()), days=stale_days, backwards=int(shown["went_backwards"].sum())))


def written(rows):
    """The columns written row by row, for the rows shown (a page) or a file (every row); the
    projections of those rows only (all 120.000 as dicts cost 1,5 s a rerun at sector scale)."""
    mine = projections[projections["action_code"].isin(rows["action_code"])]
    projected = {r["action_code"]: r for r in mine.to_dict("records")}
    return rows.assign(
        status_name=[statuses.get(s, s) for s in rows["status"]],
        solution_text=[fmt.solution_label(n, titles) for n in rows["solution"]],
        flags=[progress.flag_words(row, ctx.lang) for row in rows.to_dict("records")],
        projection_text=[projection.action_words(projected[code], ctx.lang) if code in projected else ""
                         for code in rows["action_code"]],
    )


ui.table(ctx, shown, [
    ("action_code", "solutions.col.code", "text"), ("solution_text", "col.solution", "text"),
    ("branch_name", "col.cell", "text"), ("description", "col.description", "text"),
    ("due_on", "col.due", "date"), ("last_reported_on", "col.last_report", "date"),
    ("percent", "col.progress", "percent"), ("status_name", "col.status", "text"),
    ("flags", "solutions.col.flags", "text"), ("projection_text", "solutions.col.projection", "text"),
    ("owner", "col.owner", "text"),
], what=ctx.t("solutions.actions.file"), key="actions", filters=choices, title=ctx.t("solutions.actions.title"),
    prepare=written, kept=(stale_days, reports, focus), column_config={
    ctx.t("solutions.col.projection"): st.column_config.TextColumn(width="large"),
    ctx.t("col.description"): st.column_config.TextColumn(width="large"),
    ctx.t("col.solution"): st.column_config.TextColumn(width="medium"),
    ctx.t("solutions.col.flags"): st.column_config.TextColumn(width="medium"),
})
