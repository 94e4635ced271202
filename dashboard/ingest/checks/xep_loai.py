"""Ratings: the subject exists; the discipline form fits the subject and the flag; a member
disciplined in the year is not rated above what the regime of the year allows."""

from __future__ import annotations

from ... import i18n
from ..spellings import fold_role
from . import register


@register("xep_loai")
def check(batch, ctx) -> None:
    ref, members = ctx.ref, ctx.members
    for r in batch.rows("xep_loai"):
        if r["subject_kind"] == "chi_bo":
            if r["subject_code"] not in ctx.cells:
                batch.flag(r, "subject_code", "p.unknown_branch")
            subject = "organisation"
        else:
            member = members.get(r["subject_code"])
            if member is None:
                batch.flag(r, "subject_code", "p.unknown_member")
            subject = "probationary" if member and member.get("kind") == "du_bi" else "official"
        form = r["discipline_form"]
        if r["disciplined"] and not form:
            batch.flag(r, "discipline_form", "p.discipline_form_missing", value="")
        if form and not r["disciplined"]:
            batch.flag(r, "disciplined", "p.discipline_without_flag", value=form, severity="warning")
        if form and (form, subject) not in ref.discipline_forms:
            batch.flag(r, "discipline_form", "p.discipline_form_not_allowed",
                       subject=i18n.t(f"subject.{subject}"))
        elif form == "cach_chuc" and subject != "organisation":
            role = fold_role((members.get(r["subject_code"]) or {}).get("party_role"))
            if role in ("", "dang_vien"):
                batch.flag(r, "discipline_form", "p.cach_chuc_without_post", severity="warning")
        if r["disciplined"] and r["subject_kind"] == "dang_vien" and r["year"] in ref.disciplined_caps:
            # The best level the regime of the year allows a disciplined member; HTTNV or better is
            # never allowed (an error), a level between (HTNV where only KHTNV is allowed) a warning.
            source, best = ref.disciplined_caps[r["year"]]
            order = ref.level_order.get(r["level"], 9)
            if order < best:
                limit = next(code for code, o in ref.level_order.items() if o == best)
                batch.flag(r, "level", "p.disciplined_rated_high", limit=limit, regime=source,
                           severity="error" if order <= ref.level_order.get("HTTNV", 2) else "warning")
