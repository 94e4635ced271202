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
    for r in batch.rows("vang_sinh_hoat"):
        if r["kind"] is not None:
            continue
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
    first_absence: dict[tuple, dict] = {}
    for r in batch.rows("vang_sinh_hoat"):
        meeting_key = (r["branch_code"], r["held_on"], r["kind"])
        if r["branch_code"] not in ctx.cells:
            batch.flag(r, "branch_code", "p.unknown_branch")
            continue
        if r["kind"] is None:   # left blank and not resolved: no meeting, or two, that day
            continue
        if meeting_key not in ctx.meetings:
            batch.flag(r, "kind", "p.unknown_meeting_kind", branch=r["branch_code"], date=r["held_on"])
            continue
        member = ctx.members.get(r["member_code"])
        if member is None:
            batch.flag(r, "member_code", "p.unknown_member")
            continue
        on = r["held_on"]
        if (member["branch_code"] != r["branch_code"]
                or (member.get("joined_on") and member["joined_on"] > on)
                or (member.get("left_on") and member["left_on"] < on)):
            batch.flag(r, "member_code", "p.member_not_in_branch", branch=r["branch_code"], date=on)
            continue
        listed[meeting_key][r["member_code"]] = r["excused"]
        first_absence.setdefault(meeting_key, r)
    for meeting_key, r in first_absence.items():
        meeting = ctx.meetings[meeting_key]
        excused = sum(1 for v in listed[meeting_key].values() if v)
        unexcused = sum(1 for v in listed[meeting_key].values() if not v)
        if (excused, unexcused) != (meeting["absent_excused"] or 0, meeting["absent_unexcused"] or 0):
            batch.flag(r, "held_on", "p.absences_mismatch", listed_excused=excused,
                       listed_unexcused=unexcused, excused=meeting["absent_excused"] or 0,
                       unexcused=meeting["absent_unexcused"] or 0)
