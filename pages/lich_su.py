"""Lịch sử tải lên: every upload, newest first, and undo; for administrators, backup and restore."""

import streamlit as st

from dashboard import ui

ctx = ui.page_setup("history")
st.caption(ctx.t("history.explain"))
flash = st.session_state.pop(ui.history.FLASH, None)
if flash:
    st.success(flash, icon=":material/check_circle:")

# ---- data: the uploads as this user may see them
uploads = ui.history.uploads(ctx)
if uploads.empty:
    st.info(ctx.t("history.empty"))
    ui.backups.section(ctx)      # a fresh store is where a restore is most needed
    st.stop()

# ---- the list, undo, backup and restore, the audit trail
ui.table(ctx, uploads, [
    ("upload_id", "col.upload_id", "int"), ("file_name", "col.file", "text"),
    ("uploaded_by", "col.who", "text"), ("uploaded_at", "col.when", "datetime"),
    ("source_name", "col.source", "text"), ("rows", "col.rows", "int"), ("state", "col.state", "text"),
], what=ctx.t("history.file"), key="uploads_table", title=ctx.t("page.history"), period=None)
ui.history.undo_control(ctx, uploads)
ui.backups.section(ctx)
ui.history.audit_trail(ctx)
