"""The DuckDB store: one database instance per process, a cursor per query.

A DuckDB connection shared by threads gives wrong results, so callers never
use the root connection directly: ``cursor()`` hands out a fresh cursor on the
shared database instance for each query or write transaction. Schema changes
come from numbered SQL migrations recorded in ``schema_version``. Once set up,
the engine is locked down: no extension loading, no access to other files, and
the configuration cannot be changed back by any later statement.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from pathlib import Path
from typing import Callable, Iterator

import duckdb

from . import settings

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"

_lock = threading.Lock()
_connections: dict[str, duckdb.DuckDBPyConnection] = {}

# Serialises write transactions inside this process (uploads, undo).
write_lock = threading.Lock()


class DatabaseBusy(RuntimeError):
    """Another process (usually the running app) holds the database file."""


def migrations() -> list[tuple[int, str, str]]:
    """(version, name, sql) for every migration file, in order."""
    found = []
    for path in sorted(MIGRATIONS_DIR.glob("[0-9][0-9][0-9][0-9]_*.sql")):
        found.append((int(path.name[:4]), path.stem[5:], path.read_text(encoding="utf-8")))
    return found


def latest_version() -> int:
    return max(v for v, _, _ in migrations())


class TransactionLost(RuntimeError):
    """COMMIT returned but the transaction's work is not in the store."""


@contextlib.contextmanager
def transaction(cur: duckdb.DuckDBPyConnection,
                landed: Callable[[duckdb.DuckDBPyConnection], bool] | None = None) -> Iterator[None]:
    """BEGIN … COMMIT on ``cur``, ROLLBACK on any error.

    DuckDB's COMMIT of a transaction in which a statement failed can silently discard the
    work, so ``landed(cur)``, when given, is asked after COMMIT whether the work is there;
    if not, ``TransactionLost`` is raised.
    """
    cur.execute("BEGIN TRANSACTION")
    try:
        yield
        cur.execute("COMMIT")
    except BaseException:
        try:
            cur.execute("ROLLBACK")
        except duckdb.Error:   # the transaction may already be gone
            pass
        raise
    if landed is not None and not landed(cur):
        raise TransactionLost("the transaction did not commit")


def bump_version(cur: duckdb.DuckDBPyConnection) -> None:
    """Tell every cache that the data changed (inside the writing transaction)."""
    cur.execute("UPDATE data_state SET version = version + 1 WHERE id = 1")


def migrate(conn: duckdb.DuckDBPyConnection, upto: int | None = None) -> list[int]:
    """Apply the migrations not yet recorded (up to version ``upto``); each in its own transaction.

    Returns the versions applied (empty when the database is up to date).
    """
    cur = conn.cursor()
    cur.execute(
        "CREATE TABLE IF NOT EXISTS schema_version ("
        " version INTEGER PRIMARY KEY, name VARCHAR NOT NULL,"
        " applied_at TIMESTAMP NOT NULL DEFAULT current_timestamp)"
    )
    done = {row[0] for row in cur.execute("SELECT version FROM schema_version").fetchall()}
    applied = []
    for version, name, sql in migrations():
        if version in done or (upto is not None and version > upto):
            continue
        with transaction(cur, lambda c, v=version: c.execute(
                "SELECT count(*) FROM schema_version WHERE version = $v", {"v": v}).fetchall()[0][0] == 1):
            cur.execute(sql)
            cur.execute("INSERT INTO schema_version (version, name) VALUES ($v, $n)",
                        {"v": version, "n": name})
        applied.append(version)
        log.info("applied migration %04d_%s", version, name)
    return applied


SCORE_BAND_THRESHOLDS = ("band_htxsnv_min", "band_httnv_min", "band_htnv_min")


def sync_settings(conn: duckdb.DuckDBPyConnection) -> bool:
    """Write into the store the settings its SQL reads: the bands of the office's own score
    framework (DASHBOARD_SCORE_BANDS). Returns True when they changed (the data version is
    bumped, so every cached page sees the new levels)."""
    wanted = dict(zip(SCORE_BAND_THRESHOLDS, (float(v) for v in settings.get("DASHBOARD_SCORE_BANDS").split(","))))
    cur = conn.cursor()
    stored = dict(cur.execute("SELECT threshold, value FROM rule_thresholds WHERE source = 'DANG_BO'").fetchall())
    if all(stored.get(k) == v for k, v in wanted.items()):
        return False
    with transaction(cur):
        for threshold, value in wanted.items():
            cur.execute("UPDATE rule_thresholds SET value = $v WHERE source = 'DANG_BO' AND threshold = $t",
                        {"v": value, "t": threshold})
        bump_version(cur)
    log.info("office score bands set to %s", wanted)
    return True


def _lock_down(conn: duckdb.DuckDBPyConnection) -> None:
    conn.execute("SET enable_external_access = false")
    conn.execute("SET lock_configuration = true")


def open_database(path: Path, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """Open (creating and migrating if writable) a database file and lock it down."""
    path = Path(path)
    if not read_only:
        path.parent.mkdir(parents=True, exist_ok=True)
    config = {"autoinstall_known_extensions": False, "autoload_known_extensions": False}
    try:
        conn = duckdb.connect(str(path), read_only=read_only, config=config)
    except duckdb.IOException as exc:
        if "lock" in str(exc).lower():
            raise DatabaseBusy(str(path)) from exc
        raise
    if not read_only:
        migrate(conn)
        sync_settings(conn)
    _lock_down(conn)
    return conn


def connect(path: Path | None = None, read_only: bool | None = None) -> duckdb.DuckDBPyConnection:
    """The process-wide connection for a database file (opened once).

    ``read_only`` matters only when the file is first opened in this process
    (default: the DASHBOARD_READ_ONLY setting); DuckDB refuses a second open of
    the same file with another configuration, so later calls share the first.
    """
    path = Path(path) if path is not None else settings.path_setting("DASHBOARD_DB")
    key = str(path.resolve())
    with _lock:
        conn = _connections.get(key)
        if conn is None:
            if read_only is None:
                read_only = bool(settings.get("DASHBOARD_READ_ONLY"))
            conn = open_database(path, read_only=read_only)
            _connections[key] = conn
        return conn


def cursor(path: Path | None = None) -> duckdb.DuckDBPyConnection:
    """A fresh cursor on the shared database instance: one per query or transaction."""
    return connect(path).cursor()


def close(path: Path) -> None:
    """Close this process's connection to one database file, if open (before replacing the file)."""
    with _lock:
        conn = _connections.pop(str(Path(path).resolve()), None)
    if conn is not None:
        try:
            conn.close()
        except duckdb.Error:
            pass


def close_all() -> None:
    """Close every connection this process opened (tests, command line)."""
    with _lock:
        for conn in _connections.values():
            try:
                conn.close()
            except duckdb.Error:
                pass
        _connections.clear()


def schema_version(cur: duckdb.DuckDBPyConnection) -> int:
    return cur.execute("SELECT coalesce(max(version), 0) FROM schema_version").fetchall()[0][0]


def data_version(cur: duckdb.DuckDBPyConnection) -> int:
    """A number that changes whenever an upload is committed or undone."""
    return cur.execute("SELECT version FROM data_state WHERE id = 1").fetchall()[0][0]
