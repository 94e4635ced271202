"""Small widgets every page may use: safe text, the way back to every cell, a choice kept in
the address, findings as a table, and one sentence instead of a traceback."""

from __future__ import annotations

import contextlib
import logging
import re

import pandas as pd
import streamlit as st

from . import downloads, url

log = logging.getLogger(__name__)

CELLS_MEMORY, CELLS_WIDGET = "_f_chi_bo", "f_chi_bo"
SELECTION_GENERATION = "_selection_generation"
# Rows one table sends to the browser at a time: 1.000 rows of a wide table of text is a few
# hundred KB; the sector's 120.000 actions in one frame were 36 MB.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~:$=^&])")


def plain(text: object) -> str:
    """User-supplied text made inert in Streamlit's Markdown (links, images, :directives:, LaTeX).

    Line breaks become spaces; every Markdown metacharacter is escaped, so the
    text shows exactly as written.
    """
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


def select_cells(codes: list[str]) -> None:
    """Set the shared cell filter from the page (a click in a chart or a table) and rerun."""
    st.session_state[CELLS_MEMORY] = list(codes)
    url.write({url.P_CELLS: ",".join(codes)})
    # A new generation of selectable widgets forgets the old click.
    st.session_state[SELECTION_GENERATION] = st.session_state.get(SELECTION_GENERATION, 0) + 1
    st.rerun()


def selection_key(name: str) -> str:
    """Key of a selectable chart or table; it changes when the cell filter is set or cleared."""
    return f"{name}_{st.session_state.get(SELECTION_GENERATION, 0)}"


def clear_filter_button(ctx) -> None:
    """A visible way back to every cell once the page is narrowed."""
    if ctx.selected_cells:
        names = ", ".join(ctx.cell_name(c) for c in ctx.selected_cells)
        left, right = st.columns([4, 1], vertical_alignment="center")
        left.caption(plain(ctx.t("filter.showing", names=names)))
        if right.button(ctx.t("filter.clear"), key="clear_cell_filter", icon=":material/filter_alt_off:"):
            select_cells([])


def url_choice(ctx, param: str, options: list[str] | tuple[str, ...], label_key: str, labels: dict[str, str],
               default: str | None = None) -> str:
    """A page-level choice (segmented control) kept in the address; the default (the first option
    unless given) is left out of the address."""
    options = list(options)
    default = default if default in options else options[0]
    memory, widget = f"_c_{param}", f"c_{param}"
    value, _ = url.remembered(param, memory, options, default=default)
    st.session_state[widget] = value

    def remember() -> None:
        chosen = st.session_state.get(widget) or default
        st.session_state[memory] = chosen
        url.write({param: None if chosen == default else chosen})

    chosen = st.segmented_control(ctx.t(label_key), options=options, format_func=lambda o: labels[o],
                                  key=widget, on_change=remember) or default
    url.write({param: None if chosen == default else chosen})
    return chosen


@contextlib.contextmanager
def user_errors(ctx, expected: tuple[type[BaseException], ...] = ()):
    """An unexpected fault becomes one Vietnamese sentence for the user; details go to the log.

    ``expected`` exceptions (a refusal the page explains itself) pass through.
    """
    try:
        yield
    except (st.runtime.scriptrunner.StopException, st.runtime.scriptrunner.RerunException, *expected):
        raise
    except Exception:
        log.exception("page %s failed", ctx.page)
        st.error(ctx.t("error.generic"), icon=":material/error:")
        st.stop()


def findings_table(ctx, findings: pd.DataFrame, key: str, with_year: bool = True, what: str | None = None,
                   period: str | None = downloads.PAGE_PERIOD, kept: tuple | None = None) -> None:
    """Rule findings as a table: severity, (year), the sentence and its source; and its downloads
    (``kept``: as ``downloads.table``'s)."""
    if findings.empty:
        st.caption(ctx.t("findings.none"))
        return
    columns = [("severity_name", "col.severity", "text")] + ([("year", "col.year", "text")] if with_year else [])
    columns += [("message", "col.message", "text"), ("source", "col.rule_source", "text")]
    shown = findings.assign(severity_name=[ctx.t("severity." + s) for s in findings["severity"]])
    downloads.table(ctx, shown, columns, what or ctx.t("findings.title"), key, period=period, kept=kept,
                    column_config={ctx.t("col.message"): st.column_config.TextColumn(width="large")})


def empty_notice(ctx) -> None:
    st.info(ctx.t("empty.cell"), icon=":material/info:")
