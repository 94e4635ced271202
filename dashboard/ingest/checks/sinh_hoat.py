"""Meetings: the cell exists; present, excused, unexcused and exempt add up to the members."""

from __future__ import annotations

from . import register


@register("sinh_hoat")
def check(batch, ctx) -> None:
    rows = batch.table("sinh_hoat")
    for j, (cell, present, excused, unexcused, exempt, total) in enumerate(rows.columns(
            "branch_code", "present", "absent_excused", "absent_unexcused", "members_exempt", "members_total")):
        if cell not in ctx.cells:
            batch.flag(rows.record(j), "branch_code", "p.unknown_branch")
        parts = (present, excused or 0, unexcused or 0, exempt or 0)
        if sum(parts) != total:
            batch.flag(rows.record(j), "present", "p.counts_mismatch", value=present, present=parts[0],
                       excused=parts[1], unexcused=parts[2], exempt=parts[3], sum=sum(parts), total=total)
