"""The ingest path on valid and simply invalid workbooks: validate whole, commit once, undo."""

import datetime as dt

import pytest

from dashboard import ingest, store
from tests.workbooks import BRANCHES, MEMBERS, scores, xlsx_bytes

TODAY = dt.date(2026, 11, 26)


def load(db, sheets, name="tep.xlsx", source="cli"):
    batch = ingest.prepare([(name, xlsx_bytes(sheets))], store.cursor(db), today=TODAY)
    result = ingest.commit(batch, who="kiểm thử", source=source, path=db) if batch.ok else None
    return batch, result


def count(db, table):
    return store.cursor(db).execute(f"SELECT count(*) FROM v_{table}").fetchone()[0]


def test_valid_workbook_loads_every_sheet(empty_db):
    batch, result = load(empty_db, {"chi_bo": BRANCHES, "dang_vien": MEMBERS,
                                    "diem_danh_gia": scores("2025", "CB01", 0.8) + scores("2025", "CB02", 0.9)})
    assert [p.message() for p in batch.errors] == []
    assert result.upload_id == 1
    assert (count(empty_db, "branches"), count(empty_db, "members"), count(empty_db, "scores")) == (2, 3, 20)
    assert batch.sheets["diem_danh_gia"].counts == {"new": 20, "changed": 0, "same": 0}
    row = store.cursor(empty_db).execute(
        "SELECT branch_name, founded_on, active FROM v_branches WHERE branch_code = 'CB01'").fetchone()
    assert row == ("Chi bộ Văn phòng", dt.date(2010, 1, 1), True)


def test_one_bad_row_rejects_the_whole_upload_and_writes_nothing(empty_db):
    bad = scores("2025", "CB01", 0.8)
    bad[0][3] = 12  # A1 has a maximum of 8
    batch, result = load(empty_db, {"chi_bo": BRANCHES, "diem_danh_gia": bad})
    assert result is None
    assert len(batch.errors) == 1
    assert batch.errors[0].message() == (
        "Sheet diem_danh_gia, dòng 2, cột 'Điểm': giá trị 12 vượt điểm tối đa 8 của tiêu chí A1.")
    assert count(empty_db, "branches") == 0
    assert store.cursor(empty_db).execute("SELECT count(*) FROM uploads WHERE upload_id > 0").fetchone()[0] == 0


def test_same_file_twice_changes_nothing(empty_db):
    sheets = {"chi_bo": BRANCHES, "diem_danh_gia": scores("2025", "CB01", 0.8)}
    _, first = load(empty_db, sheets)
    version = store.data_version(store.cursor(empty_db))
    batch, second = load(empty_db, sheets)
    assert first.changed_anything and not second.changed_anything
    assert batch.sheets["diem_danh_gia"].counts == {"new": 0, "changed": 0, "same": 10}
    assert store.data_version(store.cursor(empty_db)) == version


def test_changed_value_keeps_previous_version_and_undo_restores_it(empty_db):
    load(empty_db, {"chi_bo": BRANCHES, "diem_danh_gia": scores("2025", "CB01", 0.8)})
    changed = scores("2025", "CB01", 0.8)
    changed[4][3] = 10  # B1 from 20 to 10
    batch, result = load(empty_db, {"diem_danh_gia": changed})
    assert batch.sheets["diem_danh_gia"].counts == {"new": 0, "changed": 1, "same": 9}
    cur = store.cursor(empty_db)
    assert cur.execute("SELECT score FROM v_scores WHERE criterion_code = 'B1'").fetchone()[0] == 10
    assert cur.execute("SELECT count(*) FROM scores WHERE criterion_code = 'B1'").fetchone()[0] == 2
    ingest.undo(result.upload_id, who="kiểm thử", path=empty_db)
    assert cur.execute("SELECT score FROM v_scores WHERE criterion_code = 'B1'").fetchone()[0] == 20
    assert count(empty_db, "scores") == 10


def test_undo_refuses_when_a_later_upload_changed_its_rows(empty_db):
    _, first = load(empty_db, {"chi_bo": BRANCHES})
    renamed = [list(r) for r in BRANCHES]
    renamed[0][1] = "Chi bộ Văn phòng tổng hợp"
    _, second = load(empty_db, {"chi_bo": renamed})
    with pytest.raises(ingest.UndoRefused) as refused:
        ingest.undo(first.upload_id, who="kiểm thử", path=empty_db)
    assert refused.value.params == {"id": first.upload_id, "later": second.upload_id}
    ingest.undo(second.upload_id, who="kiểm thử", path=empty_db)
    ingest.undo(first.upload_id, who="kiểm thử", path=empty_db)
    assert count(empty_db, "branches") == 0


def test_csv_file_named_after_its_sheet(empty_db):
    text = "Mã chi bộ;Tên chi bộ\r\nCB09;Chi bộ Thử nghiệm\r\n".encode("utf-8-sig")
    batch = ingest.prepare([("chi_bo.csv", text)], store.cursor(empty_db), today=TODAY)
    assert batch.ok and batch.sheets["chi_bo"].counts["new"] == 1


def test_day_first_dates(empty_db):
    batch, _ = load(empty_db, {"chi_bo": [["CB05", "Chi bộ X", None, "05/03/2025", None]]})
    assert batch.ok
    assert store.cursor(empty_db).execute(
        "SELECT founded_on FROM v_branches WHERE branch_code = 'CB05'").fetchone()[0] == dt.date(2025, 3, 5)
