"""Đảng viên: the member register of each cell (code; name for administrators; kind; post;
ratings per year; discipline; meetings missed without a reason in the year) and the lists the
office acts on, each with the rule and source behind it, or the data it rests on."""

import pandas as pd
import pyarrow as pa
import streamlit as st

from dashboard import fmt, periods, roster, settings, tables, ui

ctx = ui.page_setup("members")
register = ctx.query("members.register", today=ctx.today)
if register.empty:
    ui.empty_notice(ctx)
    st.stop()
ratings = ctx.query("members.ratings")
years = sorted({int(y) for y in ratings["year"]} | {ctx.today.year}, reverse=True)
shared = str(periods.parse_period(ctx.period).year) if ctx.period else None
year = int(ui.url_choice(ctx, "nam", [str(y) for y in years], "roster.year", {str(y): str(y) for y in years},
                         default=shared))
names = ctx.member_names()
shown_years = list(range(year - 4, year + 1))
notice = int(settings.get("DASHBOARD_PROBATION_NOTICE_DAYS"))


def worked_out():
    """The register as shown (each year's level, the last discipline, meetings missed) and each
    list's members with their cell and name: worked out once per view and kept, so a rerun or
    a page of the register draws them again without working them out."""
    kinds = ctx.labels("member_kind")
    forms = ctx.labels("discipline_form")
    by_year = roster.ratings_by_year(ratings, shown_years)
    last = roster.last_discipline(ratings[ratings["year"] <= year])
    missed: dict[str, int] = {}     # a member's rows: one a cell whose meetings he missed
    unexcused = ctx.query("members.unexcused", year=year)
    for code, meetings in zip(unexcused["member_code"], unexcused["meetings"]):
        missed[code] = missed.get(code, 0) + int(meetings)
    # Plain arrays to look up from (iterating the frame's string columns value by value cost
    # seconds a rerun for the sector's 60.000 members), and each year's levels aligned with the register.
    member_codes = register["member_code"].to_numpy(dtype=object)

    def levels_in(y: int) -> list:
        if y not in by_year:
            return [None] * len(register)
        return [v if isinstance(v, str) else None for v in by_year[y].reindex(member_codes).to_numpy(dtype=object)]

    table = register.assign(
        name=[names.get(c, "") for c in member_codes],
        kind_name=[kinds.get(k, "") for k in register["kind"].to_numpy(dtype=object)],
        discipline=[f"{last[c][0]}: {forms.get(last[c][1], last[c][1] or '')}" if c in last else ""
                    for c in member_codes],
        missed=[int(missed.get(c, 0)) for c in member_codes],
        **{str(y): levels_in(y) for y in shown_years})

    cell_of = dict(zip(member_codes, register["branch_code"].to_numpy(dtype=object)))
    registered = set(member_codes)

    def members(found, on_register: bool = True) -> pd.DataFrame:
        """The members found (codes, or a frame with ``member_code``), those still on the
        register when ``on_register``, with their cell and name."""
        frame = found if isinstance(found, pd.DataFrame) else pd.DataFrame({"member_code": list(found)})
        if on_register and len(frame):      # looked up in the set (isin converts all 60.000)
            frame = frame[frame["member_code"].map(registered.__contains__).astype(bool)]
        return frame.assign(cell=[ctx.cell_name(cell_of.get(c, "")) for c in frame["member_code"]],
                            name=[names.get(c, "") for c in frame["member_code"]])

    removal = ctx.findings(years={year}, only={"removal_unexcused_months"})   # not the other meeting rules' 5 reads
    removal = ctx.of_cells_shown(removal).rename(columns={"subject_code": "member_code"})
    disciplined = roster.disciplined(ratings, year)
    due = roster.probation_due(ctx.query("members.probation", today=ctx.today), notice)
    lists = {
        "excellent": members(roster.rated(ratings, year, "HTXSNV")),
        "excellent_run": members(roster.running(ratings, year, "HTXSNV", roster.RUN_EXCELLENT)),
        "failed_run": members(roster.running(ratings, year, "KHTNV", roster.RUN_FAILED)),
        "removal": members(removal, on_register=False),
        "disciplined": members(disciplined.assign(form=[forms.get(f, f or "") for f in disciplined["discipline_form"]])),
        "probation": members(due.assign(
            state_text=[ctx.t(f"roster.probation.{s}", days=abs(int(d))) for s, d in zip(due["state"], due["days_left"])],
            citation=list(due[f"citation_{'vi' if ctx.lang == 'vi' else 'en'}"])), on_register=False),
    }
    return table, lists


