"""Spreadsheets the dashboard hands out: the template, error reports, every page's tables.

Every cell is written as a value, never as a formula: text that begins like a
formula (= + - @, tab, CR) is written as a string with Excel's quote prefix, so
Excel shows it as text and keeps it text when the cell is edited. In CSV, where
there is no such prefix, the text gets a leading apostrophe (``neutralise``).

A page's table goes out as the page shows it (``table_xlsx``, ``table_csv``): the
same column list as ``tables.display`` (source, label key, kind), numbers rounded
as shown but kept as numbers (Excel formats them: 85,5 · 85,3 % · ▲ 2,8), dates as
dates shown dd/mm/yyyy, the title and the filters above the table, the header
frozen. ``export_file_name`` names the file after what and when.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import unicodedata
from collections import defaultdict
from collections.abc import Mapping, Sequence

import pandas as pd
import xlsxwriter

from . import i18n
from .contract import COMMITTEE_CODE, SHEETS, SHEETS_BY_NAME, Column

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
FIXED_CREATED = dt.datetime(2026, 1, 1)
KIND_VI = {"text": "Văn bản", "code": "Mã", "date": "Ngày (dd/mm/yyyy)", "yesno": "Có/Không",
           "number": "Số", "integer": "Số nguyên", "percent": "Phần trăm (0–100)",
           "period": "Kỳ đánh giá", "year": "Năm", "enum": "Danh mục"}


def is_formula_like(value: object) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_START)


def neutralise(value: object) -> object:
    """For CSV and other plain-text exports: a leading apostrophe makes a formula-like text inert."""
    return "'" + value if is_formula_like(value) else value


class _Writer:
    """xlsxwriter with safe cell writing and the dashboard's formats."""

    def __init__(self):
        self.buffer = io.BytesIO()
        self.wb = xlsxwriter.Workbook(self.buffer, {"in_memory": True, "strings_to_formulas": False,
                                                    "strings_to_urls": False, "strings_to_numbers": False})
        self.wb.set_properties({"created": FIXED_CREATED, "author": i18n.t("app.org")})
        self.bold = self.wb.add_format({"bold": True, "bg_color": "#eeeeee", "border": 1, "text_wrap": True,
                                        "valign": "top"})
        self.text_quote = self.wb.add_format({"quote_prefix": True})
        self.date = self.wb.add_format({"num_format": "dd/mm/yyyy"})
        self.error_row = self.wb.add_format({"bg_color": "#f8d7da"})
        self.error_quote = self.wb.add_format({"bg_color": "#f8d7da", "quote_prefix": True})
        self.error_date = self.wb.add_format({"bg_color": "#f8d7da", "num_format": "dd/mm/yyyy"})
        self.warn_row = self.wb.add_format({"bg_color": "#fff3cd"})
        self.warn_quote = self.wb.add_format({"bg_color": "#fff3cd", "quote_prefix": True})
        self.warn_date = self.wb.add_format({"bg_color": "#fff3cd", "num_format": "dd/mm/yyyy"})
        self.title = self.wb.add_format({"bold": True, "font_size": 14})
        self.wrap = self.wb.add_format({"text_wrap": True, "valign": "top"})

    def cell(self, ws, row: int, col: int, value: object, mark: str | None = None, number_format=None) -> None:
        """One value, typed: numbers and dates as such, formula-like text quoted.

        ``number_format`` (an xlsxwriter format) replaces the default for numbers and dates.
        """
        base = {None: None, "error": self.error_row, "warning": self.warn_row}[mark]
        if value is None or (isinstance(value, float) and value != value):
            ws.write_blank(row, col, None, base)
        elif isinstance(value, bool):
            ws.write_string(row, col, i18n.t("yes") if value else i18n.t("no"), base)
        elif isinstance(value, (int, float)):
            ws.write_number(row, col, value, number_format or base)
        elif isinstance(value, (dt.date, dt.datetime)):
            fmt = number_format or {None: self.date, "error": self.error_date, "warning": self.warn_date}[mark]
            ws.write_datetime(row, col, value if isinstance(value, dt.datetime)
                              else dt.datetime(value.year, value.month, value.day), fmt)
        else:
            text = str(value)
            if is_formula_like(text):
                fmt = {None: self.text_quote, "error": self.error_quote, "warning": self.warn_quote}[mark]
            else:
                fmt = base
            ws.write_string(row, col, text, fmt)

    def row(self, ws, row: int, values: list[object], mark: str | None = None) -> None:
        for col, value in enumerate(values):
            self.cell(ws, row, col, value, mark)

    def close(self) -> bytes:
        self.wb.close()
        return self.buffer.getvalue()


