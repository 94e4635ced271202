"""Xếp hạng chi bộ: which cells do well, which slip, and why, by the Party's own rules."""

import streamlit as st

from dashboard import charts, i18n, periods, rankings, rules, tables, ui

ctx = ui.page_setup("ranking")
if ctx.period is None:
    ui.empty_notice(ctx)
    st.stop()

period = periods.parse_period(ctx.period)
left, right = st.columns(2)
with left:
    compare = ui.url_choice(ctx, "so_sanh", ["previous", "year_before"], "ranking.compare",
                            {o: ctx.t(f"ranking.compare.{o}") for o in ("previous", "year_before")})
with right:
    sort_by = ui.url_choice(ctx, "sap_xep", ["score", "change"], "ranking.sort",
                            {o: ctx.t(f"ranking.sort.{o}") for o in ("score", "change")})
ui.clear_filter_button(ctx)

board = rankings.leaderboard(ctx.query, ctx.period, compare)
levels = ctx.query("reference.levels")
all_codes = list(ctx.branch_options["branch_code"])
# The findings of the period's year: each cites the source in force for that year.
findings = ctx.findings(years={period.year})
if board.empty:
    ui.empty_notice(ctx)
    st.stop()

ranked = rankings.shows_ranks(ctx.user.scope)   # a user limited to some cells sees no rank
other = rankings.comparison_period(ctx.period, compare)
score_source = str(board["score_source"].iloc[0])
bands = rankings.bands_of(ctx.query("reference.thresholds"), score_source)
st.caption(ctx.t("ranking.caption") + " " + (ctx.t("ranking.compared_with", period=ctx.period_label(other))
                                              if board["prev_total"].notna().any()
                                              else ctx.t("ranking.no_comparison", period=ctx.period_label(other)))
           + " " + ctx.t("ranking.bands", htnv=i18n.fmt_number(bands[0], 0, ctx.lang),
                         httnv=i18n.fmt_number(bands[1], 0, ctx.lang), htxsnv=i18n.fmt_number(bands[2], 0, ctx.lang),
                         source=ctx.citation(score_source)))

# ---- leaderboard
flags = rankings.flags(findings, period.year)
board = rankings.sort_board(board, sort_by).assign(
    computed_name=lambda b: [ctx.label("level", c, short=True) if c else ctx.t("ranking.incomplete")
                             for c in b["computed_level"].fillna("")],
    decided_name=lambda b: [ctx.label("level", c, short=True) for c in b["decided_level"].fillna("")],
    rank_text=lambda b: [tables.rank_with_change(r, ch) for r, ch in zip(b["rank"], b["rank_change"])],
    flag_text=lambda b: [rankings.flag_text(flags.get(c), ctx.lang) for c in b["branch_code"]],
)
if not ranked:
    board = rankings.without_ranks(board.drop(columns=["rank_text"]))
    st.caption(ctx.t("ranking.rank_hidden"))
table_event = st.dataframe(
    tables.display(board, ([("rank_text", "col.rank", "text")] if ranked else []) + [
        ("branch_name", "col.branch", "text"), ("total_score", "col.total", "score"),
        ("total_change", f"ranking.compare.{compare}", "delta"), ("common_score", "col.common", "score"),
        ("task_score", "col.tasks", "score"), ("computed_name", "col.level", "text"),
        ("decided_name", "col.decided", "text"), ("flag_text", "ranking.flags", "text"),
    ], ctx.lang),
    hide_index=True, width="stretch", on_select="rerun", selection_mode="single-row",
    key=ui.selection_key("ranking_table"),
    # Narrow number columns so the flags stay in view on a laptop screen.
    column_config={ctx.t(k): st.column_config.TextColumn(width="small") for k in (
        ("col.rank",) if ranked else ()) + ("col.total", f"ranking.compare.{compare}", "col.common", "col.tasks")})
rows = table_event.selection.rows if table_event else []
if rows and [board.iloc[rows[0]]["branch_code"]] != ctx.selected_branches:
    ui.select_branches([board.iloc[rows[0]]["branch_code"]])

# ---- bar chart: click a bar to narrow the page to that cell
st.subheader(ctx.t("ranking.chart"))
st.caption(ctx.t("ranking.chart_help"))
chart_event = st.vega_lite_chart(ctx.chart(charts.totals_bar, board, levels, ctx.lang, bands, "pick"), width="stretch",
                                 on_select="rerun", selection_mode="pick", key=ui.selection_key("ranking_chart"))
