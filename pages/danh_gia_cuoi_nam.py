"""Đánh giá cuối năm: the year-end review prepared here — self-ratings, the cells' proposals and
the Đảng ủy's decisions side by side, what is missing at each step, the rules checked before
deciding, a quota planner that writes nothing, and the writes themselves (a secretary's
proposals, the administrator's decisions) through the upload's own path."""

import pandas as pd
import streamlit as st

from dashboard import entry, export, periods, review, ui
from dashboard.ui import review as page

ctx = ui.page_setup("yearend")
years = [str(y) for y in ctx.query("review.years")["year"]]
if not years:
    st.info(ctx.t("yearend.empty"), icon=":material/info:")
    st.stop()
# The year: the shared period's year when there is a review for it, else the latest review.
shared = str(periods.parse_period(ctx.period).year) if ctx.period else None
year = int(ui.url_choice(ctx, "nam", years, "yearend.year", {y: y for y in years}, default=shared))
if flash := st.session_state.pop(page.FLASH, None):
    st.success(flash, icon=":material/check_circle:")

# ---- data
names = ctx.member_names()


def tables():
    """The year's subjects, the cells' and the members' tables as shown, the quota's share and
    the planner's starting plans: worked out once per view and kept (a rerun, or an edit in the
    planner, draws them again without working them out)."""
    subjects = ctx.query("review.subjects", year=year)
    if subjects.empty:
        return None
    cells = review.cell_table(subjects, ctx.query("review.cell_scores", year=year), f"citation_{ctx.lang}")
    cells = cells.assign(cell=[ctx.cell_name(c) for c in cells["branch_code"]])
    kinds = ctx.labels("member_kind")
    step_words = {step: ctx.t(f"yearend.step.{step}") for _, step in review.STEPS}
    members = subjects[subjects["subject_kind"] == "dang_vien"].reset_index(drop=True)
    members = members.assign(
        cell=[ctx.cell_name(c) for c in members["branch_code"].tolist()],
        kind_name=[kinds.get(k, "") for k in members["member_kind"].tolist()],
        missing=[", ".join(step_words[s] for s in steps) or "—" for steps in review.missing_steps(members)],
        name=[names.get(c, "") for c in members["subject_code"].tolist()])
    share_row = ctx.query("review.quota_share", year=year)
    share = float(share_row["share"].iloc[0]) if len(share_row) else None
    return (subjects, cells, members, share, review.step_counts(subjects),
            review.plan_frame(subjects, "chi_bo"), review.plan_frame(subjects, "dang_vien"))


view = ctx.kept("tables", tables, year)
if view is None:
    ui.empty_notice(ctx)
    st.stop()
subjects, cells, members, share, steps, start_cells, start_members = view

# ---- the three steps
st.caption(ctx.t("yearend.intro", year=year))
for column, (step, (done, total)) in zip(st.columns(3), steps.items()):
    column.metric(ctx.t(f"yearend.step.{step}"), f"{done}/{total}",
                  help=ctx.t("yearend.step.help", missing=total - done))

st.subheader(ctx.t("yearend.cells.title"))
st.caption(ctx.t("yearend.cells.help"))
chosen = [(ctx.t("yearend.year"), str(year))]
ui.table(ctx, cells, [
    ("cell", "col.cell", "text"), ("total_score", "yearend.col.score", "score"),
    ("band_level", "yearend.col.band", "text"), ("band_source", "yearend.col.band_source", "text"), ("self_level", "yearend.col.self", "text"),
    ("proposed_level", "yearend.col.proposal", "text"), ("decided_level", "yearend.col.decision", "text"),
    ("members", "yearend.col.members", "int"),
    ("members_missing_self", "yearend.col.missing_self", "int"),
    ("members_missing_proposal", "yearend.col.missing_proposal", "int"),
    ("members_missing_decision", "yearend.col.missing_decision", "int"),
], ctx.t("yearend.file.cells"), "yearend_cells", filters=chosen, title=ctx.t("yearend.cells.title"), period=str(year),
    kept=(year,))

st.subheader(ctx.t("yearend.members.title"))
columns = [("subject_code", "yearend.col.member", "text")] + ([("name", "yearend.col.name", "text")] if names else [])
ui.table(ctx, members, columns + [
    ("cell", "col.cell", "text"), ("kind_name", "yearend.col.kind", "text"),
    ("self_level", "yearend.col.self", "text"), ("proposed_level", "yearend.col.proposal", "text"),
    ("decided_level", "yearend.col.decision", "text"), ("disciplined", "yearend.col.disciplined", "yesno"),
    ("missing", "yearend.col.missing", "text"),
], ctx.t("yearend.file.members"), "yearend_members", filters=chosen, title=ctx.t("yearend.members.title"),
    period=str(year), kept=(year,))
st.caption(ctx.t("yearend.levels_legend"))

# ---- the planner: change the proposed levels, see the quota and the rules at once
st.subheader(ctx.t("yearend.plan.title"))
st.caption(ctx.t("yearend.plan.help"))
key = f"{year}_{ctx.version}"
cell_names = {c: ctx.cell_name(c) for c in cells["branch_code"]}
member_labels = {c: f"{c} ({names[c]})" if c in names else c for c in members["subject_code"].tolist()}
plan_cells = page.editor(ctx, start_cells, f"plan_cells_{key}", cell_names, "col.cell")
plan_members = page.editor(ctx, start_members, f"plan_members_{key}", member_labels,
                           "yearend.col.member")
page.quota(ctx, plan_cells, plan_members, share)

st.subheader(ctx.t("yearend.checks.title"))
st.caption(ctx.t("yearend.checks.help"))
plan = pd.concat([plan_cells, plan_members], ignore_index=True)
page.checks(ctx, year, plan)

st.subheader(ctx.t("yearend.write.title"))
st.caption(ctx.t("yearend.write.help"))
page.write(ctx, year, plan)

# ---- the workbook the office circulates: the template's two sheets
file_name = export.export_file_name(ctx.t("yearend.export.name"), str(year), ctx.today)
# written on the click (recorded then), not on every rerun: 190 ms at 60 cells
st.download_button(ctx.t("yearend.export.button"),
                   data=ui.downloads.audited(ctx, file_name, lambda: entry.export_workbook(subjects, year)),
                   file_name=file_name, mime=ui.uploads.XLSX_MIME, icon=":material/download:", on_click="ignore",
                   key="yearend_export")
