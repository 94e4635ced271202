"""The year-end review page's larger parts: the planner (data editors, quota, checks) and the
writes (proposals, decisions) through the upload's path."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pandas as pd
import streamlit as st

from .. import auth, entry, fmt, review, rules, settings, yearend
from .context import PageContext, db_path
from .login import audit_event
from .widgets import findings_table, plain, user_errors

FLASH = "_yearend_flash"
LEVELS = ("HTXSNV", "HTTNV", "HTNV", "KHTNV")
NO_LEVEL = "—"


def editor(ctx: PageContext, plan: pd.DataFrame, key: str, names: dict[str, str], label_key: str) -> pd.DataFrame:
    """A data editor over a plan: only the proposed level can change; returns the plan as edited."""
    # A missing level is shown as "—" (the grid would write "None"); "—" chosen means no level.
    def text(levels: pd.Series) -> list[str]:
        return [NO_LEVEL if pd.isna(v) or v == "" else str(v) for v in levels.tolist()]

    # The editable level next to the subject: on a phone it is on screen without scrolling the table.
    shown = pd.DataFrame({"subject": [names.get(c, c) for c in plan["subject_code"].tolist()],
                          "level": text(plan["level"]), "self_level": text(plan["self_level"]),
                          "decided_level": text(plan["decided_level"])})
    edited = st.data_editor(
        shown, key=key, hide_index=True, width="stretch", num_rows="fixed",
        disabled=["subject", "self_level", "decided_level"],
        column_config={
            "subject": st.column_config.TextColumn(ctx.t(label_key)),
            "self_level": st.column_config.TextColumn(ctx.t("yearend.col.self")),
            "level": st.column_config.SelectboxColumn(ctx.t("yearend.col.plan"), options=[NO_LEVEL, *LEVELS]),
            "decided_level": st.column_config.TextColumn(ctx.t("yearend.col.decision")),
        })
    return plan.assign(level=[None if pd.isna(v) or v == NO_LEVEL else str(v) for v in edited["level"]])


def _quota_line(ctx: PageContext, count: yearend.QuotaCount, quota: rules.QuotaSettings, what: str) -> str:
    return ctx.t("yearend.quota.line", what=what, excellent=count.excellent, allowed=count.allowed,
                 share=fmt.fmt_percent(count.share, ctx.lang), base=count.base,
                 base_level=ctx.t(f"quota.base.{quota.base}"),
                 raw=fmt.fmt_number(count.raw, 1, ctx.lang).removesuffix(",0").removesuffix(".0"),
                 rounding=ctx.t(f"quota.rounding.{quota.rounding}"),
                 verdict=ctx.t("yearend.quota.over" if count.over else "yearend.quota.within"))


def quota(ctx: PageContext, cells: pd.DataFrame, members: pd.DataFrame, share: float | None) -> None:
    """The quota of the plan, recomputed on every edit: cells, members, and each cell raised."""
    if share is None:
        st.caption(ctx.t("yearend.quota.no_regime"))
        return
    settings = rules.QuotaSettings.from_settings()
    lines = [_quota_line(ctx, yearend.quota_count(cells["level"], share, settings), settings,
                         ctx.t("yearend.quota.cells"))]
    for cell, count in yearend.quota_count_by_pool(members, share, settings).items():
        what = ctx.t("yearend.quota.members") + (f" ({ctx.cell_name(cell)})" if cell else "")
        lines.append(_quota_line(ctx, count, settings, what))
    levels = dict(zip(cells["subject_code"], cells["level"]))
    for cell, count in yearend.if_raised(levels, share, settings).items():
        lines.append(ctx.t("yearend.quota.if_raised_over" if count.over else "yearend.quota.if_raised_within",
                           cell=ctx.cell_name(cell), allowed=count.allowed))
    st.markdown("\n".join(f"- {plain(line)}" for line in lines))


@st.cache_data(max_entries=64, show_spinner=False)
def _judged(db: str, version: int, year: int, key: str, scope: tuple | None, today, lang: str,
            _plan: pd.DataFrame, _names: dict[str, str]) -> pd.DataFrame:
    """``yearend.what_if`` (≈ 0,8 s on the sample) once per plan and data version: a rerun that
    changes nothing in the planner does not judge it again. ``key`` is a digest of the plan and
    of whether names are shown (Streamlit hashing the 60.000-row plan itself cost seconds a rerun
    at sector scale; the names follow the data version, part of the key)."""
    return yearend.what_if(Path(db), year, _plan, today, lang, scope=frozenset(scope) if scope is not None else None,
                           member_names=_names)


def checks(ctx: PageContext, year: int, plan: pd.DataFrame) -> None:
    """Every rating rule of the regime in force on the plan (written nowhere), with sources."""
    rated = plan.loc[review.given(plan["level"]),
                     ["subject_kind", "subject_code", "level"]].reset_index(drop=True)
    names_shown = ctx.user.can("names")
    digest = hashlib.sha256(pd.util.hash_pandas_object(rated.astype(str), index=False).to_numpy().tobytes())
    digest.update(b"names" if names_shown else b"")
    scope = tuple(sorted(ctx.user.scope)) if ctx.user.scope is not None else None
    try:
        with user_errors(ctx, expected=(yearend.ReadOnlyStore,)):
            found = _judged(str(db_path()), ctx.version, year, digest.hexdigest(), scope, ctx.today, ctx.lang, rated,
                            ctx.member_names() if names_shown else {})
    except yearend.ReadOnlyStore:
        st.info(ctx.t("yearend.checks.read_only"), icon=":material/info:")
        return
    findings_table(ctx, found, key="yearend_findings", with_year=False)


def _saved(ctx: PageContext, saved: entry.Saved, what: str) -> None:
    if saved.result is None:
        st.error(ctx.t("yearend.write.refused"), icon=":material/block:")
        for problem in saved.batch.errors[:20]:
            st.caption(plain(problem.message(ctx.lang)))
        return
    upload_id = saved.result.upload_id
    audit_event(ctx, "upload", {"upload_id": upload_id, "entry": what})
    st.session_state[FLASH] = (ctx.t("yearend.write.ok", id=upload_id) if upload_id is not None
                               else ctx.t("yearend.write.unchanged"))
    st.rerun()


def write(ctx: PageContext, year: int, plan: pd.DataFrame) -> None:
    """Save the plan as the cells' proposals (who may upload) or record it as the decisions
    (administrators). Both go through the upload's checks and land in the history."""
    if settings.get("DASHBOARD_READ_ONLY"):
        st.info(ctx.t("upload.read_only"), icon=":material/lock:")
        return
    left, right = st.columns(2)
    actions = []
    if ctx.user.can("upload"):
        actions.append((left, "save", "yearend.write.save", entry.save_proposals, "proposals"))
    if ctx.user.can("decide"):
        actions.append((right, "decide", "yearend.write.decide", entry.record_decisions, "decisions"))
    if not actions:
        st.caption(ctx.t("yearend.write.view_only"))
        return
    for column, key, label, save, what in actions:
        if column.button(ctx.t(label), key=f"yearend_{key}", type="primary" if key == "save" else "secondary",
                         icon=":material/save:" if key == "save" else ":material/gavel:"):
            try:
                with user_errors(ctx, expected=(auth.PermissionDenied,)):
                    saved = save(db_path(), year, plan, ctx.user, ctx.today, ctx.lang)
            except auth.PermissionDenied:
                audit_event(ctx, "upload_rejected", {"entry": what, "reason": "scope"})
                st.error(ctx.t("auth.denied_scope"), icon=":material/block:")
                return
            _saved(ctx, saved, what)
