"""What the validator needs to know about the store: codes, enums, current rows.

Loaded once per upload from the current (``v_*``) views by the named statements of
``queries/internal/ingest.sql``, so that cross-sheet checks see the store and the
upload together.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field, replace

from .. import contract, queries
from ..contract import fold


@dataclass
class Reference:
    enums: dict[str, dict[str, str]] = field(default_factory=dict)     # domain → folded → code
    enum_codes: dict[str, list[str]] = field(default_factory=dict)     # domain → codes in order
    discipline_forms: set[tuple[str, str]] = field(default_factory=set)  # (code, subject)
    cells: set[str] = field(default_factory=set)
    members: dict[str, dict] = field(default_factory=dict)
    criteria: dict[tuple[str, str | None], dict] = field(default_factory=dict)  # (code, valid_from) →
    actions: set[str] = field(default_factory=set)
    action_cells: dict[str, str] = field(default_factory=dict)
    meetings: dict[tuple[str, dt.date, str], dict] = field(default_factory=dict)   # (cell, day, kind) →
    absences: dict[tuple[str, dt.date, str, str], bool] = field(default_factory=dict)  # (cell, day, kind, member) →
    progress: dict[str, list[tuple[dt.date, float]]] = field(default_factory=lambda: defaultdict(list))
    resolutions: dict[str, dt.date] = field(default_factory=dict)     # doc number → received (else issued) on
    # year → (rating source, best level ordinal allowed to a member disciplined in the year)
    disciplined_caps: dict[int, tuple[str, int]] = field(default_factory=dict)
    level_order: dict[str, int] = field(default_factory=dict)
    group_totals: dict[str, float] = field(default_factory=dict)
    # sheet → stored row's key → its cell, for the sheets whose rows a cell is found through
    cells_by_key: dict[str, dict[tuple, str]] = field(default_factory=dict)

    def within(self, scope: frozenset[str]) -> "Reference":
        """The store as a user limited to ``scope`` sees it: other cells' members, meetings,
        absences, actions and progress left out (codes, enums and criteria are shared)."""
        action_cells = {a: b for a, b in self.action_cells.items() if b in scope}
        return replace(
            self,
            cells={c for c in self.cells if c in scope},
            members={code: m for code, m in self.members.items() if m["branch_code"] in scope},
            action_cells=action_cells,
            actions=set(action_cells),
            meetings={k: v for k, v in self.meetings.items() if k[0] in scope},
            absences={k: v for k, v in self.absences.items() if k[0] in scope},
            progress=defaultdict(list, {a: list(v) for a, v in self.progress.items() if a in action_cells}),
        )


def _rows(name: str, cur) -> list[tuple]:
    return queries.execute(name, cur=cur).fetchall()


def keyed_sheets() -> list[contract.Sheet]:
    """Sheets whose stored rows' cells are looked up by key: a cell named through them (a
    progress report belongs to its action's cell), or a row that may move from one cell to
    another (a member, an action)."""
    named = {r.sheet for s in contract.SHEETS for r in s.refers
             if r.cell and contract.cell_column(contract.SHEETS_BY_NAME[r.sheet]) not in r.to}
    return [s for s in contract.SHEETS if (column := contract.cell_column(s)) is not None
            and (s.name in named or column not in s.key_names)]


def stored_cells(cur, sheet: contract.Sheet) -> dict[tuple, str]:
    """Key → cell of the sheet's current rows. The SQL is generated from the contract (the
    sheet's key and cell columns), not a named query: it is the same for every such sheet."""
    keys = ", ".join(f'"{k}"' for k in sheet.key_names)
    rows = cur.execute(f'SELECT {keys}, "{contract.cell_column(sheet)}" FROM v_{sheet.table}').fetchall()
    return {tuple(r[:-1]): r[-1] for r in rows}


def load_reference(cur) -> Reference:
    ref = Reference()
    for domain, code, name_vi, name_en in _rows("ingest.enum_values", cur):
        ref.enums.setdefault(domain, {})
        for spelling in (code, name_vi, name_en):
            ref.enums[domain][fold(spelling)] = code
        ref.enum_codes.setdefault(domain, []).append(code)
    ref.enums["level"] = {}
    for code, ordinal, name_vi, name_en, short_vi, short_en in _rows("reference.levels", cur):
        for spelling in (code, name_vi, name_en):
            ref.enums["level"][fold(spelling)] = code
        ref.enum_codes.setdefault("level", []).append(code)
        ref.level_order[code] = ordinal
    ref.discipline_forms = set(_rows("ingest.discipline_forms", cur))
    ref.cells = {r[0] for r in _rows("cells.all", cur)}
    for code, cell, kind, role, joined, left in _rows("ingest.members", cur):
        ref.members[code] = {"branch_code": cell, "kind": kind, "party_role": role,
                             "joined_on": joined, "left_on": left}
    for code, group, max_points, valid_from in _rows("ingest.criteria", cur):
        ref.criteria[(code, valid_from)] = {"group": group, "max_points": max_points, "valid_from": valid_from}
    ref.action_cells = dict(_rows("ingest.actions", cur))
    ref.actions = set(ref.action_cells)
    for cell, held_on, kind, excused, unexcused in _rows("ingest.meetings", cur):
        ref.meetings[(cell, held_on, kind)] = {"absent_excused": excused, "absent_unexcused": unexcused}
    for cell, held_on, kind, member, excused in _rows("ingest.absences", cur):
        ref.absences[(cell, held_on, kind, member)] = excused
    for action, reported_on, percent in _rows("ingest.progress", cur):
        ref.progress[action].append((reported_on, percent))
    ref.resolutions = dict(_rows("ingest.resolutions", cur))
    ref.disciplined_caps = {year: (source, int(best)) for year, source, best in _rows("ingest.rating_rules", cur)}
    ref.group_totals = dict(_rows("ingest.group_totals", cur))
    ref.cells_by_key = {sheet.name: stored_cells(cur, sheet) for sheet in keyed_sheets()}
    return ref
