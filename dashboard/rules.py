"""Regulation checks: each a named rule with its topic, severity, threshold and citation.

The arithmetic is SQL (``queries/rules.sql``): every finding row names the source in
force on the date of the fact it judges, and its threshold comes from that source's
rows of ``rule_thresholds``. This module knows each rule's severity and topic, cites the
source (saying when a number was carried over rather than found in its text), and
writes the finding in the reader's language with its arithmetic. It never touches
Streamlit: callers pass a ``run(query_name, **params)`` function (the page's cached
query, or ``queries.run`` in tests).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Callable

import pandas as pd

from . import fmt, i18n, periods, settings

ERROR, WARNING, INFO = "error", "warning", "info"
SEVERITY_ORDER = {ERROR: 0, WARNING: 1, INFO: 2}
# Topics a page asks for: "ratings" (levels, quota, caps), "meetings" (meetings, absences).
RATINGS, MEETINGS = "ratings", "meetings"


@dataclass(frozen=True)
class Rule:
    code: str
    query: str              # named query returning year, branch_code, subject_code, value, limit_value,
    #                         detail, tag, source
    severity: str
    topic: str
    subject: str            # dang_bo | chi_bo | dang_vien | sinh_hoat
    thresholds: tuple[str, ...]   # names in rule_thresholds the finding relies on
    counts: str             # what the rule counts, in words (README's table)
    tag: str | None = None  # for queries that serve several rules, the tag of this one

    @property
    def source_topics(self) -> tuple[str, ...]:
        """The topics of the sources that may set this rule's thresholds."""
        if self.code == "level_differs_from_band":
            return ("rating", "score")
        if self.code == "removal_unexcused_months":
            return ("removal",)
        return ("rating",) if self.topic == RATINGS else ("meeting",)


RULES: tuple[Rule, ...] = (
    Rule("quota_members", "rules.quota_members", ERROR, RATINGS, "dang_bo", ("quota_excellent_share",),
         "members rated HTXSNV against the share of those rated HTTNV (DASHBOARD_QUOTA_*)"),
    Rule("quota_cells", "rules.quota_cells", ERROR, RATINGS, "dang_bo", ("quota_excellent_share",),
         "cells rated HTXSNV against the share of cells rated HTTNV"),
    Rule("disciplined_rated_high", "rules.disciplined_rated_high", ERROR, RATINGS, "dang_vien",
         ("member_disciplined_best",), "a member disciplined in the year rated HTTNV or better", "high"),
    Rule("disciplined_above_cap", "rules.disciplined_rated_high", WARNING, RATINGS, "dang_vien",
         ("member_disciplined_best",), "a member disciplined in the year rated above the best level allowed",
         "cap"),
    Rule("cell_excellent_share", "rules.cell_caps", WARNING, RATINGS, "chi_bo", ("cell_excellent_members_share",),
         "a cell rated HTXSNV with too few members rated HTTNV or better", "excellent_share"),
    Rule("cell_pass_share", "rules.cell_caps", WARNING, RATINGS, "chi_bo", ("cell_good_members_pass_share",),
         "a cell rated HTTNV or better with members below HTNV", "pass_share"),
    Rule("cell_committee_disciplined", "rules.cell_caps", WARNING, RATINGS, "chi_bo",
         ("cell_committee_disciplined_blocks",), "a cell rated HTXSNV with a committee member disciplined",
         "committee"),
    Rule("level_above_band", "rules.level_out_of_band", WARNING, RATINGS, "chi_bo",
         ("band_htxsnv_min", "band_httnv_min", "band_htnv_min"),
         "a cell's decided level better than its annual score's band", "above"),
    Rule("level_differs_from_band", "rules.level_out_of_band", INFO, RATINGS, "chi_bo",
         ("band_htxsnv_min", "band_httnv_min", "band_htnv_min"),
         "a cell's decided level below its band, or off the office's own bands", "differs"),
    Rule("meetings_regular", "rules.meetings_regular", WARNING, MEETINGS, "chi_bo", ("regular_per_year",),
         "regular meetings (a combined one counts) in a finished year"),
    Rule("meetings_thematic", "rules.meetings_thematic", WARNING, MEETINGS, "chi_bo", ("thematic_per_quarter",),
         "thematic meetings (a combined one counts) in each finished quarter"),
    Rule("meeting_attendance", "rules.meeting_attendance", WARNING, MEETINGS, "sinh_hoat", ("attendance_above",),
         "present ÷ members not exempt, per meeting"),
    Rule("meeting_unexcused", "rules.meeting_unexcused", INFO, MEETINGS, "sinh_hoat", ("unexcused_max",),
         "unexcused absences per meeting"),
    Rule("meeting_too_short", "rules.meeting_too_short", INFO, MEETINGS, "sinh_hoat",
         ("minutes_min", "minutes_combined_min"), "minutes per meeting (combined meetings from 28/10/2025)"),
    Rule("removal_unexcused_months", "rules.removal_unexcused_months", WARNING, MEETINGS, "dang_vien",
         ("removal_unexcused_months",), "distinct months of a year with an unexcused absence, per member"),
)
RULES_BY_CODE = {r.code: r for r in RULES}
COLUMNS = ["rule", "topic", "severity", "year", "branch_code", "subject_code", "value", "limit_value",
           "message", "source"]


