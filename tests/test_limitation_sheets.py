"""The sheets behind the four limitations (nghi_quyet, thuc_hien_nghi_quyet, sinh_hoat_cap_uy,
cam_ket_neu_guong, and sinh_hoat's two new columns): each goes from the template, filled in as a
user would, through the upload to the measures, and back out with undo; a bad row of each is
refused with its Vietnamese message naming sheet, row and column."""

import datetime as dt
import io

import openpyxl
import pytest

from dashboard import ingest, queries, store, template
from tests.workbooks import BRANCHES, MEMBERS, xlsx_bytes

TODAY = dt.date(2026, 11, 26)
D = dt.date


def load(db, raw, name="tep.xlsx"):
    batch = ingest.prepare([(name, raw)], store.cursor(db), today=TODAY)
    return batch, (ingest.commit(batch, who="kiểm thử", source="cli", path=db) if batch.ok else None)


@pytest.fixture
def base(empty_db):
    """Two cells (CB01: DV001 Bí thư, DV002; CB02: DV003) and a committee meeting of CB01."""
    _, result = load(empty_db, xlsx_bytes({"chi_bo": BRANCHES, "dang_vien": MEMBERS}))
    assert result is not None
    return empty_db


def filled_template(db, rows: dict[str, list[list]]) -> bytes:
    """The template as the upload page hands it out, with rows typed under a sheet's headers."""
    cur = store.cursor(db)
    raw = template.build(queries.run("template.branches", cur=cur), queries.run("template.criteria", cur=cur),
                         queries.run("reference.enum_labels", cur=cur))
    wb = openpyxl.load_workbook(io.BytesIO(raw))
    for name, data in rows.items():
        for row in data:
            wb[name].append(row)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def run(db, name, **params):
    if "today" in queries.get(name).params:
        params["today"] = TODAY
    return queries.run(name, cur=store.cursor(db), **params)


def current(db, view):
    return store.cursor(db).execute(f"SELECT count(*) FROM {view}").fetchone()[0]


RESOLUTION = ["57-NQ/TW", "Nghị quyết về khoa học, công nghệ", "Bộ Chính trị", "22/12/2024", "02/01/2025", None, 1]


def test_the_template_carries_the_new_sheets_and_meeting_columns(base):
    wb = openpyxl.load_workbook(io.BytesIO(filled_template(base, {})))
    assert [c.value for c in wb["nghi_quyet"][1]] == [
        "Số hiệu", "Trích yếu", "Cơ quan ban hành", "Ngày ban hành", "Ngày nhận", "Hạn ban hành kế hoạch", "Giải pháp"]
    assert [c.value for c in wb["sinh_hoat"][1]][-2:] == [
        "Phê bình người đứng đầu", "Nghị quyết có chỉ tiêu nhiệm vụ chính trị"]
    assert {"thuc_hien_nghi_quyet", "sinh_hoat_cap_uy", "cam_ket_neu_guong"} <= set(wb.sheetnames)


def test_resolutions_and_their_uptake_round_trip(base):
    # Received 02/01/2025, due 30 days later (01/02/2025). CB01 plans on 20/01 (18 days, on time),
    # CB02 on 16/02 (45 days, 15 days late, not made concrete); the Đảng ủy has no row.
    raw = filled_template(base, {
        "nghi_quyet": [RESOLUTION],
        "thuc_hien_nghi_quyet": [["57-nq/tw", "CB01", "10/01/2025", 2, "12-KH/CB", "20/01/2025", "Có", None],
                                 ["57-NQ/TW", "CB02", "12/01/2025", 1, None, "16/02/2025", "Không", None]]})
    batch, result = load(base, raw, "mau-nhap-lieu.xlsx")
    assert result is not None, [p.message() for p in batch.errors]
    assert batch.sheets["thuc_hien_nghi_quyet"].counts == {"new": 2, "changed": 0, "same": 0}
    shown = run(base, "limitations.uptake", plan_days=30).set_index("branch_code")
    assert shown.loc["CB01", ["days_to_plan", "on_time", "days_late", "made_concrete"]].tolist() == [18, True, 0, True]
    assert shown.loc["CB02", ["days_to_plan", "on_time", "days_late", "made_concrete"]].tolist() == [45, False, 15, False]
    assert shown.loc["CB01", "attendance"] == pytest.approx(2 / 2)   # DV001, DV002 in CB01 on 10/01/2025
    assert shown.loc["DANG_UY", "days_late"] == (TODAY - D(2025, 2, 1)).days
    ingest.undo(result.upload_id, who="t", path=base)
    assert (current(base, "v_resolutions"), current(base, "v_resolution_uptake")) == (0, 0)


