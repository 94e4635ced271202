"""An upload held column by column: each distinct value parsed once, rows as views on columns,
a workbook's sheets read one at a time (and read again when asked for), shared repeated values."""

import datetime as dt
import io
from array import array

import openpyxl
import python_calamine

from dashboard import contract, ingest, store
from dashboard.ingest import parse
from dashboard.ingest.batch import Part, Rows, SheetData, Source
from dashboard.ingest import read as read_module
from dashboard.ingest.read import _sheet_rows, read_file
from dashboard.ingest.reference import Reference
from tests.workbooks import BRANCHES, xlsx_bytes

TODAY = dt.date(2026, 11, 26)


def test_a_column_mixing_yes_no_and_numbers_judges_each_cell_by_its_own_type():
    # Python counts True == 1.0: parsed once per distinct value, a yes/no must still not pass for
    # the number 1 (nor the number for the yes/no). By hand: True is not a number; 1.0 and "1,5"
    # are; a blank score is missing.
    score = contract.SHEETS_BY_NAME["diem_danh_gia"].column("score")
    values, keys, outcome = parse._parse_column(score, [1.0, True, 1.0, "1,5", None, True], Reference(), TODAY)
    assert values == [1.0, None, 1.0, 1.5, None, None]
    assert [outcome[k][1] for k in keys] == [None, "p.not_number", None, None, "p.required", "p.not_number"]
    # The other order: the yes/no first.
    values, keys, outcome = parse._parse_column(score, [True, 1.0], Reference(), TODAY)
    assert [outcome[k][1] for k in keys] == ["p.not_number", None] and values == [None, 1.0]


def _part(rows, columns, index):
    return Part(Source("s", "f.xlsx", {}, frozenset(index), index), array("l", rows), columns)


def test_rows_are_views_on_columns_across_parts_and_refused_rows():
    index = {"code": 0, "n": 1}
    first = _part([2, 3, 4], [["A", "B", "C"], [1, 2, 3]], index)
    second = _part([2, 5], [["D", "E"], [4, 5]], index)
    first.bad[1] = 1                       # B refused
    data = SheetData(contract.SHEETS_BY_NAME["chi_bo"], parts=[first, second])
    rows = Rows(data)
    assert len(rows) == 4
    assert rows.column("code") == ["A", "C", "D", "E"] and rows.column("n") == [1, 3, 4, 5]
    assert list(rows.columns("code", "n")) == [("A", 1), ("C", 3), ("D", 4), ("E", 5)]
    assert [rows.record(j).row for j in range(4)] == [2, 4, 2, 5]
    record = rows.record(2)                 # D, the second part's first row
    record["n"] = 40
    record.bad = True
    assert second.columns[1] == [40, 5] and list(second.bad) == [1, 0]
    assert [r["code"] for r in data.records] == ["A", "B", "C", "D", "E"]
    assert [r["code"] for r in Rows(data)] == ["A", "C", "E"]


def _xlsx(cells: dict[str, object]) -> bytes:
    wb = openpyxl.Workbook()
    for ref, value in cells.items():
        wb.active[ref] = value
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def test_sheet_rows_are_the_cells_from_a1_with_repeated_texts_shared():
    # Cells away from A1: the rows and columns before the first cell are there, blank, as
    # calamine's own to_python(skip_empty_area=False) gives them (the independent reading).
    cases = [{"C5": "a", "D6": 1}, {"A1": "x"}, {}, {"B1": "h", "B3": 2.5}, {"E10": "z", "A12": "q"},
             {"A1": "Mã", "A2": "CB01", "A3": "CB01", "B2": dt.datetime(2026, 1, 2), "B3": dt.datetime(2026, 1, 2)}]
    for cells in cases:
        def sheet():
            return python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(_xlsx(cells))).get_sheet_by_index(0)
        expected = sheet().to_python(skip_empty_area=False)
        assert list(map(list, _sheet_rows(sheet()))) == expected, cells
    rows = _sheet_rows(sheet())
    assert rows[1][0] == "CB01" and rows[1][0] is rows[2][0]
    assert rows[1][1] is rows[2][1]


