"""Page setup shared by every page file: config, login gate, navigation, filters.

Every page (``app.py`` included) starts with ``ctx = page_setup("key")``. The
app keeps its pages in ``pages/`` (Streamlit's pages-directory mode), where each
file runs on its own: ``st.navigation`` must not be used, so the menu is drawn
here with ``st.page_link`` and the default menu is hidden by config.

Filters live in three places that agree: the URL (``?chi_bo=CB01,CB03&ky=2024``,
repeated ``chi_bo`` parameters work too), session state (so a filter survives a
page switch) and the widgets. The URL wins over remembered state.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import re
import time
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import streamlit as st

from . import audit, auth, i18n, periods, queries, settings, store, tables

log = logging.getLogger(__name__)

PAGES: tuple[tuple[str, str, str], ...] = (
    ("app.py", "page.overview", ":material/dashboard:"),
    ("pages/xep_hang.py", "page.ranking", ":material/leaderboard:"),
    ("pages/giai_phap.py", "page.solutions", ":material/flag:"),
    ("pages/sinh_hoat.py", "page.meetings", ":material/groups:"),
    ("pages/tai_len.py", "page.upload", ":material/upload_file:"),
    ("pages/lich_su.py", "page.history", ":material/history:"),
)

# URL parameter names and the session-state keys that remember them.
P_BRANCH, P_PERIOD, P_LANG = "chi_bo", "ky", "lang"
_MEMORY = {P_BRANCH: "_f_chi_bo", P_PERIOD: "_f_ky", P_LANG: "_f_lang"}
_WIDGET = {P_BRANCH: "f_chi_bo", P_PERIOD: "f_ky", P_LANG: "f_lang"}


@dataclass
class PageContext:
    page: str
    lang: str
    user: auth.User
    version: int
    is_sample: bool
    branch_options: pd.DataFrame
    selected_branches: list[str] = field(default_factory=list)  # empty = all
    period: str | None = None
    today: dt.date = field(default_factory=lambda: today())
    notices: list[str] = field(default_factory=list)

    def t(self, key: str, **params: object) -> str:
        return i18n.t(key, self.lang, **params)

    @property
    def branches(self) -> list[str]:
        """The cells to show: the selection, or every cell in scope."""
        return list(self.selected_branches) or list(self.branch_options["branch_code"])

    @property
    def all_branches(self) -> bool:
        return not self.selected_branches

    def branch_name(self, code: str) -> str:
        names = dict(zip(self.branch_options["branch_code"], self.branch_options["branch_name"]))
        if code == "DANG_UY":
            return self.t("committee")
        return names.get(code, code)

    def query(self, name: str, **params: object) -> pd.DataFrame:
        """A named query's rows, cached until the data changes."""
        if queries.get(name).scoped and "branches" not in params:
            params["branches"] = self.branches
        frozen = tuple(sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in params.items()))
        scope = tuple(sorted(self.user.scope)) if self.user.scope is not None else None
        return _cached_query(name, frozen, scope, self.version, str(db_path()), self.user.can("names"))

    def label(self, domain: str, code: str | None, short: bool = False) -> str:
        """The reader's word for a coded value (a level, a status, a meeting kind …)."""
        if code is None or code == "" or (isinstance(code, float) and pd.isna(code)):
            return "—"
        frame = self.query("reference.enum_labels")
        row = frame[(frame["domain"] == domain) & (frame["code"] == code)]
        if row.empty:
            return str(code)
        column = ("short_" if short else "name_") + ("vi" if self.lang == "vi" else "en")
        return str(row.iloc[0][column])

    def _reference_text(self, query: str, key_column: str, key: object, column: str) -> str:
        frame = self.query(query)
        row = frame[frame[key_column] == key]
        suffix = "vi" if self.lang == "vi" else "en"
        return str(row.iloc[0][f"{column}_{suffix}"]) if not row.empty else str(key)

    def citation(self, source: str) -> str:
        """How a source (a regulation, guidance, or the office's own framework) is cited."""
        return self._reference_text("reference.sources", "source", source, "citation")

    def limitation(self, code: str, full: bool = False) -> str:
        """A limitation the Đảng ủy named, by its short title (or its published sentence)."""
        return self._reference_text("reference.limitations", "code", code, "title" if full else "short")

    def solution_titles(self, full: bool = False) -> dict[int, str]:
        """Solution number → its short title (or the Đảng ủy's published wording)."""
        frame = self.query("reference.solutions")
        column = ("title_" if full else "short_") + ("vi" if self.lang == "vi" else "en")
        return {int(n): str(text) for n, text in zip(frame["solution"], frame[column])}

    def query_fresh(self, name: str, **params: object) -> pd.DataFrame:
        """A named query read now, bypassing the cache (for tables the data version does not cover)."""
        scope = self.user.scope
        return queries.run(name, cur=store.cursor(db_path()), scope=scope, names_allowed=self.user.can("names"),
                           **params)

    def findings(self, years: set[int] | None = None, topics: set[str] | None = None) -> pd.DataFrame:
        """Rule findings (of the given years and topics) over every cell in scope (the quota is
        about the whole Đảng bộ), kept per data version: writing a dozen rules' sentences again
        cost a third of a rerun."""
        scope = tuple(sorted(self.user.scope)) if self.user.scope is not None else None
        return _cached_findings(self, self.version, str(db_path()), tuple(self.branch_options["branch_code"]),
                                scope, self.today, self.lang, tuple(sorted(years)) if years else None,
                                self.user.can("names"), tuple(sorted(topics)) if topics else None)

    def chart(self, builder, *args) -> dict:
        """A chart's Vega-Lite spec, built once per input and kept: reruns reuse it."""
        return _cached_chart(builder.__module__, builder.__name__, args)

    def member_names(self) -> dict[str, str]:
        """Members' names for administrators; empty for everyone else (personal data)."""
        if not self.user.can("names"):
            return {}
        frame = self.query("uploads.member_names")
        return {c: n for c, n in zip(frame["member_code"], frame["full_name"]) if isinstance(n, str) and n}

    def period_label(self, code: str | None = None) -> str:
        code = code or self.period
        return periods.label(code, self.lang) if code else "—"

    def link_params(self) -> dict[str, str]:
        params = {}
        if self.selected_branches:
            params[P_BRANCH] = ",".join(self.selected_branches)
        if self.period:
            params[P_PERIOD] = self.period
        if self.lang != settings.get("DASHBOARD_LANG"):
            params[P_LANG] = self.lang
        return params


