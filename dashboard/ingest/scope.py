"""Scope: the cells each row writes, and the rows a user limited to some cells may not write.

A row's cells follow from the contract (``Sheet.refers``): the cell it names, or the cell of
the row it names (a progress report: its action's cell; a member's rating: the member's
cell, in the store or in the same upload), and, when a row may move from one cell to
another (a member, an action), also the cell it moves from. A sheet whose rows belong to no
cell (the criteria) is written by users of every cell only. The check runs at upload, before
any other rule, and again at commit, from the store as it is then.
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import auth, contract
from .batch import Batch, Rows
from .reference import Reference

# A row to which a source of cells does not apply (another reference of the row, no stored cell).
_NONE = object()


@dataclass
class SheetCells:
    """A sheet's valid rows and the cells each writes or moves from, held as slots: a slot is a
    column (where a message points) and, row by row, the cell it gives (``_NONE``: not this row).
    A row's cells are its slots in order (``row_cells``): the cell it names or the cell of the
    row it names, then the cell it moves from."""
    name: str
    rows: Rows
    slots: list[tuple[str, list]]

    def row_cells(self, j: int) -> list[tuple[str | None, str]]:
        return [(cells[j], column) for column, cells in self.slots if cells[j] is not _NONE]

    def cells(self) -> set:
        return {c for _, cells in self.slots for c in cells if c is not _NONE}


def _upload_cells(batch: Batch, ref: Reference) -> dict[str, dict[tuple, str]]:
    """Per keyed sheet: key → cell, from the store, then the upload's rows (later rows win)."""
    index = {}
    for name, stored in ref.cells_by_key.items():
        sheet = contract.SHEETS_BY_NAME[name]
        rows = batch.table(name)
        index[name] = {**stored, **dict(zip(rows.columns(*sheet.key_names), rows.column(contract.cell_column(sheet))))}
    return index


def _slots(sheet: contract.Sheet, rows: Rows, ref: Reference, index) -> list[tuple[str, list]]:
    """The cells the sheet's rows write, slot by slot (see ``SheetCells``)."""
    if sheet.name == contract.CELL_SHEET:
        key = sheet.key_names[0]
        return [(key, rows.column(key))]
    slots = []
    open_rows = [True] * len(rows)            # rows no reference has applied to yet
    for refers in sheet.refers:
        if not refers.cell:
            continue
        if refers.when:
            applies = [o and v == refers.when[1] for o, v in zip(open_rows, rows.column(refers.when[0]))]
        else:
            applies = open_rows
        if not any(applies):
            continue
        target = contract.SHEETS_BY_NAME[refers.sheet]
        target_column = contract.cell_column(target)
        if target_column in refers.to:            # the row names the cell itself
            own = refers.columns[refers.to.index(target_column)]
            found, column = rows.column(own), own
        else:                                     # the cell of the row it names
            named = index[target.name]
            found, column = map(named.get, rows.columns(*refers.columns)), refers.columns[0]
        slots.append((column, [cell if a else _NONE for cell, a in zip(found, applies)]))
        open_rows = [o and not a for o, a in zip(open_rows, applies)]
    column = contract.cell_column(sheet)
    if slots and column is not None and column not in sheet.key_names:
        stored = ref.cells_by_key.get(sheet.name, {})
        before = [(stored.get(key) or _NONE) if not o else _NONE
                  for key, o in zip(rows.columns(*sheet.key_names), open_rows)]
        slots.append((sheet.key_names[0], before))
    return slots


def cells_touched(batch: Batch, ref: Reference) -> list[SheetCells]:
    """For every sheet, its valid rows and the cells each writes or moves from.

    ``ref`` is the whole store (not the part a scoped user sees): a row's cell is a fact.
    """
    index = _upload_cells(batch, ref)
    out = []
    for name, data in batch.sheets.items():
        rows = batch.table(name)
        out.append(SheetCells(name, rows, _slots(data.sheet, rows, ref, index)))
    return out


def cells_written(touched: list[SheetCells]) -> list[str]:
    return sorted({c for sheet in touched for c in sheet.cells() if c})


def check_scope(batch: Batch, touched: list[SheetCells], scope: frozenset[str]) -> None:
    """Every row must belong to a cell the uploader may write (the rows outside are listed).

    Runs before every other rule, and a row outside the scope gets this one message and no
    other: it names only what the user wrote and the user's own cells, never the cell a stored
    code belongs to, and the row is then left out of every later check (whose messages would
    quote the other cell's stored values). A code that exists nowhere reads the same as a code
    of another cell.
    """
    allowed = ", ".join(sorted(scope))
    for found in touched:
        sheet = contract.SHEETS_BY_NAME[found.name]
        if not contract.belongs_to_cells(sheet):
            for r in found.rows:
                batch.flag(r, sheet.key_names[0], "p.criteria_admin_only")
                r.bad = True
            continue
        if not found.cells() - scope:
            continue
        for j in range(len(found.rows)):
            for cell, column in found.row_cells(j):
                if cell not in scope:
                    r = found.rows.record(j)
                    batch.flag(r, column, "p.out_of_scope", allowed=allowed)
                    r.bad = True
                    break


# Sheets only a user who may record the Đảng ủy's decisions writes (auth permission "decide"):
# the decided levels. A cell's secretary proposes (de_xuat_xep_loai); he does not decide.
DECIDING_SHEETS = frozenset({"xep_loai"})


def check_decisions(batch: Batch) -> None:
    """Rows of a decision sheet from a user who may not decide: one error each, left unchecked."""
    for name in DECIDING_SHEETS & batch.sheets.keys():
        sheet = contract.SHEETS_BY_NAME[name]
        for r in batch.rows(name):
            if not r.bad:
                batch.flag(r, sheet.key_names[0], "p.decision_admin_only")
                r.bad = True


def cells_allowed(batch: Batch, ref: Reference, user: "auth.User | None") -> list[str]:
    """The cells the batch writes, derived again at commit from the store as it is now;
    PermissionDenied when a user limited to some cells would write a sheet of the whole
    Đảng bộ (the criteria) or any row outside his cells, or a user who may not decide would
    write a decision, whatever the page did."""
    touched = cells_touched(batch, ref)
    if user is not None and not user.can("decide") and DECIDING_SHEETS & batch.sheets.keys():
        raise auth.PermissionDenied("decision without the right to decide")
    if user is not None and user.scope is not None:
        for found in touched:
            if (len(found.rows) and not contract.belongs_to_cells(contract.SHEETS_BY_NAME[found.name])) \
                    or found.cells() - user.scope:
                raise auth.PermissionDenied("upload outside scope")
    return cells_written(touched)
