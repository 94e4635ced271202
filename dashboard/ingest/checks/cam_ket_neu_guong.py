"""Commitments to set an example: the member exists."""

from __future__ import annotations

from . import register


@register("cam_ket_neu_guong")
def check(batch, ctx) -> None:
    for r in batch.rows("cam_ket_neu_guong"):
        if r["member_code"] not in ctx.members:
            batch.flag(r, "member_code", "p.unknown_member")
