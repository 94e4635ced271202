"""The year-end review page on the sample: the three steps, the checks, the planner's quota."""

from tests.apptest import open_page, texts
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
