"""``page_setup``: the one call at the top of every page file (``app.py`` included).

Config, the error handler, the login gate, the menu and the filters, the title and the notices,
in that order; it returns the page's ``PageContext``. Nothing is queried before the gate.
"""

from __future__ import annotations

import streamlit as st

from .. import i18n, queries, store
from . import login, sidebar
from .context import PageContext, cell_options, db_path
from .widgets import plain


def page_setup(page: str, title_key: str | None = None) -> PageContext:
    """Set the page up for ``page`` (its title ``page.<page>``, or ``title_key``)."""
    lang = sidebar.resolve_lang()
    title = i18n.t(f"page.{page}", lang)
    st.set_page_config(page_title=f"{title} · {i18n.t('app.short', lang)}", layout="wide",
                       initial_sidebar_state="auto")   # collapsed on a phone, open on a desktop
    _install_error_handler(lang)
    user = login.gate(lang)   # draws the login form and stops when nobody is signed in
    if not db_path().exists():
        st.error(i18n.t("error.db_missing", lang))
        st.stop()

    status = queries.run("reference.data_status", cur=store.cursor(db_path())).iloc[0]
    version = int(status["version"])
    ctx = PageContext(page=page, lang=lang, user=user, version=version, is_sample=bool(status["is_sample"]),
                      cell_options=cell_options(user, version))
    sidebar.draw(ctx, status)
    st.title(ctx.t(title_key or f"page.{page}"))
    if ctx.is_sample:
        st.badge(ctx.t("sample.badge"), icon=":material/science:", color="orange")
    for notice in ctx.notices:
        st.caption(":material/info: " + plain(notice))
    return ctx


def _install_error_handler(lang: str) -> None:
    """An uncaught fault in this run shows one Vietnamese sentence, not Streamlit's English box.

    Streamlit logs the traceback to the server log before calling the handler.
    """
    from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx

    run_ctx = get_script_run_ctx()
    if run_ctx is None:
        return

    def handler(exc: Exception) -> bool:
        st.error(i18n.t("error.generic", lang), icon=":material/error:")
        return True  # suppress the default display

    run_ctx.on_script_error = handler
