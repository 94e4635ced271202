"""Uptake of a resolution: the resolution exists; the unit is a cell or the Đảng ủy; the study
session is not before the resolution was received, and not attended by more members than the
unit had that day."""

from __future__ import annotations

from ...contract import COMMITTEE_CODE
from . import register


def members_on(ctx, unit: str, day) -> int:
    """Members of the unit (every member for the Đảng ủy) on that day."""
    return sum(1 for m in ctx.members.values()
               if (unit == COMMITTEE_CODE or m["branch_code"] == unit)
               and (m.get("joined_on") is None or m["joined_on"] <= day)
               and (m.get("left_on") is None or m["left_on"] >= day))


@register("thuc_hien_nghi_quyet")
def check(batch, ctx) -> None:
    for r in batch.rows("thuc_hien_nghi_quyet"):
        unit = r["branch_code"]
        if unit != COMMITTEE_CODE and unit not in ctx.cells:
            batch.flag(r, "branch_code", "p.unknown_branch")
            continue
        received = ctx.resolutions.get(r["doc_number"])
        if received is None:
            batch.flag(r, "doc_number", "p.unknown_resolution")
            continue
        if r["studied_on"] and r["studied_on"] < received:
            batch.flag(r, "studied_on", "p.studied_before_received", other=received, doc=r["doc_number"])
        if r["attended"] is not None and r["studied_on"]:
            members = members_on(ctx, unit, r["studied_on"])
            if r["attended"] > members:
                batch.flag(r, "attended", "p.attended_above_members", limit=members, unit=unit,
                           date=r["studied_on"])