# ---- the register
table, lists = ctx.kept("register", worked_out, year, notice)
st.subheader(ctx.t("roster.register.title"))
st.caption(ctx.t("roster.register.help", year=year))
columns = [("member_code", "roster.col.member", "text")] + ([("name", "roster.col.name", "text")] if names else [])
columns += [("branch_name", "col.cell", "text"), ("kind_name", "roster.col.kind", "text"),
            ("party_role", "roster.col.post", "text")]
page = ui.page_of(ctx, table, "roster_register")    # 1.000 members at a time; the files hold every one
shown = tables.display_table(page, columns, ctx.lang)
for label, values in [*((str(y), [fmt.cell_text(v) for v in page[str(y)]]) for y in shown_years),
                      (ctx.t("roster.col.discipline"), list(page["discipline"])),
                      (ctx.t("roster.col.missed", year=year), [fmt.fmt_number(v, 0, ctx.lang) for v in page["missed"]])]:
    shown = shown.append_column(label, pa.array(values, type=pa.string()))
st.dataframe(shown, hide_index=True, width="stretch")
chosen = [(ctx.t("roster.year"), str(year))]
# The header as shown (years, "missed in <year>"): the label keys below are not used.
ui.table_downloads(ctx, table, columns + [(str(y), "roster.col.member", "text") for y in shown_years] + [
    ("discipline", "roster.col.discipline", "text"), ("missed", "roster.col.member", "int")],
    ctx.t("roster.register.title"), "roster_register", filters=chosen, period=str(year), labels=shown.column_names)


# ---- the lists
def member_list(key: str, basis: str, columns: list[tuple[str, str, str]] = ()) -> None:
    """One list: its title, what it rests on, and its members (or a line saying there are none)."""
    st.markdown(f"**{ctx.t(f'roster.list.{key}', year=year)}**")
    st.caption(basis)
    found = lists[key]
    if found.empty:
        st.caption(ctx.t("roster.list.none"))
        return
    head = [("member_code", "roster.col.member", "text")] + ([("name", "roster.col.name", "text")] if names else [])
    title = ctx.t(f"roster.list.{key}", year=year)
    ui.table(ctx, found, head + [("cell", "col.cell", "text"), *columns], title, f"roster_{key}",
             filters=chosen, period=str(year), kept=(year, notice))


from_data = ctx.t("roster.basis.data")
st.subheader(ctx.t("roster.commend.title"))
member_list("excellent", from_data)
member_list("excellent_run", from_data)

st.subheader(ctx.t("roster.consider.title"))
member_list("failed_run", from_data)
member_list("removal", ctx.t("roster.basis.removal"),
            [("message", "roster.col.finding", "text"), ("source", "col.rule_source", "text")])
member_list("disciplined", from_data, [("form", "roster.col.form", "text"), ("level", "roster.col.level", "text")])

st.subheader(ctx.t("roster.probation.title"))
member_list("probation", ctx.t("roster.basis.probation", days=notice, today=fmt.fmt_date(ctx.today)),
            [("joined_on", "roster.col.joined", "date"), ("ends_on", "roster.col.ends", "date"),
             ("state_text", "roster.col.state", "text"), ("citation", "col.rule_source", "text")])
