"""Actions: the cell exists (or is the Đảng ủy); the due date is not before the start."""

from __future__ import annotations

from ...contract import COMMITTEE_CODE
from . import register


@register("giai_phap")
def check(batch, ctx) -> None:
    for r in batch.rows("giai_phap"):
        if r["branch_code"] != COMMITTEE_CODE and r["branch_code"] not in ctx.cells:
            batch.flag(r, "branch_code", "p.unknown_branch")
        if r["starts_on"] and r["due_on"] < r["starts_on"]:
            batch.flag(r, "due_on", "p.due_before_start", other=r["starts_on"])
