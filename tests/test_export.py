"""Spreadsheets handed out: formula-like text stays text; problem rows are marked."""

import datetime as dt
import io
import threading

import openpyxl

from dashboard import export, ingest, store
from tests.workbooks import BRANCHES, scores, xlsx_bytes

HOSTILE = ["=HYPERLINK(\"http://x\",\"y\")", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\tx", "\rx"]


def test_exported_formula_like_text_is_a_quoted_string():
    data = export.table_workbook({"Xuất": (["Tên"], [[v] for v in HOSTILE] + [["bình thường"]])})
    ws = openpyxl.load_workbook(io.BytesIO(data))["Xuất"]
    cells = [ws.cell(row=i, column=1) for i in range(2, 2 + len(HOSTILE))]
    # openpyxl leaves Excel's escape of a carriage return (_x000D_) as written; Excel shows \r.
    assert [c.value.replace("_x000D_", "\r") for c in cells] == HOSTILE
    assert all(c.data_type == "s" and c.quotePrefix for c in cells)
    assert not ws.cell(row=2 + len(HOSTILE), column=1).quotePrefix


def test_csv_neutralising_prefixes_an_apostrophe():
    assert [export.neutralise(v) for v in HOSTILE] == ["'" + v for v in HOSTILE]
    assert export.neutralise("Chi bộ") == "Chi bộ" and export.neutralise(5) == 5


def test_problem_report_lists_problems_and_marks_rows(empty_db):
    bad = scores("2025", "CB01", 0.8)
    bad[1][3] = 99
    batch = ingest.prepare([("sai.xlsx", xlsx_bytes({"chi_bo": BRANCHES, "diem_danh_gia": bad}))],
                           store.cursor(empty_db), today=dt.date(2026, 11, 26))
    wb = openpyxl.load_workbook(io.BytesIO(export.problems_workbook(batch)))
    assert wb.sheetnames == ["Lỗi", "chi_bo", "diem_danh_gia"]
    listing = [[c.value for c in row] for row in wb["Lỗi"].iter_rows(min_row=2)]
    assert listing == [["Lỗi", "sai.xlsx", "diem_danh_gia", 3, "Điểm", "99",
                        "Sheet diem_danh_gia, dòng 3, cột 'Điểm': giá trị 99 vượt điểm tối đa 8 của tiêu chí A2."]]
    sheet = wb["diem_danh_gia"]
    marked = [row[0].value for row in sheet.iter_rows(min_row=2) if row[0].fill.fgColor.rgb.endswith("F8D7DA")]
    assert marked == [3]
    assert sheet.cell(row=3, column=2).value.startswith("Sheet diem_danh_gia, dòng 3")


def test_two_uploads_at_once_are_serialised(empty_db):
    ingest.commit(ingest.prepare([("a.xlsx", xlsx_bytes({"chi_bo": BRANCHES}))], store.cursor(empty_db)),
                  who="a", source="cli", path=empty_db)
    batches = [ingest.prepare([(f"{p}.xlsx", xlsx_bytes({"diem_danh_gia": scores(p, "CB01", 0.8)}))],
                              store.cursor(empty_db)) for p in ("2024", "2025")]
    results, errors = [], []

    def run(batch):
        try:
            results.append(ingest.commit(batch, who="t", source="page", path=empty_db).upload_id)
        except Exception as exc:  # pragma: no cover - the assertion below reports it
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(b,)) for b in batches]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == [] and sorted(results) == [2, 3]
    assert store.cursor(empty_db).execute("SELECT count(*) FROM v_scores").fetchall()[0][0] == 20