def today() -> dt.date:
    """Today, or the DASHBOARD_TODAY setting (dd/mm/yyyy or yyyy-mm-dd) for demonstrations and tests."""
    fixed = settings.get("DASHBOARD_TODAY")
    if fixed:
        from .ingest.parse import parse_date
        try:
            return parse_date(fixed)
        except ValueError:
            log.warning("DASHBOARD_TODAY=%r is not a date; using the real date", fixed)
    return dt.date.today()


def db_path() -> Path:
    return settings.path_setting("DASHBOARD_DB")


@st.cache_data(show_spinner=False, max_entries=1024)
def _cached_query(name: str, params: tuple, scope: tuple | None, version: int, db: str,
                  names_allowed: bool = False) -> pd.DataFrame:
    # version, db, scope and names_allowed are all part of the cache key: a commit or undo
    # bumps the version, and two users with different rights never share an entry.
    kwargs = {k: list(v) if isinstance(v, tuple) else v for k, v in params}
    return queries.run(name, cur=store.cursor(Path(db)), scope=frozenset(scope) if scope is not None else None,
                       names_allowed=names_allowed, **kwargs)


@st.cache_data(show_spinner=False, max_entries=256)
def _cached_findings(_ctx: PageContext, version: int, db: str, branches: tuple[str, ...], scope: tuple | None,
                     today: dt.date, lang: str, years: tuple[int, ...] | None, names_allowed: bool,
                     topics: tuple[str, ...] | None = None) -> pd.DataFrame:
    from . import rules
    return rules.collect(_ctx.query, list(branches), today, lang, years=set(years) if years else None,
                         member_names=_ctx.member_names() if names_allowed else None,
                         topics=set(topics) if topics else None)


