"""Tổng quan: the leadership's first glance at the state of the Đảng bộ.

Setup, data, then views: KPI cards with their change and sparkline, the written summary, the
ranking and the six solutions side by side, then the biggest movers and what needs attention.
Cards and summary are drawn from one ``summary.Figures`` built from the same query results, so
they say the same numbers.
"""

import streamlit as st

from dashboard import charts, fmt, rankings, summary, ui

ctx = ui.page_setup("overview")
if ctx.period is None:
    st.info(ctx.t("overview.no_period"), icon=":material/info:")
    st.stop()

# ---- data
board = ctx.overview_board()
fig = ctx.overview(ranked=rankings.shows_ranks(ctx.user.scope))
by_solution = fig.by_solution
period_text, today_text = ctx.period_label(), fmt.fmt_date(ctx.today)
CHART_HEIGHT = 170   # with the cards and a summary of six lines, fits above the fold at 1366×768
# (card, label key, colour of a rise). The help of each card says what its arrow compares with:
# the previous period for period cards, the last month end for the others.
CARDS = (("avg_score", "overview.avg_score", "normal"), ("good_or_better", "overview.good_or_better", "normal"),
         ("meetings", "overview.meetings", "normal"), ("progress", "overview.progress", "normal"),
         ("overdue", "overview.overdue", "inverse"))
URGENT_SHOWN = 5   # one of each kind there is comes first (summary.urgent)
URGENT_ICONS = {"rule": ":material/gavel:", "limitation": ":material/troubleshoot:", "overdue": ":material/schedule:",
                "projection": ":material/trending_down:", "scores": ":material/rule:",
                "stale": ":material/update_disabled:"}


def card_help(name: str) -> str:
    return ctx.t(f"overview.help.{name}", period=period_text, date=today_text,
                 compared=summary.compared_label(fig, name, ctx.lang) or "—")


# ---- KPI cards: cells and members share the first column, without sparklines, so that six
# columns fit beside the sidebar at 1366 px.
columns = st.columns(1 + len(CARDS), gap="small")
with columns[0], st.container(gap=None):
    st.metric(ctx.t("overview.cells"), fmt.count_text(fig.cells, ctx.lang), help=ctx.t("overview.help.cells"))
    st.metric(ctx.t("overview.members"), summary.value_text(fig, "members", ctx.lang),
              delta=summary.delta_text(fig, "members", ctx.lang), delta_color="off", help=card_help("members"))
for column, (name, label, colour) in zip(columns[1:], CARDS):
    card = getattr(fig, name)
    column.metric(ctx.t(label), summary.value_text(fig, name, ctx.lang),
                  delta=summary.delta_text(fig, name, ctx.lang), delta_color=colour, help=card_help(name),
                  chart_data=list(card.series) if len(card.series) > 1 else None, chart_type="area")

# ---- the written summary
with st.container(key="overview_summary"):
    st.markdown(f"**{ctx.t('overview.summary.title')}.** " + ui.plain(" ".join(summary.sentences(fig, ctx.lang))))

# ---- two charts (in keyed containers: the browser test finds them by key)
left, right = st.columns(2)
with left, st.container(key="overview_ranking"):
    if board.empty:
        ui.empty_notice(ctx)
    else:
        st.vega_lite_chart(spec=ctx.chart(charts.ranking_bars, board if fig.ranked else rankings.without_ranks(board),
                                          ctx.level_names(), ctx.lang, CHART_HEIGHT,
                                          ctx.t("overview.ranking.title", period=period_text)), width="stretch")
with right, st.container(key="overview_solutions"):
    if by_solution["actions"].sum() == 0:
        st.info(ctx.t("summary.no_actions"), icon=":material/info:")
    else:
        st.vega_lite_chart(spec=ctx.chart(charts.solution_bars, by_solution, ctx.lang, CHART_HEIGHT,
                                          ctx.t("overview.solutions.title")), width="stretch")

# ---- biggest movers, and what needs attention
left, right = st.columns([2, 3])
with left:
    previous = summary.compared_label(fig, "avg_score", ctx.lang) or fig.previous_period
    st.markdown(f"**{ctx.t('overview.movers.title', previous=previous)}**")
    if fig.riser is None and fig.faller is None and not board["total_change"].notna().any():
        st.caption(ctx.t("overview.movers.no_compare"))
    else:
        for mover, title, none in ((fig.riser, "overview.movers.rise", "overview.movers.none_up"),
                                   (fig.faller, "overview.movers.fall", "overview.movers.none_down")):
            if mover is None:
                st.markdown(f"{ctx.t(title)}: {ctx.t(none)}")
            else:
                st.markdown(f"{ctx.t(title)}: **{ui.plain(mover.branch_name)}** "
                            f"({ui.plain(summary.move_text(mover, ctx.lang, fig.ranked))})")
with right:
    items, count = summary.urgent(fig, ctx.lang, limit=URGENT_SHOWN), summary.urgent_count(fig)
    st.markdown(f"**{ctx.t('overview.urgent.title')}**")
    if not items:
        st.caption(ctx.t("overview.urgent.none"))
    for item in items:
        st.markdown(f"{URGENT_ICONS[item.kind]} **{ctx.t('overview.urgent.kind.' + item.kind)}** · "
                    f"{ui.plain(item.text)}")
    if count > URGENT_SHOWN:
        st.caption(ctx.t("overview.urgent.more", n=count - URGENT_SHOWN))

# ---- the report to the higher committee, made on request for this period and these cells
ui.report_button(ctx)
