"""The audit trail: logins (and failed ones), logouts, unlocks, uploads, undo and exports."""

from __future__ import annotations

import datetime as dt
import json
import logging
from pathlib import Path

import duckdb

from . import fmt, i18n, queries, store
from .messages import MESSAGES

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


# The parts an event's detail may hold, in the order the trail says them, and the reasons it gives.
DETAIL_PARTS = ("user", "file", "files", "page", "upload_id", "entry", "reason", "failures",
                "refused_since_last_row", "errors", "tables", "rows", "previous", "source", "requested_at", "by")
ENTRIES = ("proposals", "decisions")   # what a page's own entry saved (ui/review.py)
REASONS = ("throttled", "busy", "rate", "too_long", "scope")     # auth.SignIn's refusals, an upload's scope
FROM = ("cli", "page")            # where a backup or restore was made: the command line, the app's page
_ORDER = {key: i for i, key in enumerate(DETAIL_PARTS)}


def describe(detail: str | None, lang: str = i18n.DEFAULT_LANG) -> str:
    """An event's detail (a JSON object, as recorded) in the reader's words: "Tệp: xep-hang.xlsx;
    Trang: Xếp hạng chi bộ". Its parts in ``DETAIL_PARTS`` order, each named and its coded values
    (a reason, a page, where it came from) said; a part the trail does not know, as recorded; a
    detail that is not an object, as it is."""
    if not isinstance(detail, str) or not detail:
        return ""           # no detail (a NULL read as a missing value)
    try:
        parts = json.loads(detail)
    except ValueError:
        return detail
    if not isinstance(parts, dict):
        return detail
    said = []
    for key in sorted(parts, key=lambda k: _ORDER.get(k, len(_ORDER))):
        value = parts[key]
        if value is None or value == "" or value == []:
            continue
        label = i18n.t(f"audit.detail.{key}", lang) if key in _ORDER else key
        said.append(f"{label}: {_value(key, value, lang)}")
    return "; ".join(said)


def _value(key: str, value: object, lang: str) -> str:
    if key == "reason" and value in REASONS:
        return i18n.t(f"audit.reason.{value}", lang)
    if key == "source" and value in FROM:
        return i18n.t(f"audit.from.{value}", lang)
    if key == "entry" and value in ENTRIES:
        return i18n.t(f"audit.entry.{value}", lang)
    if isinstance(value, bool):
        return i18n.t("yes" if value else "no", lang)
    if key == "page" and isinstance(value, str) and f"page.{value}" in MESSAGES:
        return i18n.t(f"page.{value}", lang)      # the page's title
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if not isinstance(value, int | float) or key == "upload_id":
        return str(value)         # (an upload's number is a name, not an amount: no thousands dot)
    return fmt.fmt_amount(value, lang)
