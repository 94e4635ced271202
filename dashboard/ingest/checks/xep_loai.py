"""Ratings: the subject exists; the discipline form fits the subject and the flag; a member
disciplined in the year is not rated above what the regime of the year allows."""

from __future__ import annotations

from ... import i18n
from ..spellings import fold_role
from . import register


@register("xep_loai")
def check(batch, ctx) -> None:
    ref, members = ctx.ref, ctx.members
    rows = batch.table("xep_loai")
    for j, (kind, code, form, disciplined, year, level) in enumerate(rows.columns(
            "subject_kind", "subject_code", "discipline_form", "disciplined", "year", "level")):
        if kind == "chi_bo":
            if code not in ctx.cells:
                batch.flag(rows.record(j), "subject_code", "p.unknown_branch")
            subject = "organisation"
        else:
            member = members.get(code)
            if member is None:
                batch.flag(rows.record(j), "subject_code", "p.unknown_member")
            subject = "probationary" if member and member.get("kind") == "du_bi" else "official"
        if disciplined and not form:
            batch.flag(rows.record(j), "discipline_form", "p.discipline_form_missing", value="")
        if form and not disciplined:
            batch.flag(rows.record(j), "disciplined", "p.discipline_without_flag", value=form, severity="warning")
        if form and (form, subject) not in ref.discipline_forms:
            batch.flag(rows.record(j), "discipline_form", "p.discipline_form_not_allowed",
                       subject=i18n.t(f"subject.{subject}"))
        elif form == "cach_chuc" and subject != "organisation":
            role = fold_role((members.get(code) or {}).get("party_role"))
            if role in ("", "dang_vien"):
                batch.flag(rows.record(j), "discipline_form", "p.cach_chuc_without_post", severity="warning")
        if disciplined and kind == "dang_vien" and year in ref.disciplined_caps:
            # The best level the regime of the year allows a disciplined member; HTTNV or better is
            # never allowed (an error), a level between (HTNV where only KHTNV is allowed) a warning.
            source, best = ref.disciplined_caps[year]
            order = ref.level_order.get(level, 9)
            if order < best:
                limit = next(c for c, o in ref.level_order.items() if o == best)
                batch.flag(rows.record(j), "level", "p.disciplined_rated_high", limit=limit, regime=source,
                           severity="error" if order <= ref.level_order.get("HTTNV", 2) else "warning")
