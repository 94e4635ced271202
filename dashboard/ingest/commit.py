"""Commit: a prepared, valid upload written in one transaction, or not at all.

Each upload writes new versions of the rows it changes and marks the old versions as
superseded by it; nothing is deleted. Writes in this process are serialised by one lock;
the result is checked after COMMIT (``store.transaction``'s ``landed``), since DuckDB can
discard a failed transaction's work silently. The per-table UPDATE and INSERT are generated
from the contract (the same shape for every sheet); the upload's record is
``commit.record_upload``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass, field

from .. import auth, queries, settings, store
from .batch import Batch
from .prepare import require
from .reference import load_reference
from .scope import cells_allowed
from .stage import key_join, staged, stored_rows, value_same


@dataclass
class CommitResult:
    upload_id: int | None
    counts: dict[str, dict[str, int]] = field(default_factory=dict)

    @property
    def changed_anything(self) -> bool:
        return self.upload_id is not None


def _write_sheet(cur, batch: Batch, sheet_name: str, upload_id: int) -> None:
    """Insert the upload's new and changed rows, then supersede the stored rows it changes.

    The rows are read straight from the upload's columns (``stage.staged``), merged with the
    stored rows of other uploads, the same in both statements (the upload's own rows, once
    inserted, are left out of the merge)."""
    sheet = batch.sheets[sheet_name].sheet
    others = stored_rows(sheet, upload_id)
    cols = ", ".join(f'"{c}"' for c in sheet.column_names)
    with staged(cur, batch, sheet_name, upload_id) as rows:
        cur.execute(f"""
            INSERT INTO {sheet.table} ({cols}, upload_id)
            SELECT {', '.join(f'i.{c}' for c in cols.split(', '))}, $u FROM {rows} i
            WHERE NOT EXISTS (SELECT 1 FROM {others} t
                              WHERE {key_join(sheet, 'i', 't')} AND {value_same(sheet, 'i', 't')})
        """, {"u": upload_id})
        cur.execute(f"""
            UPDATE {sheet.table} AS t SET superseded_by = $u
            FROM {rows} i
            WHERE t.superseded_by IS NULL AND t.upload_id IS DISTINCT FROM $u
              AND {key_join(sheet, 'i', 't')} AND NOT ({value_same(sheet, 'i', 't')})
        """, {"u": upload_id})


def _landed(cur, batch: Batch, upload_id: int, expected: int) -> bool:
    """After COMMIT: the upload's record is there, with every row it wrote."""
    recorded = queries.execute("commit.upload_recorded", cur=cur, upload_id=upload_id).fetchone()[0]
    written = sum(cur.execute(f"SELECT count(*) FROM {data.sheet.table} WHERE upload_id = $u",
                              {"u": upload_id}).fetchone()[0] for data in batch.sheets.values())
    return bool(recorded) and written == expected


def commit(batch: Batch, who: str, source: str, path=None, now: dt.datetime | None = None,
           user: "auth.User | None" = None) -> CommitResult:
    """Write a valid batch in one transaction; nothing when it changes nothing.

    Raises ``store.ReadOnly`` on a store opened read-only, ``auth.PermissionDenied`` when the
    user may not upload or the rows are outside his cells, ``store.TransactionLost`` when the
    work is not in the store after COMMIT.
    """
    require(user, "upload")
    if not batch.ok:
        raise ValueError("a batch with errors cannot be committed")
    counts = {name: dict(d.counts) for name, d in batch.sheets.items()}
    if not any(c["new"] or c["changed"] for c in counts.values()):
        return CommitResult(None, counts)
    store.require_writable(path)
    now = now or dt.datetime.now().replace(microsecond=0)
    file_name = ", ".join(f["name"] for f in batch.files)[:500]
    digest = hashlib.sha256("".join(f["sha256"] for f in batch.files).encode()).hexdigest() \
        if len(batch.files) > 1 else (batch.files[0]["sha256"] if batch.files else "")
    if _is_sample_workbook(batch):
        source = "sample"  # the shipped sample, whoever loads it, is labelled as sample data
    expected = sum(c["new"] + c["changed"] for c in counts.values())
    with store.write_lock:
        cur = store.cursor(path)
        upload_id = None

        def landed(c) -> bool:
            return _landed(c, batch, upload_id, expected)

        try:
            with store.transaction(cur, landed):
                # The last line of defence, whatever the page did: the cells the rows write, derived
                # again from the store as it is now, must all be the committing user's.
                cells = cells_allowed(batch, load_reference(cur), user)
                upload_id = queries.execute("commit.next_upload_id", cur=cur).fetchone()[0]
                queries.execute("commit.record_upload", cur=cur, upload_id=upload_id, file_name=file_name,
                                sha256=digest, size_bytes=sum(f["size"] for f in batch.files),
                                uploaded_by=who, uploaded_at=now, source=source, counts=json.dumps(counts),
                                cells=cells)
                for sheet_name in batch.sheets:
                    _write_sheet(cur, batch, sheet_name, upload_id)
                store.bump_version(cur, upload_id=upload_id)
        except store.TransactionLost:
            raise store.TransactionLost(f"upload {upload_id} did not commit") from None
    return CommitResult(upload_id, counts)


def _is_sample_workbook(batch: Batch) -> bool:
    path = settings.path_setting("DASHBOARD_SAMPLE_WORKBOOK")
    if len(batch.files) != 1 or not path.exists() or path.stat().st_size != batch.files[0]["size"]:
        return False
    return hashlib.sha256(path.read_bytes()).hexdigest() == batch.files[0]["sha256"]

