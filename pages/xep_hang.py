"""Xếp hạng chi bộ: which cells do well, which slip, by the period's scores."""

import streamlit as st

from dashboard import charts, tables, ui

ctx = ui.page_setup("ranking")

if ctx.period is None:
    ui.empty_notice(ctx)
    st.stop()

board = ctx.query("rankings.leaderboard", period=ctx.period)
levels = ctx.query("reference.levels")
st.caption(ctx.t("ranking.caption"))

if board.empty:
    ui.empty_notice(ctx)
    st.stop()

board = board.assign(
    computed_name=[ctx.label("level", c) if c else ctx.t("ranking.incomplete")
                   for c in board["computed_level"].fillna("")],
    decided_name=[ctx.label("level", c) for c in board["decided_level"].fillna("")],
)
st.dataframe(
    tables.display(board, [
        ("rank", "col.rank", "int"), ("rank_change", "col.rank_change", "rank_delta"),
        ("branch_name", "col.branch", "text"), ("total_score", "col.total", "score"),
        ("total_change", "col.total_change", "delta"), ("common_score", "col.common", "score"),
        ("task_score", "col.tasks", "score"), ("computed_name", "col.level", "text"),
        ("decided_name", "col.decided", "text"), ("complete", "col.complete", "yesno"),
    ], ctx.lang),
    hide_index=True, width="stretch", key="ranking_table")

st.subheader(ctx.t("ranking.chart"))
st.altair_chart(charts.totals_bar(board, levels, ctx.lang), width="stretch")

trend = ctx.query("rankings.yearly_trend")
if not trend.empty:
    st.subheader(ctx.t("ranking.trend"))
    st.altair_chart(charts.trend_lines(trend, ctx.lang), width="stretch")
