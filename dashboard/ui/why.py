"""The ranking page's "Vì sao?" panel: why one cell stands where it does.

Its total and level (and, for a user of every cell, its rank among the cells ranked in the
Đảng bộ), each criterion against the Đảng bộ average, the biggest gains and losses since the
comparison period, and its rule findings of the year with their sources.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from .. import charts, fmt, rankings
from .context import PageContext
from .widgets import plain

BOXES = {"error": st.error, "warning": st.warning}


def panel(ctx: PageContext, board: pd.DataFrame, findings: pd.DataFrame, compare: str, ranked: bool,
          year: int) -> None:
    """The panel when one cell is chosen; a hint to choose one when several are shown."""
    if len(ctx.selected_cells) != 1:
        if len(ctx.cells) > 1:
            st.info(ctx.t("why.pick"), icon=":material/help:")
        return
    cell = ctx.selected_cells[0]
    every_cell = list(ctx.cell_options["branch_code"])
    row = board[board["branch_code"] == cell]
    with st.container(border=True):
        st.subheader(plain(ctx.t("why.title", cell=ctx.cell_name(cell), period=ctx.period_label())))
        if not row.empty:
            _summary(ctx, row.iloc[0], compare, ranked, every_cell)
        # every cell's, read once and kept: another cell chosen reads nothing
        why = ctx.query("rankings.why_by_cell", period=ctx.period, compare=compare, branches=every_cell)
        why = why[why["branch_code"] == cell].drop(columns="branch_code").reset_index(drop=True)
        if not why.empty:
            st.caption(ctx.t("why.breakdown"))
            st.vega_lite_chart(ctx.chart(charts.why_breakdown, why, ctx.lang), width="stretch")
            gains, losses = rankings.gains_and_losses(why)
            left, right = st.columns(2)
            with left:
                _changes(ctx, gains, "why.gains", "why.change_item", "+")
            with right:
                _changes(ctx, losses, "why.losses", "why.loss_item", "")
        mine = findings[(findings["branch_code"] == cell) & (findings["year"] == year)]
        st.markdown(f"**{ctx.t('why.rules', year=year)}**")
        if mine.empty:
            st.caption(ctx.t("why.no_rules"))
        for f in mine.itertuples(index=False):
            BOXES.get(f.severity, st.info)(plain(f"{f.message} ({ctx.t('col.rule_source')}: {f.source})"))


def _summary(ctx: PageContext, r: pd.Series, compare: str, ranked: bool, every_cell: list[str]) -> None:
    total = fmt.fmt_number(r["total_score"], 1, ctx.lang)
    if r["complete"] and not ranked:
        st.write(plain(ctx.t("why.summary_unranked", total=total, level=ctx.label("level", r["computed_level"]))))
    elif r["complete"]:   # a user of every cell: the rank among the cells ranked in the Đảng bộ
        count = int(ctx.query("rankings.leaderboard", period=ctx.period, compare=compare,
                              branches=every_cell)["rank"].notna().sum())
        st.write(plain(ctx.t("why.summary", total=total, level=ctx.label("level", r["computed_level"]),
                             rank=int(r["rank"]), count=count)))
    else:
        st.warning(ctx.t("why.incomplete", scored=int(r["n_scored"]), expected=int(r["n_expected"])))


def _changes(ctx: PageContext, changes: pd.DataFrame, title: str, item: str, sign: str) -> None:
    st.markdown(f"**{ctx.t(title)}**")
    for x in changes.itertuples(index=False):
        st.markdown("- " + plain(ctx.t(item, criterion=x.criterion_code, name=x.criterion_name,
                                       change=sign + fmt.fmt_number(x.change, 1, ctx.lang),
                                       before=fmt.fmt_number(x.prev_score, 1, ctx.lang),
                                       after=fmt.fmt_number(x.score, 1, ctx.lang))))
    if changes.empty:
        st.caption(ctx.t("why.none"))
