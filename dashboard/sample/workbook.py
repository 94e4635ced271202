"""The sample written as the upload workbook (byte-identical from run to run)."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import xlsxwriter

from ..contract import SHEETS, Sheet
from .scenario import CREATED, DEFAULT_PATH, NO, YES


def _display(value: object) -> str:
    if isinstance(value, dt.date):
        return "00/00/0000"
    if isinstance(value, bool):
        return YES if value else NO
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return "" if value is None else str(value)


def _write_sheet(workbook, sheet: Sheet, rows: list[dict], formats: dict) -> None:
    ws = workbook.add_worksheet(sheet.name)
    widths = []
    for col, column in enumerate(sheet.columns):
        ws.write_string(0, col, column.header, formats["header"])
        widths.append(len(column.header))
    for r, row in enumerate(rows, start=1):
        for col, column in enumerate(sheet.columns):
            value = row.get(column.name)
            if value is None:
                continue
            if column.kind == "yesno":
                ws.write_string(r, col, YES if value else NO)
            elif isinstance(value, dt.date):
                ws.write_datetime(r, col, dt.datetime(value.year, value.month, value.day), formats["date"])
            elif isinstance(value, (int, float)) and not isinstance(value, bool):
                ws.write_number(r, col, value)
            else:
                ws.write_string(r, col, str(value))
            widths[col] = max(widths[col], len(_display(value)))
    for col, width in enumerate(widths):
        ws.set_column(col, col, min(70, width + 2))
    ws.freeze_panes(1, 0)
    ws.autofilter(0, 0, max(1, len(rows)), len(sheet.columns) - 1)


def generate(path: str | Path = DEFAULT_PATH) -> dict[str, int]:
    """Write the sample workbook to ``path``; return the number of data rows per sheet."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    from . import build   # the package builds, this module writes
    data = build()
    workbook = xlsxwriter.Workbook(str(path), {"strings_to_numbers": False, "strings_to_formulas": False,
                                               "strings_to_urls": False})
    workbook.set_properties({
        "title": "Dữ liệu mẫu — Đảng bộ Viện kiểm sát nhân dân tỉnh Lai Châu",
        "subject": "Dữ liệu mẫu (tổng hợp, không phải dữ liệu thật)",
        "author": "Dữ liệu mẫu",
        "company": "",
        "comments": "Dữ liệu tổng hợp để minh họa bảng điều khiển; không chứa dữ liệu cá nhân thật.",
        "created": CREATED,
    })
    formats = {"header": workbook.add_format({"bold": True, "bg_color": "#DDEBF7", "bottom": 1}),
               "date": workbook.add_format({"num_format": "dd/mm/yyyy"})}
    counts = {}
    for sheet in SHEETS:
        rows = data[sheet.name]
        _write_sheet(workbook, sheet, rows, formats)
        counts[sheet.name] = len(rows)
    workbook.close()
    return counts


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) > 1 or (argv and argv[0] in ("-h", "--help")):
        print("usage: python -m dashboard.sample [PATH]")
        return 2
    path = Path(argv[0]) if argv else DEFAULT_PATH
    counts = generate(path)
    print(f"{path}:")
    for name, count in counts.items():
        print(f"  {name}: {count}")
    return 0
