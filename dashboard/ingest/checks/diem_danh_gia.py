"""Scores: the cell exists; the criterion is in the set in force for the period; 0 ≤ score ≤ its maximum."""

from __future__ import annotations

from ...periods import parse_period
from . import register


def _in_force(starts: dict, period: str):
    """The criteria set in force for a period: the latest one starting on or before it."""
    period_start = parse_period(period).start
    return max((vf for vf, start in starts.items() if start <= period_start), key=lambda vf: starts[vf], default=None)


@register("diem_danh_gia")
def check(batch, ctx) -> None:
    rows = batch.table("diem_danh_gia")
    codes = {code for code, _ in ctx.criteria}
    in_force: dict[str, object] = {}   # period → its criteria set (a sheet has few periods)
    for j, (cell, period, code, score) in enumerate(rows.columns("branch_code", "period", "criterion_code", "score")):
        if cell not in ctx.cells:
            batch.flag(rows.record(j), "branch_code", "p.unknown_branch")
        if period not in in_force:
            in_force[period] = _in_force(ctx.set_starts, period)
        criterion = ctx.criteria.get((code, in_force[period]))
        if criterion is None:
            if code in codes:
                batch.flag(rows.record(j), "criterion_code", "p.criterion_not_in_period", period=period)
            else:
                batch.flag(rows.record(j), "criterion_code", "p.unknown_criterion")
        elif score > criterion["max_points"] + 1e-9:
            batch.flag(rows.record(j), "score", "p.score_above_criterion", limit=criterion["max_points"],
                       criterion=code)
