"""Absences: each list belongs to a meeting of the cell that day, names members of the cell on
that day, and agrees with the meeting's excused and unexcused counts."""

from __future__ import annotations

from collections import defaultdict

from . import register


@register("vang_sinh_hoat", phase="resolve")
def resolve_kinds(batch, ctx) -> None:
    """An absence row with no meeting kind takes the kind of the cell's only meeting that day.

    With no meeting that day, or two, the row is refused and says which.
    """
    kinds: dict[tuple, list[str]] = defaultdict(list)
    for cell, day, kind in ctx.meetings:
        kinds[(cell, day)].append(kind)
    rows = batch.table("vang_sinh_hoat")
    for j, kind in enumerate(rows.column("kind")):
        if kind is not None:
            continue
        r = rows.record(j)
        found = sorted(kinds.get((r["branch_code"], r["held_on"]), []))
        if len(found) == 1:
            r["kind"] = found[0]
        elif not found:
            batch.flag(r, "held_on", "p.unknown_meeting", branch=r["branch_code"])
        else:
            batch.flag(r, "kind", "p.absence_kind_required", value="", branch=r["branch_code"],
                       date=r["held_on"], n=len(found))


@register("vang_sinh_hoat")
def check(batch, ctx) -> None:
    # Each absence list is compared with its own meeting: (cell, day, kind).
    listed: dict[tuple, dict] = defaultdict(dict)
    for (cell, held_on, kind, member), excused in ctx.ref.absences.items():
        listed[(cell, held_on, kind)][member] = excused
    first_absence: dict[tuple, int] = {}
    rows = batch.table("vang_sinh_hoat")
    for j, (cell, on, kind, code, excused) in enumerate(rows.columns(
            "branch_code", "held_on", "kind", "member_code", "excused")):
        meeting_key = (cell, on, kind)
        if cell not in ctx.cells:
            batch.flag(rows.record(j), "branch_code", "p.unknown_branch")
            continue
        if kind is None:   # left blank and not resolved: no meeting, or two, that day
            continue
        if meeting_key not in ctx.meetings:
            batch.flag(rows.record(j), "kind", "p.unknown_meeting_kind", branch=cell, date=on)
            continue
        member = ctx.members.get(code)
        if member is None:
            batch.flag(rows.record(j), "member_code", "p.unknown_member")
            continue
        if (member["branch_code"] != cell
                or (member.get("joined_on") and member["joined_on"] > on)
                or (member.get("left_on") and member["left_on"] < on)):
            batch.flag(rows.record(j), "member_code", "p.member_not_in_branch", branch=cell, date=on)
            continue
        listed[meeting_key][code] = excused
        first_absence.setdefault(meeting_key, j)
    for meeting_key, j in first_absence.items():
        meeting = ctx.meetings[meeting_key]
        excused = sum(1 for v in listed[meeting_key].values() if v)
        unexcused = sum(1 for v in listed[meeting_key].values() if not v)
        if (excused, unexcused) != (meeting["absent_excused"] or 0, meeting["absent_unexcused"] or 0):
            batch.flag(rows.record(j), "held_on", "p.absences_mismatch", listed_excused=excused,
                       listed_unexcused=unexcused, excused=meeting["absent_excused"] or 0,
                       unexcused=meeting["absent_unexcused"] or 0)
