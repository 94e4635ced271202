"""The DuckDB store: one database instance per process, a cursor per query.

A DuckDB connection shared by threads gives wrong results, so callers never
use the root connection directly: ``cursor()`` hands out a fresh cursor on the
shared database instance for each query or write transaction. Schema changes
come from numbered SQL migrations recorded in ``schema_version``. Once set up,
the engine is locked down: no extension loading, no access to other files, and
the configuration cannot be changed back by any later statement. Every write goes
through ``transaction()``; the store's own statements are named queries
(``queries/internal/store.sql``).
"""

from __future__ import annotations

import contextlib
import logging
import threading
from pathlib import Path
from typing import Callable, Iterator

import duckdb

from . import queries, settings

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"

_lock = threading.Lock()
_connections: dict[str, duckdb.DuckDBPyConnection] = {}
_read_only: set[str] = set()        # keys of the connections opened read-only

# Serialises write transactions inside this process (uploads, undo).
write_lock = threading.Lock()


class DatabaseBusy(RuntimeError):
    """Another process (usually the running app) holds the database file."""


class ReadOnly(RuntimeError):
    """A write asked of a store opened read-only (DASHBOARD_READ_ONLY); ``key`` names the message."""

    def __init__(self, key: str = "upload.read_only"):
        super().__init__(key)
        self.key = key


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


MARTS_FROM = 14   # the migration that made the first marts (0014_marts.sql)
# Tables that hold what a heavy view returns (mart_<name> from v_<name>), in refresh order;
# progress_steps came with migration 0015, action_reports (which reads progress_steps) with 0016.
MARTS = ("source_rules", "rating_rules", "period_criteria", "branch_period_scores",
         "member_ratings", "meetings_judged", "progress_steps", "action_reports")


# Marts whose rows each belong to one action: after an upload's commit or undo only the actions
# its rows name are made again (the sector's 1,85 million steps took 1,4 s to remake whole, at
# every commit).
PER_ACTION = ("progress_steps", "action_reports")


def refresh_marts(cur: duckdb.DuckDBPyConnection, only: tuple[str, ...] = MARTS,
                  upload_id: int | None = None) -> None:
    """Make the marts (or those named in ``only``) again from their views, columns included,
    inside the caller's transaction; with ``upload_id`` (a commit or an undo of that upload),
    the per-action marts for the actions its rows name only. A store migrated part of the way
    (tests) has the marts of its migrations only: those are the ones refilled."""
    if schema_version(cur) >= MARTS_FROM:
        present = {mart for mart, _ in queries.execute("marts.names", cur=cur).fetchall()}
        actions = None          # the actions the upload names, read once for every per-action mart
        for name in MARTS:
            if name not in only or f"mart_{name}" not in present:
                continue
            if upload_id is not None and name in PER_ACTION:
                if actions is None:
                    actions = [r[0] for r in queries.execute("marts.actions_of_upload", cur=cur,
                                                             upload_id=upload_id).fetchall()]
                queries.execute(f"marts.forget_{name}_of", cur=cur, actions=actions)
                queries.execute(f"marts.add_{name}_of", cur=cur, actions=actions)
            else:
                queries.execute(f"marts.refresh_{name}", cur=cur)


def bump_version(cur: duckdb.DuckDBPyConnection, upload_id: int | None = None) -> None:
    """The data changed (inside the writing transaction): refill the marts (for the commit or
    undo of ``upload_id``: see ``refresh_marts``), and tell every cache."""
    refresh_marts(cur, upload_id=upload_id)
    queries.execute("store.bump_data_version", cur=cur)


def migrate(conn: duckdb.DuckDBPyConnection, upto: int | None = None) -> list[int]:
    """Apply the migrations not yet recorded (up to version ``upto``); each in its own transaction.

    Returns the versions applied (empty when the database is up to date).
    """
    cur = conn.cursor()
    queries.execute("store.create_schema_version", cur=cur)
    done = {row[0] for row in queries.execute("store.applied_migrations", cur=cur).fetchall()}
    applied = []
    for version, name, sql in migrations():
        if version in done or (upto is not None and version > upto):
            continue
        with transaction(cur, lambda c, v=version: queries.execute(
                "store.migration_recorded", cur=c, version=v).fetchone()[0]):
            cur.execute(sql)      # a migration file: the schema itself
            queries.execute("store.record_migration", cur=cur, version=version, name=name)
        applied.append(version)
        log.info("applied migration %04d_%s", version, name)
    if applied:                   # a migration may have changed what a mart's view returns
        with transaction(cur):
            refresh_marts(cur)
    return applied


SCORE_BAND_THRESHOLDS = ("band_htxsnv_min", "band_httnv_min", "band_htnv_min")


def sync_settings(conn: duckdb.DuckDBPyConnection) -> bool:
    """Write into the store the settings its SQL reads: the bands of the office's own score
    framework (DASHBOARD_SCORE_BANDS). Returns True when they changed (the data version is
    bumped, so every cached page sees the new levels)."""
    wanted = dict(zip(SCORE_BAND_THRESHOLDS, (float(v) for v in settings.get("DASHBOARD_SCORE_BANDS").split(","))))
    cur = conn.cursor()
    stored = dict(queries.execute("store.office_bands", cur=cur).fetchall())
    if all(stored.get(k) == v for k, v in wanted.items()):
        return False
    with transaction(cur):
        for threshold, value in wanted.items():
            queries.execute("store.set_office_band", cur=cur, value=value, threshold=threshold)
        bump_version(cur)
    log.info("office score bands set to %s", wanted)
    return True


def lock_down(conn: duckdb.DuckDBPyConnection) -> None:
    """No access to other files, no extensions, and no way to change that back."""
    queries.execute("store.lock_down", cur=conn)


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
    lock_down(conn)
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
            if read_only:
                _read_only.add(key)
        return conn


def is_read_only(path: Path | None = None) -> bool:
    """Whether this process opened the database file read-only (DASHBOARD_READ_ONLY)."""
    connect(path)
    path = Path(path) if path is not None else settings.path_setting("DASHBOARD_DB")
    return str(path.resolve()) in _read_only


def require_writable(path: Path | None = None, key: str = "upload.read_only") -> None:
    """Raise ``ReadOnly`` (with the message ``key``) when the store is open read-only."""
    if is_read_only(path):
        raise ReadOnly(key)


def cursor(path: Path | None = None) -> duckdb.DuckDBPyConnection:
    """A fresh cursor on the shared database instance: one per query or transaction."""
    return connect(path).cursor()


def close(path: Path) -> None:
    """Close this process's connection to one database file, if open (before replacing the file)."""
    with _lock:
        conn = _connections.pop(str(Path(path).resolve()), None)
        _read_only.discard(str(Path(path).resolve()))
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
        _read_only.clear()


def schema_version(cur: duckdb.DuckDBPyConnection) -> int:
    return queries.execute("store.schema_version", cur=cur).fetchone()[0]


def data_version(cur: duckdb.DuckDBPyConnection) -> int:
    """A number that changes whenever an upload is committed or undone."""
    return queries.execute("store.data_version", cur=cur).fetchone()[0]


def checkpoint(cur: duckdb.DuckDBPyConnection) -> None:
    """Write the write-ahead log into the database file."""
    queries.execute("store.checkpoint", cur=cur)
