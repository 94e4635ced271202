"""“Xuất báo cáo”: the report to the higher committee, as .docx and PDF, from the page's period and cells.

One call (``report_button(ctx)``) on any page that has a period: the overview has it, and the
limitations page can add it the same way. The report is made only when the user asks (a
button), then offered as two downloads; it is kept per data version, period, cells, day,
language and the reader's rights, so a second reader of the same view, or the same reader
after a rerun, gets it at once. Each download is recorded in the audit trail when it leaves.
"""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from .. import fmt, rankings
from ..documents import pdf, sections
from ..export import export_file_name
from .context import PageContext, db_path
from .downloads import audited
from .widgets import plain

DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
ASKED = "_report_asked"


@dataclass(frozen=True)
class Made:
    docx: bytes
    pdf: bytes


def _view(ctx: PageContext) -> tuple:
    """What the report depends on; the same tuple finds the same report in the cache."""
    scope = tuple(sorted(ctx.user.scope)) if ctx.user.scope is not None else None
    return (ctx.version, str(db_path()), ctx.period, tuple(ctx.cells), ctx.all_cells, ctx.today, ctx.lang, scope,
            ctx.user.can("names"))


@st.cache_data(show_spinner=False, max_entries=16)
def _made(_ctx: PageContext, view: tuple) -> Made:
    _, _, period, cells, all_cells, today, lang, _, _ = view
    report = sections.full_report(_ctx.query, period=period, branches=list(cells), today=today, lang=lang,
                                  all_branches=all_cells, member_names=_ctx.member_names() or None,
                                  ranked=rankings.shows_ranks(_ctx.user.scope))
    from ..documents import docx   # python-docx and lxml: loaded at the first report, not by every page

    return Made(docx.render_docx(report), pdf.render_pdf(report))


def make(ctx: PageContext) -> Made:
    """The report of the page's view (made once, then taken from the cache)."""
    return _made(ctx, _view(ctx))


def file_name(ctx: PageContext, ext: str) -> str:
    return export_file_name(ctx.t("report.ui.what"), ctx.period, ctx.today, ext)


def report_button(ctx: PageContext, key: str = "report") -> None:
    """The “Xuất báo cáo” block: what it will hold, a button that makes it, then its two downloads."""
    if ctx.period is None:
        return
    cells = (", ".join(ctx.cell_name(c) for c in ctx.selected_cells) if ctx.selected_cells
             else ctx.t("filter.cell.all").lower())
    with st.expander(ctx.t("report.ui.title"), icon=":material/description:"):
        st.caption(plain(ctx.t("report.ui.help", period=fmt.mid_sentence(ctx.period_label()), cells=cells)))
        view = _view(ctx)
        if st.button(ctx.t("report.ui.make"), key=f"{key}_make", icon=":material/article:", type="primary"):
            with st.spinner(ctx.t("report.ui.making")):
                make(ctx)
            st.session_state[ASKED] = view
        if st.session_state.get(ASKED) != view:
            return
        made = make(ctx)
        with st.container(horizontal=True, gap="small"):
            for ext, data, mime, label, icon in (
                    ("docx", made.docx, DOCX_MIME, "report.ui.docx", ":material/edit_document:"),
                    ("pdf", made.pdf, "application/pdf", "report.ui.pdf", ":material/picture_as_pdf:")):
                name = file_name(ctx, ext)
                st.download_button(ctx.t(label), data=audited(ctx, name, lambda data=data: data),
                                   file_name=name, mime=mime, key=f"{key}_{ext}", icon=icon, on_click="ignore")

__all__ = ["Made", "file_name", "make", "report_button"]
