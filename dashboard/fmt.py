"""How the dashboard writes numbers, percentages, dates, counts and names: the one place for it.

Vietnamese: 1.234,5 · 85,3 % · dd/mm/yyyy; English: 1,234.5 · 85.3 % · dd/mm/yyyy (the
office's date order in both languages). A missing value (None, NaN, NaT) is written "—".
Numbers are formatted as text everywhere (tables, charts, sentences, documents), so that no
browser's own locale plays a part. The messages themselves are in ``dashboard.messages``,
looked up with ``i18n.t``.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Callable

import pandas as pd

from . import i18n

MISSING = "—"
# Text that a spreadsheet would run as a formula when it starts with one of these.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def is_missing(value: object) -> bool:
    """None, NaN, NA, NaT: a value shown as ``MISSING`` (a list or other container is a value)."""
    if value is None:
        return True
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):   # lists and other containers are values
        return False


# ---------------------------------------------------------------- numbers

def fmt_number(value: float | int | None, decimals: int = 1, lang: str = i18n.DEFAULT_LANG) -> str:
    """1234.5 → '1.234,5' (vi) or '1,234.5' (en); None/NaN → '—'."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return MISSING
    text = f"{value:,.{decimals}f}"
    if lang == "vi":
        text = text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    return text


def fmt_amount(value: float | None, lang: str = i18n.DEFAULT_LANG) -> str:
    """A count or an amount as a sentence says it: 12 (a whole number), 12,5 (one decimal); a
    value that shows as a whole number at one decimal (2,9999…) is written as one (3)."""
    if is_missing(value):
        return MISSING
    return fmt_number(value, 0 if round(float(value), 1).is_integer() else 1, lang)


def fmt_percent(value: float | None, lang: str = i18n.DEFAULT_LANG, decimals: int = 1, fixed: bool = False) -> str:
    """A ratio as the app writes every percentage: 0.853 → '85,3 %', and in a sentence 0.85 →
    '85 %' (a trailing ',0' is dropped; ``fixed`` keeps it, for a table column whose figures
    line up, as a spreadsheet's 0,0 % format shows them); '85.3 %' in English; None → '—'."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return MISSING
    return fmt_points_percent(value * 100, lang, decimals, fixed)


def fmt_points_percent(value: float | None, lang: str = i18n.DEFAULT_LANG, decimals: int = 1,
                       fixed: bool = False) -> str:
    """A percentage already on the 0–100 scale (progress of an action): 62.5 → '62,5 %'."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return MISSING
    text = fmt_number(value, decimals, lang)
    if decimals and not fixed:
        text = text.rstrip("0").rstrip(",." if lang == "vi" else ".")
    return f"{text} %"


def count_text(value: float | None, lang: str) -> str:
    """A count: 1.234; None → '—'."""
    return fmt_number(value, 0, lang) if value is not None else MISSING


def score_text(value: float | None, lang: str) -> str:
    """A score with its one decimal: 85,8; None → '—'."""
    return fmt_number(value, 1, lang) if value is not None else MISSING


def percent_text(value: float | None, lang: str) -> str:
    """A progress percentage (0–100) as cards and sentences show it: 90 %; None → '—'."""
    return fmt_points_percent(value, lang, 0) if value is not None else MISSING


def signed_change(value: float | None, lang: str, decimals: int = 1) -> str:
    """▲ 2,8 · ▼ 0,5 · = 0,0 (a change of score in a table); None → '—'."""
    if is_missing(value):
        return MISSING
    return ("▲ " if value > 0 else "▼ " if value < 0 else "= ") + fmt_number(abs(value), decimals, lang)


def rank_with_change(rank: object, change: object) -> str:
    """'2 ▲1' (rose one place), '3 ▼2', '1' (no change or nothing to compare), '—' (not ranked)."""
    if is_missing(rank):
        return MISSING
    text = str(int(rank))
    if not is_missing(change) and change != 0:
        text += f" {'▲' if change > 0 else '▼'}{int(abs(change))}"
    return text


# ---------------------------------------------------------------- dates

def fmt_date(value: dt.date | dt.datetime | None) -> str:
    """dd/mm/yyyy, in every language (the office's convention)."""
    if value is None:
        return MISSING
    try:
        return value.strftime("%d/%m/%Y")
    except (AttributeError, ValueError):
        return MISSING


def fmt_datetime(value: dt.datetime | None) -> str:
    """dd/mm/yyyy hh:mm."""
    if value is None:
        return MISSING
    try:
        return value.strftime("%d/%m/%Y %H:%M")
    except (AttributeError, ValueError):
        return MISSING


# ---------------------------------------------------------------- names and text

def join_names(names: list[str], lang: str) -> str:
    """'A', 'A và B', 'A, B và C' ('A, B and C' in English)."""
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + i18n.t("summary.and", lang) + names[-1]


def mid_sentence(label: str) -> str:
    """A period label inside a sentence: "Năm 2024" → "năm 2024", "Quý II/2026" → "quý II/2026";
    "Q3 2026" stays as it is (an abbreviation)."""
    if not label or label[1:2].isdigit():
        return label
    return label[:1].lower() + label[1:]


def solution_label(n: int, titles: dict[int, str]) -> str:
    """'3. Hoàn thiện mô hình tổ chức …': a solution named by its number and short title."""
    return f"{int(n)}. {titles.get(int(n), '')}".strip()


def unit_head(name: str) -> str:
    """A unit's column head (a unit: a cell or the Đảng ủy): its name without the 'Chi bộ' every
    cell's name starts with."""
    return name[len("Chi bộ "):] if name.startswith("Chi bộ ") else name


def is_formula_like(value: object) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_START)


def neutralise(value: object) -> object:
    """For CSV and other plain-text exports: a leading apostrophe makes a formula-like text inert."""
    return "'" + value if is_formula_like(value) else value


def cell_text(value: object) -> str:
    """A table cell's text. Formula-like text stays inert wherever a table's text ends up (copied
    into a spreadsheet, or exported): the tables' own CSV download is off
    (client.disableDataExport), but not relied on."""
    if value is None or (not isinstance(value, (str, list, tuple, dict)) and pd.isna(value)):
        return ""
    return str(neutralise(str(value)))


# ---------------------------------------------------------------- table columns

def _or_missing(format_value: Callable[[object, str], str]) -> Callable[[object, str], str]:
    return lambda v, lang: MISSING if is_missing(v) else format_value(v, lang)


# A table column's kind → formatter(value, lang). ``export`` writes the same kinds to Excel.
FORMATS: dict[str, Callable[[object, str], str]] = {
    "text": lambda v, lang: cell_text(v),
    "int": _or_missing(lambda v, lang: fmt_number(v, 0, lang)),
    "score": _or_missing(lambda v, lang: fmt_number(v, 1, lang)),
    "ratio": _or_missing(lambda v, lang: fmt_percent(v, lang, fixed=True)),
    "percent": _or_missing(lambda v, lang: fmt_points_percent(v, lang, 0)),
    "date": _or_missing(lambda v, lang: fmt_date(v)),
    "datetime": _or_missing(lambda v, lang: fmt_datetime(v)),
    "yesno": _or_missing(lambda v, lang: i18n.t("yes" if v else "no", lang)),
    "delta": signed_change,
    "rank_delta": _or_missing(lambda v, lang: ("▲ " if v > 0 else "▼ " if v < 0 else "= ") + str(int(abs(v)))),
}
