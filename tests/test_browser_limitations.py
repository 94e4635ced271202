"""Hạn chế và khắc phục in a real Chromium, at 1366×768 (the office laptops) and 390×844 (a
phone): every block drawn, the measure tables with their trend lines, nothing sideways
(document.documentElement.scrollWidth ≤ innerWidth), no script error."""

import pytest

from tests.browser import browser_page, require_chromium, running_app
from tests.test_browser_overview import BOXES, assert_nothing_sideways, shots, watch_errors

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("width, height", [(1366, 768), (390, 844)])
def test_the_limitations_page_fits_the_screen_without_sideways_scrolling(sample_db, tmp_path, width, height):
    require_chromium()
    out = shots(tmp_path)
    with running_app(sample_db, tmp_path / "server.log") as url, browser_page(width, height) as page:
        errors = watch_errors(page)
        page.goto(url + "/han_che?ky=2025", wait_until="domcontentloaded")
        page.get_by_role("heading", name="Hạn chế và khắc phục").wait_for(timeout=30_000)
        page.locator(".st-key-limitation_L4 [data-testid=stDataFrame]").wait_for(timeout=30_000)
        page.wait_for_timeout(800)   # the tables' own sizing
        for code in ("L1", "L2", "L3", "L4"):
            assert page.locator(f".st-key-limitation_{code} [data-testid=stDataFrame]").count() >= 1, code
        assert page.get_by_text("Tính nêu gương của một số đảng viên chưa thực sự phát huy.").count() == 1
        m = page.evaluate(BOXES)
        assert m["docScroll"] <= m["width"], (m["docScroll"], m["width"])
        assert_nothing_sideways(m, f"han_che {width}")
        page.screenshot(path=str(out / f"han-che-{width}x{height}.png"))
        page.get_by_test_id("stMain").evaluate("el => el.scrollTo(0, el.scrollHeight)")
        page.wait_for_timeout(300)
        assert_nothing_sideways(page.evaluate(BOXES), f"han_che {width}, bottom")
        assert page.dialogs == [] and errors == []
