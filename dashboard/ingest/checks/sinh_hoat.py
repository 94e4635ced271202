"""Meetings: the cell exists; present, excused, unexcused and exempt add up to the members."""

from __future__ import annotations

from . import register


@register("sinh_hoat")
def check(batch, ctx) -> None:
    for r in batch.rows("sinh_hoat"):
        if r["branch_code"] not in ctx.cells:
            batch.flag(r, "branch_code", "p.unknown_branch")
        parts = (r["present"], r["absent_excused"] or 0, r["absent_unexcused"] or 0, r["members_exempt"] or 0)
        if sum(parts) != r["members_total"]:
            batch.flag(r, "present", "p.counts_mismatch", value=r["present"], present=parts[0],
                       excused=parts[1], unexcused=parts[2], exempt=parts[3], sum=sum(parts),
                       total=r["members_total"])
