"""The member register page on the sample: the register, and every list shows its members."""

from tests.apptest import open_page, texts
from tests.test_access import sign_in, users  # noqa: F401 - the users fixture


def test_the_register_and_its_lists_on_the_sample(sample_db):
    at = open_page("pages/dang_vien.py", {"nam": "2025"})
    assert not at.exception, [e.value for e in at.exception]
    frames = [df.value for df in at.dataframe]
    register = frames[0]
    assert len(register) == 51 and list(register.columns[-7:]) == [
        "2021", "2022", "2023", "2024", "2025", "Kỷ luật gần nhất", "Vắng không lý do năm 2025 (buổi)"]
    # DV046 (CB04): HTXSNV 2021–2025; DV031: unexcused in April, June and September 2025 (4 meetings).
    row = register.set_index("Mã đảng viên").loc["DV046"]
    assert list(row[["2021", "2022", "2023", "2024", "2025"]]) == ["HTXSNV"] * 5
    assert register.set_index("Mã đảng viên").loc["DV047", "Kỷ luật gần nhất"] == "2024: Khiển trách"
    lists = {tuple(f["Mã đảng viên"]) for f in frames[1:]}
    assert ("DV046",) in lists                                      # five years running
    assert ("DV031",) in lists                                      # removal
    assert ("DV051", "DV013") in lists                              # probation past, then due in 54 days
    shown = texts(at)
    assert "Điều lệ Đảng, Điều 8; Quy định 294-QĐ/TW (26/05/2025) thi hành Điều lệ Đảng" in " ".join(
        " ".join(map(str, f.get("Căn cứ", []))) for f in frames)
    assert "Không có đảng viên nào." in shown                     # no KHTNV two years running in the sample


def test_choosing_one_cell_narrows_the_register(sample_db):
    at = open_page("pages/dang_vien.py", {"chi_bo": "CB04", "nam": "2025"})
    register = at.dataframe[0].value
    assert set(register["Chi bộ"]) == {"Chi bộ Khối Dân sự – Hành chính"}


def test_a_cells_secretary_sees_his_members_without_names(sample_db, users):
    at = sign_in(open_page("pages/dang_vien.py", {"nam": "2025"}), "thuky")
    assert not at.exception, [e.value for e in at.exception]
    register = at.dataframe[0].value
    assert set(register["Chi bộ"]) == {"Chi bộ Khối Hình sự"} and len(register) == 14
    assert "Họ và tên" not in register.columns
    assert "Đảng viên mẫu" not in texts(at)