def safe_sheet_name(name: str) -> str:
    """A worksheet name Excel accepts: no []:*?/\\, no leading/trailing apostrophe, ≤ 28 characters."""
    cleaned = re.sub(r"[\[\]:*?/\\]", "_", str(name)).strip("'").strip() or "sheet"
    return cleaned[:28]


def table_workbook(sheets: dict[str, tuple[list[str], list[list[object]]]]) -> bytes:
    """A plain export: one sheet per entry, (headers, rows), every cell safe."""
    w = _Writer()
    for name, (headers, rows) in sheets.items():
        ws = w.wb.add_worksheet(safe_sheet_name(name))
        w.row(ws, 0, headers)
        ws.set_row(0, None, w.bold)
        for i, values in enumerate(rows, start=1):
            w.row(ws, i, values)
        ws.freeze_panes(1, 0)
        for col, header in enumerate(headers):
            ws.set_column(col, col, max(12, min(50, len(str(header)) + 4)))
    return w.close()


# ---------------------------------------------------------------- a page's table, as the page shows it

# Column kind (as in tables.FORMATS) → Excel number format. The codes are Excel's own
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
# Decimals each numeric kind is shown with (tables.FORMATS); a ratio is shown as a % with 1.
DECIMALS = {"int": 0, "score": 1, "percent": 0, "delta": 1, "rank_delta": 0}
PERCENT_KINDS = ("ratio", "percent")


def _missing(value: object) -> bool:
    if value is None:
        return True
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def typed_value(value: object, kind: str, lang: str = "vi") -> object:
    """The value of a table cell as the page shows it, but typed: a number rounded to the
    decimals shown (so that Excel's sums agree with the page), a date, or text.

    A ratio (0,853, shown 85,3 %) stays a ratio rounded to the 0,1 % shown; a change too
    small to show keeps its sign, as the page's ▲ 0,0 does.
    """
    if _missing(value):
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


def _labels(columns: Sequence[tuple[str, str, str]], lang: str) -> list[str]:
    return [i18n.t(key, lang) if key in i18n.MESSAGES else key for _, key, _ in columns]


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
               filters: Mapping[str, str] | Sequence[tuple[str, str]] = (), lang: str = "vi") -> bytes:
    """A page's table as a workbook: title, the filters (one "label: value" line each), a blank
    line, the Vietnamese header (frozen, with Excel's filter buttons), then the rows.

    ``columns`` is the page's own list for ``tables.display``: (source column, label key, kind).
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
    labels = _labels(columns, lang)
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


def table_csv(frame: pd.DataFrame, columns: Sequence[tuple[str, str, str]], lang: str = "vi") -> bytes:
    """A page's table as CSV in UTF-8 with a BOM (Excel then reads the diacritics right).

    Comma-separated, one header row, no title; the values a program can read back: numbers
    rounded as the page shows them with a decimal point (a ratio as its percentage, the
    header saying "(%)"), dates dd/mm/yyyy, formula-like text with a leading apostrophe.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    labels = _labels(columns, lang)
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


# ---------------------------------------------------------------- the template

