"""Turning a validated batch into one transaction, and undoing it.

Each upload writes new versions of the rows it changes and marks the old
versions as superseded by it; nothing is deleted. Undo marks the upload's own
rows as withdrawn (superseded_by = the upload itself) and brings back the rows
it had superseded. Writes in this process are serialised by one lock; the
result is checked after COMMIT, since DuckDB can discard a failed
transaction's work silently.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass, field

import pandas as pd

from .. import auth, settings, store
from ..contract import SHEETS_BY_NAME, SHEETS_BY_TABLE, Sheet
from .read import Unreadable, read_file, safe_name
from .reference import load_reference
from .validate import Batch, cells_touched, validate


@dataclass
class CommitResult:
    upload_id: int | None
    counts: dict[str, dict[str, int]] = field(default_factory=dict)

    @property
    def changed_anything(self) -> bool:
        return self.upload_id is not None


class UndoRefused(Exception):
    def __init__(self, key: str, **params: object):
        super().__init__(key)
        self.key = key
        self.params = params


def prepare(files: list[tuple[str, bytes]], cur, today: dt.date | None = None,
            max_bytes: int | None = None, max_rows: int = 200_000, user: "auth.User | None" = None) -> Batch:
    """Read and validate files as one upload, and count what it would change.

    With a ``user``, the upload must be allowed for the role, and a user limited
    to some cells may only touch those cells (the other rows are listed as errors).
    ``user=None`` is the trusted local caller (command line, sample build).
    """
    _require(user, "upload")
    today = today or dt.date.today()
    batch = Batch()
    tables = []
    for name, data in files:
        shown = safe_name(name)
        batch.files.append({"name": shown, "sha256": hashlib.sha256(data).hexdigest(), "size": len(data)})
        if max_bytes is not None and len(data) > max_bytes:
            limit_mb = max_bytes / (1024 * 1024)
            batch.add("error", "reason.too_large", file=shown,
                      params={"limit": str(int(limit_mb)) if limit_mb.is_integer() else f"{limit_mb:.2f}".replace(".", ",")})
            continue
        try:
            tables.extend(read_file(shown, data, max_rows=max_rows))
        except Unreadable as exc:
            batch.add("error", exc.reason_key, file=shown, params=exc.params)
    if batch.errors:
        return batch
    ref = load_reference(cur)
    validate(tables, ref, today, batch, max_rows=max_rows, scope=user.scope if user else None)
    if not batch.sheets and not batch.errors:
        batch.add("error", "file.no_tables", params={"file": ", ".join(f["name"] for f in batch.files)})
    if batch.ok:
        _count_changes(batch, cur)
    return batch


def frame_for(batch: Batch, sheet_name: str, with_provided: bool = False) -> pd.DataFrame:
    """The sheet's valid rows as a DataFrame with the table's columns.

    ``with_provided`` adds, for each value column, a boolean ``__has_<column>``:
    whether the row's own file carried that column.
    """
    data = batch.sheets[sheet_name]
    columns = list(data.sheet.column_names)
    values = [c for c in data.sheet.column_names if c not in data.sheet.key_names]
    rows = []
    for r in data.records:
        if r["_bad"]:
            continue
        row = {c: r.get(c) for c in columns}
        if with_provided:
            row.update({f"__has_{c}": c in r.get("_provided", ()) for c in values})
        rows.append(row)
    extra = [f"__has_{c}" for c in values] if with_provided else []
    return pd.DataFrame(rows, columns=columns + extra).astype(object)


def _key_join(sheet: Sheet, left: str, right: str) -> str:
    # A key column may be empty (a criteria set valid from the start), hence NOT DISTINCT.
    return " AND ".join(f'{left}."{k}" IS NOT DISTINCT FROM {right}."{k}"' for k in sheet.key_names)


def _value_same(sheet: Sheet, left: str, right: str) -> str:
    values = [c for c in sheet.column_names if c not in sheet.key_names]
    if not values:
        return "TRUE"
    return " AND ".join(f'{left}."{c}" IS NOT DISTINCT FROM {right}."{c}"' for c in values)


def _staged(cur, batch: Batch, sheet_name: str) -> str:
    """Stage the sheet's rows, typed as the table's columns, in a temp table; return its name.

    A column the upload does not carry at all keeps the stored value of an
    existing row (a monthly file with two columns must not wipe the others);
    a column that is present but blank sets the value to empty.
    """
    sheet = batch.sheets[sheet_name].sheet
    frame = frame_for(batch, sheet_name, with_provided=True)
    raw_name = f"incoming_raw_{sheet.table}"
    cur.register(raw_name, frame)
    types = dict(cur.execute(
        "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = $t",
        {"t": sheet.table}).fetchall())
    first_key = sheet.key_names[0]
    columns = []
    for c in frame.columns:
        if c.startswith("__has_"):
            continue
        cast = f'CAST(i."{c}" AS {types[c]})'
        if c in sheet.key_names:
            columns.append(f'{cast} AS "{c}"')
        else:  # per row: the file's own value if its file had the column, else the stored one
            columns.append(f'CASE WHEN i."__has_{c}" OR cur."{first_key}" IS NULL THEN {cast} '
                           f'ELSE cur."{c}" END AS "{c}"')
    joined = " AND ".join(f'cur."{k}" IS NOT DISTINCT FROM CAST(i."{k}" AS {types[k]})' for k in sheet.key_names)
    name = f"incoming_{sheet.table}"
    cur.execute(f"CREATE OR REPLACE TEMP TABLE {name} AS SELECT {', '.join(columns)} "
                f"FROM {raw_name} i LEFT JOIN v_{sheet.table} cur ON {joined}")
    cur.unregister(raw_name)
    return name


def _count_changes(batch: Batch, cur) -> None:
    for sheet_name, data in batch.sheets.items():
        sheet = data.sheet
        staged = _staged(cur, batch, sheet_name)
        first_key = sheet.key_names[0]
        new, changed, same = cur.execute(f"""
            SELECT count(*) FILTER (WHERE c."{first_key}" IS NULL),
                   count(*) FILTER (WHERE c."{first_key}" IS NOT NULL AND NOT ({_value_same(sheet, 'i', 'c')})),
                   count(*) FILTER (WHERE c."{first_key}" IS NOT NULL AND ({_value_same(sheet, 'i', 'c')}))
            FROM {staged} i LEFT JOIN v_{sheet.table} c ON {_key_join(sheet, 'i', 'c')}
        """).fetchall()[0]
        data.counts = {"new": new, "changed": changed, "same": same}
        cur.execute(f"DROP TABLE IF EXISTS {staged}")


def _require(user, action: str) -> None:
    if user is not None and not user.can(action):
        raise auth.PermissionDenied(action)


def commit(batch: Batch, who: str, source: str, path=None, now: dt.datetime | None = None,
           user: "auth.User | None" = None) -> CommitResult:
    """Write a valid batch in one transaction; nothing when it changes nothing."""
    _require(user, "upload")
    if not batch.ok:
        raise ValueError("a batch with errors cannot be committed")
    counts = {name: dict(d.counts) for name, d in batch.sheets.items()}
    if not any(c["new"] or c["changed"] for c in counts.values()):
        return CommitResult(None, counts)
    now = now or dt.datetime.now().replace(microsecond=0)
    file_name = ", ".join(f["name"] for f in batch.files)[:500]
    digest = hashlib.sha256("".join(f["sha256"] for f in batch.files).encode()).hexdigest() \
        if len(batch.files) > 1 else (batch.files[0]["sha256"] if batch.files else "")
    size = sum(f["size"] for f in batch.files)
    if _is_sample_workbook(batch):
        source = "sample"  # the shipped sample, whoever loads it, is labelled as sample data
    with store.write_lock:
        cur = store.cursor(path)
        cur.execute("BEGIN TRANSACTION")
        try:
            # The last line of defence, whatever the page did: the cells the rows write, derived
            # again from the store as it is now, must all be the committing user's.
            cells = _cells_allowed(batch, cur, user)
            upload_id = cur.execute("SELECT coalesce(max(upload_id), 0) + 1 FROM uploads").fetchall()[0][0]
            cur.execute(
                "INSERT INTO uploads (upload_id, file_name, sha256, size_bytes, uploaded_by, uploaded_at,"
                " source, counts, branches) VALUES ($id, $f, $h, $s, $w, $at, $src, $c, $b)",
                {"id": upload_id, "f": file_name, "h": digest, "s": size, "w": who, "at": now,
                 "src": source, "c": json.dumps(counts), "b": cells})
            for sheet_name, data in batch.sheets.items():
                sheet = data.sheet
                staged = _staged(cur, batch, sheet_name)
                same = _value_same(sheet, "i", "t")
                cur.execute(f"""
                    UPDATE {sheet.table} AS t SET superseded_by = $u
                    FROM {staged} i
                    WHERE t.superseded_by IS NULL AND {_key_join(sheet, 'i', 't')} AND NOT ({same})
                """, {"u": upload_id})
                cols = ", ".join(f'"{c}"' for c in sheet.column_names)
                cur.execute(f"""
                    INSERT INTO {sheet.table} ({cols}, upload_id)
                    SELECT {', '.join(f'i.{c}' for c in cols.split(', '))}, $u FROM {staged} i
                    WHERE NOT EXISTS (SELECT 1 FROM v_{sheet.table} t
                                      WHERE {_key_join(sheet, 'i', 't')})
                """, {"u": upload_id})
            cur.execute("UPDATE data_state SET version = version + 1 WHERE id = 1")
            cur.execute("COMMIT")
        except Exception:
            cur.execute("ROLLBACK")
            raise
        finally:
            for sheet_name in batch.sheets:
                cur.execute(f"DROP TABLE IF EXISTS incoming_{SHEETS_BY_NAME[sheet_name].table}")
        landed = cur.execute("SELECT count(*) FROM uploads WHERE upload_id = $u", {"u": upload_id}).fetchall()[0][0]
        written = sum(cur.execute(f"SELECT count(*) FROM {SHEETS_BY_NAME[n].table} WHERE upload_id = $u",
                                  {"u": upload_id}).fetchall()[0][0] for n in batch.sheets)
        expected = sum(c["new"] + c["changed"] for c in counts.values())
        if not landed or written != expected:
            raise RuntimeError(f"upload {upload_id} did not commit ({written} of {expected} rows)")
    return CommitResult(upload_id, counts)


def _cells_allowed(batch: Batch, cur, user: "auth.User | None") -> list[str]:
    """The cells the batch writes, from the store as it is now; PermissionDenied when a user
    limited to some cells would write criteria or any row outside them."""
    touched = cells_touched(batch, load_reference(cur))
    cells = sorted({c for _, _, found in touched for c, _ in found if c})
    if user is not None and user.scope is not None:
        for sheet, _, found in touched:
            if sheet == "tieu_chi" or any(cell not in user.scope for cell, _ in found):
                raise auth.PermissionDenied("upload outside scope")
    return cells


def _is_sample_workbook(batch: Batch) -> bool:
    path = settings.path_setting("DASHBOARD_SAMPLE_WORKBOOK")
    if len(batch.files) != 1 or not path.exists() or path.stat().st_size != batch.files[0]["size"]:
        return False
    return hashlib.sha256(path.read_bytes()).hexdigest() == batch.files[0]["sha256"]


VERSIONED_TABLES = tuple(s.table for s in SHEETS_BY_NAME.values())

# (child table, child columns, parent table, parent columns, condition on the child):
# what later rows may depend on. Undoing the upload that created a parent is refused
# while current rows of other uploads still refer to it.
REFERENCES = (
    ("members", ("branch_code",), "branches", ("branch_code",), "TRUE"),
    ("scores", ("branch_code",), "branches", ("branch_code",), "TRUE"),
    ("scores", ("criterion_code",), "criteria", ("criterion_code",), "TRUE"),
    ("ratings", ("subject_code",), "branches", ("branch_code",), "c.subject_kind = 'chi_bo'"),
    ("ratings", ("subject_code",), "members", ("member_code",), "c.subject_kind = 'dang_vien'"),
    ("meetings", ("branch_code",), "branches", ("branch_code",), "TRUE"),
    ("absences", ("branch_code", "held_on", "kind"), "meetings", ("branch_code", "held_on", "kind"), "TRUE"),
    ("absences", ("member_code",), "members", ("member_code",), "TRUE"),
    ("actions", ("branch_code",), "branches", ("branch_code",), "TRUE"),
    ("progress_reports", ("action_code",), "actions", ("action_code",), "TRUE"),
)


def _later_dependent(cur, upload_id: int) -> int | None:
    """The first other upload whose current rows refer to something this upload created."""
    found = None
    for child, child_cols, parent, parent_cols, condition in REFERENCES:
        keys = SHEETS_BY_TABLE[parent].key_names
        same_key = " AND ".join(f'old."{k}" IS NOT DISTINCT FROM p."{k}"' for k in keys)
        refers = " AND ".join(f'c."{cc}" = p."{pc}"' for cc, pc in zip(child_cols, parent_cols))
        later = cur.execute(f"""
            SELECT min(c.upload_id) FROM {child} c
            JOIN {parent} p ON {refers}
            WHERE p.upload_id = $u AND p.superseded_by IS NULL
              AND NOT EXISTS (SELECT 1 FROM {parent} old WHERE old.superseded_by = $u AND {same_key})
              AND c.superseded_by IS NULL AND c.upload_id <> $u AND {condition}
        """, {"u": upload_id}).fetchall()[0][0]
        if later is not None and (found is None or later < found):
            found = later
    return found


def undo(upload_id: int, who: str, path=None, now: dt.datetime | None = None,
         user: "auth.User | None" = None) -> None:
    """Restore the state before an upload; refuse if a later upload changed its rows."""
    _require(user, "undo")
    now = now or dt.datetime.now().replace(microsecond=0)
    with store.write_lock:
        cur = store.cursor(path)
        rows = cur.execute("SELECT source, undone_at, branches FROM uploads WHERE upload_id = $u",
                           {"u": upload_id}).fetchall()
        row = rows[0] if rows else None
        if user is not None and user.scope is not None and row is not None:
            if not row[2] or not set(row[2]) <= user.scope:
                raise auth.PermissionDenied("undo outside scope")
        if row is None or row[0] == "system":
            raise UndoRefused("undo.not_found", id=upload_id)
        if row[1] is not None:
            raise UndoRefused("undo.already", id=upload_id)
        later = None
        for table in VERSIONED_TABLES:
            found = cur.execute(
                f"SELECT min(superseded_by) FROM {table} WHERE upload_id = $u AND superseded_by <> $u",
                {"u": upload_id}).fetchall()[0][0]
            if found is not None and (later is None or found < later):
                later = found
        if later is not None:
            raise UndoRefused("undo.later", id=upload_id, later=later)
        dependent = _later_dependent(cur, upload_id)
        if dependent is not None:
            raise UndoRefused("undo.dependent", id=upload_id, later=dependent)
        cur.execute("BEGIN TRANSACTION")
        try:
            for table in VERSIONED_TABLES:
                cur.execute(f"UPDATE {table} SET superseded_by = NULL WHERE superseded_by = $u", {"u": upload_id})
                cur.execute(f"UPDATE {table} SET superseded_by = $u WHERE upload_id = $u AND superseded_by IS NULL",
                            {"u": upload_id})
            cur.execute("UPDATE uploads SET undone_at = $at, undone_by = $w WHERE upload_id = $u",
                        {"at": now, "w": who, "u": upload_id})
            cur.execute("UPDATE data_state SET version = version + 1 WHERE id = 1")
            cur.execute("COMMIT")
        except Exception:
            cur.execute("ROLLBACK")
            raise
        if cur.execute("SELECT undone_at IS NULL FROM uploads WHERE upload_id = $u", {"u": upload_id}).fetchall()[0][0]:
            raise RuntimeError(f"undo of upload {upload_id} did not commit")
