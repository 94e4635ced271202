"""Members: their cell exists; they leave a cell no earlier than they joined it."""

from __future__ import annotations

from . import register


@register("dang_vien")
def check(batch, ctx) -> None:
    for r in batch.rows("dang_vien"):
        if r["branch_code"] not in ctx.cells:
            batch.flag(r, "branch_code", "p.unknown_branch")
        if r["left_on"] and r["joined_on"] and r["left_on"] < r["joined_on"]:
            batch.flag(r, "left_on", "p.left_before_joined", other=r["joined_on"])
