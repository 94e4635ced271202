"""Assessment periods (kỳ đánh giá): parsing, canonical form, order and labels.

Canonical forms: ``2025`` (year), ``2025-Q1`` … ``2025-Q4`` (quarter),
``2025-H1`` / ``2025-H2`` (half year). Vietnamese spellings are accepted on the
way in and produced on the way out.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4}
ROMAN_OUT = {v: k for k, v in ROMAN.items()}
YEAR_MIN, YEAR_MAX = 1990, 2100


@dataclass(frozen=True, order=True)
class Period:
    year: int
    kind: str  # "year" | "half" | "quarter"
    number: int  # 0 for a year

    @property
    def code(self) -> str:
        if self.kind == "year":
            return str(self.year)
        return f"{self.year}-{'Q' if self.kind == 'quarter' else 'H'}{self.number}"

    @property
    def start(self) -> dt.date:
        month = {"year": 1, "half": 1 + 6 * (self.number - 1),
                 "quarter": 1 + 3 * (self.number - 1)}[self.kind]
        return dt.date(self.year, month, 1)

    @property
    def end(self) -> dt.date:
        months = {"year": 12, "half": 6, "quarter": 3}[self.kind]
        last_month = self.start.month + months - 1
        nxt = dt.date(self.year + (last_month == 12), last_month % 12 + 1, 1)
        return nxt - dt.timedelta(days=1)

    def previous(self) -> "Period":
        """The previous period of the same kind (2025-Q1 → 2024-Q4)."""
        if self.kind == "year":
            return Period(self.year - 1, "year", 0)
        count = 4 if self.kind == "quarter" else 2
        if self.number == 1:
            return Period(self.year - 1, self.kind, count)
        return Period(self.year, self.kind, self.number - 1)

    def year_before(self) -> "Period":
        """The same period a year earlier (2025-Q3 → 2024-Q3)."""
        return Period(self.year - 1, self.kind, self.number)

    def label(self, lang: str = "vi") -> str:
        if lang == "en":
            if self.kind == "year":
                return f"Year {self.year}"
            if self.kind == "quarter":
                return f"Q{self.number} {self.year}"
            return f"{'First' if self.number == 1 else 'Second'} half {self.year}"
        if self.kind == "year":
            return f"Năm {self.year}"
        if self.kind == "quarter":
            return f"Quý {ROMAN_OUT[self.number]}/{self.year}"
        return f"6 tháng {'đầu' if self.number == 1 else 'cuối'} năm {self.year}"


def _fold(text: str) -> str:
    """Lower case, no diacritics, single spaces: a key for matching spellings."""
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Mn")
    return re.sub(r"\s+", " ", text).strip().lower()


_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^(?:nam )?(\d{4})$"), "year"),
    (re.compile(r"^(\d{4}) ?[-/ ]? ?q([1-4])$"), "quarter"),
    (re.compile(r"^q([1-4]) ?[-/ ]? ?(\d{4})$"), "quarter_rev"),
    (re.compile(r"^quy ([1-4]|i{1,3}|iv) ?[/ -] ?(?:nam )?(\d{4})$"), "quarter_vi"),
    (re.compile(r"^(\d{4}) ?[-/ ]? ?h([12])$"), "half"),
    (re.compile(r"^h([12]) ?[-/ ]? ?(\d{4})$"), "half_rev"),
    (re.compile(r"^6 thang (dau|cuoi) nam (\d{4})$"), "half_vi"),
)


def parse_period(value: object) -> Period:
    """Parse a period as users write it; raise ValueError when it is not one."""
    if isinstance(value, bool) or value is None:
        raise ValueError("not a period")
    if isinstance(value, (int, float)):
        if float(value) != int(value):
            raise ValueError("not a period")
        text = str(int(value))
    else:
        text = _fold(unicodedata.normalize("NFC", str(value)))
    for pattern, shape in _PATTERNS:
        m = pattern.match(text)
        if not m:
            continue
        if shape == "year":
            period = Period(int(m.group(1)), "year", 0)
        elif shape == "quarter":
            period = Period(int(m.group(1)), "quarter", int(m.group(2)))
        elif shape == "quarter_rev":
            period = Period(int(m.group(2)), "quarter", int(m.group(1)))
        elif shape == "quarter_vi":
            q = m.group(1)
            period = Period(int(m.group(2)), "quarter", int(q) if q.isdigit() else ROMAN[q.upper()])
        elif shape == "half":
            period = Period(int(m.group(1)), "half", int(m.group(2)))
        elif shape == "half_rev":
            period = Period(int(m.group(2)), "half", int(m.group(1)))
        else:
            period = Period(int(m.group(2)), "half", 1 if m.group(1) == "dau" else 2)
        if not YEAR_MIN <= period.year <= YEAR_MAX:
            raise ValueError("year out of range")
        return period
    raise ValueError("not a period")


def normalise_period(value: object) -> str:
    """The canonical code of a period written any accepted way."""
    return parse_period(value).code


def sort_key(code: str) -> tuple[int, int, int]:
    """Chronological order: by year, then year < halves < quarters, then number."""
    p = parse_period(code)
    return (p.year, {"year": 0, "half": 1, "quarter": 2}[p.kind], p.number)


def newest_first(code: str) -> tuple[int, int, int]:
    """The order of a list to choose from: the latest year first, and in a year the year itself
    before its quarters, then halves, the latest first (``reference.periods`` in SQL)."""
    year, kind, number = sort_key(code)     # kind: 0 year, 1 half, 2 quarter
    return (-year, min(kind, 1), -(10 * kind + number))


def label(code: str, lang: str = "vi") -> str:
    return parse_period(code).label(lang)
