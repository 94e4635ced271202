"""The sidebar: the menu, the shared filters (cells, period, language) and who is signed in.

The app keeps its pages in ``pages/`` (Streamlit's pages-directory mode), where each file runs
on its own: ``st.navigation`` must not be used, so the menu is drawn here with
``st.page_link`` (its links carry the filters) and the default menu is hidden by config.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from .. import auth, fmt, i18n, periods, settings
from . import url
from .context import PageContext
from .login import LANG_MEMORY, logout
from .widgets import CELLS_MEMORY, CELLS_WIDGET, plain

PAGES: tuple[tuple[str, str, str], ...] = (
    ("app.py", "page.overview", ":material/dashboard:"),
    ("pages/han_che.py", "page.limitations", ":material/troubleshoot:"),
    ("pages/xep_hang.py", "page.ranking", ":material/leaderboard:"),
    ("pages/giai_phap.py", "page.solutions", ":material/flag:"),
    ("pages/sinh_hoat.py", "page.meetings", ":material/groups:"),
    # issue 14: the year-end review and the member register
    ("pages/danh_gia_cuoi_nam.py", "page.yearend", ":material/how_to_vote:"),
    ("pages/dang_vien.py", "page.members", ":material/badge:"),
    ("pages/tai_len.py", "page.upload", ":material/upload_file:"),
    ("pages/lich_su.py", "page.history", ":material/history:"),
)
LANG_NAMES = {"vi": "Tiếng Việt", "en": "English"}
PERIOD_MEMORY, PERIOD_WIDGET, LANG_WIDGET = "_f_ky", "f_ky", "f_lang"


def resolve_lang() -> str:
    """The reader's language: the address, then what was chosen before, then the setting."""
    default = settings.get("DASHBOARD_LANG")
    lang, _ = url.remembered(url.P_LANG, LANG_MEMORY, i18n.LANGS,
                             default=default if default in i18n.LANGS else i18n.DEFAULT_LANG)
    return lang


def draw(ctx: PageContext, status: pd.Series) -> None:
    """Resolve the filters (the address wins), draw the sidebar, and write the address back."""
    t = ctx.t
    codes = list(ctx.cell_options["branch_code"])
    names = dict(zip(codes, ctx.cell_options["branch_name"]))
    notices = []
    cells, unknown = url.remembered(url.P_CELLS, CELLS_MEMORY, codes, many=True, normalise=str.upper)
    if unknown:
        notices.append(t("filter.unknown_cell", codes=", ".join(unknown)))
    st.session_state[CELLS_WIDGET] = cells

    # The periods to choose from are those with data for the chosen cells; the latest year first.
    period_codes = ctx.periods_with_scores(cells)
    years = [p for p in period_codes if periods.parse_period(p).kind == "year"]
    period, unknown = url.remembered(url.P_PERIOD, PERIOD_MEMORY, period_codes,
                                     default=(years or period_codes or [None])[0],
                                     normalise=periods.normalise_period)
    if unknown:
        notices.append(t("filter.unknown_period", value=unknown[0]))
    st.session_state[PERIOD_WIDGET] = period

    # The menu's links carry the filters; the widgets below return the same values.
    ctx.selected_cells, ctx.period = cells, period
    with st.sidebar:
        st.markdown(f"**{t('app.org')}**")
        for path, key, icon in PAGES:
            st.page_link(path, label=t(key), icon=icon, query_params=ctx.link_params())
        st.divider()
        st.markdown(f"**{t('filter.heading')}**")
        ctx.selected_cells = st.multiselect(
            t("filter.cell"), options=codes, format_func=lambda c: names.get(c, c),
            key=CELLS_WIDGET, placeholder=t("filter.cell.all"), help=t("filter.cell.help"),
            on_change=_remember_cells)
        if period_codes:
            ctx.period = st.selectbox(
                t("filter.period"), options=period_codes, format_func=lambda p: periods.label(p, ctx.lang),
                key=PERIOD_WIDGET, on_change=_remember_period)
        else:
            st.caption(t("filter.no_periods"))
        st.session_state[LANG_WIDGET] = ctx.lang
        st.segmented_control(t("filter.lang"), options=list(i18n.LANGS), format_func=LANG_NAMES.get,
                             key=LANG_WIDGET, on_change=_switch_lang)
        if status["last_change"] is not None and not pd.isna(status["last_change"]):
            st.caption(t("data.updated", when=fmt.fmt_datetime(status["last_change"])))
        st.divider()
        if ctx.user is auth.LOCAL_USER:
            st.caption(":material/computer: " + t("auth.local_mode"))
        else:
            st.caption(t("auth.signed_in", name=plain(ctx.user.display), role=t("role." + ctx.user.role)))
            st.button(t("auth.logout"), key="logout", icon=":material/logout:", on_click=logout, args=(ctx.user,))

    # The address now says exactly what is shown.
    wanted = ctx.link_params()
    url.write({name: wanted.get(name) for name in (url.P_CELLS, url.P_PERIOD, url.P_LANG)})
    ctx.notices = notices


def _remember_cells() -> None:
    value = list(st.session_state.get(CELLS_WIDGET) or [])
    st.session_state[CELLS_MEMORY] = value
    url.write({url.P_CELLS: ",".join(value)})


def _remember_period() -> None:
    value = st.session_state.get(PERIOD_WIDGET)
    st.session_state[PERIOD_MEMORY] = value
    if value:
        url.write({url.P_PERIOD: value})


def _switch_lang() -> None:
    value = st.session_state.get(LANG_WIDGET) or i18n.DEFAULT_LANG
    st.session_state[LANG_MEMORY] = value
    url.write({url.P_LANG: None if value == settings.get("DASHBOARD_LANG") else value})
