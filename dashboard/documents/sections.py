"""The report's parts that ``report.assemble`` takes from outside: the four limitations with their
measures, the projections of the six solutions, and the year-end review.

Each is written from named queries that already exist (``limitations.*``, ``projections.actions``,
``rankings.member_levels``, ``rankings.member_quota``) through the caller's runner, so the
report shows only what its reader may see. A measure the store holds no data for says so in
one line instead of a table of zeros: the sample has meetings, ratings and scores, and gains
resolutions, committee meetings and commitments when those sheets are uploaded.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pandas as pd

from .. import fmt, i18n, periods, projection, rules, settings
from .model import Block, Paragraph, Section, Table

Runner = Callable[..., pd.DataFrame]
TOTAL = "__total__"


def _share(part: float, whole: float, lang: str) -> str:
    return fmt.fmt_percent(part / whole, lang, fixed=True) if whole else fmt.MISSING


def _count(n: float, lang: str) -> str:
    return fmt.fmt_amount(n, lang)


def _with_total(frame: pd.DataFrame, sums: list[str]) -> pd.DataFrame:
    """The cells' rows and a Đảng bộ row: every measure is a count, so the Đảng bộ's is the sum."""
    total = {c: frame[c].sum() for c in sums}
    return pd.concat([frame, pd.DataFrame([{**total, "branch_code": TOTAL}])], ignore_index=True)


def _table(frame: pd.DataFrame, names: dict[str, str], header: list[str],
           cells: Callable[[dict], list[str]], lang: str) -> Table:
    rows = []
    for r in frame.to_dict("records"):
        name = i18n.t("report.lim.total", lang) if r["branch_code"] == TOTAL else names.get(r["branch_code"], "")
        rows.append([name, *cells(r)])
    n = len(header)
    return Table(header=[i18n.t("col.cell", lang), *header], rows=rows, widths=[3.0] + [1.5] * n,
                 align=["left"] + ["right"] * n)


def limitations(run: Runner, *, period: str, branches: list[str], today: dt.date, lang: str,
                names: dict[str, str]) -> list[Section]:
    """One section per limitation: the Đảng ủy's sentence, its measures per cell and for the Đảng
    bộ in ``period``, and the solutions that bear on it."""
    t = lambda key, **p: i18n.t(key, lang, **p)   # noqa: E731
    suffix = "vi" if lang == "vi" else "en"
    common = {"period": period, "periods": 1, "branches": list(branches)}
    links = run("limitations.links")
    out = []
    for lim in run("reference.limitations").to_dict("records"):
        code = lim["code"]
        blocks: list[Block] = [Paragraph(t("report.lim.sentence", text=lim[f"title_{suffix}"]), italic=True)]
        blocks += _measures(run, code, common, today, lang, names)
        solutions = sorted(int(x) for x in links[(links["code"] == code) & (links["link_kind"] == "solution")]["link"])
        if solutions:
            blocks.append(Paragraph(t("report.lim.solutions", list=", ".join(map(str, solutions)))))
        out.append(Section(str(lim[f"short_{suffix}"]), blocks))
    return out


def _measures(run: Runner, code: str, common: dict, today: dt.date, lang: str,
              names: dict[str, str]) -> list[Block]:
    t = lambda key, **p: i18n.t(key, lang, **p)   # noqa: E731
    if code == "L1":
        frame = run("limitations.l1_by_unit", today=today, plan_days=int(settings.get("DASHBOARD_PLAN_DAYS")),
                    **common)
        if frame.empty or int(frame["due"].sum()) == 0:
            return [Paragraph(t("report.lim.no_data.L1"))]
        frame = _with_total(frame, ["due", "on_time", "concrete", "late"])
        return [_table(frame, {**names, "DANG_UY": t("committee")},
                       [t("report.lim.due"), t("report.lim.on_time"), t("report.lim.concrete"), t("report.lim.late")],
                       lambda r: [_count(r["due"], lang), _share(r["on_time"], r["due"], lang),
                                  _share(r["concrete"], r["due"], lang), _count(r["late"], lang)], lang)]
    if code == "L2":
        frame = _with_total(run("limitations.l2_by_cell", today=today, **common),
                            ["months_begun", "committee_meetings", "committee_present", "committee_seats",
                             "political_task", "committee_rated", "committee_good"])
        frame.loc[frame["branch_code"] == TOTAL, "months_begun"] = frame["months_begun"].iloc[0]
        good = lambda r: f"{_count(r['committee_good'], lang)}/{_count(r['committee_rated'], lang)}"  # noqa: E731
        if int(frame["committee_meetings"].sum()) == 0:   # no committee meeting recorded: the ratings only
            return [Paragraph(t("report.lim.no_data.L2")),
                    _table(frame, names, [t("report.lim.committee_good")], lambda r: [good(r)], lang)]
        return [_table(frame, names, [t("report.lim.committee_meetings"), t("report.lim.committee_attendance"),
                                      t("report.lim.political_task"), t("report.lim.committee_good")],
                       lambda r: [f"{_count(r['committee_meetings'], lang)}/{_count(r['months_begun'], lang)}",
                                  _share(r["committee_present"], r["committee_seats"], lang),
                                  _count(r["political_task"], lang), good(r)], lang)]
    if code == "L3":
        frame = _with_total(run("limitations.l3_by_cell", **common),
                            ["meetings", "with_self_criticism", "criticism_recorded", "heads_recorded",
                             "criticism_of_heads"])
        return [_table(frame, names, [t("report.lim.meetings"), t("report.lim.self_criticism"),
                                      t("report.lim.heads")],
                       lambda r: [_count(r["meetings"], lang), _share(r["with_self_criticism"], r["meetings"], lang),
                                  fmt.fmt_number(r["criticism_of_heads"] / r["heads_recorded"], 1, lang)
                                  if r["heads_recorded"] else fmt.MISSING], lang)]
    frame = _with_total(run("limitations.l4_by_cell", today=today, **common),
                        ["members", "committed", "kept", "post_members", "post_kept", "disciplined"])
    def a2(r: dict) -> str:   # a share of the criterion's maximum: no sum for the Đảng bộ
        return fmt.fmt_percent(r["a2_share"], lang, fixed=True) if r["branch_code"] != TOTAL else fmt.MISSING
    if int(frame["committed"].sum()) == 0:   # no commitment recorded: discipline and criterion A2 only
        return [Paragraph(t("report.lim.no_data.L4")),
                _table(frame, names, [t("report.lim.members"), t("report.lim.disciplined"), t("report.lim.a2")],
                       lambda r: [_count(r["members"], lang), _count(r["disciplined"], lang), a2(r)], lang)]
    return [_table(frame, names, [t("report.lim.members"), t("report.lim.kept"), t("report.lim.post_kept"),
                                  t("report.lim.disciplined"), t("report.lim.a2")],
                   lambda r: [_count(r["members"], lang), _share(r["kept"], r["members"], lang),
                              _share(r["post_kept"], r["post_members"], lang), _count(r["disciplined"], lang),
                              a2(r)], lang)]


def projections(run: Runner, *, branches: list[str], today: dt.date, lang: str, titles: dict[int, str],
                unit_names: dict[str, str]) -> list[Block]:
    """Where each solution lands at the pace its actions are going, and each action not done that
    is projected late or not moving (the method: ``projection``)."""
    t = lambda key, **p: i18n.t(key, lang, **p)   # noqa: E731
    actions = run("projections.actions", branches=list(branches), today=today, reports=projection.reports_used(),
                  stale_days=None)
    if actions.empty:
        return []
    groups = projection.by_group(actions, ["solution"])
    blocks: list[Block] = [
        Paragraph(t("report.proj.intro", n=projection.reports_used()), indent=False, keep_with_next=True),
        Table(header=[t("col.solution"), t("col.actions"), t("report.proj.forecast")],
              rows=[[fmt.solution_label(r["solution"], titles), _count(r["actions"], lang),
                     projection.group_words(r, lang)] for r in groups.to_dict("records")],
              widths=[4.0, 1.2, 6.0], align=["left", "right", "left"])]
    open_ = actions[(actions["pace_kind"] == "stalled")
                    | ((actions["pace_kind"] == "moving") & (actions["days_late_projected"] > 0))]
    if len(open_):
        blocks.append(Paragraph(t("report.proj.late", date=fmt.fmt_date(today)), indent=False, keep_with_next=True))
        blocks.append(Table(header=[t("solutions.col.code"), t("report.col.unit"), t("col.due"),
                                    t("report.proj.forecast")],
                            rows=[[r["action_code"], unit_names.get(r["branch_code"], r["branch_code"]),
                                   fmt.fmt_date(r["due_on"]), projection.action_words(r, lang)]
                                  for r in open_.to_dict("records")],
                            widths=[1.5, 3.0, 1.9, 5.6], align=["left", "left", "center", "left"]))
    return blocks


def year_review(run: Runner, *, period: str, branches: list[str], lang: str, names: dict[str, str],
                levels: dict[str, str], findings: pd.DataFrame) -> list[Section]:
    """For a year: the members' levels per cell, the 20 % quota's arithmetic, and the rating rules'
    findings of the year. Nothing for a quarter or a half."""
    kind = periods.parse_period(period)
    if kind.kind != "year":
        return []
    t = lambda key, **p: i18n.t(key, lang, **p)   # noqa: E731
    members = run("rankings.member_levels", branches=list(branches))
    members = members[members["year"] == kind.year]
    out = []
    if len(members):
        counts = members.pivot_table(index="branch_code", columns="level", values="members", aggfunc="sum",
                                     fill_value=0)
        codes = list(levels)
        rows = [[names.get(c, c), *[_count(counts.loc[c].get(lv, 0), lang) for lv in codes],
                 _count(counts.loc[c].sum(), lang)] for c in branches if c in counts.index]
        rows.append([t("report.lim.total"), *[_count(counts.get(lv, pd.Series(dtype=int)).sum(), lang)
                                               for lv in codes], _count(counts.to_numpy().sum(), lang)])
        out.append(Section(t("report.year.members"), [Table(
            header=[t("col.cell"), *levels.values(), t("report.year.rated")], rows=rows,
            widths=[3.0] + [1.4] * (len(codes) + 1), align=["left"] + ["right"] * (len(codes) + 1))]))
    quota = run("rankings.member_quota", branches=list(names), **rules.QuotaSettings.from_settings().params())
    quota = quota[quota["year"] == kind.year]
    ratings = findings[findings["topic"] == rules.RATINGS]
    blocks: list[Block] = [Paragraph(t("report.year.quota", excellent=int(q["excellent"]), good=int(q["good"]),
                                       allowed=int(q["allowed"])))
                           for q in quota.to_dict("records")]
    counts = ratings["severity"].value_counts()
    blocks.append(Paragraph(t("report.year.findings", year=kind.year, errors=int(counts.get(rules.ERROR, 0)),
                              warnings=int(counts.get(rules.WARNING, 0)))))
    out.append(Section(t("report.year.rules"), blocks))
    return out


def full_report(run: Runner, *, period: str, branches: list[str], today: dt.date, lang: str = "vi",
                all_branches: bool = True, member_names: dict[str, str] | None = None, charts: bool = True,
                ranked: bool = True):
    """``report.assemble`` with every part the store has data for: the four limitations, the
    projections and (for a year) the year-end review. What the pages' "Xuất báo cáo" makes."""
    from .report import assemble

    options = run("reference.branch_options", branches=None)
    names = dict(zip(options["branch_code"], options["branch_name"]))
    levels_frame = run("reference.levels")
    levels = dict(zip(levels_frame["code"], levels_frame["short_vi" if lang == "vi" else "short_en"]))
    solutions = run("reference.solutions")
    titles = dict(zip(solutions["solution"].astype(int), solutions["short_vi" if lang == "vi" else "short_en"]))
    year = periods.parse_period(period).year
    findings = rules.collect(run, list(names), today, lang, names=names, years={year}, member_names=member_names)
    findings = findings[findings["branch_code"].isna() | findings["branch_code"].isin(branches)]
    return assemble(
        run, period=period, branches=branches, today=today, lang=lang, all_branches=all_branches,
        member_names=member_names, charts=charts, ranked=ranked,
        limitations=limitations(run, period=period, branches=branches, today=today, lang=lang, names=names),
        projections=projections(run, branches=branches, today=today, lang=lang, titles=titles,
                                unit_names={**names, "DANG_UY": i18n.t("committee", lang)}),
        year_review=year_review(run, period=period, branches=branches, lang=lang, names=names, levels=levels,
                                findings=findings))
