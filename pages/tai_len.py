"""Tải dữ liệu lên: upload a workbook or CSV files, preview, then confirm."""

import streamlit as st

from dashboard import ingest, settings, store, ui

ctx = ui.page_setup("upload")
st.write(ctx.t("upload.intro"))

if settings.get("DASHBOARD_READ_ONLY") or not ctx.user.can("upload"):
    st.info(ctx.t("upload.read_only"), icon=":material/lock:")
    st.stop()

files = st.file_uploader(ctx.t("upload.files"), type=["xlsx", "xls", "csv", "txt", "tsv"],
                         accept_multiple_files=True, key="upload_files")
if not files:
    st.stop()

payload = [(f.name, f.getvalue()) for f in files]
signature = tuple((name, len(data), hash(data)) for name, data in payload)
if st.session_state.get("_upload_signature") != signature:
    st.session_state["_upload_signature"] = signature
    st.session_state["_upload_batch"] = ingest.prepare(
        payload, store.cursor(ui.db_path()), today=ctx.today,
        max_bytes=settings.get("DASHBOARD_MAX_UPLOAD_MB") * 1024 * 1024,
        max_rows=settings.get("DASHBOARD_MAX_ROWS"))
batch = st.session_state["_upload_batch"]

st.subheader(ctx.t("upload.preview"))
for name, data in batch.sheets.items():
    if data.counts:
        st.write(ctx.t("upload.sheet_summary", sheet=", ".join(dict.fromkeys(data.labels)),
                       rows=sum(data.counts.values()), new=data.counts["new"],
                       changed=data.counts["changed"], same=data.counts["same"]))

if batch.problems:
    st.subheader(ctx.t("upload.problems"))
    for problem in batch.problems[:200]:
        text = problem.message(ctx.lang)
        if problem.severity == "error":
            st.error(text, icon=":material/error:")
        else:
            st.warning(text, icon=":material/warning:")

if not batch.ok:
    st.error(ctx.t("upload.has_errors", n=len(batch.errors)))
    st.stop()

if st.button(ctx.t("upload.confirm"), type="primary", key="upload_confirm"):
    result = ingest.commit(batch, who=ctx.user.name, source="page", path=ui.db_path())
    st.session_state.pop("_upload_signature", None)
    if result.changed_anything:
        st.success(ctx.t("upload.ok", id=result.upload_id))
    else:
        st.info(ctx.t("upload.unchanged"))
