"""The upload history page's workings: the uploads as the user may see them, undo, the audit trail."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from .. import audit, auth, history, ingest
from . import downloads, warm
from .context import PageContext, db_path
from .login import audit_event
from .widgets import user_errors

FLASH = "_history_flash"


def uploads(ctx: PageContext) -> pd.DataFrame:
    """Every upload, newest first, with its rows written, its state and its source in words.

    A user limited to some cells sees of each upload only what is his (rows, uploader, file name).
    """
    frame = ctx.query("uploads.history")
    if frame.empty:
        return frame
    in_cells = ctx.query("uploads.rows_in_cells") if ctx.user.scope is not None else None
    return history.for_user(frame, in_cells, ctx.user, auth.load_users(), ctx.lang).assign(
        source_name=lambda h: [ctx.t(f"source.{s}") for s in h["source"]],
        state=lambda h: [ctx.t("history.undone") if history.is_undone(u) else ctx.t("history.active")
                         for u in h["undone_at"]],
    )


def undo_control(ctx: PageContext, shown: pd.DataFrame) -> None:
    """Choose an upload the user may undo, and undo it (a refusal says which upload to undo first)."""
    if not ctx.user.can("undo"):
        return
    active = history.undoable(shown, ctx.user)
    if active.empty:
        return
    files = dict(zip(active["upload_id"], active["file_name"]))
    choice = st.selectbox(ctx.t("undo.button"), options=list(active["upload_id"]),
                          format_func=lambda i: f"{i} — {files[i]}", key="undo_choice")
    if st.button(ctx.t("undo.button"), key="undo_button"):
        try:
            with user_errors(ctx, expected=(ingest.UndoRefused,)):
                ingest.undo(int(choice), who=ctx.user.name, path=db_path(), user=ctx.user)
            audit_event(ctx, "undo", {"upload_id": int(choice)})
            warm.warm_in_background(db_path())
            st.session_state[FLASH] = ctx.t("undo.done", id=choice)
            st.rerun()
        except ingest.UndoRefused as refused:
            st.error(ctx.t(refused.key, **refused.params))


def audit_trail(ctx: PageContext) -> None:
    """Sign-ins, uploads, undos and exports, for those who may read them."""
    if not ctx.user.can("audit"):
        return
    st.subheader(ctx.t("audit.title"))
    # Kept until an event is recorded: sign-ins and exports do not change the data version.
    trail = ctx.query_since(audit.last_event(db_path()), "uploads.audit")
    if not trail.empty:
        def in_words(rows: pd.DataFrame) -> pd.DataFrame:     # the page of rows shown (every row in a file)
            return rows.assign(action_name=[ctx.t(f"audit.action.{a}") for a in rows["action"]],
                               detail=[audit.describe(d, ctx.lang) for d in rows["detail"]])

        downloads.table(ctx, trail,
                        [("happened_at", "col.when", "datetime"), ("user_name", "col.actor", "text"),
                         ("action_name", "col.action", "text"), ("detail", "col.detail", "text")],
                        what=ctx.t("audit.file"), key="audit_table", title=ctx.t("audit.title"), period=None,
                        prepare=in_words)
