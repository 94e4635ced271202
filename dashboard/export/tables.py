"""A page's table out as .xlsx or CSV, exactly as the page shows it (``tables.display``'s columns).

Numbers rounded as shown but kept as numbers (Excel formats them: 85,5 · 85,3 % · ▲ 2,8),
dates as dates shown dd/mm/yyyy, the title and the filters above the table, the header frozen.
``export_file_name`` names the file after what and when.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import unicodedata
from collections.abc import Mapping, Sequence

import pandas as pd

from .. import i18n
from ..fmt import is_missing, neutralise
from .writer import FIXED_CREATED, _Writer, safe_sheet_name

# Column kind (as in fmt.FORMATS) → Excel number format. The codes are Excel's own
# (locale-independent): a Vietnamese Excel shows "#,##0.0" as 1.234,5.
XLSX_FORMATS = {
    "int": "#,##0",
    "score": "#,##0.0",
    "ratio": "0.0 %",
    "percent": '0" %"',
    "date": "dd/mm/yyyy",
    "datetime": "dd/mm/yyyy hh:mm",
    "delta": '"▲ "0.0;"▼ "0.0;"= "0.0',
    "rank_delta": '"▲ "0;"▼ "0;"= "0',
}
# Decimals each numeric kind is shown with (fmt.FORMATS); a ratio is shown as a % with 1.
DECIMALS = {"int": 0, "score": 1, "percent": 0, "delta": 1, "rank_delta": 0}
PERCENT_KINDS = ("ratio", "percent")


def typed_value(value: object, kind: str, lang: str = "vi") -> object:
    """The value of a table cell as the page shows it, but typed: a number rounded to the
    decimals shown (so that Excel's sums agree with the page), a date, or text.

    A ratio (0,853, shown 85,3 %) stays a ratio rounded to the 0,1 % shown; a change too
    small to show keeps its sign, as the page's ▲ 0,0 does.
    """
    if is_missing(value):
        return None
    if kind == "text":
        return str(value)
    if kind == "yesno":
        return i18n.t("yes" if bool(value) else "no", lang)
    if kind == "date":
        stamp = pd.Timestamp(value)
        return dt.date(stamp.year, stamp.month, stamp.day)
    if kind == "datetime":
        return pd.Timestamp(value).to_pydatetime().replace(second=0, microsecond=0, tzinfo=None)
    number = float(value)
    if kind == "ratio":
        return round(number * 100, 1) / 100
    decimals = DECIMALS[kind]
    rounded = round(number, decimals)
    if kind in ("delta", "rank_delta") and rounded == 0 and number != 0:
        return number
    return int(rounded) if decimals == 0 and rounded == int(rounded) else rounded


def _labels(columns: Sequence[tuple[str, str, str]], lang: str, labels: Sequence[str] | None = None) -> list[str]:
    """The header: each column's label key in ``lang``, or ``labels`` as the page wrote them
    (a table whose headers are data: a cell's name, a year)."""
    return list(labels) if labels is not None else [i18n.t(key, lang) for _, key, _ in columns]


def _pairs(filters: Mapping[str, str] | Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
    return list(filters.items()) if isinstance(filters, Mapping) else [tuple(f) for f in filters]


def _shown_width(value: object) -> int:
    if value is None:
        return 1
    if isinstance(value, dt.datetime):
        return 16
    if isinstance(value, dt.date):
        return 10
    if isinstance(value, (int, float)):
        return len(f"{value:,.1f}") + 2
    return max((len(line) for line in str(value).splitlines()), default=1)


def table_xlsx(frame: pd.DataFrame, columns: Sequence[tuple[str, str, str]], title: str,
               filters: Mapping[str, str] | Sequence[tuple[str, str]] = (), lang: str = "vi",
               labels: Sequence[str] | None = None) -> bytes:
    """A page's table as a workbook: title, the filters (one "label: value" line each), a blank
    line, the Vietnamese header (frozen, with Excel's filter buttons), then the rows.

    ``columns`` is the page's own list for ``tables.display``: (source column, label key, kind);
    ``labels``, when given, the header as the page shows it instead of the label keys.
    """
    w = _Writer()
    w.wb.set_properties({"title": title, "created": FIXED_CREATED, "author": i18n.t("app.org", lang)})
    ws = w.wb.add_worksheet(safe_sheet_name(title))
    ws.write_string(0, 0, title, w.title)
    row = 1
    for label, value in _pairs(filters):
        w.cell(ws, row, 0, f"{label}: {value}")
        row += 1
    header_row = row + 1
    labels = _labels(columns, lang, labels)
    for col, label in enumerate(labels):
        ws.write_string(header_row, col, label, w.bold)
    formats = {kind: w.wb.add_format({"num_format": code}) for kind, code in XLSX_FORMATS.items()}
    widths = [len(label) for label in labels]
    records = frame.to_dict("records") if len(frame) else []
    for i, record in enumerate(records, start=header_row + 1):
        for col, (source, _, kind) in enumerate(columns):
            value = typed_value(record[source], kind, lang)
            w.cell(ws, i, col, value, number_format=formats.get(kind))
            widths[col] = max(widths[col], _shown_width(value))
    ws.freeze_panes(header_row + 1, 0)
    if records:
        ws.autofilter(header_row, 0, header_row + len(records), len(columns) - 1)
    for col, width in enumerate(widths):
        ws.set_column(col, col, max(8, min(60, width + 2)), w.wrap if width > 60 else None)
    return w.close()


def _csv_text(value: object, kind: str) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.strftime("%d/%m/%Y %H:%M")
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    if kind == "ratio":
        return f"{value * 100:.1f}"
    if isinstance(value, float):
        return f"{value:.{DECIMALS.get(kind, 1)}f}"
    if isinstance(value, int):
        return str(value)
    return str(neutralise(str(value)))


def table_csv(frame: pd.DataFrame, columns: Sequence[tuple[str, str, str]], lang: str = "vi",
              labels: Sequence[str] | None = None) -> bytes:
    """A page's table as CSV in UTF-8 with a BOM (Excel then reads the diacritics right).

    Comma-separated, one header row, no title; the values a program can read back: numbers
    rounded as the page shows them with a decimal point (a ratio as its percentage, the
    header saying "(%)"), dates dd/mm/yyyy, formula-like text with a leading apostrophe.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    labels = _labels(columns, lang, labels)
    writer.writerow([str(neutralise(f"{label} (%)" if kind in PERCENT_KINDS else label))
                     for label, (_, _, kind) in zip(labels, columns)])
    for record in (frame.to_dict("records") if len(frame) else []):
        writer.writerow([_csv_text(typed_value(record[source], kind, lang), kind) for source, _, kind in columns])
    return buffer.getvalue().encode("utf-8-sig")


def slug(text: object) -> str:
    """ASCII for a file name: no diacritics (đ → d), lower case, words joined by "-"."""
    plain = unicodedata.normalize("NFD", str(text).replace("đ", "d").replace("Đ", "D"))
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")


def export_file_name(what: str, period: str | None, today: dt.date, ext: str = "xlsx") -> str:
    """What and when, e.g. ("Xếp hạng", "2025", 30/11/2026) → xep-hang-2025-ngay-30-11-2026.xlsx."""
    parts = [slug(what) or "bang", slug(period) if period else "", "ngay", today.strftime("%d-%m-%Y")]
    return "-".join(p for p in parts if p) + "." + ext.lstrip(".")
