"""The year-end review page on the sample: the three steps, the checks, the planner's quota."""

from tests.apptest import assert_equals_page, button, downloaded, keep_deferred, open_page, sheet_table, texts
from tests.test_access import sign_in, users  # noqa: F401 - the users fixture


def test_the_2026_review_shows_the_steps_the_quota_and_the_cap(sample_db):
    at = open_page("pages/danh_gia_cuoi_nam.py", {"nam": "2026"})
    assert not at.exception, [e.value for e in at.exception]
    shown = texts(at)
    # 51 members and 4 cells; three members' self-ratings missing; CB01's 13 members not proposed.
    assert "Tự đánh giá 52/55" in shown and "Chi bộ đề xuất 42/55" in shown and "Đảng ủy quyết định 0/55" in shown
    # CB02 proposed HTXSNV with the three others HTTNV: 20 % of 3 is 0,6, none allowed.
    assert ("Chi bộ: 1 Hoàn thành xuất sắc nhiệm vụ, được tối đa 0 (20 % của 3 Hoàn thành tốt nhiệm vụ là 0,6, "
            "làm tròn xuống) — vượt tỷ lệ.") in shown
    assert "Nếu Chi bộ Văn phòng tổng hợp lên HTXSNV thì vượt tỷ lệ: được tối đa 0." in shown
    findings = next(df.value for df in at.dataframe if "Căn cứ" in df.value.columns)
    messages = " ".join(findings["Nội dung"])
    assert "1 chi bộ được xếp loại Hoàn thành xuất sắc nhiệm vụ, vượt tỷ lệ: được tối đa 0 chi bộ" in messages
    # CB04 proposed HTTNV while DV048 is proposed KHTNV: 11 of 12 members HTNV or better.
    assert "Chi bộ Khối Dân sự – Hành chính được xếp loại Hoàn thành tốt nhiệm vụ nhưng 11/12 đảng viên" in messages
    assert set(findings["Căn cứ"].str[:18]) == {"Quy định 366-QĐ/TW"}
    # The writes: local mode is an administrator, who may save proposals and record decisions.
    assert [b.label for b in at.button if b.key in ("yearend_save", "yearend_decide")] == [
        "Lưu đề xuất của chi bộ", "Ghi quyết định của Đảng ủy"]


def test_saving_from_the_page_lands_in_history(sample_db):
    at = open_page("pages/danh_gia_cuoi_nam.py", {"nam": "2026"})
    at.button(key="yearend_decide").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert any("Đã ghi (lần tải lên số" in s.value for s in at.success)
    assert "Đảng ủy quyết định 42/55" in texts(at)   # every subject with a proposed level
    history = open_page("pages/lich_su.py")
    table = next(df.value for df in history.dataframe if "Nguồn" in df.value.columns)
    assert table.iloc[0]["Nguồn"] == "Nhập trên trang"


def test_a_cells_secretary_sees_his_cell_may_propose_and_may_not_decide(sample_db, users):
    at = sign_in(open_page("pages/danh_gia_cuoi_nam.py", {"nam": "2026"}), "thuky")
    assert not at.exception, [e.value for e in at.exception]
    # CB02 and its 14 members only; no names; a save button for proposals, none for decisions.
    assert "Tự đánh giá 14/15" in texts(at)
    keys = [b.key for b in at.button]
    assert "yearend_save" in keys and "yearend_decide" not in keys
    assert all("(" not in s for s in at.dataframe[1].value["Đảng viên"])
    at.button(key="yearend_save").click().run()
    assert not at.exception
    assert any("Không có gì thay đổi" in s.value for s in at.success)   # the proposals as stored


def test_the_cells_and_members_tables_download_as_shown(sample_db, monkeypatch):
    monkeypatch.setenv("DASHBOARD_TODAY", "30/11/2026")
    kept = keep_deferred(monkeypatch)
    at = open_page("pages/danh_gia_cuoi_nam.py", {"nam": "2026"})
    assert not at.exception, [e.value for e in at.exception]
    keys = {b.key for b in at.get("download_button")}
    assert {"yearend_cells_xlsx", "yearend_cells_csv", "yearend_members_xlsx", "yearend_members_csv"} <= keys
    cells = next(df.value for df in at.dataframe if "Mức theo điểm" in df.value.columns)
    members = next(df.value for df in at.dataframe if "Còn thiếu" in df.value.columns)
    name, raw = downloaded(kept, button(at, "yearend_cells_xlsx"))
    assert name == "danh-gia-chi-bo-2026-ngay-30-11-2026.xlsx"
    assert "Năm đánh giá: 2026" in assert_equals_page(raw, cells)
    name, raw = downloaded(kept, button(at, "yearend_members_xlsx"))
    assert name == "danh-gia-dang-vien-2026-ngay-30-11-2026.xlsx"
    assert_equals_page(raw, members)
    _, header, body, _ = sheet_table(raw)
    assert "Họ và tên" in header and len(body) == 51       # the administrator's file: names, every member


def test_a_secretarys_member_file_has_his_cell_without_names(sample_db, users, monkeypatch):
    kept = keep_deferred(monkeypatch)
    # A cell's secretary: his 14 members, and no name in the file either.
    at = sign_in(open_page("pages/danh_gia_cuoi_nam.py", {"nam": "2026"}), "thuky")
    _, raw = downloaded(kept, button(at, "yearend_members_xlsx"))
    _, header, body, _ = sheet_table(raw)
    assert "Họ và tên" not in header and len(body) == 14
    assert_equals_page(raw, next(df.value for df in at.dataframe if "Còn thiếu" in df.value.columns))


def test_the_cells_and_their_members_come_in_the_vietnamese_order_of_the_cells_names(sample_db):
    """Sorted by hand (d < h < k < v; "Khối" before "Văn"): Dân sự – Hành chính, Hình sự, Kiểm sát tư
    pháp, Văn phòng tổng hợp. They came by code (CB01 Văn phòng first)."""
    at = open_page("pages/danh_gia_cuoi_nam.py", {"nam": "2025"})
    assert not at.exception, [e.value for e in at.exception]
    want = ["Chi bộ Khối Dân sự – Hành chính", "Chi bộ Khối Hình sự", "Chi bộ Khối Kiểm sát tư pháp",
            "Chi bộ Văn phòng tổng hợp"]
    cells = next(df.value for df in at.dataframe if "Điểm năm" in df.value.columns)
    assert list(cells["Chi bộ"]) == want
    members = next(df.value for df in at.dataframe if "Đảng viên" in df.value.columns and "Chi bộ" in df.value.columns)
    assert list(dict.fromkeys(members["Chi bộ"])) == want
