"""Ingest: an upload through its pipeline, one module per stage, one code path for all callers.

read (bytes → raw tables) → locate (sheet, header row, columns) → parse (each cell by its
column's kind) → scope (the cells each row writes; rows outside the uploader's cells) →
checks (each sheet's rules, registered by sheet) → stage (typed rows, new/changed/same) →
commit (one transaction) → undo. ``prepare`` runs the stages up to the count; ``commit``
writes what it prepared.
"""

from .batch import Batch, Problem
from .commit import CommitResult, commit
from .prepare import prepare
from .read import Unreadable, read_file, safe_name
from .undo import UndoRefused, undo

__all__ = ["Batch", "CommitResult", "Problem", "UndoRefused", "Unreadable", "commit",
           "prepare", "read_file", "safe_name", "undo"]
