"""``page_setup``: the one call at the top of every page file (``app.py`` included).

Config, the error handler, the login gate, the menu and the filters, the title and the notices,
in that order; it returns the page's ``PageContext``. Nothing is queried before the gate.
"""

from __future__ import annotations

import gc
import os
import sys

import streamlit as st

from .. import i18n, store
from . import login, sidebar
from .context import PageContext, cell_options, data_status, db_path
from .widgets import plain


def page_setup(page: str, title_key: str | None = None) -> PageContext:
    """Set the page up for ``page`` (its title ``page.<page>``, or ``title_key``)."""
    _release_last_run(sys._getframe(1).f_globals)
    lang = sidebar.resolve_lang()
    title = i18n.t(f"page.{page}", lang)
    st.set_page_config(page_title=f"{title} · {i18n.t('app.short', lang)}", layout="wide",
                       initial_sidebar_state="auto")   # collapsed on a phone, open on a desktop
    _install_error_handler(lang)
    user = login.gate(lang)   # draws the login form and stops when nobody is signed in
    if not db_path().exists():
        st.error(i18n.t("error.db_missing", lang))
        st.stop()

    # The data version is read on every run (what the caches are keyed by); what else the
    # sidebar says of the data (sample or not, last change) is kept per version.
    version = store.data_version(store.cursor(db_path()))
    status = data_status(version)
    ctx = PageContext(page=page, lang=lang, user=user, version=version, is_sample=bool(status["is_sample"]),
                      cell_options=cell_options(user, version))
    sidebar.draw(ctx, status)
    st.title(ctx.t(title_key or f"page.{page}"))
    if ctx.is_sample:
        st.badge(ctx.t("sample.badge"), icon=":material/science:", color="orange")
    for notice in ctx.notices:
        st.caption(":material/info: " + plain(notice))
    return ctx


def _release_last_run(namespace: dict) -> None:
    """Empty the globals the page script's previous run left, as this run starts.

    A run's globals (its frames, tables, charts) are kept alive by a reference cycle as soon as
    the page defines a function (the function refers to the globals that hold it), so they
    were freed only by Python's full garbage collection. The previous run has finished when the
    next one starts (Streamlit runs a session's script runs one after another), and a fragment
    rerun does not call ``page_setup``."""
    last = st.session_state.get("_last_run")
    if last is not None and last is not namespace:
        last.clear()
    st.session_state["_last_run"] = namespace
    _collect_if_grown(new_session=last is None)


_GROWTH = 96 * 1024 * 1024        # bytes of growth since the last full collection that call for one
_since = {"rss": 0}


def _collect_if_grown(new_session: bool = False) -> None:
    """A full garbage collection before a new session's first view, and when the process has
    grown by ``_GROWTH`` since the last one.

    Python starts a full collection by the count of objects, not their bytes: a run's leftovers
    (Streamlit's element trees, closures holding a table) are few objects holding megabytes, and
    a process with large caches went on growing by 20–40 MB a rerun at sector scale (1,14 GB in
    the benchmark's member register). What a session that has gone left (its last view's
    globals, frames, downloads) is such a cycle: nothing else empties it, and the process's size
    after a collection (memory the allocators keep) hid it from the growth test, so that up to
    three views' worth piled up (1,03 GB at sector scale on the progress page, 0,80 GB with a
    collection at each new session). A full collection costs 2–14 ms (what the first page loaded
    left out of it, below), once for a session: never on a rerun of a small store.

    Streamlit's own full collection after every run (``runner.postScriptGC``) is off in
    ``.streamlit/config.toml``: ~70 ms of every page view, holding Python's lock, was a third of
    the server's time with 16 people on the sample (AppTest does not run it, so the page
    benchmark never saw it). What the process has loaded by its first page (the libraries,
    ~140.000 objects) is frozen out of every later collection (``gc.freeze``)."""
    rss = _rss()
    if not _since["rss"]:
        _since["rss"] = rss      # the process's first page: the size it starts from, no collection
        gc.freeze()              # and what is loaded by now (modules, catalogues) is never scanned again
    elif new_session or rss > _since["rss"] + _GROWTH:
        gc.collect()
        _since["rss"] = _rss()


def _rss() -> int:
    try:
        with open("/proc/self/statm", "rb") as f:
            return int(f.read().split()[1]) * _PAGE
    except (OSError, ValueError, IndexError):
        return 0       # not Linux: no collection forced


_PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


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
