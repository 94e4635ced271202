"""The upload history as a given user may see it (Lịch sử tải lên).

A user of every cell sees each upload as recorded. A user limited to some cells sees the
uploads that wrote his cells (``uploads.history`` filters them), and of each only what is
his: the rows written in his cells (and criteria rows, which everyone sees), the uploader's
name only when that uploader is himself or a user within his cells, and the file name only
when the upload wrote his cells alone (a file name may say what else it held).
"""

from __future__ import annotations

import json

import pandas as pd

from . import auth, i18n

# Who wrote an upload (the uploads table's ``source``, 0001_schema.sql): the system itself, the
# shipped sample, the upload page, the command line, a page's own entry. The history names each (``source.<code>``).
SOURCES = ("system", "sample", "page", "cli",
           "entry")   # issue 14: entered on a page (the year-end review), "Nhập trên trang"


def _cells(value: object) -> set[str] | None:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return None
    return {str(c) for c in value}


def is_undone(undone_at: object) -> bool:
    """Whether an upload was undone (its ``undone_at`` is a time, not NULL/NaT)."""
    return undone_at is not None and not pd.isna(undone_at)


def rows_written(counts: str | None) -> int:
    """New and changed rows of an upload, from its recorded counts per sheet."""
    return sum(v.get("new", 0) + v.get("changed", 0) for v in json.loads(counts).values()) if counts else 0


def for_user(history: pd.DataFrame, rows_in_scope: pd.DataFrame | None, user: auth.User,
             users: dict[str, dict], lang: str = "vi") -> pd.DataFrame:
    """``history`` (uploads.history) with ``rows``, and ``file_name``/``uploaded_by`` as ``user`` may
    see them; ``rows_in_scope`` (uploads.rows_in_cells under the user's scope) for a scoped user."""
    if user.scope is None:
        return history.assign(rows=[rows_written(c) for c in history["counts"]])
    counted = {} if rows_in_scope is None else dict(zip(rows_in_scope["upload_id"], rows_in_scope["rows"]))
    mine = [bool(cells) and cells <= user.scope for cells in map(_cells, history["branches"])]
    return history.assign(
        rows=[int(counted.get(u, 0)) for u in history["upload_id"]],
        file_name=[f if ok else i18n.t("history.hidden_file", lang) for f, ok in zip(history["file_name"], mine)],
        uploaded_by=[who if who == user.name or auth.within_scope(who, user.scope, users)
                     else i18n.t("history.other_user", lang) for who in history["uploaded_by"]],
    )


def undoable(history: pd.DataFrame, user: auth.User) -> pd.DataFrame:
    """The uploads ``user`` may undo: not undone yet, and for a scoped user, of his cells alone."""
    active = history[history["undone_at"].isna()]
    if user.scope is None:
        return active
    return active[[bool(c) and c <= user.scope for c in map(_cells, active["branches"])]]
