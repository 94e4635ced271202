"""Every page's table as .xlsx and CSV: read back, it says what the page shows.

The page's text comes from ``tables.display`` (what ``st.dataframe`` is given). The workbook
is read back with openpyxl and each cell is shown the way Excel shows it, by a small
formatter written here for the few number formats the export uses, in Vietnamese
(1.234,5). Both must agree cell by cell.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import openpyxl
import pandas as pd
import pytest
from python_calamine import CalamineWorkbook

from dashboard import export, fmt, progress, queries, rankings, rules, store, tables

TODAY = dt.date(2026, 11, 26)
HOSTILE = '=HYPERLINK("http://x","bấm vào")'


# ---------------------------------------------------------------- Excel, as a Vietnamese Excel shows it

def _vi(number: float, decimals: int) -> str:
    text = f"{abs(number):,.{decimals}f}".replace(",", " ").replace(".", ",").replace(" ", ".")
    return ("-" if number < 0 and text.strip("0,.") else "") + text


def excel_shows(cell) -> str | None:
    """What Excel (Vietnamese regional settings) shows for a cell with the export's formats."""
    value, fmt = cell.value, cell.number_format
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.strftime("%d/%m/%Y %H:%M" if "hh" in fmt else "%d/%m/%Y")
    if isinstance(value, str):
        return value.replace("_x000D_", "\r")
    sections = {
        "#,##0": lambda v: _vi(v, 0),
        "#,##0.0": lambda v: _vi(v, 1),
        "0.0 %": lambda v: _vi(v * 100, 1) + " %",
        '0" %"': lambda v: _vi(v, 0) + " %",
        '"▲ "0.0;"▼ "0.0;"= "0.0': lambda v: ("▲ " if v > 0 else "▼ " if v < 0 else "= ") + _vi(abs(v), 1),
        '"▲ "0;"▼ "0;"= "0': lambda v: ("▲ " if v > 0 else "▼ " if v < 0 else "= ") + _vi(abs(v), 0),
    }
    return sections[fmt](value)


def page_text_of(xlsx_cell, kind: str) -> str:
    """The page's text for a cell, from Excel's: a blank number is "—" on the page, blank text
    is empty; text Excel keeps as text (quote prefix) carries the page's neutralising apostrophe."""
    shown = excel_shows(xlsx_cell)
    if shown is None:
        return "" if kind == "text" else "—"
    if kind == "text" and xlsx_cell.quotePrefix:
        return "'" + shown
    return shown


def assert_xlsx_equals_page(frame, columns, title="Bảng", filters=()):
    ws = openpyxl.load_workbook(io.BytesIO(export.table_xlsx(frame, columns, title, filters))).active
    header_row = len(filters) + 3         # the title, a line per filter, a blank line, the header
    page = tables.display(frame, columns, "vi")
    assert [ws.cell(header_row, c + 1).value for c in range(len(columns))] == list(page.columns)
    assert ws.max_row == header_row + len(frame)
    for i in range(len(frame)):
        got = [page_text_of(ws.cell(header_row + 1 + i, c + 1), kind) for c, (_, _, kind) in enumerate(columns)]
        assert got == list(page.iloc[i]), f"row {i}"
    return ws, header_row


# ---------------------------------------------------------------- the pages' tables

@pytest.fixture
def run(sample_db_master):
    cur = store.cursor(sample_db_master)
    return lambda name, **params: queries.run(name, cur=cur, **params)


def test_ranking_table(run):
    board = rankings.sort_board(rankings.leaderboard(run, "2025", "previous", None), "score")
    levels = run("reference.levels")
    short = dict(zip(levels["code"], levels["short_vi"]))
    board = board.assign(
        computed_name=[short.get(c, "Chưa đủ tiêu chí") for c in board["computed_level"].fillna("")],
        decided_name=[short.get(c, "—") for c in board["decided_level"].fillna("")],
        rank_text=[fmt.rank_with_change(r, ch) for r, ch in zip(board["rank"], board["rank_change"])],
    )
    columns = [("rank_text", "col.rank", "text"), ("branch_name", "col.cell", "text"),
               ("total_score", "col.total", "score"), ("total_change", "ranking.compare.previous", "delta"),
               ("common_score", "col.common", "score"), ("task_score", "col.tasks", "score"),
               ("computed_name", "col.level", "text"), ("decided_name", "col.decided", "text")]
    ws, header_row = assert_xlsx_equals_page(board, columns, "Xếp hạng chi bộ",
                                             [("Chi bộ", "Tất cả chi bộ"), ("Kỳ đánh giá", "Năm 2025")])
    # Numbers stay numbers: the total of the first row is the float 93.0, formatted "#,##0.0".
    first = ws.cell(header_row + 1, 3)
    assert first.data_type == "n" and first.number_format == "#,##0.0" and first.value == 93.0


