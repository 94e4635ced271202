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
