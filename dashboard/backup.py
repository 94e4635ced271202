"""Backups of the store: a consistent copy taken while the app runs, and a verified restore.

How the copy is taken. The app's engine is locked down (no access to other files, and the
setting cannot be changed back), so DuckDB's own ``EXPORT DATABASE`` and ``ATTACH 'file'``
are refused, and a file copy of an open database may catch it between two writes. Instead
every table is read in ONE read transaction on a cursor of the running instance (DuckDB's
snapshot isolation: an upload committing meanwhile is either wholly in the copy or not at
all) and written, through Arrow, into a new database file that this module creates itself
with the dashboard's own migrations, up to the same schema version. The engine stays locked
down throughout: the new file is a separate database of our own, not something SQL reaches.

What a backup is. A DuckDB file holding every table of the store, plus three marker tables:
``dashboard_backup`` (a magic string, the format, the schema version, when and by whom it
was made, the DuckDB version), ``dashboard_backup_tables`` (rows and an order-independent
MD5 checksum of each table) and ``dashboard_backup_sequences`` (the audit trail's counter).

How a restore goes. The file is opened read-only with the same lock-down; it must carry the
marker with our magic string, a schema this version knows, and tables whose rows and checksums
are those written at backup time. Only its rows are taken: the schema of the restored store
comes from our migrations, not from the file. They are copied into a new file next to the
store, checked again against the backup, brought up to the current schema, and only then
swapped in with an atomic rename; the previous store is kept beside it as a ``.bak`` file.
Anything wrong — not a database, cut short, another application's file, a newer schema, a
checksum that does not match — refuses with one sentence and leaves the store untouched.

A second process cannot open the file while the app holds it (DuckDB allows one writer, and
no reader beside it): from the command line, backup and restore need the app stopped; while
it runs, an administrator uses the history page, which calls these functions in the app.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import duckdb

from . import i18n, queries, store, store_copy

MAGIC = "bang-dieu-hanh-dang-bo-vksnd-lai-chau/sao-luu"
FORMAT = 1


class Refused(Exception):
    """A backup or restore that cannot go ahead; nothing was changed. ``key`` names the message."""

    def __init__(self, key: str, **params: object):
        super().__init__(key)
        self.key, self.params = key, params

    def message(self, lang: str = "vi") -> str:
        return i18n.t(self.key, lang, **self.params)


@dataclass(frozen=True)
class Outcome:
    path: Path                    # the backup written, or the backup restored from
    tables: int
    rows: int
    seconds: float
    previous: Path | None = None  # after a restore: where the store before it was kept


# ---------------------------------------------------------------- backup

def backup(db: Path, target: Path, who: str = "", now: dt.datetime | None = None) -> Outcome:
    """Write a backup of the store ``db`` to ``target`` (a new file), while the app may be using it.

    Raises ``store.DatabaseBusy`` when another process holds the store, ``Refused`` when the
    target cannot be written.
    """
    started = time.perf_counter()
    db, target = Path(db), Path(target)
    if not db.exists():
        raise Refused("backup.no_database", db=str(db))
    if target.exists():
        raise Refused("backup.cannot_write", path=str(target), reason=i18n.t("backup.exists_reason"))
    if not target.parent.is_dir():
        raise Refused("backup.cannot_write", path=str(target), reason=i18n.t("backup.no_folder_reason"))
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    cur = store.cursor(db)
    out = None
    done = False
    try:
        with store.transaction(cur):            # one snapshot for every table
            version = store.schema_version(cur)
            sequences = store_copy.sequences(cur)
            data_version = store.data_version(cur)
            try:
                out = store_copy.new_store(tmp, version)
            except (duckdb.Error, OSError) as exc:
                raise Refused("backup.cannot_write", path=str(target), reason=str(exc)) from exc
            tables = store_copy.tables(out)             # the dashboard's tables at this schema version
            checks = {t: store_copy.check(cur, t) for t in tables}
            rows = store_copy.copy(cur, out, tables)
        store_copy.set_sequences(out, sequences)
        for table, expected in checks.items():
            if store_copy.check(out, table) != expected:
                raise RuntimeError(f"the backup's copy of {table} differs from the store")
        _write_markers(out, checks, sequences, version=version, data_version=data_version, who=who,
                       now=now, source_name=db.name)
        store.checkpoint(out)
        out.close()
        out = None
        os.replace(tmp, target)
        done = True
    except OSError as exc:
        raise Refused("backup.cannot_write", path=str(target), reason=exc.strerror or str(exc)) from exc
    finally:
        if out is not None:
            out.close()
        if not done:
            store_copy.remove(tmp)
    return Outcome(target, len(tables), rows, time.perf_counter() - started)


def _write_markers(out, checks: dict[str, tuple[int, str]], sequences: dict[str, int], *, version: int,
                   data_version: int, who: str, now: dt.datetime | None, source_name: str) -> None:
    """What makes the file a backup of this dashboard, and what it must hold (checked at restore)."""
    queries.execute("backup.create_markers", cur=out)
    queries.execute("backup.write_marker", cur=out, magic=MAGIC, format=FORMAT, schema_version=version,
                    data_version=data_version, created_at=(now or dt.datetime.now()).replace(microsecond=0),
                    created_by=who, duckdb_version=duckdb.__version__, source_name=source_name)
    queries.execute("backup.write_table_checks", cur=out, tables=list(checks),
                    row_counts=[n for n, _ in checks.values()], checksums=[c for _, c in checks.values()])
    if sequences:
        queries.execute("backup.write_sequences", cur=out, sequences=list(sequences),
                        last_values=list(sequences.values()))


def backup_bytes(db: Path, who: str = "") -> tuple[bytes, Outcome]:
    """A backup as bytes, for a download button, and what it holds."""
    with tempfile.TemporaryDirectory(prefix="sao-luu-") as folder:
        path = Path(folder) / "sao-luu.duckdb"
        outcome = backup(db, path, who=who)
        return path.read_bytes(), outcome


# ---------------------------------------------------------------- restore

@dataclass(frozen=True)
class _Backup:
    schema_version: int
    data_version: int
    duckdb_version: str
    checks: dict[str, tuple[int, str]]
    sequences: dict[str, int]


def _open_backup(path: Path) -> duckdb.DuckDBPyConnection:
    try:
        conn = duckdb.connect(str(path), read_only=True, config=store_copy.CONFIG)
        store.lock_down(conn)
        return conn
    except duckdb.Error as exc:
        raise Refused("restore.unreadable", file=path.name) from exc


def _read_marker(conn, path: Path) -> _Backup:
    names = {r[0] for r in queries.execute("backup.marker_tables", cur=conn).fetchall()}
    if not set(store_copy.MARKERS) <= names:
        raise Refused("restore.not_backup", file=path.name)
    marker = queries.execute("backup.read_marker", cur=conn).fetchall()
    if len(marker) != 1 or marker[0][0] != MAGIC:
        raise Refused("restore.not_backup", file=path.name)
    _, form, version, data_version, duck = marker[0]
    if form > FORMAT or version > store.latest_version():
        raise Refused("restore.newer", file=path.name, found=version, supported=store.latest_version())
    checks = {t: (int(n), str(c)) for t, n, c in queries.execute("backup.read_table_checks", cur=conn).fetchall()}
    sequences = {s: int(v) for s, v in queries.execute("backup.read_sequences", cur=conn).fetchall()}
    return _Backup(int(version), int(data_version), str(duck), checks, sequences)


def verify(path: Path) -> _Backup:
    """Open a backup file and check it throughout; ``Refused`` says what is wrong."""
    path = Path(path)
    if not path.is_file():
        raise Refused("restore.no_file", file=path.name)
    conn = _open_backup(path)
    try:
        info = _read_marker(conn, path)
        present = set(store_copy.tables(conn))
        same_engine = info.duckdb_version == duckdb.__version__
        for table, (rows, digest) in info.checks.items():
            if table not in present:
                raise Refused("restore.damaged", file=path.name, table=table, detail="missing")
            found_rows, found_digest = store_copy.check(conn, table)
            if found_rows != rows or (same_engine and found_digest != digest):
                raise Refused("restore.damaged", file=path.name, table=table,
                              detail=f"{found_rows}/{rows}")
        return info
    except duckdb.Error as exc:
        raise Refused("restore.unreadable", file=path.name) from exc
    finally:
        conn.close()


def restore(path: Path, db: Path, now: dt.datetime | None = None) -> Outcome:
    """Replace the store ``db`` by the backup at ``path``, once the copy is verified.

    Raises ``Refused`` (nothing changed), ``store.DatabaseBusy`` (another process holds the
    store) or ``OSError`` (the files could not be swapped: the store is put back as it was). In
    the app's own process, its connection to ``db`` is closed for the swap and reopened by the
    next query.
    """
    started = time.perf_counter()
    path, db = Path(path), Path(db)
    if db.exists() and path.resolve() == db.resolve():
        raise Refused("restore.not_backup", file=path.name)
    info = verify(path)
    floor = 0
    if db.exists():
        try:
            floor = store.data_version(store.cursor(db))
        except store.DatabaseBusy:
            raise
        except duckdb.Error:
            floor = 0           # a damaged store is exactly what a restore is for
    tmp = db.with_name(f".{db.name}.restoring")
    src = _open_backup(path)
    out = None
    done = False
    try:
        out = store_copy.new_store(tmp, info.schema_version)
        tables = store_copy.tables(out)
        missing = [t for t in tables if t not in info.checks]
        if missing:
            raise Refused("restore.damaged", file=path.name, table=missing[0], detail="missing")
        with store.transaction(src):                        # one snapshot of the backup
            rows = store_copy.copy(src, out, tables)
        for table in tables:                                # the copy is the backup, value for value
            if store_copy.check(out, table) != store_copy.check(src, table):
                raise Refused("restore.damaged", file=path.name, table=table, detail="copy")
        store_copy.set_sequences(out, info.sequences)
        store.migrate(out)                                  # an older backup joins the current schema
        with store.transaction(out):
            store.refresh_marts(out)                        # derived tables, whatever the backup held
        store.checkpoint(out)                               # the copy on disk before the lock is taken
        with store.write_lock:
            # No commit between here and the swap: the version is read again under the lock (an
            # upload may have committed while the copy was made) and the restored store's is past
            # it, so that no page keeps a cached view of that version for the restored data.
            queries.execute("store.set_data_version", cur=out,
                            version=max(floor, _version_of(db), info.data_version) + 1)
            out.close()
            out = None
            outcome = _swap(tmp, db, path, len(tables), rows, started, now)
            done = True
    except store_copy.Differs as exc:
        raise Refused("restore.damaged", file=path.name, table=str(exc), detail="columns") from exc
    except store_copy.UnknownSequence as exc:
        raise Refused("restore.damaged", file=path.name, table=str(exc), detail="columns") from exc
    except duckdb.Error as exc:
        raise Refused("restore.unreadable", file=path.name) from exc
    finally:
        src.close()
        if out is not None:
            out.close()
        if not done:
            store_copy.remove(tmp)
    return outcome


def _version_of(db: Path) -> int:
    """The store's data version now (0 for none, or a store too damaged to say)."""
    if not db.exists():
        return 0
    try:
        return store.data_version(store.cursor(db))
    except duckdb.Error:
        return 0


