"""What the validator needs to know about the store: codes, enums, current rows.

Loaded once per upload from the current (``v_*``) views, so that cross-sheet
checks see the store and the upload together.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field, replace

from ..contract import fold


@dataclass
class Reference:
    enums: dict[str, dict[str, str]] = field(default_factory=dict)     # domain → folded → code
    enum_codes: dict[str, list[str]] = field(default_factory=dict)     # domain → codes in order
    discipline_forms: set[tuple[str, str]] = field(default_factory=set)  # (code, subject)
    branches: set[str] = field(default_factory=set)
    members: dict[str, dict] = field(default_factory=dict)
    criteria: dict[tuple[str, str | None], dict] = field(default_factory=dict)  # (code, valid_from) →
    actions: set[str] = field(default_factory=set)
    action_branches: dict[str, str] = field(default_factory=dict)
    meetings: dict[tuple[str, dt.date, str], dict] = field(default_factory=dict)   # (cell, day, kind) →
    absences: dict[tuple[str, dt.date, str, str], bool] = field(default_factory=dict)  # (cell, day, kind, member) →
    progress: dict[str, list[tuple[dt.date, float]]] = field(default_factory=lambda: defaultdict(list))
    # year → (rating source, best level ordinal allowed to a member disciplined in the year)
    disciplined_caps: dict[int, tuple[str, int]] = field(default_factory=dict)
    level_order: dict[str, int] = field(default_factory=dict)
    group_totals: dict[str, float] = field(default_factory=dict)

    def within(self, scope: frozenset[str]) -> "Reference":
        """The store as a user limited to ``scope`` sees it: other cells' members, meetings,
        absences, actions and progress left out (codes, enums and criteria are shared)."""
        action_branches = {a: b for a, b in self.action_branches.items() if b in scope}
        return replace(
            self,
            branches={b for b in self.branches if b in scope},
            members={code: m for code, m in self.members.items() if m["branch_code"] in scope},
            action_branches=action_branches,
            actions=set(action_branches),
            meetings={k: v for k, v in self.meetings.items() if k[0] in scope},
            absences={k: v for k, v in self.absences.items() if k[0] in scope},
            progress=defaultdict(list, {a: list(v) for a, v in self.progress.items() if a in action_branches}),
        )


def load_reference(cur) -> Reference:
    ref = Reference()
    for domain, code, name_vi, name_en in cur.execute(
            "SELECT domain, code, name_vi, name_en FROM enum_values ORDER BY domain, ordinal").fetchall():
        ref.enums.setdefault(domain, {})
        for spelling in (code, name_vi, name_en):
            ref.enums[domain][fold(spelling)] = code
        ref.enum_codes.setdefault(domain, []).append(code)
    ref.enums["level"] = {}
    for code, ordinal, name_vi, name_en, short_vi, short_en in cur.execute(
            "SELECT code, ordinal, name_vi, name_en, short_vi, short_en FROM levels ORDER BY ordinal").fetchall():
        for spelling in (code, name_vi, name_en):
            ref.enums["level"][fold(spelling)] = code
        ref.enum_codes.setdefault("level", []).append(code)
        ref.level_order[code] = ordinal
    ref.discipline_forms = set(cur.execute("SELECT code, subject FROM discipline_forms").fetchall())
    ref.branches = {r[0] for r in cur.execute("SELECT branch_code FROM v_branches").fetchall()}
    for code, branch, kind, role, joined, left in cur.execute(
            "SELECT member_code, branch_code, kind, party_role, joined_on, left_on FROM v_members").fetchall():
        ref.members[code] = {"branch_code": branch, "kind": kind, "party_role": role,
                             "joined_on": joined, "left_on": left}
    for code, group, max_points, valid_from in cur.execute(
            'SELECT criterion_code, "group", max_points, valid_from FROM v_criteria').fetchall():
        ref.criteria[(code, valid_from)] = {"group": group, "max_points": max_points, "valid_from": valid_from}
    ref.action_branches = dict(cur.execute("SELECT action_code, branch_code FROM v_actions").fetchall())
    ref.actions = set(ref.action_branches)
    for branch, held_on, kind, excused, unexcused in cur.execute(
            "SELECT branch_code, held_on, kind, absent_excused, absent_unexcused FROM v_meetings").fetchall():
        ref.meetings[(branch, held_on, kind)] = {"absent_excused": excused, "absent_unexcused": unexcused}
    for branch, held_on, kind, member, excused in cur.execute(
            "SELECT branch_code, held_on, kind, member_code, excused FROM v_absences").fetchall():
        ref.absences[(branch, held_on, kind, member)] = excused
    for action, reported_on, percent in cur.execute(
            "SELECT action_code, reported_on, percent FROM v_progress_reports").fetchall():
        ref.progress[action].append((reported_on, percent))
    ref.disciplined_caps = {year: (source, int(best)) for year, source, best in cur.execute(
        "SELECT year, source, member_disciplined_best FROM v_rating_rules").fetchall()}
    ref.group_totals = dict(cur.execute("SELECT code, total_points FROM criterion_groups").fetchall())
    return ref
