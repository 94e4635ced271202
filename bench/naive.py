"""The naive peer: a page that reads the raw tables with pandas on every rerun.

Not part of the app. It draws the same sidebar as every page (``ui.page_setup``), then, on
every rerun and without any cache, reads whole tables (``SELECT * FROM scores`` …) into
pandas, drops superseded rows, and computes with pandas what the ranking and solution pages
show: the leaderboard of the period against the previous one (totals, completeness, level
by score band, rank, change) and the progress of each solution and unit as of today (each
action at its latest report on or before today, overdue flags, the solution × unit matrix).
The benchmark runs it beside the real pages (``bench/pages.py``): the target is that every
page is at least ten times faster than this on a filter change.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import periods, store, ui

BANDS = ((90.0, "HTXSNV"), (70.0, "HTTNV"), (50.0, "HTNV"), (0.0, "KHTNV"))


def current(cur, table: str) -> pd.DataFrame:
    frame = cur.execute(f"SELECT * FROM {table}").df()
    return frame[frame["superseded_by"].isna()]


def leaderboard(scores: pd.DataFrame, criteria: pd.DataFrame, branches: pd.DataFrame, cells: list[str],
                period: str) -> pd.DataFrame:
    previous = periods.parse_period(period).previous().code
    expected = len(criteria[criteria["valid_from"].isna()])
    mine = scores[scores["branch_code"].isin(cells) & scores["period"].isin([period, previous])]
    totals = (mine.groupby(["period", "branch_code"])
              .agg(total_score=("score", "sum"), n_scored=("score", "count")).reset_index())
    totals["complete"] = totals["n_scored"] == expected
    totals["rank"] = (totals[totals["complete"]].groupby("period")["total_score"]
                      .rank(method="min", ascending=False))
    now = totals[totals["period"] == period]
    before = totals[totals["period"] == previous][["branch_code", "total_score", "rank"]]
    board = now.merge(before, on="branch_code", how="left", suffixes=("", "_prev"))
    board["total_change"] = board["total_score"] - board["total_score_prev"]
    board["rank_change"] = board["rank_prev"] - board["rank"]
    board["level"] = [next(level for floor, level in BANDS if total >= floor) if complete else None
                      for total, complete in zip(board["total_score"], board["complete"])]
    names = branches.set_index("branch_code")["branch_name"]
    board["branch_name"] = board["branch_code"].map(names)
    return board.sort_values(["complete", "rank"], ascending=[False, True])


def progress(actions: pd.DataFrame, reports: pd.DataFrame, cells: list[str], committee: bool,
             today) -> tuple[pd.DataFrame, pd.DataFrame]:
    day = pd.Timestamp(today)
    mine = actions[actions["branch_code"].isin(cells) | (committee & (actions["branch_code"] == "DANG_UY"))]
    seen = reports[pd.to_datetime(reports["reported_on"]) <= day].sort_values(["action_code", "reported_on"])
    latest = seen.groupby("action_code").tail(1)[["action_code", "reported_on", "percent", "status"]]
    state = mine.merge(latest, on="action_code", how="left")
    state["percent"] = state["percent"].fillna(0)
    state["status"] = state["status"].fillna("chua_bat_dau")
    state["overdue"] = (state["status"] != "hoan_thanh") & (pd.to_datetime(state["due_on"]) < day)
    by_solution = state.groupby("solution").agg(percent=("percent", "mean"), actions=("action_code", "count"),
                                                overdue=("overdue", "sum")).reset_index()
    matrix = state.pivot_table(index="branch_code", columns="solution", values="percent", aggfunc="mean")
    return by_solution, matrix


def render() -> None:
    ctx = ui.page_setup("ranking")
    if ctx.period is None:
        st.stop()
    cur = store.cursor(ui.db_path())
    branches = current(cur, "branches")
    scores = current(cur, "scores")
    criteria = current(cur, "criteria")
    actions = current(cur, "actions")
    reports = current(cur, "progress_reports")
    board = leaderboard(scores, criteria, branches, ctx.cells, ctx.period)
    st.subheader("Bảng xếp hạng (pandas, không cache)")
    st.dataframe(board[["rank", "branch_name", "total_score", "total_change", "level"]], hide_index=True)
    st.bar_chart(board.set_index("branch_name")["total_score"])
    by_solution, matrix = progress(actions, reports, ctx.cells, ctx.all_cells, ctx.today)
    st.subheader("Tiến độ giải pháp (pandas, không cache)")
    st.dataframe(by_solution, hide_index=True)
    st.dataframe(matrix)
