"""Committee meetings: the cell exists; no more present than the committee has members."""

from __future__ import annotations

from . import register


@register("sinh_hoat_cap_uy")
def check(batch, ctx) -> None:
    for r in batch.rows("sinh_hoat_cap_uy"):
        if r["branch_code"] not in ctx.cells:
            batch.flag(r, "branch_code", "p.unknown_branch")
        if r["present"] > r["committee_size"]:
            batch.flag(r, "present", "p.present_above_size", limit=r["committee_size"])
