"""Everything a page hands out: each table as .xlsx and CSV, each key chart as PNG and SVG.

One call under a table (``table`` draws the table and its downloads; ``table_downloads`` only
the buttons) or under a chart (``chart_downloads``). The files are what the page shows: the
same rows (the page's frame, already narrowed to the user's scope and the filters), the same
column list as ``tables.display``, the filters written above the table, the file named after
what and when (``xep-hang-2025-ngay-30-11-2026.xlsx``).

The files are made only when the user clicks (Streamlit's deferred download: a callable), so a
page pays nothing for its buttons on a rerun; the same callable records the download in the
audit trail, so what is audited is what left, not a click that never finished.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence

import pandas as pd
import streamlit as st

from .. import audit, fmt, tables
from ..documents import charts as chart_files
from ..export import export_file_name, table_csv, table_xlsx
from .context import _SHOWN, PageContext
from .paging import page_at

log = logging.getLogger(__name__)

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV_MIME = "text/csv"
MIMES = {"xlsx": XLSX_MIME, "csv": CSV_MIME, "png": "image/png", "svg": "image/svg+xml"}
Columns = Sequence[tuple[str, str, str]]
Prepare = Callable[[pd.DataFrame], pd.DataFrame]


PAGE_PERIOD = "page"   # a table of the period chosen in the sidebar (the default)


def filters_of(ctx: PageContext, extra: Sequence[tuple[str, str]] = (), period: bool = True) -> list[tuple[str, str]]:
    """The filters a reader needs to know what a file holds: the cells (or every cell), the
    period, any choice of the page (``extra``: (label, value) already in the reader's words),
    and the day it was made."""
    cells = ", ".join(ctx.cell_name(c) for c in ctx.selected_cells) if ctx.selected_cells else ctx.t("filter.cell.all")
    pairs = [(ctx.t("filter.cell"), cells)]
    if period and ctx.period:
        pairs.append((ctx.t("filter.period"), ctx.period_label()))
    pairs += [(str(label), str(value)) for label, value in extra]
    if ctx.is_sample:
        pairs.append((ctx.t("download.note"), ctx.t("sample.badge")))
    pairs.append((ctx.t("download.made_on"), fmt.fmt_date(ctx.today)))
    return pairs


def audited(ctx: PageContext, file_name: str, build: Callable[[], bytes | str], action: str = "export",
            detail: dict | None = None) -> Callable[[], bytes | str]:
    """``build`` run on the download itself, and the download recorded in the audit trail."""
    user, record = ctx.user, {"file": file_name, "page": ctx.page, **(detail or {})}

    def made() -> bytes | str:
        data = build()
        audit.record(action, user.name, record, branches=user.scope)
        return data

    return made


def _button(ctx: PageContext, label_key: str, icon: str, file_name: str, build: Callable[[], bytes | str],
            key: str) -> None:
    st.download_button(ctx.t(label_key), data=audited(ctx, file_name, build), file_name=file_name,
                       mime=MIMES[file_name.rsplit(".", 1)[-1]], key=key, icon=icon, type="tertiary",
                       on_click="ignore")


def table_downloads(ctx: PageContext, frame: pd.DataFrame, columns: Columns, what: str, key: str,
                    filters: Sequence[tuple[str, str]] = (), title: str | None = None,
                    period: str | None = PAGE_PERIOD, prepare: Prepare | None = None,
                    labels: Sequence[str] | None = None) -> None:
    """The .xlsx and CSV buttons of one table: ``frame`` and ``columns`` are those the page gives
    ``tables.display``; ``what`` names the table (and the file); ``filters`` are the page's own
    choices, (label, value), written above the table after the cells and the period.

    ``period``: the sidebar's period (default), another one for the file name (a year), or None
    for a table that does not depend on the period (the upload history). ``prepare`` adds the
    columns the page writes row by row (labels, flags); it runs on the whole frame only when a
    file is asked for, as the page runs it only on the rows it shows. ``labels``: the header as
    the page shows it, for a table whose headers are data (a cell's name, a year)."""
    if frame is None or frame.empty:
        return
    # the frame is the page's own (a fresh frame each run): the click reads it as shown
    columns, labels = list(columns), None if labels is None else list(labels)
    title = title or what
    written = filters_of(ctx, filters, period=period == PAGE_PERIOD)
    period = ctx.period if period == PAGE_PERIOD else period
    xlsx_name = export_file_name(what, period, ctx.today, "xlsx")
    csv_name = export_file_name(what, period, ctx.today, "csv")
    with st.container(horizontal=True, gap="small", key=f"dl_{key}"):
        _button(ctx, "download.xlsx", ":material/table_view:", xlsx_name,
                lambda: table_xlsx(_whole(frame, prepare), columns, title, written, ctx.lang, labels), f"{key}_xlsx")
        _button(ctx, "download.csv", ":material/download:", csv_name,
                lambda: table_csv(_whole(frame, prepare), columns, ctx.lang, labels), f"{key}_csv")


def _whole(frame: pd.DataFrame, prepare: Prepare | None) -> pd.DataFrame:
    return prepare(frame) if prepare is not None else frame


def table(ctx: PageContext, frame: pd.DataFrame, columns: Columns, what: str, key: str,
          filters: Sequence[tuple[str, str]] = (), title: str | None = None, period: str | None = PAGE_PERIOD,
          prepare: Prepare | None = None, kept: tuple | None = None, **dataframe_args):
    """A page's table as ``st.dataframe`` shows it, a page of ``paging.TABLE_ROWS`` rows at a
    time, and its downloads beneath (every row); returns the dataframe's selection event
    (``on_select`` and the rest pass through), its rows picked counted in the whole frame.

    ``kept``: the page's own choices the frame and ``prepare`` depend on, beyond what every
    view depends on (``PageContext.kept``: the data, the cells, the period, the language …);
    given, the page of the table as shown is kept for the next view of it (a rerun with
    nothing changed formatted and wrote every row shown again: 10 ms of the progress page's
    view). Only for a frame the view and those choices decide."""
    rows, first = page_at(ctx, frame, key)

    def shown():
        return tables.display_table(_whole(rows, prepare), list(columns), ctx.lang)

    event = st.dataframe(shown() if kept is None else ctx.kept(f"table:{key}", shown, first, len(frame), tuple(columns),
                                                               *kept, store=_SHOWN),
                         hide_index=True, width="stretch", key=dataframe_args.pop("table_key", key), **dataframe_args)
    table_downloads(ctx, frame, columns, what, key, filters, title, period, prepare=prepare)
    return in_frame(event, first)


def in_frame(event, first: int):
    """A table's selection event with the rows picked as positions in the whole frame: the
    browser counts them in the page of rows it was sent (``first`` the page's first row)."""
    rows = event.get("selection", {}).get("rows") if isinstance(event, dict) else None
    if not first or not rows:
        return event
    return type(event)({**event, "selection": {**event["selection"], "rows": [first + r for r in rows]}})


def chart_downloads(ctx: PageContext, spec: dict, what: str, key: str, period: str | None = PAGE_PERIOD) -> None:
    """PNG and SVG of a chart, rendered on this machine from the very spec the page draws."""
    period = ctx.period if period == PAGE_PERIOD else period
    png_name = export_file_name(what, period, ctx.today, "png")
    svg_name = export_file_name(what, period, ctx.today, "svg")
    lang = ctx.lang
    with st.container(horizontal=True, gap="small", key=f"dl_{key}"):
        _button(ctx, "download.png", ":material/image:", png_name, lambda: chart_files.chart_png(spec, lang),
                f"{key}_png")
        _button(ctx, "download.svg", ":material/draw:", svg_name, lambda: chart_files.chart_svg(spec, lang),
                f"{key}_svg")
