"""Stage: an upload's rows in a temp table typed as the store's, and what they would change.

The SQL here is generated per table from the contract (its key and value columns), the same
shape for every sheet, so it is written in Python rather than as one named query per table;
the one fixed lookup (column types) is ``ingest.column_types``.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import numpy as np
import pandas as pd
import pyarrow as pa

from .. import queries
from ..contract import Sheet
from .batch import Batch


def _columns(batch: Batch, sheet_name: str) -> dict[str, list]:
    """The sheet's valid rows, column by column with the table's columns, and for each value
    column a boolean ``__has_<column>``: whether the row's own file carried that column."""
    data = batch.sheets[sheet_name]
    columns = list(data.sheet.column_names)
    rows = batch.table(sheet_name)
    out = {name: rows.column(name) for name in columns}
    parts = rows.parts()   # one flag per part, repeated over its valid rows
    for name in columns:
        if name not in data.sheet.key_names:
            out[f"__has_{name}"] = np.repeat(np.array([name in part.src.provided for part, _ in parts], dtype=bool),
                                             [n for _, n in parts])
    return out


def _arrow(out: dict[str, list]):
    """The columns as an Arrow table, each column's type read from its values (typed columns are
    scanned by DuckDB in bulk; a frame of Python objects is read one object at a time); None when
    a column mixes kinds Arrow will not put in one type."""
    try:
        return pa.table({name: pa.array(values) for name, values in out.items()})
    except (pa.ArrowInvalid, pa.ArrowTypeError, TypeError, OverflowError):
        return None


def key_join(sheet: Sheet, left: str, right: str) -> str:
    # A key column may be empty (a criteria set valid from the start), hence NOT DISTINCT.
    return " AND ".join(f'{left}."{k}" IS NOT DISTINCT FROM {right}."{k}"' for k in sheet.key_names)


def value_same(sheet: Sheet, left: str, right: str) -> str:
    values = [c for c in sheet.column_names if c not in sheet.key_names]
    if not values:
        return "TRUE"
    return " AND ".join(f'{left}."{c}" IS NOT DISTINCT FROM {right}."{c}"' for c in values)


@contextmanager
def staged(cur, batch: Batch, sheet_name: str, upload_id: int | None = None) -> Iterator[str]:
    """The sheet's rows typed as the table's columns, as a subquery over the upload's columns
    (handed to DuckDB as they are, not copied into a table).

    A column the upload does not carry at all keeps the stored value of an existing row (a
    monthly file with two columns must not wipe the others); a column that is present but blank
    sets the value to empty. With ``upload_id`` (while that upload is written), the stored rows
    the upload's rows are merged with leave out the upload's own.
    """
    sheet = batch.sheets[sheet_name].sheet
    out = _columns(batch, sheet_name)
    frame = _arrow(out)
    if frame is None:
        frame = pd.DataFrame(out, columns=list(out)).astype(object)
    raw_name = f"incoming_raw_{sheet.table}"
    cur.register(raw_name, frame)
    try:
        types = dict(queries.execute("ingest.column_types", cur=cur, table=sheet.table).fetchall())
        first_key = sheet.key_names[0]
        columns = []
        for c in out:
            if c.startswith("__has_"):
                continue
            cast = f'CAST(i."{c}" AS {types[c]})'
            if c in sheet.key_names:
                columns.append(f'{cast} AS "{c}"')
            else:  # per row: the file's own value if its file had the column, else the stored one
                columns.append(f'CASE WHEN i."__has_{c}" OR cur."{first_key}" IS NULL THEN {cast} '
                               f'ELSE cur."{c}" END AS "{c}"')
        joined = " AND ".join(f'cur."{k}" IS NOT DISTINCT FROM CAST(i."{k}" AS {types[k]})' for k in sheet.key_names)
        yield (f"(SELECT {', '.join(columns)} FROM {raw_name} i LEFT JOIN {stored_rows(sheet, upload_id)} cur "
               f"ON {joined})")
    finally:
        cur.unregister(raw_name)


def stored_rows(sheet: Sheet, upload_id: int | None = None) -> str:
    """The table's current rows; with ``upload_id``, those written by other uploads."""
    if upload_id is None:
        return f"v_{sheet.table}"
    return f"(SELECT * FROM v_{sheet.table} WHERE upload_id IS DISTINCT FROM {int(upload_id)})"


def count_changes(batch: Batch, cur) -> None:
    """Per sheet: how many rows are new, changed, or the same as stored."""
    for sheet_name, data in batch.sheets.items():
        sheet = data.sheet
        first_key = sheet.key_names[0]
        with staged(cur, batch, sheet_name) as rows:
            new, changed, same = cur.execute(f"""
                SELECT count(*) FILTER (WHERE c."{first_key}" IS NULL),
                       count(*) FILTER (WHERE c."{first_key}" IS NOT NULL AND NOT ({value_same(sheet, 'i', 'c')})),
                       count(*) FILTER (WHERE c."{first_key}" IS NOT NULL AND ({value_same(sheet, 'i', 'c')}))
                FROM {rows} i LEFT JOIN v_{sheet.table} c ON {key_join(sheet, 'i', 'c')}
            """).fetchall()[0]
        data.counts = {"new": new, "changed": changed, "same": same}
