"""Xếp hạng chi bộ: which cells do well, which slip, and why, by the Party's own rules."""

import streamlit as st

from dashboard import charts, fmt, periods, rankings, rules, ui

ctx = ui.page_setup("ranking")
if ctx.period is None:
    ui.empty_notice(ctx)
    st.stop()

# ---- setup: what to compare with, how to sort
period = periods.parse_period(ctx.period)
left, right = st.columns(2)
with left:
    compare = ui.url_choice(ctx, ui.url.P_COMPARE, rankings.COMPARE, "ranking.compare",
                            {o: ctx.t(f"ranking.compare.{o}") for o in rankings.COMPARE})
with right:
    sort_by = ui.url_choice(ctx, ui.url.P_SORT, rankings.SORTS, "ranking.sort",
                            {o: ctx.t(f"ranking.sort.{o}") for o in rankings.SORTS})
ui.clear_filter_button(ctx)

# ---- data: the board as the page shows it is kept for every reader of the same view
ranked = rankings.shows_ranks(ctx.user.scope)   # a user limited to some cells sees no rank
findings = ctx.findings(years={period.year})   # each cites the source in force for that year


def shown_board():
    board = rankings.leaderboard(ctx.query, ctx.period, compare)
    if board.empty:
        return None
    flags = rankings.flags(findings, period.year)
    board = rankings.sort_board(board, sort_by).assign(
        computed_name=lambda b: [ctx.label("level", c, short=True) if c else ctx.t("ranking.incomplete")
                                 for c in b["computed_level"].fillna("")],
        decided_name=lambda b: [ctx.label("level", c, short=True) for c in b["decided_level"].fillna("")],
        rank_text=lambda b: [fmt.rank_with_change(r, ch) for r, ch in zip(b["rank"], b["rank_change"])],
        flag_text=lambda b: [rankings.flag_text(flags.get(c), ctx.lang) for c in b["branch_code"]],
    )
    return board if ranked else rankings.without_ranks(board.drop(columns=["rank_text"]))


board = ctx.kept("board", shown_board, compare, sort_by)
if board is None:
    ui.empty_notice(ctx)
    st.stop()
levels = ctx.query("reference.levels")
every_cell = list(ctx.cell_options["branch_code"])
other = rankings.comparison_period(ctx.period, compare)
score_source = str(board["score_source"].iloc[0])
bands = rankings.bands_of(ctx.query("reference.thresholds"), score_source)

# ---- leaderboard: click a row to narrow the page to that cell
st.caption(ctx.t("ranking.caption") + " " + (ctx.t("ranking.compared_with", period=ctx.period_label(other))
                                              if board["prev_total"].notna().any()
                                              else ctx.t("ranking.no_comparison", period=ctx.period_label(other)))
           + " " + ctx.t("ranking.bands", htnv=fmt.fmt_number(bands[0], 0, ctx.lang),
                         httnv=fmt.fmt_number(bands[1], 0, ctx.lang), htxsnv=fmt.fmt_number(bands[2], 0, ctx.lang),
                         source=ctx.citation(score_source)))
if not ranked:
    st.caption(ctx.t("ranking.rank_hidden"))
choices = [(ctx.t("ranking.compare"), ctx.t(f"ranking.compare.{compare}")),
           (ctx.t("ranking.sort"), ctx.t(f"ranking.sort.{sort_by}"))]
table_event = ui.table(
    ctx, board, ([("rank_text", "col.rank", "text")] if ranked else []) + [
        ("branch_name", "col.cell", "text"), ("total_score", "col.total", "score"),
        ("total_change", f"ranking.compare.{compare}", "delta"), ("common_score", "col.common", "score"),
        ("task_score", "col.tasks", "score"), ("computed_name", "col.level", "text"),
        ("decided_name", "col.decided", "text"), ("flag_text", "ranking.flags", "text"),
    ], what=ctx.t("ranking.file"), key="ranking", filters=choices, title=ctx.t("page.ranking"), kept=(compare, sort_by),
    on_select="rerun", selection_mode="single-row", table_key=ui.selection_key("ranking_table"),
    # Narrow number columns so the flags stay in view on a laptop screen.
    column_config={ctx.t(k): st.column_config.TextColumn(width="small") for k in (
        ("col.rank",) if ranked else ()) + ("col.total", f"ranking.compare.{compare}", "col.common", "col.tasks")})
rows = table_event.selection.rows if table_event else []
if rows and [board.iloc[rows[0]]["branch_code"]] != ctx.selected_cells:
    ui.select_cells([board.iloc[rows[0]]["branch_code"]])

# ---- bar chart: click a bar to narrow the page to that cell
st.subheader(ctx.t("ranking.chart"))
st.caption(ctx.t("ranking.chart_help"))
bars = ctx.chart(charts.totals_bar, board, levels, ctx.lang, bands, "pick")
chart_event = st.vega_lite_chart(bars, width="stretch", on_select="rerun", selection_mode="pick",
                                 key=ui.selection_key("ranking_chart"))
ui.chart_downloads(ctx, bars, ctx.t("ranking.chart_file"), "ranking_chart")
picked = [p.get("branch_code") for p in (chart_event or {}).get("selection", {}).get("pick", []) or []]
picked = [c for c in picked if c]
if picked and picked[:1] != ctx.selected_cells:
    ui.select_cells(picked[:1])

# ---- "Vì sao?" for one cell
ui.why.panel(ctx, board, findings, compare, ranked, period.year)

# ---- criteria heat map and history
st.subheader(ctx.t("ranking.heatmap"))
matrix = ctx.query("rankings.criteria_matrix", period=ctx.period)
if not matrix.empty:
    st.vega_lite_chart(ctx.chart(charts.criteria_heat, matrix, ctx.lang), width="stretch")
history = ctx.query("rankings.history", kind=period.kind)
if not history.empty:
    st.subheader(ctx.t("ranking.trend" if ranked else "ranking.trend_unranked"))
    labels = {p: ctx.period_label(p) for p in history["period"].unique()}
    st.vega_lite_chart(ctx.chart(charts.history_lines, history if ranked else rankings.without_ranks(history),
                                 ctx.lang, labels, ranked), width="stretch")

# ---- members: distribution of levels and the quota
st.subheader(ctx.t("members.title"))
member_levels = ctx.query("rankings.member_levels")
if not member_levels.empty:
    st.caption(ctx.t("members.distribution"))
    st.vega_lite_chart(ctx.chart(charts.member_levels, member_levels, ctx.lang, ctx.level_names()))
    quota = ctx.query("rankings.member_quota", branches=every_cell, **rules.QuotaSettings.from_settings().params())
    st.caption(ctx.t("members.quota"))
    st.vega_lite_chart(ctx.chart(charts.member_quota, quota, ctx.lang), width="stretch")

# ---- every finding of the year for the selection
st.subheader(ctx.t("findings.title_year", year=period.year))
shown = ctx.of_cells_shown(findings, dang_bo=True)
ui.findings_table(ctx, shown, key="findings_table", what=ctx.t("findings.title_year", year=period.year), kept=())