def test_committee_meetings_and_the_new_meeting_columns_round_trip(base):
    # 2026-Q3 (three months begun): CB01's committee met twice (3 of 3, 2 of 3), deciding on the
    # political task once; its cell met once, criticising the head twice, with concrete targets.
    raw = filled_template(base, {
        "sinh_hoat_cap_uy": [["CB01", "03/07/2026", 3, 3, "Có", "Họp chi ủy tháng 7"],
                             ["CB01", "04/08/2026", 3, 2, "Không", None]],
        "sinh_hoat": [["CB01", "10/07/2026", "thuong_ky", 2, 0, 2, 0, 0, 120, "Có", 3, "Sinh hoạt tháng 7", 2, "Có"]]})
    batch, result = load(base, raw)
    assert result is not None, [p.message() for p in batch.errors]
    l2 = run(base, "limitations.l2_by_cell", period="2026-Q3", periods=1).set_index("branch_code")
    assert l2.loc["CB01", ["committee_meetings", "committee_present", "committee_seats", "political_task",
                           "meetings_recorded", "with_targets"]].tolist() == [2, 5, 6, 1, 1, 1]
    l3 = run(base, "limitations.l3_by_cell", period="2026-Q3", periods=1).set_index("branch_code")
    assert l3.loc["CB01", ["meetings", "with_self_criticism", "heads_recorded", "criticism_of_heads"]].tolist() == [1, 1, 1, 2]
    ingest.undo(result.upload_id, who="t", path=base)
    assert (current(base, "v_committee_meetings"), current(base, "v_meetings")) == (0, 0)


def test_commitments_round_trip(base):
    # 2025: DV001 (Bí thư) committed and kept it well; DV002 committed, not kept; DV003 did not commit.
    raw = filled_template(base, {"cam_ket_neu_guong": [[2025, "DV001", "Có", "Thực hiện tốt", None],
                                                       [2025, "dv002", "có", "chua_dat", "Chậm báo cáo"],
                                                       [2025, "DV003", "Không", None, None]]})
    batch, result = load(base, raw)
    assert result is not None, [p.message() for p in batch.errors]
    l4 = run(base, "limitations.l4_by_cell", period="2025", periods=1).set_index("branch_code")
    assert l4.loc["CB01", ["members", "committed", "kept", "not_kept", "post_members", "post_kept"]].tolist() == [2, 2, 1, 1, 1, 1]
    assert l4.loc["CB02", ["members", "committed", "kept"]].tolist() == [1, 0, 0]
    ingest.undo(result.upload_id, who="t", path=base)
    assert current(base, "v_commitments") == 0