def test_solution_tables(run):
    actions = progress.with_stale(progress.unit_names(
        run("solutions.actions", branches=None, today=TODAY), "vi"), 45)
    on_time = progress.on_time_by_unit(actions, list(dict.fromkeys(actions["branch_code"])))
    assert_xlsx_equals_page(on_time, [
        ("branch_name", "col.cell", "text"), ("actions", "col.actions", "int"),
        ("on_time", "solutions.col.on_time", "int"), ("on_time_share", "solutions.col.on_time_share", "ratio"),
        ("done_late", "solutions.col.done_late", "int"), ("overdue", "col.overdue", "int"),
        ("days_late_total", "solutions.col.days_late_total", "int"), ("days_late_max", "solutions.col.days_late_max", "int")])
    shown = actions.assign(flags=[progress.flag_words(r, "vi") for r in actions.to_dict("records")])
    ws, header_row = assert_xlsx_equals_page(shown, [
        ("action_code", "solutions.col.code", "text"), ("solution", "col.solution", "int"),
        ("branch_name", "col.cell", "text"), ("description", "col.description", "text"),
        ("due_on", "col.due", "date"), ("last_reported_on", "col.last_report", "date"),
        ("percent", "col.progress", "percent"), ("status", "col.status", "text"),
        ("flags", "solutions.col.flags", "text"), ("owner", "col.owner", "text")])
    # Dates are real dates, shown dd/mm/yyyy.
    due = ws.cell(header_row + 1, 5)
    assert isinstance(due.value, dt.datetime) and due.number_format == "dd/mm/yyyy"
    assert due.value.date() == pd.Timestamp(actions["due_on"].iloc[0]).date()


def test_meetings_history_audit_and_findings_tables(run, sample_db_master):
    yearly = run("meetings.yearly", branches=None, year=2025, today=TODAY)
    assert_xlsx_equals_page(yearly, [
        ("branch_name", "col.cell", "text"), ("criticism_share", "col.criticism", "ratio"),
        ("attendance", "col.attendance", "ratio"), ("unexcused", "col.unexcused", "int"),
        ("avg_minutes", "col.minutes", "int"), ("speakers", "col.speakers", "score"),
        ("low_attendance", "col.low_attendance", "int"), ("too_short", "col.too_short", "int")])
    history = run("uploads.history", branches=None)
    history = history.assign(rows=[sum(v.get("new", 0) + v.get("changed", 0) for v in json.loads(c).values())
                                   for c in history["counts"]])
    assert_xlsx_equals_page(history, [
        ("upload_id", "col.upload_id", "int"), ("file_name", "col.file", "text"),
        ("uploaded_by", "col.who", "text"), ("uploaded_at", "col.when", "datetime"),
        ("source", "col.source", "text"), ("rows", "col.rows", "int")])
    findings = rules.collect(run, list(run("reference.branch_options", branches=None)["branch_code"]), TODAY)
    assert len(findings) > 0
    assert_xlsx_equals_page(findings, [("severity", "col.severity", "text"), ("year", "col.year", "text"),
                                       ("message", "col.message", "text"), ("source", "col.rule_source", "text")])


# ---------------------------------------------------------------- the sheet itself

FRAME = pd.DataFrame({
    "name": [HOSTILE, "Chi bộ Khối Hình sự", None],
    "score": [85.45, 72.0, None],
    "share": [0.8534, 1.0, 0.0],
    "pct": [37.6, 100.0, 0.0],
    "on": [pd.Timestamp("2026-02-05"), pd.Timestamp("2025-12-31"), pd.NaT],
    "at": [pd.Timestamp("2026-11-30 08:05:59"), pd.NaT, pd.NaT],
    "ok": [True, False, None],
    "change": [2.84, -0.04, 0.0],
    "rank_change": [1, -2, 0],
    "n": [1234, 0, 7],
})
COLUMNS = [("name", "col.cell", "text"), ("score", "col.total", "score"), ("share", "col.attendance", "ratio"),
           ("pct", "col.progress", "percent"), ("on", "col.due", "date"), ("at", "col.when", "datetime"),
           ("ok", "col.criticism", "yesno"), ("change", "ranking.compare.previous", "delta"),
           ("rank_change", "col.rank", "rank_delta"), ("n", "col.rows", "int")]


def test_every_kind_reads_back_as_the_page_shows_it():
    assert_xlsx_equals_page(FRAME, COLUMNS)


