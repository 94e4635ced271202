"""Tiến độ giải pháp: how far each of the six solutions has got, in each cell."""

import streamlit as st

from dashboard import charts, tables, ui

ctx = ui.page_setup("solutions", title_key="page.solutions.title")

actions = ctx.query("solutions.actions", include_committee=ctx.all_branches, today=ctx.today)
if actions.empty:
    ui.empty_notice(ctx)
    st.stop()

matrix = ctx.query("solutions.matrix", include_committee=ctx.all_branches, today=ctx.today)
matrix = matrix.assign(branch_name=[ctx.branch_name(c) if c == "DANG_UY" else n
                                    for c, n in zip(matrix["branch_code"], matrix["branch_name"])])
st.subheader(ctx.t("solutions.matrix"))
st.altair_chart(charts.matrix_heat(matrix, ctx.lang), width="stretch")

actions = actions.assign(
    branch_name=[ctx.branch_name(c) if c == "DANG_UY" else n
                 for c, n in zip(actions["branch_code"], actions["branch_name"])],
    status_name=[ctx.label("action_status", s) for s in actions["status"]],
)
st.subheader(ctx.t("solutions.actions"))
st.dataframe(
    tables.display(actions, [
        ("solution", "col.solution", "int"), ("branch_name", "col.branch", "text"),
        ("description", "col.description", "text"), ("owner", "col.owner", "text"),
        ("due_on", "col.due", "date"), ("last_reported_on", "col.last_report", "date"),
        ("percent", "col.progress", "percent"), ("status_name", "col.status", "text"),
        ("overdue", "col.overdue", "yesno"),
    ], ctx.lang),
    hide_index=True, width="stretch")
