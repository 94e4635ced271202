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


def test_a_new_criteria_set_applies_from_its_period_and_keeps_earlier_periods(empty_db):
    load(empty_db, {"chi_bo": BRANCHES, "diem_danh_gia": scores("2025", "CB01", 0.8)})
    # From 2026: A1 is worth 10 and A2 6 (the common group still adds up to 30).
    new_set = [["A1", "Chính trị tư tưởng (mới)", "chung", 10, 1, "2026"],
               ["A2", "Đạo đức, lối sống", "chung", 6, 2, "2026"],
               ["A3", "Tự phê bình", "chung", 7, 5, "2026"], ["A4", "Đoàn kết", "chung", 7, 6, "2026"],
               ["B1", "Nhiệm vụ chính trị", "ket_qua", 25, 4, "2026"], ["B2", "Sinh hoạt", "ket_qua", 15, 5, "2026"],
               ["B3", "Tổ chức", "ket_qua", 8, 3, "2026"], ["B4", "Cán bộ", "ket_qua", 6, 4, "2026"],
               ["B5", "Kiểm tra", "ket_qua", 10, 6, "2026"], ["B6", "Cụ thể hóa", "ket_qua", 6, 1, "2026"]]
    batch, _ = load(empty_db, {"tieu_chi": new_set})
    assert batch.sheets["tieu_chi"].counts == {"new": 10, "changed": 0, "same": 0}
    cur = store.cursor(empty_db)
    sets = dict(cur.execute("SELECT period, max(max_points) FILTER (WHERE criterion_code = 'A1') "
                            "FROM v_period_criteria GROUP BY period").fetchall())
    assert sets == {"2025": 8}                        # 2025 keeps the default set
    # A 2026 score of 9 for A1 fits the new maximum of 10; the same score in 2025 exceeds 8.
    ok, _ = load(empty_db, {"diem_danh_gia": [["2026", "CB01", "A1", 9, None]]})
    assert ok.ok
    bad, _ = load(empty_db, {"diem_danh_gia": [["2025-Q4", "CB01", "A1", 9, None]]})
    assert [p.code for p in bad.errors] == ["p.score_above_criterion"]
    assert dict(cur.execute("SELECT period, max(max_points) FILTER (WHERE criterion_code = 'A1') "
                            "FROM v_period_criteria GROUP BY period").fetchall()) == {"2025": 8, "2026": 10}


def test_a_column_missing_from_one_file_keeps_stored_values_row_by_row(empty_db):
    load(empty_db, {"chi_bo": BRANCHES, "dang_vien": [
        ["DV001", "Tên một", "CB01", "chinh_thuc", "Bí thư", None, None],
        ["DV002", "Tên hai", "CB01", "du_bi", "Đảng viên", None, None]]})
    names = "Mã đảng viên,Mã chi bộ,Họ và tên\nDV002,CB01,Tên hai mới\n".encode()
    roles = "Mã đảng viên,Mã chi bộ,Chức vụ đảng\nDV001,CB01,Phó Bí thư\n".encode()
    batch = ingest.prepare([("dang_vien.csv", names), ("Đảng viên.csv", roles)], store.cursor(empty_db), today=TODAY)
    assert batch.ok and batch.sheets["dang_vien"].counts == {"new": 0, "changed": 2, "same": 0}
    ingest.commit(batch, who="t", source="cli", path=empty_db)
    rows = store.cursor(empty_db).execute(
        "SELECT member_code, full_name, party_role, kind FROM v_members ORDER BY 1").fetchall()
    assert rows == [("DV001", "Tên một", "Phó Bí thư", "chinh_thuc"), ("DV002", "Tên hai mới", "Đảng viên", "du_bi")]


def _meeting(day, kind, excused, unexcused):
    # cell, day, kind, total, exempt, present, excused, unexcused, minutes
    return ["CB01", day, kind, 3, 0, 3 - excused - unexcused, excused, unexcused, 100]


def test_absences_name_the_meeting_when_a_cell_met_twice_on_one_day(empty_db):
    """Two meetings of CB01 on 05/03/2025: each absence list is compared with its own meeting."""
    meetings = [_meeting("05/03/2025", "thuong_ky", 1, 0), _meeting("05/03/2025", "chuyen_de", 0, 1),
                _meeting("06/03/2025", "thuong_ky", 1, 0)]
    base = {"chi_bo": BRANCHES, "dang_vien": MEMBERS, "sinh_hoat": meetings}

    def prepare(absences):
        return ingest.prepare([("f.xlsx", xlsx_bytes({**base, "vang_sinh_hoat": absences}))],
                              store.cursor(empty_db), today=dt.date(2026, 11, 26))

    # Kind given for each: DV001 excused at the regular one, DV002 unexcused at the thematic one;
    # on 06/03 the cell met once, so the kind may be left blank.
    ok = prepare([["CB01", "05/03/2025", "thuong_ky", "DV001", "Có"],
                  ["CB01", "05/03/2025", "Chuyên đề", "DV002", "Không"],
                  ["CB01", "06/03/2025", None, "DV001", "Có"]])
    assert ok.ok, [p.message() for p in ok.errors]
    ingest.commit(ok, who="kiểm thử", source="cli", path=empty_db)
    stored = store.cursor(empty_db).execute(
        "SELECT held_on, kind, member_code, excused FROM v_absences ORDER BY held_on, kind").fetchall()
    assert stored == [(dt.date(2025, 3, 5), "chuyen_de", "DV002", False),
                      (dt.date(2025, 3, 5), "thuong_ky", "DV001", True),
                      (dt.date(2025, 3, 6), "thuong_ky", "DV001", True)]
    # Blank kind on a day with two meetings: which one is unknown, and the row says so.
    blank = prepare([["CB01", "05/03/2025", None, "DV001", "Có"]])
    assert [p.message() for p in blank.errors] == [
        "Sheet vang_sinh_hoat, dòng 2, cột 'Loại': chi bộ CB01 có 2 buổi sinh hoạt ngày 05/03/2025: hãy ghi "
        "cột Loại để biết đảng viên vắng buổi nào."]
    # Each meeting's list is the stored one plus the file's: DV002 (unexcused) added to the regular
    # meeting makes 1 + 1 against its counts 1 and 0; DV001 (excused) added to the thematic one
    # makes 1 + 1 against 0 and 1.
    wrong = prepare([["CB01", "05/03/2025", "thuong_ky", "DV002", "Không"],
                     ["CB01", "05/03/2025", "chuyen_de", "DV001", "Có"]])
    assert sorted(p.message() for p in wrong.errors) == sorted([
        "Sheet vang_sinh_hoat, dòng 2, cột 'Ngày': danh sách vắng có 1 có lý do và 1 không lý do, khác số ghi "
        "ở buổi sinh hoạt (1 và 0).",
        "Sheet vang_sinh_hoat, dòng 3, cột 'Ngày': danh sách vắng có 1 có lý do và 1 không lý do, khác số ghi "
        "ở buổi sinh hoạt (0 và 1)."])
    # A kind the cell did not hold that day.
    none = prepare([["CB01", "06/03/2025", "ket_hop", "DV001", "Có"]])
    assert [p.message() for p in none.errors] == [
        "Sheet vang_sinh_hoat, dòng 2, cột 'Loại': chi bộ CB01 không có buổi sinh hoạt loại ket_hop ngày 06/03/2025."]