def test_title_filters_frozen_header_widths_and_types():
    data = export.table_xlsx(FRAME, COLUMNS, "Tiến độ: nhiệm vụ", [("Chi bộ", "Chi bộ Khối Hình sự, Chi bộ Văn phòng"),
                                                                   ("Kỳ đánh giá", "Năm 2025")])
    ws = openpyxl.load_workbook(io.BytesIO(data)).active
    assert ws.title == "Tiến độ_ nhiệm vụ"
    assert ws["A1"].value == "Tiến độ: nhiệm vụ" and ws["A1"].font.b
    assert ws["A2"].value == "Chi bộ: Chi bộ Khối Hình sự, Chi bộ Văn phòng"
    assert ws["A3"].value == "Kỳ đánh giá: Năm 2025"
    assert ws["A4"].value is None                           # a blank line, then the header on row 5
    assert [c.value for c in ws[5]][:3] == ["Chi bộ", "Tổng điểm", "Tỷ lệ dự sinh hoạt"]
    assert ws.freeze_panes == "A6"
    assert ws.auto_filter.ref == "A5:J8"
    # The hostile text is text, quoted: Excel shows it and never evaluates it.
    cell = ws["A6"]
    assert cell.value == HOSTILE and cell.data_type == "s" and cell.quotePrefix
    # Numbers and dates are typed, with formats; blanks are blank.
    assert (ws["B6"].value, ws["B6"].number_format) == (85.5, "#,##0.0")
    assert ws["B8"].value is None
    assert (ws["C6"].value, ws["C6"].number_format) == (0.853, "0.0 %")
    assert (ws["D6"].value, ws["D6"].number_format) == (38, '0" %"')
    assert (ws["E6"].value, ws["E6"].number_format) == (dt.datetime(2026, 2, 5), "dd/mm/yyyy")
    assert (ws["F6"].value, ws["F6"].number_format) == (dt.datetime(2026, 11, 30, 8, 5), "dd/mm/yyyy hh:mm")
    assert (ws["G6"].value, ws["G7"].value) == ("Có", "Không")
    assert ws["H7"].value == -0.04                          # too small to show, so it keeps its sign: ▼ 0,0
    assert (ws["J6"].value, ws["J6"].number_format) == (1234, "#,##0")
    # Wide enough for the longest shown value, not wider than 60 characters.
    assert ws.column_dimensions["A"].width >= len(HOSTILE)
    assert all(d.width <= 62 for d in ws.column_dimensions.values())


def test_calamine_reads_the_same_values():
    """A second reader (the one uploads use) gets dates as dates and numbers as numbers."""
    sheet = CalamineWorkbook.from_filelike(io.BytesIO(export.table_xlsx(FRAME, COLUMNS, "Bảng"))).get_sheet_by_index(0)
    rows = sheet.to_python()
    header = rows.index(next(r for r in rows if r[0] == "Chi bộ"))
    first = rows[header + 1]
    assert first[0] == HOSTILE and first[1] == 85.5 and first[4] == dt.date(2026, 2, 5)
    assert first[9] == 1234


def test_empty_table_still_has_its_header():
    ws = openpyxl.load_workbook(io.BytesIO(export.table_xlsx(FRAME.iloc[0:0], COLUMNS, "Trống"))).active
    assert [c.value for c in ws[3]][:2] == ["Chi bộ", "Tổng điểm"] and ws.max_row == 3


def test_csv_is_utf8_with_bom_and_holds_the_page_numbers():
    data = export.table_csv(FRAME, COLUMNS)
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0] == ["Chi bộ", "Tổng điểm", "Tỷ lệ dự sinh hoạt (%)", "% hoàn thành (%)", "Hạn hoàn thành",
                       "Thời điểm", "Có tự phê bình và phê bình", "So với kỳ trước", "Thứ hạng", "Số dòng"]
    assert rows[1] == ["'" + HOSTILE, "85.5", "85.3", "38", "05/02/2026", "30/11/2026 08:05", "Có", "2.8", "1",
                       "1234"]
    assert rows[2] == ["Chi bộ Khối Hình sự", "72.0", "100.0", "100", "31/12/2025", "", "Không", "-0.0", "-2", "0"]
    assert rows[3] == ["", "", "0.0", "0", "", "", "", "0.0", "0", "7"]


@pytest.mark.parametrize("what, period, expected", [
    ("Xếp hạng", "2025", "xep-hang-2025-ngay-30-11-2026.xlsx"),
    ("Tiến độ giải pháp — nhiệm vụ", "2025-Q3", "tien-do-giai-phap-nhiem-vu-2025-q3-ngay-30-11-2026.xlsx"),
    ("Đảng ủy: Điểm đánh giá", None, "dang-uy-diem-danh-gia-ngay-30-11-2026.xlsx"),
    ("!!!", "2024", "bang-2024-ngay-30-11-2026.xlsx"),
])
def test_file_names_say_what_and_when(what, period, expected):
    assert export.export_file_name(what, period, dt.date(2026, 11, 30)) == expected


def test_file_name_pads_day_and_month_and_takes_another_extension():
    assert export.export_file_name("Sinh hoạt", "2026", dt.date(2026, 2, 5), "csv") == "sinh-hoat-2026-ngay-05-02-2026.csv"
