"""Every page on the sample database: renders, filters by branch, keeps filters in the URL."""

import pytest

from tests.apptest import PAGE_FILES, open_page, texts

TITLES = {"app.py": "Tổng quan", "pages/han_che.py": "Hạn chế và khắc phục", "pages/xep_hang.py": "Xếp hạng chi bộ",
          "pages/giai_phap.py": "Tiến độ thực hiện giải pháp", "pages/sinh_hoat.py": "Sinh hoạt chi bộ",
          "pages/tai_len.py": "Tải dữ liệu lên", "pages/lich_su.py": "Lịch sử tải lên",
          "pages/danh_gia_cuoi_nam.py": "Đánh giá cuối năm", "pages/dang_vien.py": "Đảng viên"}   # issue 14
CB02 = "Chi bộ Khối Hình sự"
OTHER_NAMES = ("Chi bộ Văn phòng tổng hợp", "Chi bộ Khối Kiểm sát tư pháp", "Chi bộ Khối Dân sự – Hành chính")


@pytest.mark.parametrize("page", PAGE_FILES)
def test_page_renders_in_vietnamese_with_sample_badge(sample_db, page):
    at = open_page(page)
    assert not at.exception, [e.value for e in at.exception]
    assert [t.value for t in at.title] == [TITLES[page]]
    assert "Dữ liệu mẫu — không phải số liệu thật" in texts(at)


def _branch_column(at):
    frames = [df.value for df in at.dataframe if "Chi bộ" in df.value.columns]
    assert frames, "no table with a 'Chi bộ' column"
    return set().union(*(set(f["Chi bộ"]) for f in frames))


@pytest.mark.parametrize("page", ["pages/xep_hang.py", "pages/giai_phap.py", "pages/sinh_hoat.py"])
def test_choosing_one_branch_narrows_the_tables_to_it(sample_db, page):
    at = open_page(page)
    assert len(_branch_column(at) & set(OTHER_NAMES)) >= 2
    at.multiselect(key="f_chi_bo").set_value(["CB02"]).run()
    assert not at.exception
    assert _branch_column(at) == {CB02}
    assert at.query_params["chi_bo"] in ("CB02", ["CB02"])


def test_overview_cards_follow_the_branch_filter(sample_db):
    at = open_page("app.py")
    cells = {m.label: m.value for m in at.metric}
    assert cells["Chi bộ"] == "4" and cells["Đảng viên"] == "51"
    at.multiselect(key="f_chi_bo").set_value(["CB02"]).run()
    cells = {m.label: m.value for m in at.metric}
    assert cells["Chi bộ"] == "1" and cells["Đảng viên"] == "14"


@pytest.mark.parametrize("query", [{"chi_bo": "CB02"}, {"chi_bo": "cb02"}])
def test_url_preselects_the_branch(sample_db, query):
    at = open_page("pages/xep_hang.py", query)
    assert at.multiselect(key="f_chi_bo").value == ["CB02"]
    assert _branch_column(at) == {CB02}


def test_url_with_several_branches_comma_or_repeated(sample_db):
    at = open_page("pages/xep_hang.py", {"chi_bo": "CB01,CB03", "ky": "2024"})
    assert at.multiselect(key="f_chi_bo").value == ["CB01", "CB03"]
    assert at.selectbox(key="f_ky").value == "2024"
    at = open_page("pages/xep_hang.py", {"chi_bo": ["CB01", "CB03"]})
    assert at.multiselect(key="f_chi_bo").value == ["CB01", "CB03"]


def test_unknown_codes_in_url_are_ignored_with_a_notice(sample_db):
    at = open_page("pages/xep_hang.py", {"chi_bo": "CB02,ZZ99,<script>", "ky": "2099"})
    assert not at.exception
    assert at.multiselect(key="f_chi_bo").value == ["CB02"]
    shown = texts(at)
    assert "ZZ99" in shown and "đã bỏ qua" in shown
    assert "2099" in shown


def test_filter_survives_switching_pages(sample_db):
    at = open_page("pages/xep_hang.py")
    at.multiselect(key="f_chi_bo").set_value(["CB03"]).run()
    at.selectbox(key="f_ky").set_value("2024").run()
    at.query_params.clear()  # a link without parameters: remembered state applies
    at.switch_page("pages/sinh_hoat.py").run()
    assert not at.exception
    assert at.multiselect(key="f_chi_bo").value == ["CB03"]
    assert at.selectbox(key="f_ky").value == "2024"
    assert at.query_params["chi_bo"] in ("CB03", ["CB03"])


def test_url_wins_over_remembered_state(sample_db):
    at = open_page("pages/xep_hang.py")
    at.multiselect(key="f_chi_bo").set_value(["CB03"]).run()
    at.query_params["chi_bo"] = "CB01"
    at.switch_page("pages/giai_phap.py").run()
    assert at.multiselect(key="f_chi_bo").value == ["CB01"]


def test_english_on_request(sample_db):
    at = open_page("pages/xep_hang.py", {"lang": "en"})
    assert [t.value for t in at.title] == ["Cell rankings"]
    at.segmented_control(key="f_lang").set_value("vi").run()
    assert [t.value for t in at.title] == ["Xếp hạng chi bộ"]
    assert "lang" not in at.query_params


def test_period_filter_changes_the_leaderboard(sample_db):
    # Totals of the sample workbook (diem_danh_gia): 2021 CB01 88, CB04 87, CB03 82, CB02 76,5;
    # 2025 CB02 93, CB01 91, CB03 86,5, CB04 72,5.
    at = open_page("pages/xep_hang.py", {"ky": "2021"})
    board = at.dataframe[0].value
    assert list(zip(board["Chi bộ"], board["Tổng điểm"])) == [
        ("Chi bộ Văn phòng tổng hợp", "88,0"), ("Chi bộ Khối Dân sự – Hành chính", "87,0"),
        ("Chi bộ Khối Kiểm sát tư pháp", "82,0"), (CB02, "76,5")]
    at.selectbox(key="f_ky").set_value("2025").run()
    board = at.dataframe[0].value
    assert list(zip(board["Chi bộ"], board["Tổng điểm"])) == [
        (CB02, "93,0"), ("Chi bộ Văn phòng tổng hợp", "91,0"), ("Chi bộ Khối Kiểm sát tư pháp", "86,5"),
        ("Chi bộ Khối Dân sự – Hành chính", "72,5")]
    assert at.query_params["ky"] in ("2025", ["2025"])