@dataclass(frozen=True)
class QuotaSettings:
    """How the 20 % quota is counted (settings, overridable by the year-end planner)."""
    base: str = "httnv"          # httnv | httnv_or_better
    pool: str = "dang_bo"        # dang_bo | chi_bo (members only)
    rounding: str = "floor"      # floor | round | ceil

    @classmethod
    def from_settings(cls) -> "QuotaSettings":
        return cls(settings.get("DASHBOARD_QUOTA_BASE"), settings.get("DASHBOARD_QUOTA_POOL"),
                   settings.get("DASHBOARD_QUOTA_ROUNDING"))

    def params(self) -> dict[str, str]:
        return {"quota_base": self.base, "quota_pool": self.pool, "quota_rounding": self.rounding}


def sentence(rule: Rule, row: dict, lang: str, names: dict[str, str], levels: dict[str, str],
             member_names: dict[str, str] | None = None, quota: QuotaSettings | None = None) -> str:
    """The finding in words, with its numbers and the arithmetic behind them."""
    t = lambda key, **kw: i18n.t(key, lang, **kw)  # noqa: E731
    cell = names.get(row.get("branch_code") or "", row.get("branch_code") or "")
    detail = str(row.get("detail") or "")
    value, limit = row.get("value"), row.get("limit_value")
    subject = row.get("subject_code") or ""
    if member_names and member_names.get(subject):
        subject = f"{subject} ({member_names[subject]})"
    p = {"year": row["year"], "cell": cell, "subject": subject}
    if rule.code in ("quota_members", "quota_cells"):
        quota = quota or QuotaSettings()
        base, share, raw = detail.split("|")
        raw_text = (fmt.fmt_amount(float(raw), lang) if float(raw).is_integer()
                    else fmt.fmt_number(float(raw), 2, lang).rstrip("0"))
        p.update(value=fmt.fmt_amount(value, lang), limit=fmt.fmt_amount(limit, lang), base=base,
                 share=fmt.fmt_percent(float(share), lang), raw=raw_text,
                 base_level=t(f"quota.base.{quota.base}"), rounding=t(f"quota.rounding.{quota.rounding}"),
                 where=t("quota.in_cell", cell=cell) if row.get("branch_code") else "")
    elif rule.code in ("disciplined_rated_high", "disciplined_above_cap"):
        level, best = detail.split("|")
        p.update(level=levels.get(level, level), best=levels.get(best, best))
    elif rule.code in ("cell_excellent_share", "cell_pass_share"):
        level, count, rated = detail.split("|")
        p.update(level=levels.get(level, level), count=count, rated=rated,
                 share=fmt.fmt_percent(value, lang), limit=fmt.fmt_percent(limit, lang))
    elif rule.code == "cell_committee_disciplined":
        level, members = detail.split("|")
        p.update(level=levels.get(level, level), members=members)
    elif rule.code in ("level_above_band", "level_differs_from_band"):
        decided, computed = detail.split("|")
        p.update(decided=levels.get(decided, decided), computed=levels.get(computed, computed),
                 score=fmt.fmt_number(value, 1, lang))
    elif rule.code == "meetings_regular":
        p.update(value=fmt.fmt_amount(value, lang), limit=fmt.fmt_amount(limit, lang))
    elif rule.code == "meetings_thematic":
        p.update(value=fmt.fmt_amount(value, lang), limit=fmt.fmt_amount(limit, lang),
                 quarter=periods.Period(int(row["year"]), "quarter", int(detail)).label(lang))
    elif rule.code == "meeting_attendance":
        p.update(date=detail, value=fmt.fmt_percent(value, lang), limit=fmt.fmt_percent(limit, lang))
    elif rule.code in ("meeting_unexcused", "meeting_too_short"):
        p.update(date=detail, value=fmt.fmt_amount(value, lang), limit=fmt.fmt_amount(limit, lang),
                 combined=t("rule.meeting_too_short.combined") if row.get("tag") == "combined" else "")
    elif rule.code == "removal_unexcused_months":
        months, reached = detail.split("|")
        p.update(value=fmt.fmt_amount(value, lang), limit=fmt.fmt_amount(limit, lang), months=months, reached=reached)
    return t(f"rule.{rule.code}", **p)


