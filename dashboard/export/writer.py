"""The workbook writer every spreadsheet goes through: cells written as values, never as formulas.

Text that begins like a formula (= + - @, tab, CR) is written as a string with Excel's quote
prefix, so Excel shows it as text and keeps it text when the cell is edited.
"""

from __future__ import annotations

import datetime as dt
import io
import re

from .. import i18n
from ..fmt import is_formula_like

FIXED_CREATED = dt.datetime(2026, 1, 1)
KIND_VI = {"text": "Văn bản", "code": "Mã", "date": "Ngày (dd/mm/yyyy)", "yesno": "Có/Không",
           "number": "Số", "integer": "Số nguyên", "percent": "Phần trăm (0–100)",
           "period": "Kỳ đánh giá", "year": "Năm", "enum": "Danh mục"}


class _Writer:
    """xlsxwriter with safe cell writing and the dashboard's formats."""

    def __init__(self):
        self.buffer = io.BytesIO()
        import xlsxwriter   # loaded at the first file written, not by every page

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
