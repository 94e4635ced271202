"""A query stops when the session that asked for it has gone (a closed tab, a lost connection).

A Streamlit script thread cannot be interrupted while DuckDB computes, so a long query would go
on using the cores for a reader who left (at sector scale the server was seen at 194 % CPU for
minutes after the tab closed). ``watch(cur)`` registers the cursor of a query run in a page's
script thread; one monitor thread checks the registered sessions twice a second and calls
``cursor.interrupt()`` for those the server no longer knows. DuckDB then raises
``InterruptException`` in the script thread, whose session is gone anyway; nothing is cached.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable, Iterator

log = logging.getLogger(__name__)

CHECK_SECONDS = 0.5
_watched: dict[int, tuple[object, Callable[[], bool]]] = {}
_lock = threading.Lock()
_monitor: threading.Thread | None = None


def session_alive() -> Callable[[], bool] | None:
    """For the current script thread: a check that its session is still connected (None outside one)."""
    try:
        from streamlit.runtime import Runtime
        from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx
    except ImportError:   # pragma: no cover - Streamlit is a dependency
        return None
    run_ctx = get_script_run_ctx(suppress_warning=True)
    if run_ctx is None or not Runtime.exists():
        return None
    session_id, runtime = run_ctx.session_id, Runtime.instance()
    return lambda: runtime.is_active_session(session_id)


@contextlib.contextmanager
def watch(cur, alive: Callable[[], bool] | None = None) -> Iterator[None]:
    """Interrupt ``cur``'s query if ``alive`` (default: this script's session is connected) turns false."""
    alive = alive or session_alive()
    if alive is None:
        yield
        return
    key = id(cur)
    with _lock:
        _watched[key] = (cur, alive)
        _start_monitor()
    try:
        yield
    finally:
        with _lock:
            _watched.pop(key, None)


def _start_monitor() -> None:
    global _monitor
    if _monitor is None or not _monitor.is_alive():
        _monitor = threading.Thread(target=_run, name="query-cancel", daemon=True)
        _monitor.start()


def _run() -> None:
    stop = threading.Event()
    while not stop.wait(CHECK_SECONDS):
        with _lock:
            entries = list(_watched.items())
        for key, (cur, alive) in entries:
            try:
                gone = not alive()
            except Exception:   # a check that fails must not kill the monitor
                log.exception("session check failed")
                continue
            if gone:
                log.info("session gone: interrupting its query")
                with _lock:
                    _watched.pop(key, None)
                cur.interrupt()
        # nothing of this round is held while the monitor waits: a cursor and its check hold
        # the session's runtime, and with it what its last view made (its downloads' tables)
        entries = key = cur = alive = None
