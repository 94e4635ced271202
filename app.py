"""Tổng quan: the leadership's first glance at the state of the Đảng bộ."""

import streamlit as st

from dashboard import charts, i18n, tables, ui

ctx = ui.page_setup("overview")

if ctx.period is None:
    ui.empty_notice(ctx)
    st.stop()

headline = ctx.query("overview.headline", period=ctx.period).iloc[0]
by_solution = ctx.query("solutions.by_solution", include_committee=ctx.all_branches, today=ctx.today)
board = ctx.query("rankings.leaderboard", period=ctx.period, compare="previous")
levels = ctx.query("reference.levels")

progress = by_solution["percent"].mean() if by_solution["actions"].sum() else None
overdue = int(by_solution["overdue"].sum())
delta = (headline["avg_score"] - headline["prev_avg_score"]
         if headline["avg_score"] == headline["avg_score"] and headline["prev_avg_score"] == headline["prev_avg_score"]
         else None)

cards = st.columns(5)
cards[0].metric(ctx.t("overview.cells"), i18n.fmt_number(headline["branches"], 0, ctx.lang))
cards[1].metric(ctx.t("overview.members"), i18n.fmt_number(headline["members"], 0, ctx.lang))
cards[2].metric(ctx.t("overview.avg_score"), i18n.fmt_number(headline["avg_score"], 1, ctx.lang),
                delta=i18n.fmt_number(delta, 1, ctx.lang) if delta is not None else None,
                help=ctx.period_label())
cards[3].metric(ctx.t("overview.progress"), f"{i18n.fmt_number(progress, 0, ctx.lang)} %"
                if progress is not None else "—")
cards[4].metric(ctx.t("overview.overdue"), i18n.fmt_number(overdue, 0, ctx.lang))

left, right = st.columns(2)
with left:
    st.subheader(ctx.t("overview.ranking", period=ctx.period_label()))
    if board.empty:
        ui.empty_notice(ctx)
    else:
        st.altair_chart(charts.totals_bar(board, levels, ctx.lang), width="stretch")
with right:
    st.subheader(ctx.t("overview.by_solution"))
    st.altair_chart(charts.progress_by_solution(by_solution, ctx.lang), width="stretch")
