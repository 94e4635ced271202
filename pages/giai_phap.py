"""Tiến độ giải pháp: how far each of the six solutions has got, in each cell.

Setup, queries, then views: the solution × unit matrix (a click narrows the page to that
solution and unit, kept in the URL as ?giai_phap=5&don_vi=CB03), progress over time, the
on-time share per unit (the limitation "slow to turn resolutions into plans") and the
actions with their flags. Solutions are named by their short titles, the Đảng ủy's wording on
hover.
"""

import streamlit as st

from dashboard import charts_progress, i18n, progress, settings, tables, ui
from dashboard.progress import Focus

ctx = ui.page_setup("solutions", title_key="page.solutions.title")
P_SOLUTION, P_UNIT = "giai_phap", "don_vi"
stale_days = int(settings.get("DASHBOARD_STALE_DAYS"))
# The Đảng ủy's own actions belong to the whole Đảng bộ view, not to a chosen cell.
scope = {"today": ctx.today}

actions = ctx.query("solutions.actions", **scope)
if actions.empty:
    st.info(ctx.t("gp.empty"), icon=":material/info:")
    st.stop()
actions = progress.with_stale(progress.unit_names(actions, ctx.lang), stale_days)
matrix = progress.unit_names(ctx.query("solutions.matrix", **scope), ctx.lang)
timeline = ctx.query("solutions.timeline", **scope)
titles = ctx.solution_titles()
units = list(dict.fromkeys(matrix["branch_code"]))
unit_names = dict(zip(matrix["branch_code"], matrix["branch_name"]))


@st.cache_data(show_spinner=False, max_entries=256)
def drawn(build: str, *args) -> dict:
    """A chart's Vega-Lite spec, built and validated once per input; reruns reuse it."""
    return charts_progress.spec(getattr(charts_progress, build)(*args))


def read_focus() -> Focus:
    """The matrix cell in the URL, ignoring values that are not on the page."""
    solution = st.query_params.get(P_SOLUTION)
    unit = st.query_params.get(P_UNIT)
    return Focus(int(solution) if solution in {"1", "2", "3", "4", "5", "6"} else None,
                 unit if unit in unit_names else None)


def set_focus(new: Focus) -> None:
    for name, value in ((P_SOLUTION, new.solution), (P_UNIT, new.unit)):
        if value is None:
            if name in st.query_params:
                del st.query_params[name]
        else:
            st.query_params[name] = str(value)
    # A new chart key forgets the click, so that the chart shows the focus from the URL.
    st.session_state["_gp_generation"] = st.session_state.get("_gp_generation", 0) + 1


focus = read_focus()

# ---- the matrix
st.subheader(ctx.t("gp.matrix.title"))
st.caption(ctx.t("gp.matrix.help"))
event = st.vega_lite_chart(
    spec=drawn("matrix", matrix, ctx.lang, titles, "gp_cell", (focus.solution, focus.unit)),
    on_select="rerun", selection_mode=["gp_cell", "gp_cell_text"], width="stretch",
    key=f"gp_matrix_{st.session_state.get('_gp_generation', 0)}")
selection = (event or {}).get("selection") or {}
picked = selection.get("gp_cell") or selection.get("gp_cell_text") or []
if picked:
    clicked = Focus(int(picked[0]["solution"]), str(picked[0]["branch_code"]))
    set_focus(Focus() if clicked == focus else clicked)   # a second click on the same cell clears it
    st.rerun()
if focus.active:
    left, right = st.columns([3, 1], vertical_alignment="center")
    left.markdown(":material/filter_alt: " + ui.plain(ctx.t(
        "gp.focus", solution=charts_progress.solution_label(focus.solution, titles) if focus.solution
        else ctx.t("gp.all_solutions"),
        unit=unit_names.get(focus.unit, "") if focus.unit else ctx.t("filter.branch.all"))))
    if right.button(ctx.t("gp.focus.clear"), key="gp_clear", icon=":material/filter_alt_off:"):
        set_focus(Focus())
        st.rerun()

shown = progress.narrow(actions, focus)
if shown.empty:
    st.info(ctx.t("gp.focus.empty"), icon=":material/info:")
    st.stop()

# ---- over time, and how many actions are on time
left, right = st.columns([3, 2])
with left:
    st.subheader(ctx.t("gp.timeline.title"))
    st.caption(ctx.t("gp.timeline.help"))
    series = progress.series_by_solution(progress.narrow(timeline, focus))
    st.vega_lite_chart(spec=drawn("timeline", series, ctx.lang, titles), width="stretch")
on_time = progress.on_time_by_unit(shown, units)
with right:
    st.subheader(ctx.t("gp.l1.title"))
    st.caption(ctx.t("gp.l1.help", today=i18n.fmt_date(ctx.today), limitation=ctx.limitation("L1")))
    st.vega_lite_chart(spec=drawn("on_time", on_time, ctx.lang), width="stretch")
st.dataframe(tables.display(on_time, [
    ("branch_name", "col.branch", "text"), ("actions", "col.actions", "int"),
    ("on_time", "gp.col.on_time", "int"), ("on_time_share", "gp.col.on_time_share", "ratio"),
    ("done_late", "gp.col.done_late", "int"), ("overdue", "col.overdue", "int"),
    ("days_late_total", "gp.col.days_late_total", "int"), ("days_late_max", "gp.col.days_late_max", "int"),
], ctx.lang), hide_index=True, width="stretch")

# ---- the actions
st.subheader(ctx.t("gp.actions.title"))
st.caption(ctx.t("gp.actions.count", n=len(shown), overdue=int(shown["overdue"].sum()),
                 stale=int(shown["stale"].sum()), days=stale_days, backwards=int(shown["went_backwards"].sum())))
enum = ctx.query("reference.enum_labels")
statuses = enum[enum["domain"] == "action_status"]
status_names = dict(zip(statuses["code"], statuses["name_vi" if ctx.lang == "vi" else "name_en"]))
shown = shown.assign(
    status_name=[status_names.get(s, s) for s in shown["status"]],
    solution_text=[charts_progress.solution_label(n, titles) for n in shown["solution"]],
    flags=[progress.flag_words(row, ctx.lang) for row in shown.to_dict("records")],
)
# The flags come right after the figures they qualify; the owner, least read, last.
st.dataframe(tables.display(shown, [
    ("action_code", "gp.col.code", "text"), ("solution_text", "col.solution", "text"),
    ("branch_name", "col.branch", "text"), ("description", "col.description", "text"),
    ("due_on", "col.due", "date"), ("last_reported_on", "col.last_report", "date"),
    ("percent", "col.progress", "percent"), ("status_name", "col.status", "text"),
    ("flags", "gp.col.flags", "text"), ("owner", "col.owner", "text"),
], ctx.lang), hide_index=True, width="stretch", column_config={
    ctx.t("col.description"): st.column_config.TextColumn(width="large"),
    ctx.t("col.solution"): st.column_config.TextColumn(width="medium"),
    ctx.t("gp.col.flags"): st.column_config.TextColumn(width="medium"),
})