@st.cache_data(show_spinner=False, max_entries=256)
def _cached_chart(module: str, name: str, args: tuple) -> dict:
    import importlib

    from .charts_progress import spec
    return spec(getattr(importlib.import_module(module), name)(*args))


def _url_values(name: str) -> list[str] | None:
    """Values of a URL parameter (comma-separated or repeated); None when absent."""
    if name not in st.query_params:
        return None
    values = []
    for raw in st.query_params.get_all(name):
        values.extend(part.strip() for part in str(raw).split(",") if part.strip())
    return values


def _resolve_lang() -> str:
    url = _url_values(P_LANG)
    default = settings.get("DASHBOARD_LANG")
    if url and url[0] in i18n.LANGS:
        st.session_state[_MEMORY[P_LANG]] = url[0]
    lang = st.session_state.get(_MEMORY[P_LANG], default)
    return lang if lang in i18n.LANGS else i18n.DEFAULT_LANG


def _set_url(name: str, value: str | None) -> None:
    """Put one parameter in the address, or take it out when there is no value."""
    if value:
        # Repeated parameters (?chi_bo=CB01&chi_bo=CB03) that say the same are left as written.
        if ",".join(_url_values(name) or []) != value:
            st.query_params[name] = value
    elif name in st.query_params:
        del st.query_params[name]


def _remember(param: str) -> None:
    """on_change of a filter widget: remember its value and put it in the URL."""
    value = st.session_state.get(_WIDGET[param])
    st.session_state[_MEMORY[param]] = value
    if param == P_BRANCH:
        _set_url(P_BRANCH, ",".join(value or []))
    elif value:
        _set_url(param, value)


def page_setup(page: str, title_key: str | None = None) -> PageContext:
    """The one call at the top of every page file: config, gate, menu, filters, title."""
    lang = _resolve_lang()
    title = i18n.t(f"page.{page}", lang)
    st.set_page_config(page_title=f"{title} · {i18n.t('app.short', lang)}", layout="wide",
                       initial_sidebar_state="auto")   # collapsed on a phone, open on a desktop
    _install_error_handler(lang)
    user = _gate(lang)   # draws the login form and stops when nobody is signed in
    if not db_path().exists():
        st.error(i18n.t("error.db_missing", lang))
        st.stop()

    cur = store.cursor(db_path())
    status = queries.run("reference.data_status", cur=cur).iloc[0]
    version = int(status["version"])
    scope = tuple(sorted(user.scope)) if user.scope is not None else None
    options = _cached_query("reference.branch_options", (("branches", None),), scope, version, str(db_path()))
    ctx = PageContext(page=page, lang=lang, user=user, version=version,
                      is_sample=bool(status["is_sample"]), branch_options=options)
    _draw_sidebar(ctx, status)
    st.title(ctx.t(title_key or f"page.{page}"))
    if ctx.is_sample:
        st.badge(ctx.t("sample.badge"), icon=":material/science:", color="orange")
    for notice in ctx.notices:
        st.caption(":material/info: " + plain(notice))
    return ctx


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~:$=^&])")


def plain(text: object) -> str:
    """User-supplied text made inert in Streamlit's Markdown (links, images, :directives:, LaTeX).

    Line breaks become spaces; every Markdown metacharacter is escaped, so the
    text shows exactly as written.
    """
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


_AUTH = "_auth"


def _audit(action: str, user_name: str, detail: dict | str | None = None,
           scope: frozenset[str] | None = None) -> None:
    """Record an event; ``scope`` is the acting user's cells (None: every cell), so that an
    administrator limited to some cells sees only the events of users within them."""
    if db_path().exists() and not settings.get("DASHBOARD_READ_ONLY"):
        audit.record(action, user_name, detail, path=db_path(), branches=scope)


