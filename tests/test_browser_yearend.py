"""The year-end review in a real Chromium: propose → check → decide on the sample, and nothing
sideways on a laptop (1366×768) or a phone (390×844)."""

import pytest

from tests.browser import browser_page, require_chromium, running_app
from tests.test_browser_overview import BOXES, assert_nothing_sideways, shots, watch_errors

pytestmark = pytest.mark.browser
PAGE = "/danh_gia_cuoi_nam?nam=2026"
TODAY = {"DASHBOARD_TODAY": "26/11/2026"}


def wait_for_review(page) -> None:
    page.get_by_role("heading", name="Đánh giá cuối năm").wait_for(timeout=60_000)
    page.locator("[class*='st-key-plan_cells'] canvas").first.wait_for(timeout=30_000)
    page.get_by_text("Kiểm tra trước khi quyết định").wait_for(timeout=30_000)
    page.wait_for_timeout(800)


def metric(page, label: str) -> str:
    return page.get_by_test_id("stMetric").filter(has_text=label).get_by_test_id("stMetricValue").inner_text()


def wait_for_metric(page, label: str, value: str) -> None:
    page.wait_for_function(
        "([label, value]) => [...document.querySelectorAll('[data-testid=stMetric]')].some(m => "
        "m.innerText.startsWith(label) && m.querySelector('[data-testid=stMetricValue]').innerText.trim() === value)",
        arg=[label, value], timeout=30_000)


def test_propose_check_decide_in_the_browser(sample_db, tmp_path):
    require_chromium()
    with running_app(sample_db, tmp_path / "server.log", TODAY) as url, browser_page() as page:
        errors = watch_errors(page)
        page.goto(url + PAGE, wait_until="domcontentloaded")
        wait_for_review(page)
        assert_nothing_sideways(page.evaluate(BOXES), "1366×768")
        # Check: CB02's proposal HTXSNV breaks the quota (four cells: 20 % of 3 allows none).
        page.get_by_text("Chi bộ: 1 Hoàn thành xuất sắc nhiệm vụ, được tối đa 0").wait_for()
        page.screenshot(path=str(shots(tmp_path) / "danh-gia-cuoi-nam-1366.png"))

        # Propose: in the planner, CB02 (second row) goes down to HTTNV; the quota is met at once.
        editor = page.locator("[class*='st-key-plan_cells']")
        editor.scroll_into_view_if_needed()
        box = editor.locator("canvas").first.bounding_box()
        page.mouse.dblclick(box["x"] + box["width"] * 0.45, box["y"] + 35 + 35 + 17)   # 2nd row, "Mức đề xuất"
        page.get_by_role("option", name="HTTNV", exact=True).click()
        page.keyboard.press("Enter")
        page.get_by_text("Chi bộ: 0 Hoàn thành xuất sắc nhiệm vụ, được tối đa 0").wait_for(timeout=30_000)
        assert "trong tỷ lệ" in page.get_by_text("Chi bộ: 0 Hoàn thành xuất sắc nhiệm vụ").inner_text()

        # Save the proposals: written through the upload path, recorded in the history.
        page.get_by_role("button", name="Lưu đề xuất của chi bộ").click()
        page.get_by_text("Đã ghi (lần tải lên số").wait_for(timeout=30_000)
        wait_for_review(page)
        page.get_by_text("Chi bộ: 0 Hoàn thành xuất sắc nhiệm vụ, được tối đa 0").wait_for(timeout=30_000)
        assert metric(page, "Đảng ủy quyết định") == "0/55"

        # Decide: the administrator records the plan as the Đảng ủy's decisions.
        page.get_by_role("button", name="Ghi quyết định của Đảng ủy").click()
        wait_for_metric(page, "Đảng ủy quyết định", "42/55")   # every subject with a proposed level
        page.get_by_text("Đã ghi (lần tải lên số").wait_for(timeout=30_000)
        page.screenshot(path=str(shots(tmp_path) / "danh-gia-cuoi-nam-quyet-dinh.png"))

        page.goto(url + "/lich_su", wait_until="domcontentloaded")
        page.get_by_role("heading", name="Lịch sử tải lên").wait_for(timeout=30_000)
        assert errors == []


def test_the_review_and_the_register_fit_a_phone(sample_db, tmp_path):
    require_chromium()
    with running_app(sample_db, tmp_path / "server.log", TODAY) as url, browser_page(390, 844) as page:
        errors = watch_errors(page)
        page.goto(url + PAGE, wait_until="domcontentloaded")
        wait_for_review(page)
        assert_nothing_sideways(page.evaluate(BOXES), "review 390×844")
        page.screenshot(path=str(shots(tmp_path) / "danh-gia-cuoi-nam-390.png"))
        page.goto(url + "/dang_vien?nam=2025", wait_until="domcontentloaded")
        page.get_by_role("heading", name="Đảng viên", exact=True).wait_for(timeout=60_000)
        page.get_by_text("Hết thời kỳ dự bị hoặc sắp hết").wait_for(timeout=30_000)
        page.wait_for_timeout(800)
        assert_nothing_sideways(page.evaluate(BOXES), "register 390×844")
        assert errors == []
