"""The login gate: who is signed in, the login form, sign-out, and the audit of each.

Nothing is queried from the store before ``gate`` returns a user.
"""

from __future__ import annotations

import datetime as dt
import logging
import math
import threading
import time
from collections import OrderedDict, deque

import streamlit as st

from .. import audit, auth, fmt, i18n, settings
from .context import db_path
from .widgets import plain

log = logging.getLogger(__name__)

AUTH = "_auth"
LOGIN_NOTICE = "_login_notice"
LANG_MEMORY = "_f_lang"
KEPT_ACROSS_SIGN_IN = (LANG_MEMORY,)


def record(action: str, user_name: str, detail: dict | str | None = None,
           scope: frozenset[str] | None = None) -> None:
    """Record an event; ``scope`` is the acting user's cells (None: every cell), so that an
    administrator limited to some cells sees only the events of users within them."""
    if db_path().exists() and not settings.get("DASHBOARD_READ_ONLY"):
        audit.record(action, user_name, detail, path=db_path(), branches=scope)


class _Refusals:
    """Refused sign-ins (throttled, busy, over the rate) recorded at most once a minute per name
    (as the throttle counts it: case aside), source and reason — over the global rate, per source
    whatever the name — and at most ``ROWS`` such rows a minute in all, each saying how many of
    its kind were refused since its last row: a script hammering the form wrote one audit row per
    attempt, and one trying a new name each time still would have. (Wrong passwords are recorded
    each; the throttle's global rate bounds them to 60 a minute.)"""

    SECONDS = 60.0
    ROWS = 20
    MAX_KEYS = 1_000

    def __init__(self, clock=time.monotonic):
        self._clock, self._lock = clock, threading.Lock()
        self._last: OrderedDict[tuple[str, str, str], tuple[float, int]] = OrderedDict()
        self._rows: deque[float] = deque()        # when the last rows were written

    def note(self, login: str, source: str, reason: str) -> dict | None:
        """None when this refusal is only counted; else what the row records beside the reason."""
        name = "" if reason == "rate" else login[:auth.MAX_LOGIN_CHARS].lower()
        key, now = (name, source, reason), self._clock()
        with self._lock:
            while self._rows and now - self._rows[0] >= self.SECONDS:
                self._rows.popleft()
            at, unrecorded = self._last.get(key, (-math.inf, 0))
            if now - at < self.SECONDS or len(self._rows) >= self.ROWS:
                self._last[key] = (at, unrecorded + 1)
                self._last.move_to_end(key)
                self._trim()
                return None
            self._last[key] = (now, 0)
            self._last.move_to_end(key)
            self._rows.append(now)
            self._trim()
        return {"refused_since_last_row": unrecorded} if unrecorded else {}

    def _trim(self) -> None:
        while len(self._last) > self.MAX_KEYS:
            self._last.popitem(last=False)


_refusals = _Refusals()


def client_source() -> str:
    """The address the browser connects from ("local" for this computer), to throttle sign-ins by."""
    try:
        address = st.context.ip_address
    except Exception:  # no session (bare run): treat as local
        address = None
    return address if isinstance(address, str) and address else "local"


def reset_session() -> None:
    """Forget everything the tab held (filters, prepared uploads, choices, widgets) but the language.

    Called at sign-in, sign-out and expiry, so nothing one user prepared can be used by the next
    one in the same tab.
    """
    kept = {k: st.session_state[k] for k in KEPT_ACROSS_SIGN_IN if k in st.session_state}
    for key in list(st.session_state.keys()):
        del st.session_state[key]
    for key, value in kept.items():
        st.session_state[key] = value


def gate(lang: str) -> auth.User:
    """The signed-in user; otherwise draw only the login form and stop the page."""
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
    session = st.session_state.get(AUTH)
    if session:
        entry = users.get(session["login"])
        idle = time.time() - session["seen"]
        if entry is None:
            reset_session()
        elif idle > settings.get("DASHBOARD_IDLE_MINUTES") * 60:
            reset_session()
            record("expired", session["login"], scope=auth.user_from_entry(session["login"], entry).scope)
            st.session_state[LOGIN_NOTICE] = i18n.t("auth.expired", lang)
        else:
            session["seen"] = time.time()
            return auth.user_from_entry(session["login"], entry)
    _, middle, _ = st.columns([1, 2, 1])
    with middle:
        _login_form(lang, users)
    st.stop()
    raise AssertionError("unreachable")  # pragma: no cover


def _login_form(lang: str, users: dict) -> None:
    st.title(i18n.t("auth.title", lang))
    st.caption(i18n.t("app.org", lang))
    notice = st.session_state.pop(LOGIN_NOTICE, None)
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
    source = client_source()
    result = auth.sign_in(login, str(password or ""), source, users)
    for name, asked, who in result.unlocked:  # applied by this attempt: who was unlocked, when, by whom
        unlocked = users.get(name)
        record("unlock", who or "?", {"user": name, "requested_at": fmt.fmt_datetime(dt.datetime.fromtimestamp(asked)),
                                      "by": "python -m dashboard unlock"},
               scope=auth.user_from_entry(name, unlocked).scope if unlocked else None)
    entry = users.get(result.login) if result.login == login else None
    scope = auth.user_from_entry(result.login, entry).scope if entry else None
    if result.outcome in ("throttled", "busy", "rate"):
        refused = _refusals.note(result.login, source, result.outcome)
        if refused is not None:        # the first refusal of a minute, with how many it stands for
            record("login_failed", result.login or "?", {"reason": result.outcome, **refused}, scope=scope)
        key = "auth.wait" if result.outcome == "throttled" else "auth.busy"
        st.error(i18n.t(key, lang, seconds=int(result.wait) + 1), icon=":material/lock_clock:")
        return
    if result.user is None:
        detail = {"failures": result.failures} if result.outcome == "failed" else {"reason": result.outcome}
        record("login_failed", result.login or "?", detail, scope=scope)
        st.error(i18n.t("auth.failed", lang), icon=":material/error:")
        delay = auth.throttle.delay_after(result.failures)
        if delay:
            st.warning(i18n.t("auth.delay", lang, seconds=int(delay)), icon=":material/lock_clock:")
        return
    reset_session()
    st.session_state[AUTH] = {"login": result.user.name, "seen": time.time()}
    record("login", result.user.name, scope=result.user.scope)
    st.rerun()


def logout(user: auth.User) -> None:
    """on_click of the sign-out button."""
    record("logout", user.name, scope=user.scope)
    reset_session()


def audit_event(ctx, action: str, detail: dict | str | None = None) -> None:
    """Record what the page's user did (an upload, an undo …)."""
    record(action, ctx.user.name, detail, scope=ctx.user.scope)