def _client_source() -> str:
    """The address the browser connects from ("local" for this computer), to throttle sign-ins by."""
    try:
        address = st.context.ip_address
    except Exception:  # no session (bare run): treat as local
        address = None
    return address if isinstance(address, str) and address else "local"


_KEPT_ACROSS_SIGN_IN = (_MEMORY[P_LANG],)


def _reset_session() -> None:
    """Forget everything the tab held (filters, prepared uploads, choices, widgets) but the language.

    Called at sign-in, sign-out and expiry, so nothing one user prepared can be used by the next
    one in the same tab.
    """
    kept = {k: st.session_state[k] for k in _KEPT_ACROSS_SIGN_IN if k in st.session_state}
    for key in list(st.session_state.keys()):
        del st.session_state[key]
    for key, value in kept.items():
        st.session_state[key] = value


def _gate(lang: str) -> auth.User:
    """The signed-in user; otherwise draw only the login form and stop the page.

    Nothing is queried from the store before this returns.
    """
    try:
        users = auth.load_users()
    except auth.UsersFileError as broken:
        log.error("refusing to serve: the users configuration is broken: %s", broken)
        message = i18n.t("auth.users_file_broken", lang)
        if broken.key:
            message += " " + i18n.t("auth.users_file_key", lang, name=broken.key)
        st.error(plain(message), icon=":material/block:")
        st.stop()
    if not users:
        if not auth.is_loopback(st.get_option("server.address")):
            st.error(i18n.t("auth.public_without_users", lang), icon=":material/block:")
            st.stop()
        return auth.LOCAL_USER
    session = st.session_state.get(_AUTH)
    if session:
        entry = users.get(session["login"])
        idle = time.time() - session["seen"]
        if entry is None:
            _reset_session()
        elif idle > settings.get("DASHBOARD_IDLE_MINUTES") * 60:
            _reset_session()
            _audit("expired", session["login"], scope=auth.user_from_entry(session["login"], entry).scope)
            st.session_state["_login_notice"] = i18n.t("auth.expired", lang)
        else:
            session["seen"] = time.time()
            return auth.user_from_entry(session["login"], entry)
    _login_form(lang, users)
    st.stop()
    raise AssertionError("unreachable")  # pragma: no cover


def _login_form(lang: str, users: dict) -> None:
    _, middle, _ = st.columns([1, 2, 1])
    with middle:
        _login_form_body(lang, users)


def _login_form_body(lang: str, users: dict) -> None:
    st.title(i18n.t("auth.title", lang))
    st.caption(i18n.t("app.org", lang))
    notice = st.session_state.pop("_login_notice", None)
    if notice:
        st.info(notice, icon=":material/schedule:")
    with st.form("login_form"):
        login = st.text_input(i18n.t("auth.login", lang), key="login_name", max_chars=auth.MAX_LOGIN_CHARS)
        password = st.text_input(i18n.t("auth.password", lang), type="password", key="login_password",
                                 max_chars=auth.MAX_PASSWORD_CHARS)
        submitted = st.form_submit_button(i18n.t("auth.submit", lang), type="primary")
    if not submitted:
        return
    # The browser caps the fields, but a client talking to the websocket directly need not.
    login = str(login or "").strip()
    result = auth.sign_in(login, str(password or ""), _client_source(), users)
    entry = users.get(result.login) if result.login == login else None
    scope = auth.user_from_entry(result.login, entry).scope if entry else None
    if result.outcome in ("throttled", "busy", "rate"):
        _audit("login_failed", result.login or "?", {"reason": result.outcome}, scope=scope)
        key = "auth.wait" if result.outcome == "throttled" else "auth.busy"
        st.error(i18n.t(key, lang, seconds=int(result.wait) + 1), icon=":material/lock_clock:")
        return
    if result.user is None:
        detail = {"failures": result.failures} if result.outcome == "failed" else {"reason": result.outcome}
        _audit("login_failed", result.login or "?", detail, scope=scope)
        st.error(i18n.t("auth.failed", lang), icon=":material/error:")
        delay = auth.throttle.delay_after(result.failures)
        if delay:
            st.warning(i18n.t("auth.delay", lang, seconds=int(delay)), icon=":material/lock_clock:")
        return
    _reset_session()
    st.session_state[_AUTH] = {"login": result.user.name, "seen": time.time()}
    _audit("login", result.user.name, scope=result.user.scope)
    st.rerun()


