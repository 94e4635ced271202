"""The upload page's workings: validating once per set of files, the preview, the problems, and
the confirmation that writes.

A prepared upload belongs to the user and scope that prepared it: the same files from another
user (or the same user with other cells) are validated again; so does a change of the data.
"""

from __future__ import annotations

import hashlib
from functools import partial

import pandas as pd
import streamlit as st

from .. import auth, export, ingest, settings, store, tables
from . import warm
from .context import PageContext, db_path
from .downloads import audited
from .login import audit_event
from .widgets import plain, user_errors

BATCH, SIGNATURE, FLASH, FILES = "_upload_batch", "_upload_signature", "_upload_flash", "upload_files"
PROBLEMS_FILE = "loi-tai-len.xlsx"
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PROBLEMS_SHOWN = 300


def upload_limit_mb() -> int:
    """The largest file the upload page takes, in MB: ``DASHBOARD_MAX_UPLOAD_MB``, within what the
    server itself accepts (``server.maxUploadSize``: 20 MB in .streamlit/config.toml; ``make run``
    raises it to the setting), so that the page says, and the browser checks, the real limit."""
    return max(1, min(int(settings.get("DASHBOARD_MAX_UPLOAD_MB")), int(st.get_option("server.maxUploadSize"))))


def prepared(ctx: PageContext, files: list) -> ingest.Batch:
    """The files read and checked, once per (user, scope, files, data version), not on every rerun."""
    payload = [(f.name, f.getvalue()) for f in files]
    owner = (ctx.user.name, tuple(sorted(ctx.user.scope)) if ctx.user.scope is not None else None)
    signature = (owner, tuple((name, hashlib.sha256(data).hexdigest()) for name, data in payload), ctx.version)
    if st.session_state.get(SIGNATURE) != signature:
        st.session_state.pop(BATCH, None)
        with user_errors(ctx):
            st.session_state[BATCH] = ingest.prepare(
                payload, store.cursor(db_path()), today=ctx.today,
                max_bytes=settings.get("DASHBOARD_MAX_UPLOAD_MB") * 1024 * 1024,
                max_rows=settings.get("DASHBOARD_MAX_ROWS"), user=ctx.user)
        st.session_state[SIGNATURE] = signature
        batch = st.session_state[BATCH]
        if not batch.ok:
            audit_event(ctx, "upload_rejected", {"files": [f["name"] for f in batch.files],
                                                 "errors": len(batch.errors)})
    return st.session_state[BATCH]


def preview(ctx: PageContext, batch: ingest.Batch) -> None:
    """Each sheet: rows new, changed and unchanged; how each header was understood; the first rows."""
    st.subheader(ctx.t("upload.preview"))
    for data in batch.sheets.values():
        if data.counts:
            st.markdown("- " + plain(ctx.t("upload.sheet_summary", sheet=", ".join(dict.fromkeys(data.labels)),
                                           rows=sum(data.counts.values()), new=data.counts["new"],
                                           changed=data.counts["changed"], same=data.counts["same"])))
    for data in batch.sheets.values():
        title = ", ".join(dict.fromkeys(data.labels))
        with st.expander(plain(ctx.t("upload.sheet_detail", sheet=title, table=data.sheet.name))):
            # Every cell of the preview is the uploader's own text: neutralised like every other table.
            mapping = tables.plain_text(pd.DataFrame(
                [(header, f"{data.sheet.column(col).header} ({col})" if col else ctx.t("upload.ignored"))
                 for _, header, col in data.columns],
                columns=[ctx.t("upload.header_written"), ctx.t("upload.header_understood")]))
            st.dataframe(mapping, hide_index=True, width="stretch")
            sample = [{data.sheet.column(c).header: r.get(c) for c in data.sheet.column_names}
                      for r in data.head(5)]
            if sample:
                st.caption(ctx.t("upload.sample_rows"))
                st.dataframe(tables.plain_text(pd.DataFrame(sample)), hide_index=True, width="stretch")


def problems(ctx: PageContext, batch: ingest.Batch) -> None:
    """Every error and warning (the first few hundred on the page, all in the workbook to download)."""
    if not batch.problems:
        return
    st.subheader(ctx.t("upload.problems_count", errors=len(batch.errors), warnings=len(batch.warnings)))
    shown = batch.problems[:PROBLEMS_SHOWN]
    st.dataframe(tables.plain_text(pd.DataFrame([{
        ctx.t("col.severity"): ctx.t("severity." + p.severity), ctx.t("col.message"): p.message(ctx.lang),
    } for p in shown])), hide_index=True, width="stretch")
    if len(batch.problems) > len(shown):
        st.caption(ctx.t("upload.more_problems", n=len(batch.problems) - len(shown)))
    # Written on the click and recorded then; the click does not rerun the page, whose rerun would
    # retire the button's deferred file while the browser is still asking for it.
    st.download_button(ctx.t("upload.download_problems"), key="problems_download", icon=":material/download:",
                       on_click="ignore", data=audited(ctx, PROBLEMS_FILE, partial(export.problems_workbook, batch, ctx.lang)),
                       file_name=PROBLEMS_FILE, mime=XLSX_MIME)


def confirm(ctx: PageContext, batch: ingest.Batch) -> None:
    """The button that writes the upload (refused outside the user's cells), then a fresh page."""
    if not st.button(ctx.t("upload.confirm"), type="primary", key="upload_confirm", icon=":material/save:"):
        return
    files = [f["name"] for f in batch.files]
    try:
        with user_errors(ctx, expected=(auth.PermissionDenied,)):
            result = ingest.commit(batch, who=ctx.user.name, source="page", path=db_path(), user=ctx.user)
    except auth.PermissionDenied:
        audit_event(ctx, "upload_rejected", {"files": files, "reason": "scope"})
        st.session_state.pop(SIGNATURE, None)
        st.error(ctx.t("auth.denied_scope"), icon=":material/block:")
        st.stop()
    audit_event(ctx, "upload", {"upload_id": result.upload_id, "files": files})
    if result.changed_anything:
        warm.warm_in_background(db_path())   # the next reader of every page finds it computed
    st.session_state.pop(SIGNATURE, None)
    st.session_state[FLASH] = (ctx.t("upload.ok", id=result.upload_id) if result.changed_anything
                               else ctx.t("upload.unchanged"))
    st.session_state.pop(FILES, None)
    st.rerun()
