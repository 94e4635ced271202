"""Ingest: read, normalise, validate, commit and undo uploads (one code path for all callers)."""

from .commit import CommitResult, UndoRefused, commit, frame_for, prepare, undo
from .read import Unreadable, read_file, safe_name
from .validate import Batch, Problem

__all__ = ["Batch", "CommitResult", "Problem", "UndoRefused", "Unreadable", "commit", "frame_for",
           "prepare", "read_file", "safe_name", "undo"]
