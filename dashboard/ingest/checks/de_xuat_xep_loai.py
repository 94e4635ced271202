"""Rating proposals (the year-end review): the subject exists, as for a decided rating.

The rules of the regime (quota, caps, discipline) are not refusals here: a proposal that breaks
one is what the review is for, and the year-end page judges it before the Đảng ủy decides.
"""

from __future__ import annotations

from . import register


@register("de_xuat_xep_loai")
def check(batch, ctx) -> None:
    for r in batch.rows("de_xuat_xep_loai"):
        if r["subject_kind"] == "chi_bo":
            if r["subject_code"] not in ctx.cells:
                batch.flag(r, "subject_code", "p.unknown_branch")
        elif r["subject_code"] not in ctx.members:
            batch.flag(r, "subject_code", "p.unknown_member")