def citation(rule: Rule, source: str, lang: str, sources: pd.DataFrame, thresholds: pd.DataFrame) -> str:
    """How the finding cites its source; says so when a threshold was carried over unverified."""
    row = sources[sources["source"] == source]
    if row.empty:
        return source
    text = str(row.iloc[0]["citation_vi" if lang == "vi" else "citation_en"])
    used = thresholds[(thresholds["source"] == source) & thresholds["threshold"].isin(rule.thresholds)]
    if len(used) and not bool(used["verified"].all()):
        text += " — " + i18n.t("rule.unverified", lang)
    return text


def _asked(rule: Rule, topics: set[str] | None, only: set[str] | None) -> bool:
    return (topics is None or rule.topic in topics) and (only is None or rule.code in only)


def reads(branches: list[str], today: dt.date, quota: QuotaSettings | None = None,
          topics: set[str] | None = None, only: set[str] | None = None) -> dict[str, dict[str, object]]:
    """The rule queries ``collect`` runs for these cells and topics (and rules, ``only``), each
    with its parameters (a page may start them side by side before it collects)."""
    quota = quota or QuotaSettings.from_settings()
    out: dict[str, dict[str, object]] = {}
    for rule in RULES:
        if not _asked(rule, topics, only) or rule.query in out:
            continue
        params: dict[str, object] = {"branches": branches}
        if rule.query in ("rules.quota_members", "rules.quota_cells"):
            params.update(quota.params())
            if rule.query == "rules.quota_cells":
                params.pop("quota_pool")
        if rule.query in ("rules.meetings_regular", "rules.meetings_thematic"):
            params["today"] = today
        out[rule.query] = params
    return out


def reference_reads(branches: list[str]) -> dict[str, dict[str, object]]:
    """The reads ``collect`` makes besides the rules' queries: the levels, sources and thresholds
    its sentences and citations name, the cells' names."""
    return {"reference.levels": {}, "reference.sources": {}, "reference.thresholds": {},
            "reference.branch_options": {"branches": branches}}


