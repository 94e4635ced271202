"""Resolutions: received not before issued; the plan not due before the resolution is received."""

from __future__ import annotations

from . import register


@register("nghi_quyet")
def check(batch, ctx) -> None:
    for r in batch.rows("nghi_quyet"):
        received = r["received_on"] or r["issued_on"]
        if r["received_on"] and r["received_on"] < r["issued_on"]:
            batch.flag(r, "received_on", "p.received_before_issued", other=r["issued_on"])
        elif r["plan_due_on"] and r["plan_due_on"] < received:
            batch.flag(r, "plan_due_on", "p.plan_due_before_received", other=received)
