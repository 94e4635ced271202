"""Long tables a page at a time: at sector scale a table has 100.000 rows, and a browser is sent
only the page shown (and the rows formatted are only those)."""

from __future__ import annotations

import math

import pandas as pd
import streamlit as st

from .. import fmt

TABLE_ROWS = 1000


def page_of(ctx, frame: pd.DataFrame, key: str, rows: int = TABLE_ROWS) -> pd.DataFrame:
    """The rows of one page of a long table (``rows`` a page), with the page to show chosen
    above it; the whole frame when it fits one page. Format only what this returns."""
    return page_at(ctx, frame, key, rows)[0]


def page_at(ctx, frame: pd.DataFrame, key: str, rows: int = TABLE_ROWS) -> tuple[pd.DataFrame, int]:
    """``page_of``'s rows, and the position of their first row in the frame."""
    if len(frame) <= rows:
        return frame, 0
    pages = math.ceil(len(frame) / rows)
    page = int(st.number_input(ctx.t("table.page", pages=pages), min_value=1, max_value=pages, value=1, step=1,
                               key=f"{key}_page"))
    first = (page - 1) * rows
    shown = frame.iloc[first:first + rows]
    st.caption(ctx.t("table.rows", first=fmt.count_text(first + 1, ctx.lang),
                     last=fmt.count_text(first + len(shown), ctx.lang), total=fmt.count_text(len(frame), ctx.lang)))
    return shown, first