def collect(run: Callable[..., pd.DataFrame], branches: list[str], today: dt.date, lang: str = "vi",
            names: dict[str, str] | None = None, years: set[int] | None = None,
            quota: QuotaSettings | None = None,
            member_names: dict[str, str] | Callable[[set[str]], dict[str, str]] | None = None,
            topics: set[str] | None = None, only: set[str] | None = None,
            together: Callable[[dict[str, dict]], dict[str, pd.DataFrame]] | None = None) -> pd.DataFrame:
    """Every finding for the given cells (and years, and topics, and rules: ``only``), most
    severe first.

    ``member_names`` (for administrators only) adds names beside member codes: a mapping, or a
    function giving the names of the codes it is given (those the findings name). ``together``
    reads the rules' queries at once (``queries.run_together``); without it, one by one (``run``).
    """
    quota = quota or QuotaSettings.from_settings()
    reference = reference_reads(branches)
    levels_frame = run("reference.levels", **reference["reference.levels"])
    level_names = dict(zip(levels_frame["code"], levels_frame["name_vi" if lang == "vi" else "name_en"]))
    sources = run("reference.sources", **reference["reference.sources"])
    thresholds = run("reference.thresholds", **reference["reference.thresholds"])
    if names is None:
        options = run("reference.branch_options", **reference["reference.branch_options"])
        names = dict(zip(options["branch_code"], options["branch_name"]))
    asked = reads(branches, today, quota, topics, only)
    results = together(asked) if together is not None and len(asked) > 1 else \
        {name: run(name, **params) for name, params in asked.items()}
    if callable(member_names):     # the names of the members the findings name, not of every member
        member_names = member_names({code for frame in results.values() for code in frame["subject_code"]
                                     if isinstance(code, str)})
    cited: dict[tuple[str, str], str] = {}   # (rule, source) → citation: a handful, not one per finding
    rows = []
    for rule in RULES:
        if not _asked(rule, topics, only):
            continue
        frame = results[rule.query]
        if rule.tag is not None:
            frame = frame[frame["tag"] == rule.tag]
        if years is not None:
            frame = frame[frame["year"].isin(years)]
        for record in frame.to_dict("records"):
            key = (rule.code, record["source"])
            if key not in cited:
                cited[key] = citation(rule, record["source"], lang, sources, thresholds)
            rows.append({
                "rule": rule.code, "topic": rule.topic, "severity": rule.severity, "year": int(record["year"]),
                "branch_code": record.get("branch_code"), "subject_code": record.get("subject_code"),
                "value": record.get("value"), "limit_value": record.get("limit_value"),
                "message": sentence(rule, record, lang, names, level_names, member_names, quota),
                "source": cited[key],
            })
    found = pd.DataFrame(rows, columns=COLUMNS)
    if found.empty:
        return found
    found["_order"] = found["severity"].map(SEVERITY_ORDER)
    return found.sort_values(["_order", "year", "branch_code"], ascending=[True, False, True],
                             na_position="first", kind="stable").drop(columns="_order").reset_index(drop=True)



# ---------------------------------------------------------------- the README's table of rules

SEVERITY_WORD = {ERROR: "Lỗi", WARNING: "Cảnh báo", INFO: "Thông tin"}


def _threshold_text(value: float, unit: str, levels: dict[int, str]) -> str:
    if unit == "ratio":
        return fmt.fmt_percent(value, "vi")
    if unit == "minutes":
        return f"{value:g} phút"
    if unit == "level":
        return levels.get(int(value), f"{value:g}")
    return f"{value:g}"


def reference_table(sources: pd.DataFrame, thresholds: pd.DataFrame, levels: pd.DataFrame) -> str:
    """Every rule with each source that sets its threshold: the dates of the facts that source
    judges, the threshold, and what the rule counts. Markdown, written from the same rows the
    rules read (the README carries it; a test fails when they drift apart)."""
    by_ordinal = dict(zip(levels["ordinal"].astype(int), levels["code"]))
    lines = ["| rule | severity | source | judges facts dated | threshold | counts |",
             "|---|---|---|---|---|---|"]
    for rule in RULES:
        used = thresholds[thresholds["threshold"].isin(rule.thresholds)]
        for source in sources[sources["source"].isin(used["source"])].itertuples(index=False):
            if source.topic not in rule.source_topics:
                continue
            mine = used[used["source"] == source.source]
            values = "; ".join(
                f"{t.threshold} = {_threshold_text(t.value, t.unit, by_ordinal)}" + ("" if t.verified else " (*)")
                for t in mine.itertuples(index=False))
            if source.in_force_from.year <= 1900:   # the office's own framework: no dates, a scope
                dates = source.scope_vi
            else:
                end = fmt.fmt_date(source.in_force_to) if pd.notna(source.in_force_to) else "…"
                dates = f"{fmt.fmt_date(source.in_force_from)} – {end}"
            lines.append(f"| `{rule.code}` | {SEVERITY_WORD[rule.severity]} | {source.citation_vi} | "
                         f"{dates} | {values} | {rule.counts} |")
    return "\n".join(lines)


def shipped_table() -> str:
    """The README's table, from a new in-memory store holding the reference data as shipped."""
    import functools

    from . import queries, store
    conn = store.open_database(":memory:")
    try:
        run = functools.partial(queries.run, cur=conn.cursor())
        return reference_table(run("reference.sources"), run("reference.thresholds"), run("reference.levels"))
    finally:
        conn.close()