picked = [p.get("branch_code") for p in (chart_event or {}).get("selection", {}).get("pick", []) or []]
picked = [c for c in picked if c]
if picked and picked[:1] != ctx.selected_branches:
    ui.select_branches(picked[:1])

# ---- "Vì sao?" for one cell
if len(ctx.selected_branches) == 1:
    cell = ctx.selected_branches[0]
    row = board[board["branch_code"] == cell]
    with st.container(border=True):
        st.subheader(ui.plain(ctx.t("why.title", branch=ctx.branch_name(cell), period=ctx.period_label())))
        if not row.empty:
            r = row.iloc[0]
            if r["complete"] and not ranked:
                st.write(ui.plain(ctx.t("why.summary_unranked", total=i18n.fmt_number(r["total_score"], 1, ctx.lang),
                                        level=ctx.label("level", r["computed_level"]))))
            elif r["complete"]:   # a user of every cell: the rank among the cells ranked in the Đảng bộ
                count = int(ctx.query("rankings.leaderboard", period=ctx.period, compare=compare,
                                      branches=all_codes)["rank"].notna().sum())
                st.write(ui.plain(ctx.t("why.summary", total=i18n.fmt_number(r["total_score"], 1, ctx.lang),
                                        level=ctx.label("level", r["computed_level"]), rank=int(r["rank"]),
                                        count=count)))
            else:
                st.warning(ctx.t("why.incomplete", scored=int(r["n_scored"]), expected=int(r["n_expected"])))
        why = ctx.query("rankings.why", period=ctx.period, cell=cell, compare=compare, branches=all_codes)
        if not why.empty:
            st.caption(ctx.t("why.breakdown"))
            st.vega_lite_chart(ctx.chart(charts.why_breakdown, why, ctx.lang), width="stretch")
            gains, losses = rankings.gains_and_losses(why)
            g, l_ = st.columns(2)
            with g:
                st.markdown(f"**{ctx.t('why.gains')}**")
                for x in gains.itertuples(index=False):
                    st.markdown("- " + ui.plain(ctx.t("why.change_item", criterion=x.criterion_code, name=x.criterion_name,
                                              change="+" + i18n.fmt_number(x.change, 1, ctx.lang),
                                              before=i18n.fmt_number(x.prev_score, 1, ctx.lang),
                                              after=i18n.fmt_number(x.score, 1, ctx.lang))))
                if gains.empty:
                    st.caption(ctx.t("why.none"))
            with l_:
                st.markdown(f"**{ctx.t('why.losses')}**")
                for x in losses.itertuples(index=False):
                    st.markdown("- " + ui.plain(ctx.t("why.loss_item", criterion=x.criterion_code, name=x.criterion_name,
                                              change=i18n.fmt_number(x.change, 1, ctx.lang),
                                              before=i18n.fmt_number(x.prev_score, 1, ctx.lang),
                                              after=i18n.fmt_number(x.score, 1, ctx.lang))))
                if losses.empty:
                    st.caption(ctx.t("why.none"))
        mine = findings[(findings["branch_code"] == cell) & (findings["year"] == period.year)]
        st.markdown(f"**{ctx.t('why.rules', year=period.year)}**")
        if mine.empty:
            st.caption(ctx.t("why.no_rules"))
        for f in mine.itertuples(index=False):
            box = {"error": st.error, "warning": st.warning}.get(f.severity, st.info)
            box(ui.plain(f"{f.message} ({ctx.t('col.rule_source')}: {f.source})"))
elif len(ctx.branches) > 1:
    st.info(ctx.t("why.pick"), icon=":material/help:")

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
    level_labels = {c: ctx.label("level", c, short=True) for c in ("HTXSNV", "HTTNV", "HTNV", "KHTNV")}
    st.vega_lite_chart(ctx.chart(charts.member_levels, member_levels, ctx.lang, level_labels))
    quota = ctx.query("rankings.member_quota", branches=all_codes, **rules.QuotaSettings.from_settings().params())
    st.caption(ctx.t("members.quota"))
    st.vega_lite_chart(ctx.chart(charts.member_quota, quota, ctx.lang), width="stretch")

# ---- every finding of the year for the selection
st.subheader(ctx.t("findings.title_year", year=period.year))
shown = findings[findings["branch_code"].isna() | findings["branch_code"].isin(ctx.branches)]
ui.findings_table(ctx, shown, key="findings_table")
