"""Scope: the cells each row writes, and the rows a user limited to some cells may not write.

A row's cells follow from the contract (``Sheet.refers``): the cell it names, or the cell of
the row it names (a progress report: its action's cell; a member's rating: the member's
cell, in the store or in the same upload), and, when a row may move from one cell to
another (a member, an action), also the cell it moves from. A sheet whose rows belong to no
cell (the criteria) is written by users of every cell only. The check runs at upload, before
any other rule, and again at commit, from the store as it is then.
"""

from __future__ import annotations

from .. import auth, contract
from .batch import Batch
from .reference import Reference

Touched = list[tuple[str, dict, list[tuple[str | None, str]]]]


def _upload_cells(batch: Batch, ref: Reference) -> dict[str, dict[tuple, str]]:
    """Per keyed sheet: key → cell, from the store, then the upload's rows (later rows win)."""
    index = {}
    for name, stored in ref.cells_by_key.items():
        sheet = contract.SHEETS_BY_NAME[name]
        column = contract.cell_column(sheet)
        index[name] = {**stored, **{tuple(r[k] for k in sheet.key_names): r[column] for r in batch.rows(name)}}
    return index


def _cells_of(sheet: contract.Sheet, row: dict, ref: Reference, index) -> list[tuple[str | None, str]]:
    """[(cell, column)] a row writes (or moves from); the column is where the message points."""
    if sheet.name == contract.CELL_SHEET:
        key = sheet.key_names[0]
        return [(row.get(key), key)]
    for refers in sheet.refers:
        if not refers.cell or (refers.when and row.get(refers.when[0]) != refers.when[1]):
            continue
        target = contract.SHEETS_BY_NAME[refers.sheet]
        target_column = contract.cell_column(target)
        if target_column in refers.to:            # the row names the cell itself
            own = refers.columns[refers.to.index(target_column)]
            found = [(row.get(own), own)]
        else:                                     # the cell of the row it names
            found = [(index[target.name].get(tuple(row[c] for c in refers.columns)), refers.columns[0])]
        break
    else:
        return []
    column = contract.cell_column(sheet)
    if column is not None and column not in sheet.key_names:
        before = ref.cells_by_key.get(sheet.name, {}).get(tuple(row[k] for k in sheet.key_names))
        if before:
            found.append((before, sheet.key_names[0]))
    return found


def cells_touched(batch: Batch, ref: Reference) -> Touched:
    """For every valid row: (sheet, row, [(cell, column)]) — the cells the row writes or moves from.

    ``ref`` is the whole store (not the part a scoped user sees): a row's cell is a fact.
    """
    index = _upload_cells(batch, ref)
    return [(name, r, _cells_of(data.sheet, r, ref, index))
            for name, data in batch.sheets.items() for r in batch.rows(name)]


def cells_written(touched: Touched) -> list[str]:
    return sorted({c for _, _, cells in touched for c, _ in cells if c})


def check_scope(batch: Batch, touched: Touched, scope: frozenset[str]) -> None:
    """Every row must belong to a cell the uploader may write (the rows outside are listed).

    Runs before every other rule, and a row outside the scope gets this one message and no
    other: it names only what the user wrote and the user's own cells, never the cell a stored
    code belongs to, and the row is then left out of every later check (whose messages would
    quote the other cell's stored values). A code that exists nowhere reads the same as a code
    of another cell.
    """
    allowed = ", ".join(sorted(scope))
    for name, r, cells in touched:
        sheet = contract.SHEETS_BY_NAME[name]
        if not contract.belongs_to_cells(sheet):
            batch.flag(r, sheet.key_names[0], "p.criteria_admin_only")
            r.bad = True
            continue
        for cell, column in cells:
            if cell not in scope:
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
        for name, _, found in touched:
            if not contract.belongs_to_cells(contract.SHEETS_BY_NAME[name]) \
                    or any(cell not in user.scope for cell, _ in found):
                raise auth.PermissionDenied("upload outside scope")
    return cells_written(touched)
