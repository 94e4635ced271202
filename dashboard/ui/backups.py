"""Backup and restore on the history page, for administrators only (``dashboard.backup`` does the work).

Backup: a button takes a consistent copy of the running store (one read snapshot), then offers
it for download; the download is recorded in the audit trail. Restore: the uploaded file is
checked first, as the restore itself will check it, and nothing changes unless it is a sound
backup of this dashboard and the administrator confirms; the current store is kept until the
restored copy is verified, then swapped in (and kept beside it as a .bak file).
"""

from __future__ import annotations

import datetime as dt
import hashlib

import streamlit as st

from .. import backup, fmt, settings, store
from .context import PageContext, clear_query_cache, db_path
from .downloads import audited
from .login import audit_event
from .widgets import plain

MADE, CHECKED, FLASH, GENERATION = "_backup_made", "_backup_checked", "_backup_flash", "_restore_generation"


def allowed(ctx: PageContext) -> bool:
    """Administrators of every cell, of a store that may be written: a backup holds every cell's
    data and a restore replaces every cell's (and the audit trail), so an administrator limited
    to some cells has neither."""
    return ctx.user.can("backup") and ctx.user.scope is None and not settings.get("DASHBOARD_READ_ONLY")


def section(ctx: PageContext) -> None:
    """The page's “Sao lưu và khôi phục” block; nothing at all for anyone else."""
    if not allowed(ctx):
        return
    st.subheader(ctx.t("backup.ui.title"))
    st.caption(ctx.t("backup.ui.explain"))
    flash = st.session_state.pop(FLASH, None)
    if flash:
        st.success(flash, icon=":material/check_circle:")
    left, right = st.columns(2, gap="large")
    with left:
        _backup(ctx)
    with right:
        _restore(ctx)


def _backup(ctx: PageContext) -> None:
    if st.button(ctx.t("backup.ui.make"), key="backup_make", icon=":material/backup:"):
        try:
            data, outcome = backup.backup_bytes(db_path(), who=ctx.user.name)
        except (backup.Refused, store.DatabaseBusy) as refused:
            st.error(refused.message(ctx.lang) if isinstance(refused, backup.Refused)
                     else ctx.t("backup.busy", db=db_path().name))
            return
        stamp = dt.datetime.now().strftime("%d-%m-%Y-%H%M")
        st.session_state[MADE] = (data, f"sao-luu-ngay-{stamp}.duckdb", outcome.tables, outcome.rows)
    made = st.session_state.get(MADE)
    if made:
        data, name, tables, rows = made
        st.caption(ctx.t("backup.ui.ready", tables=tables, rows=fmt.count_text(rows, ctx.lang)))
        st.download_button(ctx.t("backup.ui.download"), key="backup_download", icon=":material/download:",
                           data=audited(ctx, name, lambda: data, "backup", {"tables": tables, "rows": rows}),
                           file_name=name,
                           mime="application/octet-stream", on_click="ignore")


def _restore(ctx: PageContext) -> None:
    # A new generation of the uploader forgets the file once it is restored.
    upload = st.file_uploader(ctx.t("backup.ui.file"), type=["duckdb"],
                              key=f"restore_file_{st.session_state.get(GENERATION, 0)}")
    if upload is None:
        return
    limit = int(st.get_option("server.maxUploadSize"))
    if upload.size > limit * 1024 * 1024:
        st.error(ctx.t("backup.ui.too_big", file=plain(upload.name), size=upload.size // (1024 * 1024), limit=limit))
        return
    data = upload.getvalue()
    digest = hashlib.sha256(data).hexdigest()
    checked = st.session_state.get(CHECKED)
    if not checked or checked[0] != digest:      # checked once per file, as the restore will check it
        try:
            checked = (digest, *backup.verify_bytes(data, upload.name), None)
        except backup.Refused as refused:
            checked = (digest, 0, 0, refused.message(ctx.lang))
        st.session_state[CHECKED] = checked
    _, tables, rows, refusal = checked
    if refusal:
        st.error(plain(refusal), icon=":material/block:")
        return
    st.info(plain(ctx.t("backup.ui.checked", file=upload.name, tables=tables, rows=fmt.count_text(rows, ctx.lang))),
            icon=":material/verified:")
    sure = st.checkbox(ctx.t("backup.ui.confirm"), key="restore_sure")
    if st.button(ctx.t("backup.ui.restore"), key="restore_button", type="primary", disabled=not sure,
                 icon=":material/settings_backup_restore:"):
        try:
            outcome = backup.restore_bytes(data, db_path(), upload.name)
        except backup.Refused as refused:
            st.error(plain(refused.message(ctx.lang)), icon=":material/block:")
            return
        except store.DatabaseBusy:
            st.error(ctx.t("restore.busy", db=db_path().name))
            return
        audit_event(ctx, "restore", {"file": upload.name, "tables": outcome.tables, "rows": outcome.rows,
                                     "previous": outcome.previous.name if outcome.previous else None,
                                     "source": "page"})
        st.session_state.pop(CHECKED, None)
        st.session_state[GENERATION] = st.session_state.get(GENERATION, 0) + 1
        st.session_state[FLASH] = ctx.t("backup.ui.restored", file=upload.name, tables=outcome.tables,
                                        rows=fmt.count_text(outcome.rows, ctx.lang),
                                        previous=outcome.previous.name if outcome.previous else "—")
        st.cache_data.clear()
        clear_query_cache()
        st.rerun()


__all__ = ["allowed", "section"]