def template_workbook(branches: list[tuple], criteria: list[tuple], enums: dict[str, list[tuple[str, str]]],
                      lang: str = "vi", omit: dict[str, set[str]] | None = None,
                      prefill_criteria: bool = True) -> bytes:
    """The upload template ``mau-nhap-lieu.xlsx``: instructions, one sheet per table, lists.

    ``branches``: (code, name, secretary, founded_on, active) of current cells; ``criteria``:
    (code, name, group, max, solution, valid_from) of current criteria; ``enums``: domain →
    [(code, label)]. Pre-filled rows carry every stored value, so uploading the template
    unchanged changes nothing. ``omit``: sheet name → columns left out of that data sheet.
    """
    omit = omit or {}

    def columns_of(sheet) -> list[Column]:
        return [c for c in sheet.columns if c.name not in omit.get(sheet.name, set())]

    w = _Writer()
    guide = w.wb.add_worksheet("Hướng dẫn")
    lists = None  # created after the data sheets so they come first in the tab bar

    guide.write_string(0, 0, "Mẫu nhập liệu — " + i18n.t("app.org"), w.title)
    notes = [
        "Mỗi sheet là một bảng; sheet nào không cần thì để trống. Dòng 1 là tiêu đề cột, dữ liệu từ dòng 2.",
        "Ngày viết theo dd/mm/yyyy (05/03/2025 là ngày 5 tháng 3). Số thập phân dùng dấu phẩy hoặc dấu chấm.",
        "Kỳ đánh giá: 2025, Quý I/2025 (2025-Q1), 6 tháng đầu năm 2025 (2025-H1).",
        "Có/Không: Có, Không, x, 1, 0. Các cột có danh sách chọn: bấm vào ô để chọn giá trị.",
        "Tải lên cùng một tệp hai lần không làm thay đổi gì. Tệp có lỗi sẽ không được ghi dòng nào.",
        "Sheet Danh mục liệt kê các mã hiện có; không cần xóa sheet này và sheet Hướng dẫn khi tải lên.",
    ]
    for i, note in enumerate(notes, start=2):
        guide.write_string(i, 0, note)
    header_row = len(notes) + 3
    w.row(guide, header_row, ["Sheet", "Tiêu đề cột", "Tên khóa (ASCII)", "Tên tiếng Anh", "Bắt buộc",
                              "Kiểu dữ liệu", "Hướng dẫn"])
    guide.set_row(header_row, None, w.bold)
    r = header_row + 1
    for sheet in SHEETS:
        for column in sheet.columns:
            w.row(guide, r, [sheet.name, column.header + (" 🔑" if column.natural_key else ""), column.key,
                             column.name, "Có" if column.required else "", KIND_VI[column.kind], column.doc_vi])
            r += 1
    for col, width in enumerate((18, 28, 20, 18, 9, 18, 80)):
        guide.set_column(col, col, width, w.wrap if col == 6 else None)

    # Lists for drop-downs.
    list_columns: dict[str, list[str]] = {
        "branch": [b[0] for b in branches],
        "branch_or_committee": [b[0] for b in branches] + [COMMITTEE_CODE],
        "criterion": [c[0] for c in criteria],
        "yesno": ["Có", "Không"],
        "solution": [str(n) for n in range(1, 7)],
    }
    for domain, values in enums.items():
        list_columns[domain] = [code for code, _ in values]
    data_sheets = {}
    for sheet in SHEETS:
        ws = w.wb.add_worksheet(sheet.name)
        data_sheets[sheet.name] = ws
        for col, column in enumerate(columns_of(sheet)):
            ws.write_string(0, col, column.header, w.bold)
            ws.set_column(col, col, max(14, min(40, len(column.header) + 6)),
                          w.date if column.kind == "date" else None)
            if column.doc_vi:
                ws.write_comment(0, col, column.doc_vi)
        ws.freeze_panes(1, 0)
    lists = w.wb.add_worksheet("Danh mục")
    list_ranges = {}
    for col, (domain, values) in enumerate(list_columns.items()):
        lists.write_string(0, col, domain, w.bold)
        for i, value in enumerate(values, start=1):
            lists.write_string(i, col, value)
        letter = xlsxwriter.utility.xl_col_to_name(col)
        list_ranges[domain] = f"='Danh mục'!${letter}$2:${letter}${max(2, len(values) + 1)}"
        lists.set_column(col, col, 18)

    def list_for(sheet_name: str, column: Column) -> tuple[str, bool] | None:
        """(list range, strict) for a column's drop-down."""
        if column.kind == "yesno":
            return list_ranges["yesno"], True
        if column.kind == "enum" and column.enum in list_ranges:
            return list_ranges[column.enum], True
        if column.name == "solution":
            return list_ranges["solution"], True
        if column.name == "branch_code" and sheet_name != "chi_bo":
            key = "branch_or_committee" if sheet_name == "giai_phap" else "branch"
            return list_ranges[key], False   # a new cell may come in the same upload
        if column.name == "criterion_code" and sheet_name == "diem_danh_gia":
            return list_ranges["criterion"], False
        return None

    for sheet in SHEETS:
        ws = data_sheets[sheet.name]
        for col, column in enumerate(columns_of(sheet)):
            found = list_for(sheet.name, column)
            if found:
                source, strict = found
                ws.data_validation(1, col, 5000, col, {
                    "validate": "list", "source": source,
                    "error_type": "stop" if strict else "warning",
                    "error_title": column.header,
                    "error_message": "Giá trị không có trong danh mục (xem sheet Danh mục).",
                })
    # Pre-filled: the current cells and criteria, so an upload can start from them.
    def prefill(sheet_name: str, rows: list[dict]) -> None:
        names = [c.name for c in columns_of(SHEETS_BY_NAME[sheet_name])]
        for i, row in enumerate(rows, start=1):
            w.row(data_sheets[sheet_name], i, [row[n] for n in names])

    prefill("chi_bo", [{"branch_code": code, "branch_name": name, "secretary": secretary,
                        "founded_on": founded_on, "active": bool(active)}
                       for code, name, secretary, founded_on, active in branches])
    prefill("tieu_chi", [{"criterion_code": code, "criterion_name": name, "group": group,
                          "max_points": max_points, "solution": solution, "valid_from": valid_from}
                         for code, name, group, max_points, solution, valid_from in criteria
                         if prefill_criteria])
    guide.activate()
    return w.close()


