"""The member register page on the sample: the register, and every list shows its members."""

from tests.apptest import assert_equals_page, button, downloaded, keep_deferred, open_page, sheet_table, texts
from tests.test_access import sign_in, users  # noqa: F401 - the users fixture


def test_the_register_and_its_lists_on_the_sample(sample_db):
    at = open_page("pages/dang_vien.py", {"nam": "2025"})
    assert not at.exception, [e.value for e in at.exception]
    frames = [df.value for df in at.dataframe]
    register = frames[0]
    assert len(register) == 51 and list(register.columns[-7:]) == [
        "2021", "2022", "2023", "2024", "2025", "Kỷ luật gần nhất", "Vắng không lý do năm 2025 (buổi)"]
    # DV046 (CB04): HTXSNV 2021–2025; DV031: unexcused in April, June and September 2025 (May excused).
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


def test_the_register_and_the_lists_download_as_shown(sample_db, monkeypatch):
    monkeypatch.setenv("DASHBOARD_TODAY", "30/11/2026")
    kept = keep_deferred(monkeypatch)
    at = open_page("pages/dang_vien.py", {"nam": "2025"})
    assert not at.exception, [e.value for e in at.exception]
    keys = {b.key for b in at.get("download_button")}
    assert {"roster_register_xlsx", "roster_register_csv", "roster_excellent_run_xlsx", "roster_removal_xlsx",
            "roster_probation_xlsx"} <= keys
    assert "roster_failed_run_xlsx" not in keys                 # an empty list has nothing to download
    name, raw = downloaded(kept, button(at, "roster_register_xlsx"))
    assert name == "danh-sach-dang-vien-2025-ngay-30-11-2026.xlsx"
    register = at.dataframe[0].value
    assert "Năm: 2025" in assert_equals_page(raw, register)
    _, header, body, _ = sheet_table(raw)
    assert "Họ và tên" in header and len(body) == 51
    # DV031 missed 3 meetings without a reason in 2025 (April, June, September; May excused): a number.
    assert [r[-1][0] for r in body if r[0][0] == "DV031"] == [3]
    probation = next(f.value for f in at.dataframe[1:] if "Ngày vào chi bộ" in f.value.columns)
    _, raw = downloaded(kept, button(at, "roster_probation_xlsx"))
    assert_equals_page(raw, probation)


def test_a_secretarys_register_file_has_his_cell_without_names(sample_db, users, monkeypatch):
    kept = keep_deferred(monkeypatch)
    # A cell's secretary: his 14 members, no names, in the file as on the page.
    at = sign_in(open_page("pages/dang_vien.py", {"nam": "2025"}), "thuky")
    _, raw = downloaded(kept, button(at, "roster_register_xlsx"))
    _, header, body, _ = sheet_table(raw)
    assert "Họ và tên" not in header and len(body) == 14
    assert_equals_page(raw, at.dataframe[0].value)


def test_a_disciplined_member_who_has_left_is_not_listed_and_breaks_nothing(sample_db):
    """At sector scale the page failed ("Length of values (254) does not match length of index
    (253)"): a member disciplined in the year who has since left is in the ratings, not in the
    register."""
    from dashboard import store
    from tests.rows import insert

    cur = store.cursor(sample_db)
    insert(cur, "members", [{"member_code": "DV900", "branch_code": "CB01", "kind": "chinh_thuc",
                             "joined_on": "2010-01-01", "left_on": "2025-12-31"}])
    # 2024: DV047 was reprimanded (khiển trách) and is still a member; DV900 too, and has left.
    insert(cur, "ratings", [{"year": 2024, "subject_kind": "dang_vien", "subject_code": "DV900", "level": "KHTNV",
                             "disciplined": True, "discipline_form": "canh_cao"}])
    at = open_page("pages/dang_vien.py", {"nam": "2024"})
    assert not at.exception, [e.value for e in at.exception]
    listed = [set(df.value.get("Mã đảng viên", [])) for df in at.dataframe[1:]]
    assert any(codes == {"DV047"} for codes in listed)
    assert all("DV900" not in codes for codes in listed)


def test_findings_kept_while_one_cell_was_chosen_name_the_members_of_every_cell(sample_db):
    """The findings are kept for every choice of cells: worded first while CB04 alone was shown,
    they still name DV031 of CB03 (removal rule, 2025: three months with an unexcused absence)."""
    at = open_page("pages/xep_hang.py", {"chi_bo": "CB04", "ky": "2025"})
    assert "DV031" not in texts(at) + str([t.value for t in at.dataframe])
    at = open_page("pages/xep_hang.py", {"ky": "2025"})
    shown = " ".join(str(v) for frame in at.dataframe for v in frame.value.to_numpy().ravel())
    assert "DV031 (Đảng viên mẫu 031)" in shown
