"""Scores: the cell exists; the criterion is in the set in force for the period; 0 ≤ score ≤ its maximum."""

from __future__ import annotations

from ...periods import parse_period
from . import register


@register("diem_danh_gia")
def check(batch, ctx) -> None:
    starts = ctx.set_starts
    for r in batch.rows("diem_danh_gia"):
        if r["branch_code"] not in ctx.cells:
            batch.flag(r, "branch_code", "p.unknown_branch")
        # The criteria set in force for the score's period: the latest one starting on or before it.
        period_start = parse_period(r["period"]).start
        in_force = max((vf for vf, start in starts.items() if start <= period_start),
                       key=lambda vf: starts[vf], default=None) if starts else None
        criterion = ctx.criteria.get((r["criterion_code"], in_force))
        if criterion is None:
            if any(code == r["criterion_code"] for code, _ in ctx.criteria):
                batch.flag(r, "criterion_code", "p.criterion_not_in_period", period=r["period"])
            else:
                batch.flag(r, "criterion_code", "p.unknown_criterion")
        elif r["score"] > criterion["max_points"] + 1e-9:
            batch.flag(r, "score", "p.score_above_criterion", limit=criterion["max_points"],
                       criterion=r["criterion_code"])
