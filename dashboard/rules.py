"""Regulation checks: each a named rule with its source, subject, numbers and a sentence.

The arithmetic is SQL (``queries/rules.sql``); this module knows each rule's
severity and source, and writes the finding in the reader's language. It never
touches Streamlit: callers pass a ``run(query_name, **params)`` function (the
page's cached query, or ``queries.run`` in tests).
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from typing import Callable

import pandas as pd

from . import i18n, settings

ERROR, WARNING, INFO = "error", "warning", "info"
SEVERITY_ORDER = {ERROR: 0, WARNING: 1, INFO: 2}


@dataclass(frozen=True)
class Rule:
    code: str
    query: str              # named query returning year, branch_code, subject_code, value, limit_value, detail
    severity: str
    subject: str            # dang_bo | chi_bo | dang_vien | sinh_hoat
    source: str             # may name {regime} and {guidance}
    detail_filter: str | None = None   # for queries that return several rules, the detail value of this one


RULES: tuple[Rule, ...] = (
    Rule("quota_members", "rules.quota_members", ERROR, "dang_bo", "{regime}, {guidance}"),
    Rule("quota_cells", "rules.quota_cells", ERROR, "dang_bo", "{regime}, {guidance}"),
    Rule("disciplined_rated_high", "rules.disciplined_rated_high", ERROR, "dang_vien", "{regime}, {guidance}"),
    Rule("cell_members_fall_short", "rules.cell_members_fall_short", WARNING, "chi_bo",
         "Hướng dẫn của Ban Tổ chức Trung ương (xếp loại chi bộ HTTNV)"),
    Rule("cell_disciplined_share", "rules.cell_disciplined_share", WARNING, "chi_bo",
         "Hướng dẫn của Ban Tổ chức Trung ương (chi bộ có trên 20 % đảng viên bị kỷ luật)"),
    Rule("level_out_of_band", "rules.level_out_of_band", WARNING, "chi_bo", "Thang điểm 100 điểm, {regime}"),
    Rule("meetings_regular", "rules.meetings_per_year", WARNING, "chi_bo",
         "Quy định về sinh hoạt chi bộ (mỗi tháng một lần)", "regular"),
    Rule("meetings_thematic", "rules.meetings_per_year", WARNING, "chi_bo",
         "Quy định về sinh hoạt chuyên đề (ít nhất mỗi quý một lần)", "thematic"),
    Rule("meeting_attendance", "rules.meeting_attendance", WARNING, "sinh_hoat",
         "Tỷ lệ đảng viên dự sinh hoạt trên 85 %"),
    Rule("meeting_unexcused", "rules.meeting_unexcused", INFO, "sinh_hoat",
         "Không có đảng viên vắng sinh hoạt không lý do"),
    Rule("meeting_too_short", "rules.meeting_too_short", INFO, "sinh_hoat",
         "Hướng dẫn 42-HD/BTCTW (2025): ít nhất 90 phút, 120 phút khi kết hợp"),
    Rule("consecutive_absences", "rules.consecutive_absences", WARNING, "dang_vien",
         "Điều lệ Đảng: không vắng quá 3 kỳ sinh hoạt liên tiếp"),
)
RULES_BY_CODE = {r.code: r for r in RULES}
COLUMNS = ["rule", "severity", "year", "branch_code", "subject_code", "value", "limit_value", "message",
           "source"]


def quota_base() -> str:
    """The quota's denominator from the settings (httnv or httnv_or_better)."""
    value = settings.get("DASHBOARD_QUOTA_BASE")
    return value if value in ("httnv", "httnv_or_better") else "httnv"


def _pct(value: float, lang: str) -> str:
    return i18n.fmt_number(value * 100, 1, lang) + " %"


def _num(value: float, lang: str) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    return i18n.fmt_number(value, 0 if float(value).is_integer() else 1, lang)


