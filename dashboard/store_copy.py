"""Copying the store's tables between DuckDB files, value for value (used by backup and restore).

The copy reads every row through Arrow and writes it into a file that the dashboard's own
migrations built; a checksum per table says whether two copies hold the same rows. The
per-table SQL here (copy, checksum, moving a sequence on) is generated for each table of the
store, the same shape for every one; the fixed lookups are named statements of
``queries/internal/backup.sql``.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from . import queries, store

MARKER, MARKER_TABLES, MARKER_SEQUENCES = "dashboard_backup", "dashboard_backup_tables", "dashboard_backup_sequences"
MARKERS = (MARKER, MARKER_TABLES, MARKER_SEQUENCES)   # what backup.create_markers creates in a backup file
CONFIG = {"autoinstall_known_extensions": False, "autoload_known_extensions": False}


def tables(cur) -> list[str]:
    """The store's base tables (views and macros come from the migrations)."""
    return [r[0] for r in queries.execute("backup.tables", cur=cur).fetchall() if r[0] not in MARKERS]


def columns(cur, table: str) -> list[str]:
    return [r[0] for r in queries.execute("backup.columns", cur=cur, table=table).fetchall()]


def quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def check(cur, table: str) -> tuple[int, str]:
    """(rows, checksum) of a table: the MD5 of its rows' JSON digests in sorted order, so that
    the order rows are stored in does not matter and any changed value does. (Generated per
    table, as is the copy below: the same statement for every table of the store.)"""
    return tuple(cur.execute(
        "SELECT count(*), coalesce(md5(string_agg(h, '' ORDER BY h)), '')"
        f" FROM (SELECT md5(CAST(to_json(t) AS VARCHAR)) AS h FROM {quote(table)} t)").fetchall()[0])


def sequences(cur) -> dict[str, int]:
    rows = queries.execute("backup.sequences", cur=cur).fetchall()
    return {name: int(value) for name, value in rows if value is not None}


def new_store(path: Path, version: int) -> duckdb.DuckDBPyConnection:
    """A new database file with the dashboard's schema at ``version`` (its seed rows are replaced)."""
    remove(path)
    conn = duckdb.connect(str(path), config=CONFIG)
    store.migrate(conn, upto=version)
    return conn


class Differs(Exception):
    """A table's columns in the copy are not those of the dashboard's schema."""


def copy(src, dst, tables: list[str]) -> int:
    """Every row of ``tables`` from ``src`` (inside the caller's transaction) into ``dst``."""
    rows = 0
    for table in tables:
        wanted = columns(dst, table)
        if columns(src, table) != wanted:
            raise Differs(table)
        listed = ", ".join(quote(c) for c in wanted)
        data = src.sql(f"SELECT {listed} FROM {quote(table)}").to_arrow_table()
        dst.execute(f"DELETE FROM {quote(table)}")
        dst.register("_backup_rows", data)
        try:
            dst.execute(f"INSERT INTO {quote(table)} ({listed}) SELECT {listed} FROM _backup_rows")
        finally:
            dst.unregister("_backup_rows")
        rows += data.num_rows
    return rows


def remove(path: Path) -> None:
    for leftover in (path, Path(str(path) + ".wal")):
        leftover.unlink(missing_ok=True)


class UnknownSequence(Exception):
    """A backup names a sequence the dashboard's schema does not have."""


def set_sequences(conn, values: dict[str, int]) -> None:
    """Move each sequence on to the value it had (DuckDB has no ALTER SEQUENCE … RESTART).

    The names come from the backup file, which a user uploads: only a sequence the migrations
    created in ``conn`` is moved, and its name is the one read from ``conn``'s own catalog — a
    name from the file never reaches the SQL (a crafted name could otherwise run statements)."""
    own = {name: value for name, value in queries.execute("backup.sequences", cur=conn).fetchall()}
    for name, value in values.items():
        if name not in own:
            raise UnknownSequence(name)
        steps = int(value) - int(own[name] or 0)
        if steps > 0:                                          # name: one of the schema's own
            conn.execute(f"SELECT max(nextval('{name}')) FROM range({steps})")
