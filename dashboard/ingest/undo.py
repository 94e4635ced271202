"""Undo: the state before an upload, restored exactly, or a refusal that says why.

Undo marks the upload's own rows as withdrawn (superseded_by = the upload itself) and brings
back the rows it had superseded. It is refused when a later upload changed the same rows
(undo newest first), or when current rows of another upload still name a row this upload
created (``Sheet.refers`` in the contract: a progress report names its action). The
per-table SQL is generated from the contract; the upload's record is read and marked by the
named statements of ``queries/internal/undo.sql``.
"""

from __future__ import annotations

import datetime as dt

from .. import auth, contract, queries, store
from .prepare import require


class UndoRefused(Exception):
    def __init__(self, key: str, **params: object):
        super().__init__(key)
        self.key = key
        self.params = params


def dependencies() -> list[tuple[str, tuple[str, ...], str, tuple[str, ...], tuple[str, str] | None]]:
    """(child table, child columns, parent table, parent columns, (column, value) the child row
    must hold or None): every reference of the contract, as tables."""
    return [(sheet.table, ref.columns, contract.SHEETS_BY_NAME[ref.sheet].table, ref.to, ref.when)
            for sheet in contract.SHEETS for ref in sheet.refers]


def _later_changed(cur, upload_id: int) -> int | None:
    """The first later upload that superseded a row this upload wrote."""
    found = [cur.execute(f"SELECT min(superseded_by) FROM {table} WHERE upload_id = $u AND superseded_by <> $u",
                         {"u": upload_id}).fetchone()[0] for table in contract.versioned_tables()]
    return min((f for f in found if f is not None), default=None)


def _later_dependent(cur, upload_id: int) -> int | None:
    """The first other upload whose current rows refer to something this upload created."""
    found = None
    for child, child_cols, parent, parent_cols, when in dependencies():
        keys = contract.SHEETS_BY_TABLE[parent].key_names
        same_key = " AND ".join(f'old."{k}" IS NOT DISTINCT FROM p."{k}"' for k in keys)
        refers = " AND ".join(f'c."{cc}" = p."{pc}"' for cc, pc in zip(child_cols, parent_cols))
        condition, params = "TRUE", {"u": upload_id}
        if when is not None:
            condition, params["when"] = f'c."{when[0]}" = $when', when[1]
        later = cur.execute(f"""
            SELECT min(c.upload_id) FROM {child} c
            JOIN {parent} p ON {refers}
            WHERE p.upload_id = $u AND p.superseded_by IS NULL
              AND NOT EXISTS (SELECT 1 FROM {parent} old WHERE old.superseded_by = $u AND {same_key})
              AND c.superseded_by IS NULL AND c.upload_id <> $u AND {condition}
        """, params).fetchone()[0]
        if later is not None and (found is None or later < found):
            found = later
    return found


def undo(upload_id: int, who: str, path=None, now: dt.datetime | None = None,
         user: "auth.User | None" = None) -> None:
    """Restore the state before an upload; refuse if a later upload changed its rows.

    Raises ``UndoRefused`` (with a message key) when it may not be undone, on a store opened
    read-only too, and ``auth.PermissionDenied`` for a user who may not undo it.
    """
    require(user, "undo")
    if store.is_read_only(path):
        raise UndoRefused("undo.read_only", id=upload_id)
    now = now or dt.datetime.now().replace(microsecond=0)
    with store.write_lock:
        cur = store.cursor(path)
        row = queries.execute("undo.upload", cur=cur, upload_id=upload_id).fetchone()
        if user is not None and user.scope is not None and row is not None:
            if not row[2] or not set(row[2]) <= user.scope:
                raise auth.PermissionDenied("undo outside scope")
        if row is None or row[0] == "system":
            raise UndoRefused("undo.not_found", id=upload_id)
        if row[1] is not None:
            raise UndoRefused("undo.already", id=upload_id)
        later = _later_changed(cur, upload_id)
        if later is not None:
            raise UndoRefused("undo.later", id=upload_id, later=later)
        dependent = _later_dependent(cur, upload_id)
        if dependent is not None:
            raise UndoRefused("undo.dependent", id=upload_id, later=dependent)
        try:
            with store.transaction(cur, lambda c: queries.execute("undo.undone", cur=c,
                                                                  upload_id=upload_id).fetchone()[0]):
                for table in contract.versioned_tables():
                    cur.execute(f"UPDATE {table} SET superseded_by = NULL WHERE superseded_by = $u",
                                {"u": upload_id})
                    cur.execute(f"UPDATE {table} SET superseded_by = $u WHERE upload_id = $u"
                                " AND superseded_by IS NULL", {"u": upload_id})
                queries.execute("undo.mark_undone", cur=cur, upload_id=upload_id, undone_at=now, undone_by=who)
                store.bump_version(cur, upload_id=upload_id)
        except store.TransactionLost:
            raise store.TransactionLost(f"undo of upload {upload_id} did not commit") from None