@pytest.mark.parametrize("sheets, message", [
    ({"nghi_quyet": [["05-CT/TW", "Chỉ thị 05", None, "15/05/2016", "10/05/2016", None, None]]},
     "Sheet nghi_quyet, dòng 2, cột 'Ngày nhận': ngày nhận 10/05/2016 sớm hơn ngày ban hành 15/05/2016."),
    ({"nghi_quyet": [["05-CT/TW", "Chỉ thị 05", None, "15/05/2016", None, "01/05/2016", None]]},
     "Sheet nghi_quyet, dòng 2, cột 'Hạn ban hành kế hoạch': hạn ban hành kế hoạch 01/05/2016 sớm hơn ngày nhận 15/05/2016."),
    ({"nghi_quyet": [["21-KL/TW", "Kết luận 21", None, "25/10/2021", None, None, 7]]},
     "Sheet nghi_quyet, dòng 2, cột 'Giải pháp': giá trị 7 vượt mức tối đa 6."),
    ({"thuc_hien_nghi_quyet": [["99-NQ/TW", "CB01", None, None, None, None, None, None]]},
     "Sheet thuc_hien_nghi_quyet, dòng 2, cột 'Số hiệu nghị quyết': số hiệu nghị quyết 99-NQ/TW không có "
     "trong dữ liệu hoặc trong tệp (sheet nghi_quyet)."),
    ({"nghi_quyet": [RESOLUTION],
      "thuc_hien_nghi_quyet": [["57-NQ/TW", "CB01", "28/12/2024", None, None, None, None, None]]},
     "Sheet thuc_hien_nghi_quyet, dòng 2, cột 'Ngày học tập, quán triệt': ngày học tập, quán triệt 28/12/2024 "
     "sớm hơn ngày nhận nghị quyết 57-NQ/TW (02/01/2025)."),
    ({"nghi_quyet": [RESOLUTION],
      "thuc_hien_nghi_quyet": [["57-NQ/TW", "CB02", "10/01/2025", 4, None, None, None, None]]},
     "Sheet thuc_hien_nghi_quyet, dòng 2, cột 'Số đảng viên dự': số đảng viên dự 4 vượt số đảng viên của "
     "đơn vị CB02 ngày 10/01/2025 (1)."),
    ({"nghi_quyet": [RESOLUTION], "thuc_hien_nghi_quyet": [["57-NQ/TW", "CB09", None, None, None, None, None, None]]},
     "Sheet thuc_hien_nghi_quyet, dòng 2, cột 'Đơn vị': mã chi bộ CB09 không có trong dữ liệu hoặc trong tệp."),
    ({"sinh_hoat_cap_uy": [["CB01", "03/07/2026", 3, 4, None, None]]},
     "Sheet sinh_hoat_cap_uy, dòng 2, cột 'Có mặt': số có mặt 4 vượt số ủy viên 3."),
    ({"sinh_hoat_cap_uy": [["CB01", "03/07/2026", 0, 0, None, None]]},
     "Sheet sinh_hoat_cap_uy, dòng 2, cột 'Số ủy viên': giá trị 0 phải lớn hơn 0."),
    ({"sinh_hoat_cap_uy": [["CB01", "03/12/2026", 3, 3, None, None]]},
     "Sheet sinh_hoat_cap_uy, dòng 2, cột 'Ngày': ngày 03/12/2026 ở tương lai."),
    ({"cam_ket_neu_guong": [[2025, "DV099", "Có", None, None]]},
     "Sheet cam_ket_neu_guong, dòng 2, cột 'Mã đảng viên': mã đảng viên DV099 không có trong dữ liệu hoặc trong tệp."),
    ({"cam_ket_neu_guong": [[2025, "DV001", "Có", "xuất sắc", None]]},
     "Sheet cam_ket_neu_guong, dòng 2, cột 'Kết quả thực hiện': giá trị xuất sắc không hợp lệ; cần một trong: "
     "tot, dat, chua_dat."),
    ({"cam_ket_neu_guong": [[2025, "DV001", None, None, None]]},
     "Sheet cam_ket_neu_guong, dòng 2, cột 'Đã đăng ký cam kết': thiếu giá trị bắt buộc."),
    ({"sinh_hoat": [["CB01", "10/07/2026", "thuong_ky", 2, 0, 2, 0, 0, None, None, None, None, -1, "Có"]]},
     "Sheet sinh_hoat, dòng 2, cột 'Phê bình người đứng đầu': giá trị -1 nhỏ hơn mức tối thiểu 0."),
    ({"sinh_hoat": [["CB01", "10/07/2026", "thuong_ky", 2, 0, 2, 0, 0, None, None, None, None, 1, "hình như"]]},
     "Sheet sinh_hoat, dòng 2, cột 'Nghị quyết có chỉ tiêu nhiệm vụ chính trị': giá trị hình như không phải Có/Không."),
])
def test_a_bad_row_of_each_new_sheet_is_refused_in_vietnamese(base, sheets, message):
    batch, result = load(base, xlsx_bytes(sheets))
    assert result is None
    assert [p.message() for p in batch.errors] == [message]
