"""Small real .xlsx files for tests, written by openpyxl (a real tool, as users' files are)."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl

from dashboard.contract import SHEETS_BY_NAME


def xlsx_bytes(sheets: dict[str, list[list[object]]], headers: str = "vi") -> bytes:
    """A workbook with one sheet per entry; the first row of each is the header unless given.

    ``headers="vi"`` writes the contract's Vietnamese headers before the rows;
    ``headers="none"`` writes the rows exactly as given.
    """
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        if headers == "vi":
            ws.append([c.header for c in SHEETS_BY_NAME[name].columns])
        for row in rows:
            ws.append(row)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def write_xlsx(path: Path, sheets: dict[str, list[list[object]]], headers: str = "vi") -> Path:
    path.write_bytes(xlsx_bytes(sheets, headers))
    return path


# A minimal valid data set: two cells, three members, scores for one year.
BRANCHES = [["CB01", "Chi bộ Văn phòng", "Bí thư A", "01/01/2010", "Có"],
            ["CB02", "Chi bộ Hình sự", None, None, None]]
MEMBERS = [["DV001", None, "CB01", "chinh_thuc", "Bí thư", "01/02/2015", None],
           ["DV002", None, "CB01", "du_bi", "Đảng viên", "01/03/2024", None],
           ["DV003", None, "CB02", "chinh_thuc", "Đảng viên", "01/01/2012", None]]
CRITERIA_MAX = {"A1": 8, "A2": 8, "A3": 7, "A4": 7, "B1": 25, "B2": 15, "B3": 8, "B4": 6, "B5": 10, "B6": 6}


def scores(period: str, branch: str, fraction: float) -> list[list[object]]:
    return [[period, branch, code, round(mx * fraction, 1), None] for code, mx in CRITERIA_MAX.items()]
