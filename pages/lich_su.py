"""Lịch sử tải lên: every upload, newest first, and undo."""

import json

import streamlit as st

from dashboard import ingest, tables, ui

ctx = ui.page_setup("history")
st.caption(ctx.t("history.explain"))
flash = st.session_state.pop("_history_flash", None)
if flash:
    st.success(flash, icon=":material/check_circle:")

history = ctx.query("uploads.history")
if history.empty:
    st.info(ctx.t("history.empty"))
    st.stop()

history = history.assign(
    source_name=[ctx.t(f"source.{s}") for s in history["source"]],
    state=[ctx.t("history.undone") if u == u and u is not None else ctx.t("history.active")
           for u in history["undone_at"]],
    rows=[sum(v.get("new", 0) + v.get("changed", 0) for v in json.loads(c).values()) if c else 0
          for c in history["counts"]],
)
st.dataframe(
    tables.display(history, [
        ("upload_id", "col.upload_id", "int"), ("file_name", "col.file", "text"),
        ("uploaded_by", "col.who", "text"), ("uploaded_at", "col.when", "datetime"),
        ("source_name", "col.source", "text"), ("rows", "col.rows", "int"), ("state", "col.state", "text"),
    ], ctx.lang),
    hide_index=True, width="stretch")

if ctx.user.can("undo"):
    active = history[history["undone_at"].isna()]
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
