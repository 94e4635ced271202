"""The real app in a real browser: title, sample badge, branch filter, screenshot."""

import re

import pytest

from tests.browser import browser_page, require_chromium, running_app

pytestmark = pytest.mark.browser


def test_overview_in_chromium_filters_by_branch(sample_db, tmp_path):
    require_chromium()
    with running_app(sample_db, tmp_path / "server.log") as url, browser_page() as page:
        page.goto(url + "/", wait_until="domcontentloaded")
        page.get_by_role("heading", name="Tổng quan").wait_for(timeout=30_000)
        assert "Tổng quan" in page.title()
        page.get_by_text("Dữ liệu mẫu — không phải số liệu thật").first.wait_for()
        cells = page.get_by_test_id("stMetric").filter(has_text="Chi bộ").first
        assert cells.get_by_test_id("stMetricValue").inner_text() == "4"

        page.get_by_test_id("stMultiSelect").first.click()
        page.get_by_role("option", name="Chi bộ Khối Hình sự").click()
        page.keyboard.press("Escape")
        page.wait_for_function(
            "() => [...document.querySelectorAll('[data-testid=stMetric]')]"
            ".some(m => m.innerText.startsWith('Chi bộ') && m.innerText.trim().endsWith('1'))",
            timeout=30_000)
        assert re.search(r"chi_bo=CB02", page.url)
        page.screenshot(path=str(tmp_path / "tong-quan-cb02.png"), full_page=True)
        assert (tmp_path / "tong-quan-cb02.png").stat().st_size > 10_000
        assert page.dialogs == []
