"""The caches warmed right after a commit or an undo, so the first reader does not pay the cold cost.

Every cached read of a page is keyed by the data version; a commit bumps it, and the next view
of every page computed everything again (at province scale seconds a page). The page library
remembers the keys of the reads pages made lately (without the version: ``remember_*``, called
by ``PageContext``); ``warm_in_background`` then runs the same reads for the new version in a
thread of the server while the uploader's page reruns. Only what readers looked at lately is
warmed (the last ``REMEMBERED`` reads of each kind), so an upload costs at most that.
"""

from __future__ import annotations

import dataclasses
import logging
import threading
from collections import OrderedDict
from pathlib import Path

from .. import store

log = logging.getLogger(__name__)

REMEMBERED = 300
_queries: OrderedDict[tuple, None] = OrderedDict()    # (name, params, scope, db, names_allowed)
_findings: OrderedDict[tuple, object] = OrderedDict()  # (db, cells, scope, today, lang, years, names, topics) → ctx
_lock = threading.Lock()


def _keep(recent: OrderedDict, key: tuple, value: object = None) -> None:
    with _lock:
        recent[key] = value
        recent.move_to_end(key)
        while len(recent) > REMEMBERED:
            recent.popitem(last=False)


def remember_query(name: str, params: tuple, scope: tuple | None, db: str, names_allowed: bool) -> None:
    _keep(_queries, (name, params, scope, db, names_allowed))


def remember_findings(ctx, key: tuple) -> None:
    _keep(_findings, key, ctx)


def forget() -> None:
    with _lock:
        _queries.clear()
        _findings.clear()


def warm(db: Path | str, version: int | None = None) -> int:
    """Run the remembered reads of ``db`` for ``version`` (default: the store's current one).
    Returns how many were run; a read that fails is logged and skipped."""
    from .context import _cached_findings, _cached_query

    db = str(db)
    if version is None:
        version = store.data_version(store.cursor(Path(db)))
    with _lock:
        reads = [k for k in _queries if k[3] == db]
        findings = [(k, ctx) for k, ctx in _findings.items() if k[0] == db]
    done = 0
    for name, params, scope, _, names_allowed in reads:
        try:
            _cached_query(name, params, scope, version, db, names_allowed)
            done += 1
        except Exception:
            log.exception("warming %s failed", name)
    for (_, cells, scope, today, lang, years, names_allowed, topics, only), ctx in findings:
        try:
            fresh = dataclasses.replace(ctx, version=version, _memo={})
            _cached_findings(fresh, version, db, cells, scope, today, lang, years, names_allowed, topics, only)
            done += 1
        except Exception:
            log.exception("warming findings failed")
    return done


def warm_in_background(db: Path | str) -> threading.Thread:
    """``warm`` in a daemon thread of the server (a commit's page does not wait for it)."""
    thread = threading.Thread(target=warm, args=(str(db),), name="cache-warm", daemon=True)
    thread.start()
    return thread