def _swap(tmp: Path, db: Path, path: Path, tables: int, rows: int, started: float,
          now: dt.datetime | None) -> Outcome:
    """The verified copy put in the store's place (the caller holds ``store.write_lock``)."""
    previous = None
    store.close(db)
    wal = Path(str(db) + ".wal")
    if db.exists():
        stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
        previous = db.with_name(f"{db.name}.{stamp}.bak")
        n = 1
        while previous.exists():
            previous = db.with_name(f"{db.name}.{stamp}-{n}.bak")
            n += 1
        os.replace(db, previous)
        if wal.exists():
            os.replace(wal, Path(str(previous) + ".wal"))
    try:
        os.replace(tmp, db)
    except OSError:
        if previous is not None:
            os.replace(previous, db)
        raise
    return Outcome(path, tables, rows, time.perf_counter() - started, previous)


def verify_bytes(data: bytes, name: str = "sao-luu.duckdb") -> tuple[int, int]:
    """Check an uploaded file as ``restore`` would, changing nothing: (tables, rows) it holds.
    ``Refused`` says what is wrong with it."""
    with tempfile.TemporaryDirectory(prefix="kiem-tra-") as folder:
        path = Path(folder) / (Path(name).name or "sao-luu.duckdb")
        path.write_bytes(data)
        info = verify(path)
        return len(info.checks), sum(n for n, _ in info.checks.values())


def restore_bytes(data: bytes, db: Path, name: str = "sao-luu.duckdb") -> Outcome:
    """Restore from an uploaded backup (the page's file uploader)."""
    with tempfile.TemporaryDirectory(prefix="khoi-phuc-") as folder:
        path = Path(folder) / (Path(name).name or "sao-luu.duckdb")
        path.write_bytes(data)
        return restore(path, db)
