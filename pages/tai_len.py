"""Tải dữ liệu lên: download the template, upload files, preview everything, then confirm."""

import hashlib

import pandas as pd
import streamlit as st

from dashboard import auth, export, ingest, settings, store, tables, template, ui

ctx = ui.page_setup("upload")
st.write(ctx.t("upload.intro"))

if settings.get("DASHBOARD_READ_ONLY"):
    st.info(ctx.t("upload.read_only"), icon=":material/lock:")
    st.stop()
if not ctx.user.can("upload"):
    st.info(ctx.t("auth.denied"), icon=":material/lock:")
    st.stop()

# The template is for those who upload; the secretaries' names in it for administrators only.
st.download_button(
    ctx.t("upload.template"), key="template_download", icon=":material/download:",
    on_click=ui.audit_export, args=(ctx, template.TEMPLATE_NAME),
    data=template.build(ctx.query("template.branches"), ctx.query("template.criteria"),
                        ctx.query("reference.enum_labels"), ctx.lang, with_names=ctx.user.can("names"),
                        with_criteria_rows=ctx.user.scope is None),
    file_name=template.TEMPLATE_NAME,
    mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")

limit_mb = settings.get("DASHBOARD_MAX_UPLOAD_MB")
st.caption(ctx.t("upload.help", limit=limit_mb))
files = st.file_uploader(ctx.t("upload.files"), type=["xlsx", "xls", "csv", "txt", "tsv"],
                         accept_multiple_files=True, key="upload_files")

flash = st.session_state.pop("_upload_flash", None)
if flash:
    st.success(flash, icon=":material/check_circle:")
if not files:
    st.stop()

payload = [(f.name, f.getvalue()) for f in files]
# A prepared upload belongs to the user and scope that prepared it: the same files from
# another user (or the same user with other cells) are validated again.
owner = (ctx.user.name, tuple(sorted(ctx.user.scope)) if ctx.user.scope is not None else None)
signature = (owner, tuple((name, hashlib.sha256(data).hexdigest()) for name, data in payload), ctx.version)
if st.session_state.get("_upload_signature") != signature:
    # Validate once per set of files, user and data version, not on every rerun.
    st.session_state.pop("_upload_batch", None)
    with ui.user_errors(ctx):
        st.session_state["_upload_batch"] = ingest.prepare(
            payload, store.cursor(ui.db_path()), today=ctx.today,
            max_bytes=limit_mb * 1024 * 1024, max_rows=settings.get("DASHBOARD_MAX_ROWS"), user=ctx.user)
    st.session_state["_upload_signature"] = signature
    batch = st.session_state["_upload_batch"]
    if not batch.ok:
        ui.audit_event(ctx, "upload_rejected", {"files": [f["name"] for f in batch.files],
                                               "errors": len(batch.errors)})
batch = st.session_state["_upload_batch"]

st.subheader(ctx.t("upload.preview"))
for name, data in batch.sheets.items():
    if data.counts:
        st.markdown("- " + ui.plain(ctx.t("upload.sheet_summary", sheet=", ".join(dict.fromkeys(data.labels)),
                                          rows=sum(data.counts.values()), new=data.counts["new"],
                                          changed=data.counts["changed"], same=data.counts["same"])))
for name, data in batch.sheets.items():
    title = ", ".join(dict.fromkeys(data.labels))
    with st.expander(ui.plain(ctx.t("upload.sheet_detail", sheet=title, table=data.sheet.name))):
        # Every cell of the preview is the uploader's own text: neutralised like every other table.
        mapping = tables.plain_text(pd.DataFrame(
            [(header, f"{data.sheet.column(col).header} ({col})" if col else ctx.t("upload.ignored"))
             for _, header, col in data.columns],
            columns=[ctx.t("upload.header_written"), ctx.t("upload.header_understood")]))
        st.dataframe(mapping, hide_index=True, width="stretch")
        sample = [{data.sheet.column(c).header: r.get(c) for c in data.sheet.column_names}
                  for r in data.records[:5]]
        if sample:
            st.caption(ctx.t("upload.sample_rows"))
            st.dataframe(tables.plain_text(pd.DataFrame(sample)), hide_index=True, width="stretch")

if batch.problems:
    errors, warnings = len(batch.errors), len(batch.warnings)
    st.subheader(ctx.t("upload.problems_count", errors=errors, warnings=warnings))
    shown = batch.problems[:300]
    st.dataframe(tables.plain_text(pd.DataFrame([{
        ctx.t("col.severity"): ctx.t("severity." + p.severity), ctx.t("col.message"): p.message(ctx.lang),
    } for p in shown])), hide_index=True, width="stretch")
    if len(batch.problems) > len(shown):
        st.caption(ctx.t("upload.more_problems", n=len(batch.problems) - len(shown)))
    st.download_button(ctx.t("upload.download_problems"), key="problems_download", icon=":material/download:",
                       on_click=ui.audit_export, args=(ctx, "loi-tai-len.xlsx"),
                       data=export.problems_workbook(batch, ctx.lang), file_name="loi-tai-len.xlsx",
                       mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")

if not batch.ok:
    st.error(ctx.t("upload.has_errors", n=len(batch.errors)), icon=":material/block:")
    st.stop()

if not any(d.counts.get("new") or d.counts.get("changed") for d in batch.sheets.values()):
    st.info(ctx.t("upload.unchanged"), icon=":material/info:")
    st.stop()

if st.button(ctx.t("upload.confirm"), type="primary", key="upload_confirm", icon=":material/save:"):
    try:
        with ui.user_errors(ctx, expected=(auth.PermissionDenied,)):
            result = ingest.commit(batch, who=ctx.user.name, source="page", path=ui.db_path(), user=ctx.user)
    except auth.PermissionDenied:
        ui.audit_event(ctx, "upload_rejected", {"files": [f["name"] for f in batch.files], "reason": "scope"})
        st.session_state.pop("_upload_signature", None)
        st.error(ctx.t("auth.denied_scope"), icon=":material/block:")
        st.stop()
    ui.audit_event(ctx, "upload", {"upload_id": result.upload_id, "files": [f["name"] for f in batch.files]})
    st.session_state.pop("_upload_signature", None)
    st.session_state["_upload_flash"] = (ctx.t("upload.ok", id=result.upload_id) if result.changed_anything
                                         else ctx.t("upload.unchanged"))
    st.session_state.pop("upload_files", None)
    st.rerun()
