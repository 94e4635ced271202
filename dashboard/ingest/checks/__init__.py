"""Checks: the rules each sheet's rows must follow, one module per sheet, registered by name.

A sheet's module (any module of this package: each is imported here) registers its functions
with ``@register("sheet_name")`` (rows phase) or ``@register("sheet_name", phase="resolve")``
(to fill a value from the rest of the upload before keys are compared). Each function gets
the batch and the ``Context``: what the store (as the uploader may see it) and the upload
hold together, built once.

Order: every "resolve" function, then duplicate keys in every sheet, then every "rows"
function, sheets in load order (a named sheet before the sheets naming it).
"""

from __future__ import annotations

import datetime as dt
import importlib
import pkgutil
from dataclasses import dataclass
from typing import Callable

from ... import contract
from ...periods import parse_period
from ..batch import Batch, Rows, show
from ..reference import Reference

Check = Callable[[Batch, "Context"], None]
PHASES = ("resolve", "rows")
REGISTRY: dict[str, dict[str, list[Check]]] = {phase: {} for phase in PHASES}


def register(sheet: str, phase: str = "rows") -> Callable[[Check], Check]:
    def add(check: Check) -> Check:
        REGISTRY[phase].setdefault(sheet, []).append(check)
        return check
    return add


@dataclass
class Context:
    """The store as the uploader may see it, and the upload's valid rows over it.

    Among the upload's rows the first of a key counts (a later duplicate is refused)."""
    ref: Reference
    cells: set[str]
    members: dict[str, dict]                  # member code → row
    criteria: dict[tuple, dict]               # (code, valid_from) → group, max_points, valid_from
    set_starts: dict[str | None, dt.date]     # valid_from → the day that criteria set starts
    actions: set[str]
    meetings: dict[tuple, dict]               # (cell, day, kind) → counts
    resolutions: dict[str, dt.date]           # doc number → received (else issued) on


def _first(rows: Rows, *names: str) -> dict:
    """The first valid row of each key (a row view), by the named columns (one: the value itself)."""
    keys = rows.column(names[0]) if len(names) == 1 else rows.columns(*names)
    first: dict = {}
    for j, key in enumerate(keys):
        first.setdefault(key, j)
    return {key: rows.record(j) for key, j in first.items()}


def context(batch: Batch, ref: Reference) -> Context:
    criteria = {**ref.criteria, **{key: {"group": r["group"], "max_points": r["max_points"],
                                         "valid_from": r["valid_from"]}
                                   for key, r in _first(batch.table("tieu_chi"), "criterion_code", "valid_from").items()}}
    return Context(
        ref=ref,
        cells=set(ref.cells) | set(batch.table("chi_bo").column("branch_code")),
        members={**ref.members, **_first(batch.table("dang_vien"), "member_code")},
        criteria=criteria,
        set_starts={vf: (parse_period(vf).start if vf else dt.date.min) for _, vf in criteria},
        actions=set(ref.actions) | set(batch.table("giai_phap").column("action_code")),
        meetings={**ref.meetings, **_first(batch.table("sinh_hoat"), "branch_code", "held_on", "kind")},
        resolutions={**ref.resolutions, **{key: r["received_on"] or r["issued_on"]
                                           for key, r in _first(batch.table("nghi_quyet"), "doc_number").items()}},
    )


def check_duplicates(batch: Batch) -> None:
    """Two rows with the same natural key: the later one is refused, naming the first."""
    for name, data in batch.sheets.items():
        keys = data.sheet.key_names
        rows = batch.table(name)
        seen: dict[tuple, int] = {}
        for j, key in enumerate(rows.columns(*keys)):
            if seen.setdefault(key, j) == j:
                continue
            first, record = rows.record(seen[key]), rows.record(j)
            other = first.row if first.src.sheet == record.src.sheet else f"{first.row} ({first.src.sheet})"
            batch.flag(record, keys[0], "p.duplicate_key", value=record[keys[0]], other=other,
                       values=" · ".join(show(k) for k in key))
            record.bad = True


def run(batch: Batch, ref: Reference) -> None:
    """Every registered check over the batch, with the store ``ref`` as the uploader sees it."""
    ctx = context(batch, ref)
    order = contract.load_order()
    for phase in PHASES:
        if phase == "rows":
            check_duplicates(batch)
        for name in order:
            for check in REGISTRY[phase].get(name, ()):
                check(batch, ctx)


for _module in pkgutil.iter_modules(__path__):
    importlib.import_module(f"{__name__}.{_module.name}")
