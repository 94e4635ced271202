"""Criteria: the maxima of each group of a criteria set add up to the group's points (30, 70)."""

from __future__ import annotations

from collections import defaultdict

from ..batch import show
from . import register


@register("tieu_chi")
def check(batch, ctx) -> None:
    rows = batch.rows("tieu_chi")
    if not rows:
        return
    sums: dict[tuple, float] = defaultdict(float)
    for c in ctx.criteria.values():
        sums[(c["valid_from"], c["group"])] += c["max_points"]
    uploaded = {(r["valid_from"], r["group"]) for r in rows}
    first_row = {(r["valid_from"], r["group"]): r for r in reversed(rows)}
    for key in sorted(uploaded, key=str):
        total = ctx.ref.group_totals.get(key[1])
        if total is not None and abs(sums[key] - total) > 1e-9:
            batch.flag(first_row[key], "max_points", "p.criteria_group_total", value=key[1],
                       sum=show(sums[key]), limit=show(total))