def test_a_workbook_sheet_is_read_when_asked_for_and_let_go_after_validation(empty_db):
    data = xlsx_bytes({"chi_bo": BRANCHES})
    tables = read_file("tep.xlsx", data)
    sheet = next(t for t in tables if t.sheet == "chi_bo")
    assert sheet._cells is None             # nothing read yet
    by_calamine = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data)) \
        .get_sheet_by_name("chi_bo").to_python(skip_empty_area=False)
    assert list(map(list, sheet.cells)) == by_calamine
    sheet.release()
    assert sheet._cells is None and list(map(list, sheet.cells)) == by_calamine   # read again

    batch = ingest.prepare([("tep.xlsx", data)], store.cursor(empty_db), today=TODAY)
    assert batch.ok and batch.sheets["chi_bo"].counts == {"new": 2, "changed": 0, "same": 0}
    located = batch.sheets["chi_bo"].located[0]
    assert located.table._cells is None     # let go once parsed
    assert located.table.cells[located.data_indexes[0]][0] == "CB01"   # and read again for the report


def test_sheets_parsed_ahead_are_each_sheet_as_calamine_reads_it_alone(monkeypatch):
    # Six sheets of different sizes; the independent reading is calamine's, one sheet at a time.
    sizes = {"a": 2, "b": 40, "c": 3, "d": 60, "e": 1, "f": 25}
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, n in sizes.items():
        ws = wb.create_sheet(name)
        for i in range(n):
            ws.append([f"{name}{i}", i, i * 0.5])
    out = io.BytesIO()
    wb.save(out)
    data = out.getvalue()
    alone = {name: python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data)).get_sheet_by_name(name)
             .to_python(skip_empty_area=False) for name in sizes}
    assert [len(rows) for rows in alone.values()] == list(sizes.values())
    for ahead_cells in (1, 100, 10_000):        # stop after every sheet, after b and d, never
        monkeypatch.setattr(read_module._Book, "AHEAD_CELLS", ahead_cells)
        for asked in (list("abcdef"), list("bdf"), list("fedcba"), list("ad")):
            tables = {t.sheet: t for t in read_file("tep.xlsx", data)}
            assert [list(map(list, tables[name].cells)) for name in asked] == [alone[name] for name in asked], \
                (ahead_cells, asked)
            for table in tables.values():
                table.close()
            assert list(map(list, tables["c"].cells)) == alone["c"]     # read again after the workbook was let go


def test_a_progress_report_lower_than_the_latest_earlier_day_is_warned_against_that_day(empty_db):
    # Worked by hand. Stored for GP-01 (file order not by day): 01/03 50 %, 01/01 20 %, 01/04 90 %.
    # The upload: 01/02 30 % (after 01/01's 20: fine), 01/04 40 %, 01/03 45 % (replacing 01/03's 50).
    # For 01/04 the earlier days are 01/01, 01/02 and 01/03; the latest, 01/03, holds 50 and 45 and
    # the highest counts: 40 < 50, one warning naming 50 and 01/03. The same day's stored 90 is not
    # earlier; 01/03's 45 is not below 01/02's 30. GP-02, with no stored report: 01/07's 10 % after
    # the same upload's 01/06 60 % is warned against that one.
    from tests.test_ingest_pipeline import load
    action = [["GP-01", "CB01", 1, "Nhiệm vụ", "01/01/2026", "31/12/2026", None],
              ["GP-02", "CB01", 2, "Nhiệm vụ", "01/01/2026", "31/12/2026", None]]
    stored = [["GP-01", "01/03/2026", 50, "dang_thuc_hien", None], ["GP-01", "01/01/2026", 20, "dang_thuc_hien", None],
              ["GP-01", "01/04/2026", 90, "dang_thuc_hien", None]]
    batch, _ = load(empty_db, {"chi_bo": BRANCHES, "giai_phap": action, "tien_do_giai_phap": stored})
    assert batch.ok and not batch.warnings
    upload = [["GP-01", "01/02/2026", 30, "dang_thuc_hien", None], ["GP-01", "01/04/2026", 40, "dang_thuc_hien", None],
              ["GP-01", "01/03/2026", 45, "dang_thuc_hien", None], ["GP-02", "01/07/2026", 10, "dang_thuc_hien", None],
              ["GP-02", "01/06/2026", 60, "dang_thuc_hien", None]]
    batch = ingest.prepare([("tep.xlsx", xlsx_bytes({"tien_do_giai_phap": upload}))], store.cursor(empty_db),
                           today=TODAY)
    assert batch.ok
    assert [(p.code, p.row, p.params["other"], p.params["date"]) for p in batch.warnings] == [
        ("p.progress_backwards", 3, 50, dt.date(2026, 3, 1)), ("p.progress_backwards", 5, 60, dt.date(2026, 6, 1))]
