"""The report to the higher committee: how it is put together from the data (its content model is ``model``).

The layout follows Hướng dẫn 36-HD/VPTW (03/4/2018) on the form of Party documents; the two
renderers (``docx``, ``pdf``) draw the same ``Report``:

* heading block — top left the party organisation above the issuer ("ĐẢNG BỘ TỈNH LAI CHÂU"),
  the issuer in bold ("ĐẢNG ỦY VIỆN KIỂM SÁT NHÂN DÂN TỈNH"), a "*", then "Số …-BC/ĐU"; top
  right "ĐẢNG CỘNG SẢN VIỆT NAM" in bold with a rule beneath, then the place and date in
  italics. Names, number and place are settings (DASHBOARD_ORG_PARENT, DASHBOARD_ORG_NAME,
  DASHBOARD_REPORT_NUMBER, DASHBOARD_PLACE);
* the kind of document "BÁO CÁO" centred in bold, its subject below it in bold;
* the body in sections I, II, … (sub-sections 1, 2, …) of paragraphs, tables and images;
* the closing — "Nơi nhận:" and its list at the left (DASHBOARD_REPORT_RECIPIENTS), "T/M ĐẢNG
  ỦY" / "BÍ THƯ" at the right with room for the signature and a name left for the signer.

``assemble`` writes the body from the dashboard's own figures, through the same named queries,
``summary.figures`` and ``rules.collect`` as the pages, so the report cannot say other numbers
than the overview and the ranking page. Parts other engineers are building come in as
``Section`` objects: ``limitations`` (the four limitations with their measures),
``year_review`` (the year-end review; only for a year) and ``projections`` (blocks added to
the solutions' section). Given nothing, the report leaves those parts out.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Sequence

import pandas as pd

from .. import fmt, i18n, periods, queries, rankings, rules, settings, summary, tables
from ..charts import ranking_bars, solution_bars
from ..charts import spec as vega_spec
from .charts import chart_png
from .model import Block, Closing, Heading, Image, Paragraph, Report, Section, Table

__all__ = ["Block", "Closing", "Heading", "Image", "Paragraph", "Report", "Section", "Table", "assemble",
           "heading_from_settings", "recipients_from_settings", "recipient_lines", "date_line", "number_line",
           "party_date"]

# ---------------------------------------------------------------- the heading from the settings

def party_date(day: dt.date) -> tuple[str, str, str]:
    """Day, month and year as a Party document writes them in its date line.

    Hướng dẫn 36-HD/VPTW writes a day below 10 and the months 1 and 2 with a leading zero, so
    that no digit can be put in front of them afterwards (the guide itself is dated "ngày 03
    tháng 4 năm 2018"; its table of forms shows "ngày 20 tháng 02 năm 2018"): 05/02 → "05",
    "02"; 05/03 → "05", "3"; 30/11 → "30", "11".
    """
    month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
    return f"{day.day:02d}", month, str(day.year)


def date_line(place: str, day: dt.date, lang: str = "vi") -> str:
    """"Lai Châu, ngày 30 tháng 11 năm 2026"."""
    d, m, y = party_date(day)
    return i18n.t("report.date_line", lang, place=place, day=d, month=m, year=y)


def number_line(number: str, lang: str = "vi") -> str:
    """"Số 15-BC/ĐU"; without a number, a blank wide enough to write one in by hand."""
    return i18n.t("report.number", lang, number=number.strip() or "\u00a0" * 6)


def heading_from_settings(day: dt.date, lang: str = "vi") -> Heading:
    return Heading(parent=str(settings.get("DASHBOARD_ORG_PARENT")),
                   organisation=str(settings.get("DASHBOARD_ORG_NAME")),
                   number=number_line(str(settings.get("DASHBOARD_REPORT_NUMBER")), lang),
                   party=i18n.t("report.party", lang),
                   place_date=date_line(str(settings.get("DASHBOARD_PLACE")), day, lang))


def recipients_from_settings() -> list[str]:
    return [item.strip() for item in str(settings.get("DASHBOARD_REPORT_RECIPIENTS")).split(";") if item.strip()]


def recipient_lines(items: Sequence[str]) -> list[str]:
    """"- Ban Thường vụ …," one a line, the last ending with a full stop, as Party documents list them."""
    items = [i.rstrip(" ,.;") for i in items]
    return [f"- {item}{'.' if n == len(items) - 1 else ','}" for n, item in enumerate(items)]


# ---------------------------------------------------------------- assembling it from the data

# Charts are drawn 420 px wide and printed 15 cm wide: their 12 px labels come out near 12 pt.
CHART_WIDTH, CHART_CM = 420, 15.0
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")
Runner = Callable[..., pd.DataFrame]


def _numbered(sections: Sequence[Section]) -> list[Section]:
    """I. TITLE, with its sub-sections 1. Title, 2. …; the caller's objects are left as they were."""
    out = []
    for n, section in enumerate(sections):
        subs = [dataclasses.replace(sub, title=f"{k}. {sub.title}") for k, sub in enumerate(section.subsections, 1)]
        out.append(dataclasses.replace(section, title=f"{ROMAN[n]}. {section.title}", subsections=subs))
    return out


def _text_table(frame: pd.DataFrame, columns: list[tuple[str, str, str]], lang: str, widths: list[float],
                align: list[str]) -> Table:
    """A page table's rows as text (the same formatting as on the page: tables.display)."""
    shown = tables.display(frame, columns, lang)
    return Table(header=list(shown.columns), rows=[[str(v) for v in row] for row in shown.itertuples(index=False)],
                 widths=widths, align=align)


def _levels(run: Runner, lang: str) -> dict[str, str]:
    frame = run("reference.levels")
    return dict(zip(frame["code"], frame["short_vi" if lang == "vi" else "short_en"]))


def assemble(run: Runner, *, period: str, branches: list[str], today: dt.date, lang: str = "vi",
             all_branches: bool = True,
             limitations: Sequence[Section] = (), year_review: Sequence[Section] = (),
             projections: Sequence[Block] = (), charts: bool = True,
             member_names: dict[str, str] | None = None, heading: Heading | None = None,
             recipients: Sequence[str] | None = None, signer: str = "", ranked: bool = True) -> Report:
    """The report of ``period`` for ``branches``, from the dashboard's data.

    ``run(name, **params)`` runs a named query within the reader's scope (the page's
    ``ctx.query``, or ``queries.run`` with a scope): the report shows only what its reader may
    see. ``branches`` are the cells chosen (every cell in scope when ``all_branches``); the
    query runner counts the Đảng ủy's own actions, as on the pages, when the reader sees every
    cell and looks at all of them.

    ``limitations`` (one section per limitation, with its measures) and ``year_review`` (only
    for a year; a ValueError otherwise) become sections of their own; ``projections`` are
    added to the solutions' section. ``charts=False`` leaves the images out. ``ranked=False``
    (a reader limited to some cells, ``rankings.shows_ranks``) leaves every rank out, as the pages do.
    """
    kind = periods.parse_period(period)
    if year_review and kind.kind != "year":
        raise ValueError(f"a year-end review belongs to a year, not to {period}")
    t = lambda key, **p: i18n.t(key, lang, **p)   # noqa: E731 - the report's one language

    def q(name: str, **params: object) -> pd.DataFrame:
        if queries.get(name).scoped and "branches" not in params:
            params["branches"] = list(branches)
        return run(name, **params)

    period_label = periods.label(period, lang)
    period_mid = fmt.mid_sentence(period_label)
    options = q("reference.branch_options", branches=None)       # every cell the reader may see
    names = dict(zip(options["branch_code"], options["branch_name"]))
    in_scope = list(names)

    # The figures of the overview, from the same queries with the same parameters.
    findings = rules.collect(run, in_scope, today, lang, names=names, years={kind.year},
                             member_names=member_names)
    findings = findings[findings["branch_code"].isna() | findings["branch_code"].isin(branches)]
    board = q("rankings.leaderboard", period=period, compare="previous")
    lim = q("reference.limitations")
    lim_titles = dict(zip(lim["code"], lim["short_vi" if lang == "vi" else "short_en"]))
    fig = summary.overview_figures(q, period=period, today=today, lang=lang, board=board, findings=findings,
                                   cell_name=lambda code: names.get(code, code), limitation_title=lim_titles.get, ranked=ranked,
                                   cells_in_scope=len(in_scope))
    by_solution = fig.by_solution
    levels = _levels(run, lang)
    figure_no = 0

    # I. The summary, sentence by sentence.
    overview = Section(t("report.section.summary"), [Paragraph(s) for s in summary.sentences(fig, lang)])

    # II. The ranking with levels, and its chart.
    ranking = Section(t("report.section.ranking"))
    ordered = rankings.sort_board(board, "score") if len(board) else board
    if ordered.empty:
        ranking.blocks.append(Paragraph(t("report.ranking.none", period=period_label)))
    else:
        other = rankings.comparison_period(period, "previous")
        other_label = fmt.mid_sentence(periods.label(other, lang))
        compared = (t("ranking.compared_with", period=other_label) if ordered["prev_total"].notna().any()
                    else t("ranking.no_comparison", period=other_label))
        ranking.blocks.append(Paragraph(t("ranking.caption") + " " + compared))
        shown = ordered.assign(
            rank_text=[fmt.rank_with_change(r, c) for r, c in zip(ordered["rank"], ordered["rank_change"])]
            if ranked else "",
            computed_name=[levels.get(c, c) if isinstance(c, str) and c else t("ranking.incomplete")
                           for c in ordered["computed_level"]],
            decided_name=[levels.get(c, c) if isinstance(c, str) and c else "—" for c in ordered["decided_level"]])
        columns = [("rank_text", "col.rank", "text"), ("branch_name", "col.cell", "text"),
                   ("total_score", "col.total", "score"), ("total_change", "ranking.compare.previous", "delta"),
                   ("common_score", "col.common", "score"), ("task_score", "col.tasks", "score"),
                   ("computed_name", "col.level", "text"), ("decided_name", "col.decided", "text")]
        widths = [1.1, 3.2, 1.2, 1.3, 1.1, 1.2, 1.6, 1.6]
        align = ["center", "left", "right", "right", "right", "right", "center", "center"]
        if not ranked:
            columns, widths, align = columns[1:], [4.3, *widths[2:]], align[1:]
        ranking.blocks.append(_text_table(shown, columns, lang, widths=widths, align=align))
        if charts:
            figure_no += 1
            spec = vega_spec(ranking_bars(ordered if ranked else rankings.without_ranks(ordered), levels, lang,
                                          40 * len(ordered) + 20))
            caption = t("report.figure.ranking", n=figure_no, period=period_mid)
            ranking.blocks.append(Image(chart_png(spec, lang, width=CHART_WIDTH), caption, CHART_CM))

    # IV. The six solutions: each one's progress, the overdue actions, projections.
    solution_section = Section(t("report.section.solutions"))
    if int(by_solution["actions"].sum()) == 0:
        solution_section.blocks.append(Paragraph(t("summary.no_actions")))
    else:
        solution_section.blocks.append(Paragraph(t("report.solutions.table", date=fmt.fmt_date(today)),
                                                 indent=False, keep_with_next=True))
        # The number, and the Đảng ủy's published wording in full (the report explains each one).
        rows = by_solution.assign(
            label=[str(int(n)) for n in by_solution["solution"]],
            title=by_solution["title_vi" if lang == "vi" else "title_en"])
        solution_section.blocks.append(_text_table(rows, [
            ("label", "col.solution", "text"), ("title", "report.col.title", "text"),
            ("actions", "col.actions", "int"), ("done", "report.col.done", "int"),
            ("percent", "col.progress", "percent"), ("overdue", "col.overdue", "int"),
        ], lang, widths=[1.7, 5.0, 1.1, 1.2, 1.3, 1.0], align=["left", "left", "right", "right", "right", "right"]))
        if charts:
            figure_no += 1
            spec = vega_spec(solution_bars(by_solution, lang, 200))
            caption = t("report.figure.solutions", n=figure_no, date=fmt.fmt_date(today))
            solution_section.blocks.append(Image(chart_png(spec, lang, width=CHART_WIDTH), caption, CHART_CM))
    late = fig.overdue_actions
    if len(late):
        solution_section.blocks.append(Paragraph(t("report.solutions.overdue", date=fmt.fmt_date(today)),
                                                 indent=False, keep_with_next=True))
        solution_section.blocks.append(_text_table(late, [
            ("action_code", "solutions.col.code", "text"), ("branch_name", "report.col.unit", "text"),
            ("description", "col.description", "text"), ("due_on", "col.due", "date"),
            ("days_late", "report.col.days_late", "int"), ("percent", "col.progress", "percent"),
        ], lang, widths=[1.5, 2.4, 4.3, 1.9, 1.3, 1.2], align=["left", "left", "left", "center", "right", "right"]))
    solution_section.blocks.extend(projections)

    # V. Rule findings of the period's year.
    findings_section = Section(t("report.section.findings"))
    if findings.empty:
        findings_section.blocks.append(Paragraph(t("report.findings.none", year=kind.year)))
    else:
        counts = findings["severity"].value_counts()
        findings_section.blocks.append(Paragraph(t("report.findings.count", year=kind.year,
                                                   errors=int(counts.get(rules.ERROR, 0)),
                                                   warnings=int(counts.get(rules.WARNING, 0)),
                                                   infos=int(counts.get(rules.INFO, 0)))))
        # The table lists errors and warnings; notes (a short meeting, an unexcused absence) are counted.
        listed = findings[findings["severity"].isin([rules.ERROR, rules.WARNING])]
        shown = listed.assign(severity_name=[t("severity." + s) for s in listed["severity"]])
        if len(shown):
            findings_section.blocks.append(_text_table(shown, [
                ("severity_name", "col.severity", "text"), ("message", "col.message", "text"),
                ("source", "col.rule_source", "text")], lang, widths=[1.4, 6.6, 3.0], align=["left", "left", "left"]))

    body = [overview, ranking]
    if limitations:
        body.append(Section(t("report.section.limitations"), subsections=list(limitations)))
    body += [solution_section, findings_section]
    if year_review:
        body.append(Section(t("report.section.year_review", year=kind.year), subsections=list(year_review)))

    intro = []
    if bool(run("reference.data_status")["is_sample"].iloc[0]):
        intro.append(Paragraph(t("report.sample"), italic=True))
    intro.append(Paragraph(t("report.intro", date=fmt.fmt_date(today), period=period_mid)))
    chosen = [names.get(code, code) for code in branches if code in names]
    intro.append(Paragraph(t("report.scope_all" if all_branches else "report.scope_some", n=len(chosen),
                             names=", ".join(chosen))))
    return Report(
        heading=heading or heading_from_settings(today, lang),
        title=t("report.title"), subject=t("report.subject", period=period_mid),
        intro=intro, sections=_numbered(body),
        conclusion=[Paragraph(t("report.conclusion", period=period_mid))],
        closing=Closing(recipients_label=t("report.recipients"),
                        recipients=recipient_lines(recipients if recipients is not None else recipients_from_settings()),
                        authority=t("report.authority"), position=t("report.position"), signer=signer),
        lang=lang, date=today)
