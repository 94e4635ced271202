"""The audit trail: logins (and failed ones), logouts, unlocks, uploads, undo and exports."""

from __future__ import annotations

import datetime as dt
import json
import logging
from pathlib import Path

import duckdb

from . import queries, store

log = logging.getLogger(__name__)

ACTIONS = ("login", "login_failed", "logout", "expired", "unlock", "upload", "upload_rejected", "undo", "export",
           "backup", "restore")


def record(action: str, user_name: str, detail: dict | str | None = None, path: Path | None = None,
           now: dt.datetime | None = None, branches: frozenset[str] | None = None) -> None:
    """Append one event; never lets a failure to write the trail break the user's action.

    ``branches``: the cells of the user behind the event (None: every cell, or no such user).
    """
    if action not in ACTIONS:
        raise ValueError(action)
    text = json.dumps(detail, ensure_ascii=False, default=str) if isinstance(detail, dict) else detail
    try:
        with store.write_lock:
            queries.execute("audit.record", cur=store.cursor(path),
                            happened_at=now or dt.datetime.now().replace(microsecond=0), user_name=user_name[:200],
                            action=action, detail=text[:4000] if text else None,
                            cells=sorted(branches) if branches is not None else None)
    except (duckdb.Error, OSError):
        log.exception("could not write the audit trail (%s by %s)", action, user_name)


def last_event(path: Path | None = None) -> tuple[int, int]:
    """(events in the trail, the last one's number): changes whenever an event is recorded."""
    count, last = queries.execute("audit.last_event", cur=store.cursor(path)).fetchone()
    return int(count), int(last)
