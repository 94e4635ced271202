"""The sample database: the sample workbook uploaded through the real ingest into a new store."""

from __future__ import annotations

import os
from pathlib import Path

from .. import ingest, store
from .workbook import generate


def build_database(db: Path, workbook: Path, force: bool = False) -> bool:
    """Build ``db`` from the sample workbook unless it exists; atomic (temp file, then rename)."""
    if db.exists() and not force:
        return False
    if not workbook.exists():
        generate(workbook)
    tmp = db.with_name(db.name + ".building")
    for leftover in (tmp, Path(str(tmp) + ".wal")):
        leftover.unlink(missing_ok=True)
    store.connect(tmp, read_only=False)
    batch = ingest.prepare([(workbook.name, workbook.read_bytes())], store.cursor(tmp))
    if not batch.ok:
        store.close_all()
        raise RuntimeError("sample workbook rejected: " + "; ".join(p.message() for p in batch.errors[:5]))
    ingest.commit(batch, who="hệ thống", source="sample", path=tmp)
    store.checkpoint(store.cursor(tmp))
    store.close_all()
    if force:
        db.unlink(missing_ok=True)
        Path(str(db) + ".wal").unlink(missing_ok=True)
    os.replace(tmp, db)
    return True
