"""Issue 11, attack 10: the tables' own "Download as CSV" (unaudited) in a real browser."""

import pytest

from tests.browser import browser_page, require_chromium, running_app

pytestmark = pytest.mark.browser


def test_10_no_table_offers_its_own_csv_download(sample_db, tmp_path):
    require_chromium()
    with running_app(sample_db, tmp_path / "server.log") as url, browser_page(1366, 1600) as page:
        for path in ("/xep_hang?ky=2025", "/lich_su"):
            page.goto(url + path, wait_until="domcontentloaded")
            table = page.get_by_test_id("stDataFrame").first
            table.wait_for(timeout=30_000)
            table.hover()
            toolbar = page.get_by_test_id("stElementToolbar").first
            toolbar.get_by_role("button", name="Search").wait_for(timeout=10_000)   # the toolbar is drawn
            assert toolbar.get_by_role("button", name="Download as CSV").count() == 0, path