# ---------------------------------------------------------------- error report of an upload

def problems_workbook(batch, lang: str = "vi") -> bytes:
    """The problems of an upload as a spreadsheet: a list, then each sheet with problem rows marked."""
    w = _Writer()
    ws = w.wb.add_worksheet("Lỗi" if lang == "vi" else "Problems")
    headers = [i18n.t(k, lang) for k in ("col.severity", "col.file", "col.sheet", "col.row", "col.column",
                                         "col.value", "col.message")]
    w.row(ws, 0, headers)
    ws.set_row(0, None, w.bold)
    for i, p in enumerate(batch.problems, start=1):
        w.row(ws, i, [i18n.t("severity." + p.severity, lang), p.file, p.sheet, p.row, p.column,
                      p.shown_value, p.message(lang)],
              mark=p.severity if p.severity in ("error", "warning") else None)
    for col, width in enumerate((10, 22, 18, 7, 22, 24, 100)):
        ws.set_column(col, col, width)
    ws.freeze_panes(1, 0)

    by_row = defaultdict(list)
    for p in batch.problems:
        if p.sheet is not None and p.row is not None:
            by_row[(p.file, p.sheet, p.row)].append(p)
    used_names = {ws.name.lower()}
    for data in batch.sheets.values():
        for located in data.located:
            table = located.table
            name = safe_sheet_name(table.sheet)
            while name.lower() in used_names:
                name = name[:26] + f"_{len(used_names)}"
            used_names.add(name.lower())
            sheet_ws = w.wb.add_worksheet(name)
            header = [i18n.t("col.row", lang), i18n.t("col.message", lang)] + located.headers
            w.row(sheet_ws, 0, header)
            sheet_ws.set_row(0, None, w.bold)
            for out, index in enumerate(located.data_indexes, start=1):
                number = table.row_number(index)
                problems = by_row.get((table.file, table.sheet, number), [])
                mark = "error" if any(p.severity == "error" for p in problems) else (
                    "warning" if problems else None)
                messages = "\n".join(p.message(lang) for p in problems) or None
                w.row(sheet_ws, out, [number, messages] + list(table.cells[index]), mark=mark)
            sheet_ws.set_column(1, 1, 60)
            sheet_ws.freeze_panes(1, 2)
    return w.close()
