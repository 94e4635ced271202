"""Hạn chế và khắc phục: the four limitations the Đảng ủy named, whether each is being overcome,
in which cell, and which solutions and criteria bear on it.

One block per limitation, in the Đảng ủy's words: its measures per cell and for the Đảng bộ
(the period chosen against the one before, and a trend), what bears on it, and its findings.
Limitation 1 also lists the late plans and every resolution's uptake.
"""

import streamlit as st

from dashboard import fmt, limitation_findings, limitations, periods, settings, ui

ctx = ui.page_setup("limitations")
if ctx.period is None:
    ui.empty_notice(ctx)
    st.stop()

# ---- data
plan_days = int(settings.get("DASHBOARD_PLAN_DAYS"))
span = limitation_findings.window(ctx.period)
year = periods.parse_period(ctx.period).year
years = limitation_findings.window(str(year))
shown_cells = set(ctx.cells)
cells = [(c, ctx.cell_name(c)) for c in ctx.cell_options["branch_code"] if c in shown_cells]   # Vietnamese order
# A column a cell: past limitations.MAX_UNIT_COLUMNS the tables show the first cells and say so
# (2.000 columns took 7 s a rerun and no one reads them); the filter shows the others.
capped = len(cells) > limitations.MAX_UNIT_COLUMNS
cells_total, cells = len(cells), cells[:limitations.MAX_UNIT_COLUMNS]
whole = ctx.t("lim.whole") if ctx.all_cells and ctx.user.scope is None else ctx.t("lim.shown")
trend, measure = ctx.t("lim.col.trend"), ctx.t("lim.col.measure")
uptake_columns = [("doc_number", "lim.col.doc", "text"), ("unit", "col.cell", "text"),
                  ("received_on", "lim.col.received", "date"), ("due_on", "lim.col.due", "date"),
                  ("plan_text", "lim.col.plan", "text"), ("days_late", "lim.col.days_late", "int"),
                  ("made_concrete", "lim.col.concrete", "yesno")]


def links_text(links, titles, code: str) -> str:
    mine = links[links["code"] == code]
    solutions = [fmt.solution_label(int(n), titles).rstrip(".") for n in mine.loc[mine["link_kind"] == "solution", "link"]]
    criteria = [f"{r.link} ({r.criterion_name})" if isinstance(r.criterion_name, str) else r.link
                for r in mine[mine["link_kind"] == "criterion"].itertuples()]
    return ctx.t("lim.links", solutions="; ".join(solutions) or "—", criteria="; ".join(criteria) or "—")


def blocks():
    """Each limitation's table (and its file), findings and links, the actions on time, the
    resolutions' uptake and the late plans: worked out once per view and kept (a rerun with
    nothing changed redid them all: half of this page's rerun)."""
    frames = limitation_findings.gather(ctx.query, ctx.period, ctx.today, plan_days)
    if all(frames[k].empty for k in ("l1", "l2", "l3", "l4")):
        return None
    found = limitation_findings.findings(frames, ctx.period, ctx.cell_name, ctx.lang, plan_days)
    links, titles = ctx.query("limitations.links"), ctx.solution_titles()
    committee = [("DANG_UY", ctx.cell_name("DANG_UY"))] if "DANG_UY" in set(frames["l1"]["branch_code"]) else []
    made = {}
    for code in limitations.CODES:
        board = limitations.table(frames, code, years if code == "L4" else span,
                                  (committee if code == "L1" else []) + cells, whole, ctx.lang)
        made[code] = (board, limitations.board_file(board, trend, ctx.lang), links_text(links, titles, code),
                      [f for f in found if f.code == code])
    uptake = late = None
    if len(frames["uptake"]):
        uptake = limitations.uptake_view(frames["uptake"], ctx.cell_name, ctx.lang)
        late = limitations.late_plans(uptake, periods.parse_period(span[0]).start, periods.parse_period(span[-1]).end)
    on_time = limitations.on_time_actions(ctx.query("solutions.actions", today=ctx.today))
    return made, uptake, late, on_time


st.caption(ctx.t("lim.intro", period=fmt.mid_sentence(ctx.period_label()),
                 previous=fmt.mid_sentence(ctx.period_label(span[-2])), n=len(span)))
view = ctx.kept("blocks", blocks, plan_days)
if view is None:
    st.info(ctx.t("lim.empty"), icon=":material/info:")
    st.stop()
made, uptake, late, (on_time, total) = view


# ---- one block per limitation
for number, code in enumerate(limitations.CODES, start=1):
    shown_periods = years if code == "L4" else span
    board, board_file, links_line, mine = made[code]
    with st.container(border=True, key=f"limitation_{code}"):
        st.subheader(f"{number}. {ctx.limitation(code)}")
        st.markdown("> " + ui.plain(ctx.limitation(code, full=True)))
        st.dataframe(board, hide_index=True, width="stretch", column_config={
            measure: st.column_config.TextColumn(width=250, pinned=True),   # the measure's name whole
            trend: st.column_config.LineChartColumn(width="small")})
        ui.table_downloads(ctx, board_file, [(c, c, "text") for c in board.columns],
                           ctx.t("lim.file.board", number=number), f"lim_board_{code}",
                           title=f"{number}. {ctx.limitation(code)}", labels=list(board.columns))
        st.caption(ctx.t("lim.table.help", period=fmt.mid_sentence(periods.label(shown_periods[-1], ctx.lang)),
                         previous=fmt.mid_sentence(periods.label(shown_periods[-2], ctx.lang)), whole=whole))
        if capped:
            st.caption(ctx.t("table.capped_cells", shown=fmt.count_text(len(cells), ctx.lang),
                             total=fmt.count_text(cells_total, ctx.lang)))
        if code == "L4":
            st.caption(ctx.t("lim.l4.year", year=year, previous=year - 1))
        if code == "L1" and total:
            st.caption(ctx.t("lim.actions_on_time", on_time=on_time, actions=total, today=fmt.fmt_date(ctx.today),
                             share=fmt.fmt_percent(on_time / total, ctx.lang)))
        st.caption(links_line)
        st.markdown(f"**{ctx.t('lim.findings')}**")
        if mine:
            st.markdown("\n".join(f"- {ui.plain(f.text)}" for f in mine))
        else:
            st.caption(ctx.t("lim.findings.none"))
        if code == "L1" and uptake is not None:
            if len(late):
                st.markdown(f"**{ctx.t('lim.late.title')}**")
                ui.table(ctx, late, uptake_columns, ctx.t("lim.file.late"), "lim_late", title=ctx.t("lim.late.title"),
                         kept=(plan_days,))
            with st.expander(ctx.t("lim.uptake.title")):
                ui.table(ctx, uptake, uptake_columns[:3] + [
                    ("studied_on", "lim.col.studied", "date"), ("attendance", "lim.col.attendance", "ratio"),
                    ("due_on", "lim.col.due", "date"), ("plan_text", "lim.col.plan", "text"),
                    ("days_to_plan", "lim.col.days_to_plan", "int"), ("days_late", "lim.col.days_late", "int"),
                    ("made_concrete", "lim.col.concrete", "yesno")], ctx.t("lim.file.uptake"), "lim_uptake",
                    title=ctx.t("lim.uptake.title"), kept=(plan_days,))

# ---- the report to the higher committee, from this period and these cells
ui.report_button(ctx)