def audit_event(ctx: PageContext, action: str, detail: dict | str | None = None) -> None:
    _audit(action, ctx.user.name, detail, scope=ctx.user.scope)


def audit_export(ctx: PageContext, file_name: str) -> None:
    """on_click of a download button: record what was exported, by whom."""
    _audit("export", ctx.user.name, {"file": file_name, "page": ctx.page}, scope=ctx.user.scope)


def _logout(user: auth.User) -> None:
    _audit("logout", user.name, scope=user.scope)
    _reset_session()


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


def _draw_sidebar(ctx: PageContext, status: pd.Series) -> None:
    t = ctx.t
    codes = list(ctx.branch_options["branch_code"])
    names = dict(zip(codes, ctx.branch_options["branch_name"]))

    # Branch filter: URL wins, then memory, then "all".
    notices = []
    url = _url_values(P_BRANCH)
    if url is not None:
        wanted = [c.upper() for c in url]
        unknown = [c for c in wanted if c not in names]
        if unknown:
            notices.append(t("filter.unknown_branch", codes=", ".join(unknown)))
        st.session_state[_MEMORY[P_BRANCH]] = list(dict.fromkeys(c for c in wanted if c in names))
    remembered = [c for c in st.session_state.get(_MEMORY[P_BRANCH], []) or [] if c in names]
    st.session_state[_WIDGET[P_BRANCH]] = remembered

    # Period filter: choices are the periods with data for the chosen cells.
    period_frame = ctx.query("reference.periods", branches=remembered or codes)
    period_codes = list(period_frame["period"])
    url_period = _url_values(P_PERIOD)
    if url_period:
        try:
            wanted = periods.normalise_period(url_period[0])
        except ValueError:
            wanted = None
        if wanted in period_codes:
            st.session_state[_MEMORY[P_PERIOD]] = wanted
        else:
            notices.append(t("filter.unknown_period", value=url_period[0]))
    period = st.session_state.get(_MEMORY[P_PERIOD])
    if period not in period_codes:
        years = [p for p in period_codes if periods.parse_period(p).kind == "year"]
        period = (years or period_codes or [None])[0]
    st.session_state[_WIDGET[P_PERIOD]] = period
    st.session_state[_MEMORY[P_PERIOD]] = period

    # The menu's links carry the filters; the widgets below return the same values.
    ctx.selected_branches, ctx.period = remembered, period
    with st.sidebar:
        st.markdown(f"**{t('app.org')}**")
        for path, key, icon in PAGES:
            st.page_link(path, label=t(key), icon=icon, query_params=ctx.link_params())
        st.divider()
        st.markdown(f"**{t('filter.heading')}**")
        ctx.selected_branches = st.multiselect(
            t("filter.branch"), options=codes, format_func=lambda c: names.get(c, c),
            key=_WIDGET[P_BRANCH], placeholder=t("filter.branch.all"), help=t("filter.branch.help"),
            on_change=_remember, args=(P_BRANCH,))
        if period_codes:
            ctx.period = st.selectbox(
                t("filter.period"), options=period_codes, format_func=lambda p: periods.label(p, ctx.lang),
                key=_WIDGET[P_PERIOD], on_change=_remember, args=(P_PERIOD,))
        else:
            st.caption(t("filter.no_periods"))
        st.session_state[_WIDGET[P_LANG]] = ctx.lang
        st.segmented_control(
            t("filter.lang"), options=list(i18n.LANGS),
            format_func=lambda code: {"vi": "Tiếng Việt", "en": "English"}[code],
            key=_WIDGET[P_LANG], on_change=_switch_lang)
        if status["last_change"] is not None and not pd.isna(status["last_change"]):
            st.caption(t("data.updated", when=i18n.fmt_datetime(status["last_change"])))
        st.divider()
        if ctx.user is auth.LOCAL_USER:
            st.caption(":material/computer: " + t("auth.local_mode"))
        else:
            st.caption(t("auth.signed_in", name=plain(ctx.user.display), role=t("role." + ctx.user.role)))
            st.button(t("auth.logout"), key="logout", icon=":material/logout:", on_click=_logout,
                      args=(ctx.user,))

    # The URL now says exactly what is shown.
    _write_url(ctx)
    ctx.notices = notices


