"""A table's own download in a real browser: click “Tải Excel” under the leaderboard, get a workbook."""

import io

import openpyxl
import pytest

from tests.browser import browser_page, require_chromium, running_app

pytestmark = pytest.mark.browser


def test_the_rankings_download_is_a_valid_workbook_of_the_leaderboard(sample_db, tmp_path):
    require_chromium()
    from dashboard import store

    store.close_all()  # the server process must be the one holding the database
    with running_app(sample_db, tmp_path / "server.log", {"DASHBOARD_TODAY": "30/11/2026"}) as url, \
            browser_page(1366, 900) as page:
        page.goto(url + "/xep_hang?ky=2025", wait_until="domcontentloaded")
        page.get_by_test_id("stDataFrame").first.wait_for(timeout=30_000)
        button = page.locator(".st-key-ranking_xlsx").get_by_role("button", name="Tải Excel")
        with page.expect_download(timeout=30_000) as info:
            button.click()
        download = info.value
        assert download.suggested_filename == "xep-hang-2025-ngay-30-11-2026.xlsx"
        raw = open(download.path(), "rb").read()
        assert raw.startswith(b"PK")
        ws = openpyxl.load_workbook(io.BytesIO(raw)).worksheets[0]
        values = [[c.value for c in row] for row in ws.iter_rows()]
        assert values[0][0] == "Xếp hạng chi bộ"
        header = values.index(next(r for r in values if r[0] == "Thứ hạng"))
        assert {r[1] for r in values[header + 1:]} == {"Chi bộ Văn phòng tổng hợp", "Chi bộ Khối Hình sự",
                                                      "Chi bộ Khối Kiểm sát tư pháp",
                                                      "Chi bộ Khối Dân sự – Hành chính"}
        assert page.dialogs == []


def test_the_problems_workbook_is_written_when_its_button_is_pressed(sample_db, tmp_path):
    # The report is made on the click (it copies every row of the upload), not at every run of the
    # page: pressing the button must still give the whole workbook, the sheet with its row marked.
    require_chromium()
    from dashboard import store
    from tests.workbooks import scores, write_xlsx

    bad = scores("2026", "CB01", 0.9)
    bad[0][3] = 12                              # A1 is worth at most 8
    f = write_xlsx(tmp_path / "loi.xlsx", {"diem_danh_gia": bad})
    store.close_all()
    with running_app(sample_db, tmp_path / "server.log") as url, browser_page(1366, 900) as page:
        page.goto(url + "/tai_len", wait_until="domcontentloaded")
        page.get_by_role("heading", name="Tải dữ liệu lên").wait_for(timeout=30_000)
        page.locator("input[type=file]").first.set_input_files(str(f))
        button = page.get_by_role("button", name="Tải danh sách lỗi (Excel)")
        button.wait_for(timeout=60_000)
        with page.expect_download(timeout=30_000) as info:
            button.click()
        raw = open(info.value.path(), "rb").read()
        book = openpyxl.load_workbook(io.BytesIO(raw))
        listed = [[c.value for c in row] for row in book.worksheets[0].iter_rows()]
        assert listed[0] == ["Mức độ", "Tệp", "Sheet", "Dòng", "Cột", "Giá trị", "Nội dung"]
        assert any("giá trị 12 vượt điểm tối đa 8 của tiêu chí A1" in (row[-1] or "") for row in listed[1:])
        marked = [[c.value for c in row] for row in book["diem_danh_gia"].iter_rows()]
        assert len(marked) == 1 + len(bad)      # the header, then every row of the sheet
        assert marked[1][0] == 2 and "vượt điểm tối đa 8" in marked[1][1]
        assert marked[2][1] is None               # a row without a problem carries no message
        assert page.dialogs == []
