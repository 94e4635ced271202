"""Lịch sử tải lên: every upload, newest first, and undo."""

import streamlit as st

from dashboard import auth, history as uploads, ingest, tables, ui

ctx = ui.page_setup("history")
st.caption(ctx.t("history.explain"))
flash = st.session_state.pop("_history_flash", None)
if flash:
    st.success(flash, icon=":material/check_circle:")

history = ctx.query("uploads.history")
if history.empty:
    st.info(ctx.t("history.empty"))
    st.stop()

# A user limited to some cells sees of each upload only what is his (rows, uploader, file name).
history = uploads.for_user(history, ctx.query("uploads.rows_in_cells") if ctx.user.scope is not None else None,
                           ctx.user, auth.load_users(), ctx.lang).assign(
    source_name=lambda h: [ctx.t(f"source.{s}") for s in h["source"]],
    state=lambda h: [ctx.t("history.undone") if u == u and u is not None else ctx.t("history.active")
                     for u in h["undone_at"]],
)
st.dataframe(
    tables.display(history, [
        ("upload_id", "col.upload_id", "int"), ("file_name", "col.file", "text"),
        ("uploaded_by", "col.who", "text"), ("uploaded_at", "col.when", "datetime"),
        ("source_name", "col.source", "text"), ("rows", "col.rows", "int"), ("state", "col.state", "text"),
    ], ctx.lang),
    hide_index=True, width="stretch")

if ctx.user.can("undo"):
    active = uploads.undoable(history, ctx.user)
    if not active.empty:
        choice = st.selectbox(ctx.t("undo.button"), options=list(active["upload_id"]),
                              format_func=lambda i: f"{i} — {active.set_index('upload_id').loc[i, 'file_name']}",
                              key="undo_choice")
        if st.button(ctx.t("undo.button"), key="undo_button"):
            try:
                with ui.user_errors(ctx, expected=(ingest.UndoRefused,)):
                    ingest.undo(int(choice), who=ctx.user.name, path=ui.db_path(), user=ctx.user)
                ui.audit_event(ctx, "undo", {"upload_id": int(choice)})
                st.session_state["_history_flash"] = ctx.t("undo.done", id=choice)
                st.rerun()
            except ingest.UndoRefused as refused:
                st.error(ctx.t(refused.key, **refused.params))

if ctx.user.can("audit"):
    st.subheader(ctx.t("audit.title"))
    trail = ctx.query_fresh("uploads.audit")   # logins and exports do not change the data version
    if not trail.empty:
        st.dataframe(tables.display(
            trail.assign(action_name=[ctx.t(f"audit.action.{a}") for a in trail["action"]]),
            [("happened_at", "col.when", "datetime"), ("user_name", "col.who", "text"),
             ("action_name", "col.action", "text"), ("detail", "col.detail", "text")], ctx.lang),
            hide_index=True, width="stretch", key="audit_table")