def sentence(rule: Rule, row: dict, lang: str, names: dict[str, str], levels: dict[str, str],
             member_names: dict[str, str] | None = None) -> str:
    """The finding in words, with its numbers."""
    branch = names.get(row.get("branch_code") or "", row.get("branch_code") or "")
    detail = str(row.get("detail") or "")
    value, limit = row.get("value"), row.get("limit_value")
    subject = row.get("subject_code") or ""
    if member_names and member_names.get(subject):
        subject = f"{subject} ({member_names[subject]})"
    p = {"year": row["year"], "branch": branch, "subject": subject}
    if rule.code in ("quota_members", "quota_cells"):
        base, share, quota = detail.split("|")
        p.update(value=_num(value, lang), base=base, limit=_num(math.floor(limit + 1e-9), lang),
                 share=_pct(float(share), lang).replace(",0 %", " %"),
                 base_level=i18n.t(f"quota.base.{quota}", lang))
    elif rule.code == "disciplined_rated_high":
        p.update(level=levels.get(detail, detail))
    elif rule.code == "cell_members_fall_short":
        level, passed, good, rated = detail.split("|")
        p.update(level=levels.get(level, level), passed=passed, good=good, rated=rated)
    elif rule.code == "cell_disciplined_share":
        p.update(share=_pct(value, lang), level=levels.get(detail, detail))
    elif rule.code == "level_out_of_band":
        decided, computed = detail.split("|")
        p.update(decided=levels.get(decided, decided), computed=levels.get(computed, computed),
                 score=i18n.fmt_number(value, 1, lang))
    elif rule.code in ("meetings_regular", "meetings_thematic"):
        p.update(value=_num(value, lang), limit=_num(limit, lang))
    elif rule.code == "meeting_attendance":
        p.update(date=detail, value=_pct(value, lang), limit=_pct(limit, lang))
    elif rule.code in ("meeting_unexcused", "meeting_too_short"):
        p.update(date=detail, value=_num(value, lang), limit=_num(limit, lang))
    elif rule.code == "consecutive_absences":
        first, last = detail.split("|")
        p.update(value=_num(value, lang), limit=_num(limit, lang), first=first, last=last)
    return i18n.t(f"rule.{rule.code}", lang, **p)


def collect(run: Callable[..., pd.DataFrame], branches: list[str], today: dt.date, lang: str = "vi",
            names: dict[str, str] | None = None, years: set[int] | None = None,
            quota: str | None = None, member_names: dict[str, str] | None = None) -> pd.DataFrame:
    """Every finding for the given cells (and years), most severe first.

    ``member_names`` (for administrators only) adds names beside member codes.
    """
    quota = quota or quota_base()
    levels_frame = run("reference.levels")
    levels = dict(zip(levels_frame["code"], levels_frame["name_vi" if lang == "vi" else "name_en"]))
    regimes = run("reference.regimes")
    if names is None:
        options = run("reference.branch_options", branches=branches)
        names = dict(zip(options["branch_code"], options["branch_name"]))
    results: dict[str, pd.DataFrame] = {}
    rows = []
    for rule in RULES:
        if rule.query not in results:
            params = {"branches": branches}
            if rule.query in ("rules.quota_members", "rules.quota_cells"):
                params["quota_base"] = quota
            if rule.query == "rules.meetings_per_year":
                params["today"] = today
            results[rule.query] = run(rule.query, **params)
        frame = results[rule.query]
        for record in frame.to_dict("records"):
            if rule.detail_filter and record["detail"] != rule.detail_filter:
                continue
            year = int(record["year"])
            if years is not None and year not in years:
                continue
            regime, guidance = _regime_for(regimes, year)
            rows.append({
                "rule": rule.code, "severity": rule.severity, "year": year,
                "branch_code": record.get("branch_code"), "subject_code": record.get("subject_code"),
                "value": record.get("value"), "limit_value": record.get("limit_value"),
                "message": sentence(rule, record, lang, names, levels, member_names),
                "source": rule.source.format(regime=regime, guidance=guidance),
            })
    found = pd.DataFrame(rows, columns=COLUMNS)
    if found.empty:
        return found
    found["_order"] = found["severity"].map(SEVERITY_ORDER)
    return found.sort_values(["_order", "year", "branch_code"], ascending=[True, False, True],
                             na_position="first", kind="stable").drop(columns="_order").reset_index(drop=True)


def _regime_for(regimes: pd.DataFrame, year: int) -> tuple[str, str]:
    end = dt.date(year, 12, 31)
    chosen = regimes.iloc[0] if len(regimes) else None
    for row in regimes.itertuples(index=False):
        if pd.Timestamp(row.effective_from).date() <= end:
            chosen = row
    if chosen is None:
        return "", ""
    return (chosen.regime, chosen.guidance) if hasattr(chosen, "regime") else (chosen["regime"], chosen["guidance"])
