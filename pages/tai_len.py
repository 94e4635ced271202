"""Tải dữ liệu lên: download the template, upload files, preview everything, then confirm."""

import streamlit as st

from dashboard import settings, template, ui

ctx = ui.page_setup("upload")
st.write(ctx.t("upload.intro"))
if settings.get("DASHBOARD_READ_ONLY"):
    st.info(ctx.t("upload.read_only"), icon=":material/lock:")
    st.stop()
if not ctx.user.can("upload"):
    st.info(ctx.t("auth.denied"), icon=":material/lock:")
    st.stop()

# ---- the template is for those who upload; the secretaries' names in it for administrators only.
# The workbook is written when the button is clicked, not on every run (2.000 cells: ~40 ms).
branches, criteria, enum_labels = (ctx.query("template.branches"), ctx.query("template.criteria"),
                                   ctx.query("reference.enum_labels"))
st.download_button(
    ctx.t("upload.template"), key="template_download", icon=":material/download:", on_click="ignore",
    data=ui.downloads.audited(ctx, template.TEMPLATE_NAME, lambda: template.build(
        branches, criteria, enum_labels, ctx.lang, with_names=ctx.user.can("names"),
        with_criteria_rows=ctx.user.scope is None)),
    file_name=template.TEMPLATE_NAME, mime=ui.uploads.XLSX_MIME)

# ---- the files, checked once, previewed, then written on confirmation
limit_mb = ui.uploads.upload_limit_mb()
st.caption(ctx.t("upload.help", limit=limit_mb))
files = st.file_uploader(ctx.t("upload.files"), type=["xlsx", "xls", "csv", "txt", "tsv"],
                         accept_multiple_files=True, key=ui.uploads.FILES, max_upload_size=limit_mb)
flash = st.session_state.pop(ui.uploads.FLASH, None)
if flash:
    st.success(flash, icon=":material/check_circle:")
if not files:
    st.stop()
batch = ui.uploads.prepared(ctx, files)
ui.uploads.preview(ctx, batch)
ui.uploads.problems(ctx, batch)
if not batch.ok:
    st.error(ctx.t("upload.has_errors", n=len(batch.errors)), icon=":material/block:")
    st.stop()
if not any(d.counts.get("new") or d.counts.get("changed") for d in batch.sheets.values()):
    st.info(ctx.t("upload.unchanged"), icon=":material/info:")
    st.stop()
ui.uploads.confirm(ctx, batch)