def _switch_lang() -> None:
    value = st.session_state.get(_WIDGET[P_LANG]) or i18n.DEFAULT_LANG
    st.session_state[_MEMORY[P_LANG]] = value
    _set_url(P_LANG, None if value == settings.get("DASHBOARD_LANG") else value)


def _write_url(ctx: PageContext) -> None:
    wanted = ctx.link_params()
    for name in (P_BRANCH, P_PERIOD, P_LANG):
        _set_url(name, wanted.get(name))


def select_branches(codes: list[str]) -> None:
    """Set the shared branch filter from the page (a click in a chart or a table) and rerun."""
    st.session_state[_MEMORY[P_BRANCH]] = list(codes)
    _set_url(P_BRANCH, ",".join(codes))
    # A new generation of selectable widgets forgets the old click.
    st.session_state["_selection_generation"] = st.session_state.get("_selection_generation", 0) + 1
    st.rerun()


def selection_key(name: str) -> str:
    """Key of a selectable chart or table; it changes when the branch filter is set or cleared."""
    return f"{name}_{st.session_state.get('_selection_generation', 0)}"


def clear_filter_button(ctx: PageContext) -> None:
    """A visible way back to every cell once the page is narrowed."""
    if ctx.selected_branches:
        names = ", ".join(ctx.branch_name(c) for c in ctx.selected_branches)
        left, right = st.columns([4, 1], vertical_alignment="center")
        left.caption(plain(ctx.t("filter.showing", names=names)))
        if right.button(ctx.t("filter.clear"), key="clear_branch_filter", icon=":material/filter_alt_off:"):
            select_branches([])


def url_choice(ctx: PageContext, param: str, options: list[str], label_key: str,
               labels: dict[str, str]) -> str:
    """A page-level choice (segmented control) kept in the URL; the first option is the default."""
    memory, widget = f"_c_{param}", f"c_{param}"
    url = _url_values(param)
    if url and url[0] in options:
        st.session_state[memory] = url[0]
    value = st.session_state.get(memory, options[0])
    if value not in options:
        value = options[0]
    st.session_state[widget] = value

    def remember() -> None:
        chosen = st.session_state.get(widget) or options[0]
        st.session_state[memory] = chosen
        _set_url(param, None if chosen == options[0] else chosen)

    chosen = st.segmented_control(ctx.t(label_key), options=options, format_func=lambda o: labels[o],
                                  key=widget, on_change=remember) or options[0]
    _set_url(param, None if chosen == options[0] else chosen)
    return chosen


@contextlib.contextmanager
def user_errors(ctx: PageContext, expected: tuple[type[BaseException], ...] = ()):
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


def findings_table(ctx: PageContext, findings: pd.DataFrame, key: str, with_year: bool = True) -> None:
    """Rule findings as a table: severity, (year), the sentence and its source."""
    if findings.empty:
        st.caption(ctx.t("findings.none"))
        return
    columns = [("severity_name", "col.severity", "text")] + ([("year", "col.year", "text")] if with_year else [])
    columns += [("message", "col.message", "text"), ("source", "col.rule_source", "text")]
    st.dataframe(tables.display(findings.assign(severity_name=[ctx.t("severity." + s) for s in findings["severity"]]),
                                columns, ctx.lang),
                 hide_index=True, width="stretch", key=key,
                 column_config={ctx.t("col.message"): st.column_config.TextColumn(width="large")})


def empty_notice(ctx: PageContext) -> None:
    st.info(ctx.t("empty.branch"), icon=":material/info:")
