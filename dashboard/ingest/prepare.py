"""An upload up to the point of writing it: read → locate → parse → scope → checks → stage/count.

``prepare`` is the one entry point for every caller (upload page, command line, sample
build); ``commit`` then writes what it prepared.
"""

from __future__ import annotations

import datetime as dt
import hashlib

from .. import auth, contract
from . import checks
from .batch import Batch, Problem
from .locate import assign_sheet
from .parse import parse_table
from .read import RawTable, Unreadable, read_file, safe_name
from .reference import Reference, load_reference
from .scope import cells_touched, cells_written, check_decisions, check_scope
from .stage import count_changes


def require(user: "auth.User | None", action: str) -> None:
    if user is not None and not user.can(action):
        raise auth.PermissionDenied(action)


def prepare(files: list[tuple[str, bytes]], cur, today: dt.date | None = None,
            max_bytes: int | None = None, max_rows: int = 200_000, user: "auth.User | None" = None) -> Batch:
    """Read and validate files as one upload, and count what it would change.

    With a ``user``, the upload must be allowed for the role, and a user limited
    to some cells may only touch those cells (the other rows are listed as errors).
    ``user=None`` is the trusted local caller (command line, sample build).
    """
    require(user, "upload")
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
            tables.extend(read_file(shown, data, max_rows=max_rows, max_bytes=max_bytes))
        except Unreadable as exc:
            batch.add("error", exc.reason_key, file=shown, params=exc.params)
    if batch.errors:
        return batch
    validate(tables, load_reference(cur), today, batch, max_rows=max_rows, scope=user.scope if user else None,
             may_decide=user is None or user.can("decide"))
    if not batch.sheets and not batch.errors:
        batch.add("error", "file.no_tables", params={"file": ", ".join(f["name"] for f in batch.files)})
    if batch.ok:
        count_changes(batch, cur)
    return batch


def validate(tables: list[RawTable], ref: Reference, today: dt.date, batch: Batch | None = None,
             max_rows: int | None = None, scope: frozenset[str] | None = None, may_decide: bool = True) -> Batch:
    batch = batch or Batch()
    # Table by table: located, parsed, and its raw cells let go before the next is read.
    stopped = False
    for table in tables:
        try:
            located = assign_sheet(batch, table)
        except Unreadable as exc:   # a sheet read when first asked for
            batch.add("error", exc.reason_key, file=table.file, params=exc.params)
            stopped = True
            continue
        if located is not None and max_rows is not None and len(located.data_indexes) > max_rows:
            batch.add("error", "reason.too_many_rows", file=table.file,
                      params={"sheet": table.sheet, "limit": max_rows})
            stopped = True   # over the limit: nothing read further
        if located is not None and not stopped:
            parse_table(batch, located, ref, today)
        table.release()
    for table in tables:
        table.close()
    if stopped:
        return batch
    visible = ref
    if scope is not None:
        # Scope first, and the rules then see only what the user may see: no message can
        # quote another cell's stored members, meetings, absences, actions or progress.
        check_scope(batch, cells_touched(batch, ref), scope)
        visible = ref.within(scope)
    if not may_decide:
        check_decisions(batch)
    checks.run(batch, visible)
    batch.cells = cells_written(cells_touched(batch, ref))
    # Order sheets as they load: referenced tables first; problems by severity, sheet, row.
    order = contract.load_order()
    batch.sheets = {name: batch.sheets[name] for name in order if name in batch.sheets}
    batch.problems.sort(key=lambda p: (p.severity != "error", _load_rank(batch, p, order), p.row or 0))
    return batch


def _load_rank(batch: Batch, problem: Problem, order: tuple[str, ...]) -> int:
    for name, data in batch.sheets.items():
        if problem.sheet in data.labels:
            return order.index(name)
    return 99
