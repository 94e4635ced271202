"""Tải dữ liệu lên: download the template, upload files, preview everything, then confirm."""

import hashlib

import pandas as pd
import streamlit as st

from dashboard import export, ingest, settings, store, template, ui

ctx = ui.page_setup("upload")
st.write(ctx.t("upload.intro"))

st.download_button(
    ctx.t("upload.template"), key="template_download", icon=":material/download:",
    on_click=ui.audit_export, args=(ctx, template.TEMPLATE_NAME),
    data=template.build(ctx.query("template.branches"), ctx.query("template.criteria"),
                        ctx.query("reference.enum_labels"), ctx.lang),
    file_name=template.TEMPLATE_NAME,
    mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")

if settings.get("DASHBOARD_READ_ONLY"):
    st.info(ctx.t("upload.read_only"), icon=":material/lock:")
    st.stop()
if not ctx.user.can("upload"):
    st.info(ctx.t("auth.denied"), icon=":material/lock:")
    st.stop()

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
signature = tuple((name, hashlib.sha256(data).hexdigest()) for name, data in payload)
if st.session_state.get("_upload_signature") != (signature, ctx.version):
    # Validate once per set of files and data version, not on every rerun.
    with ui.user_errors(ctx):
        st.session_state["_upload_batch"] = ingest.prepare(
            payload, store.cursor(ui.db_path()), today=ctx.today,
            max_bytes=limit_mb * 1024 * 1024, max_rows=settings.get("DASHBOARD_MAX_ROWS"), user=ctx.user)
    st.session_state["_upload_signature"] = (signature, ctx.version)
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
        mapping = pd.DataFrame(
            [(header, f"{data.sheet.column(col).header} ({col})" if col else ctx.t("upload.ignored"))
             for _, header, col in data.columns],
            columns=[ctx.t("upload.header_written"), ctx.t("upload.header_understood")])
        st.dataframe(mapping, hide_index=True, width="stretch")
        sample = [{data.sheet.column(c).header: r.get(c) for c in data.sheet.column_names}
                  for r in data.records[:5]]
        if sample:
            st.caption(ctx.t("upload.sample_rows"))
            st.dataframe(pd.DataFrame(sample).astype(str).replace({"None": "", "NaT": ""}),
                         hide_index=True, width="stretch")

if batch.problems:
    errors, warnings = len(batch.errors), len(batch.warnings)
    st.subheader(ctx.t("upload.problems_count", errors=errors, warnings=warnings))
    shown = batch.problems[:300]
    st.dataframe(pd.DataFrame([{
        ctx.t("col.severity"): ctx.t("severity." + p.severity), ctx.t("col.message"): p.message(ctx.lang),
    } for p in shown]), hide_index=True, width="stretch")
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
    with ui.user_errors(ctx):
        result = ingest.commit(batch, who=ctx.user.name, source="page", path=ui.db_path(), user=ctx.user)
    ui.audit_event(ctx, "upload", {"upload_id": result.upload_id, "files": [f["name"] for f in batch.files]})
    st.session_state.pop("_upload_signature", None)
    st.session_state["_upload_flash"] = (ctx.t("upload.ok", id=result.upload_id) if result.changed_anything
                                         else ctx.t("upload.unchanged"))
    st.session_state.pop("upload_files", None)
    st.rerun()
