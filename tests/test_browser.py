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
            ".some(m => m.innerText.split('\\n')[0].trim() === 'Chi bộ' && m.innerText.trim().endsWith('1'))",
            timeout=30_000)
        assert re.search(r"chi_bo=CB02", page.url)
        page.screenshot(path=str(tmp_path / "tong-quan-cb02.png"), full_page=True)
        assert (tmp_path / "tong-quan-cb02.png").stat().st_size > 10_000
        assert page.dialogs == []


def test_upload_the_sample_workbook_through_the_real_file_input(empty_db, tmp_path):
    from tests.conftest import SAMPLE_WORKBOOK
    from dashboard import store

    store.close_all()  # the server process must be the one holding the database
    with running_app(empty_db, tmp_path / "server.log") as url, browser_page() as page:
        page.goto(url + "/tai_len", wait_until="domcontentloaded")
        page.get_by_role("heading", name="Tải dữ liệu lên").wait_for(timeout=30_000)
        page.locator("input[type=file]").first.set_input_files(str(SAMPLE_WORKBOOK))
        page.get_by_text("Sheet chi_bo: 4 dòng — 4 mới, 0 thay đổi, 0 không đổi.").wait_for(timeout=60_000)
        page.get_by_role("button", name="Xác nhận ghi dữ liệu").click()
        page.get_by_text("Đã ghi dữ liệu (lần tải lên số 1).").wait_for(timeout=60_000)
        page.screenshot(path=str(tmp_path / "tai-len.png"), full_page=True)
        page.goto(url + "/xep_hang?ky=2025", wait_until="domcontentloaded")
        page.get_by_role("heading", name="Xếp hạng chi bộ").wait_for(timeout=30_000)
        page.get_by_text("Dữ liệu mẫu — không phải số liệu thật").first.wait_for(timeout=30_000)
        assert page.dialogs == []


def test_command_line_refuses_plainly_while_the_app_holds_the_database(sample_db, tmp_path):
    import subprocess
    import sys

    from tests.workbooks import scores, write_xlsx

    f = write_xlsx(tmp_path / "diem.xlsx", {"diem_danh_gia": scores("2026", "CB01", 0.8)})
    with running_app(sample_db, tmp_path / "server.log") as url, browser_page() as page:
        page.goto(url + "/", wait_until="domcontentloaded")
        page.get_by_test_id("stMetric").first.wait_for(timeout=30_000)  # the app has opened the database
        result = subprocess.run([sys.executable, "-m", "dashboard", "--db", str(sample_db), "ingest", str(f)],
                                capture_output=True, text=True, timeout=60)
        assert result.returncode == 2
        assert "đang được ứng dụng web giữ" in result.stderr
        page.reload()
        page.get_by_test_id("stMetric").first.wait_for(timeout=30_000)


def test_clicking_a_bar_in_the_real_chart_filters_the_table(sample_db, tmp_path):
    require_chromium()
    with running_app(sample_db, tmp_path / "server.log") as url, browser_page(1366, 1400) as page:
        page.goto(url + "/xep_hang?ky=2025", wait_until="domcontentloaded")
        page.get_by_role("heading", name="Tổng điểm theo chi bộ").wait_for(timeout=30_000)
        rows = page.get_by_test_id("stDataFrame").first
        rows.wait_for()
        chart = page.get_by_test_id("stVegaLiteChart").first
        chart.scroll_into_view_if_needed()
        # Drawn, and at its final size (Vega draws after the element appears; a box read too
        # early is a few pixels high and the walk below clicks nothing).
        chart.locator("canvas, svg").first.wait_for(timeout=30_000)
        box, before = chart.bounding_box(), None
        for _ in range(40):
            if before is not None and box["height"] == before["height"] and box["height"] > 200:
                break
            page.wait_for_timeout(300)
            before, box = box, chart.bounding_box()
        # Walk down the middle of the bars (every total is above 50 of 100) until a click selects one.
        # After each click, wait for the app to finish the run it caused (a loaded machine takes
        # longer than a fixed pause) before the next click or the address is read.
        for dy in range(10, int(box["height"]) - 60, 12):
            # Where the chart is now: the page may have scrolled it away as it grew (a box read
            # once was 1.032 px above the window in one run, and every click missed).
            chart.scroll_into_view_if_needed()
            box = chart.bounding_box()
            page.mouse.click(box["x"] + box["width"] * 0.55, box["y"] + dy)
            page.wait_for_timeout(500)
            page.get_by_test_id("stStatusWidget").wait_for(state="detached", timeout=30_000)
            if "chi_bo=" in page.url:
                break
        assert "chi_bo=CB02" in page.url, (page.url, box)   # the top bar: Chi bộ Khối Hình sự leads 2025
        page.get_by_role("heading", name="Vì sao? — Chi bộ Khối Hình sự, Năm 2025").wait_for(timeout=30_000)
        page.screenshot(path=str(tmp_path / "xep-hang-cb02.png"), full_page=True)
        assert page.get_by_role("button", name="Xem tất cả chi bộ").is_visible()
        page.get_by_text("Đang xem: Chi bộ Khối Hình sự.").wait_for()
        # The leaderboard now holds one row (its grid exposes row count to assistive technology).
        grid = page.get_by_test_id("stDataFrame").first.locator('[role="grid"]')
        assert grid.get_attribute("aria-rowcount") == "2"   # header + one cell
        cells = grid.locator('[role="gridcell"]').all_text_contents()
        assert "Chi bộ Khối Hình sự" in cells and "Chi bộ Văn phòng tổng hợp" not in cells
