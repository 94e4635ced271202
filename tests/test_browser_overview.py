"""The overview and the solution page in a real Chromium: what fits where, nothing sideways,
every chart drawn, and a click in the matrix.

At 1366×768 (the office laptops) the KPI row, the written summary and the two charts of the
overview are on screen without scrolling. At 390×844 (a phone) no page overflows sideways.
AppTest cannot see a chart that Vega fails to draw (it only sees the spec), so every chart is
checked here to have been drawn, with no script error in the page.
Screenshots go to $DASHBOARD_SCREENSHOTS when set (to look at them), else to the test's
temporary directory.
"""

import os
from pathlib import Path

import pytest

from tests.browser import browser_page, require_chromium, running_app

pytestmark = pytest.mark.browser

BOXES = """() => {
  const box = el => { const r = el.getBoundingClientRect();
                      return {top: r.top, bottom: r.bottom, left: r.left, right: r.right, width: r.width}; };
  const all = sel => [...document.querySelectorAll(sel)].map(box);
  const main = document.querySelector('[data-testid=stMain]');
  return {
    width: window.innerWidth, height: window.innerHeight,
    docScroll: document.documentElement.scrollWidth, bodyScroll: document.body.scrollWidth,
    mainScroll: main ? main.scrollWidth : 0, mainClient: main ? main.clientWidth : 0,
    metrics: all('[data-testid=stMetric]'),
    summary: all('.st-key-overview_summary'),
    charts: all('.st-key-overview_ranking, .st-key-overview_solutions'),
    elements: all('[data-testid=stMain] [data-testid=stElementContainer]'),
    charts_drawn: [...document.querySelectorAll('[data-testid=stVegaLiteChart]')].map(
        el => el.getBoundingClientRect().height > 40 && !!el.querySelector('svg, canvas')),
  };
}"""


def shots(tmp_path: Path) -> Path:
    out = Path(os.environ.get("DASHBOARD_SCREENSHOTS") or tmp_path)
    out.mkdir(parents=True, exist_ok=True)
    return out


def wait_for_overview(page) -> None:
    page.get_by_role("heading", name="Tổng quan").wait_for(timeout=30_000)
    page.locator(".st-key-overview_summary").wait_for(timeout=30_000)
    for key in ("overview_ranking", "overview_solutions"):   # the charts drawn, not just their frames
        page.locator(f".st-key-{key} canvas, .st-key-{key} svg").first.wait_for(timeout=30_000)
    page.wait_for_function(
        "() => document.querySelectorAll('[data-testid=stMetric] svg, [data-testid=stMetric] canvas').length >= 5",
        timeout=30_000)
    page.wait_for_timeout(500)   # the last layout pass after the charts' own sizing


def watch_errors(page) -> list[str]:
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    return errors


def assert_nothing_sideways(m: dict, where: str) -> None:
    assert m["docScroll"] <= m["width"] and m["bodyScroll"] <= m["width"], where
    assert m["mainScroll"] <= m["mainClient"], where
    wide = [e for e in m["elements"] if e["width"] > 0 and (e["right"] > m["width"] + 0.5 or e["left"] < -0.5)]
    assert wide == [], where


def test_overview_fits_a_laptop_screen_without_scrolling(sample_db, tmp_path):
    require_chromium()
    out = shots(tmp_path)
    with running_app(sample_db, tmp_path / "server.log") as url, browser_page(1366, 768) as page:
        errors = watch_errors(page)
        page.goto(url + "/", wait_until="domcontentloaded")
        wait_for_overview(page)
        page.screenshot(path=str(out / "tong-quan-1366x768.png"))
        m = page.evaluate(BOXES)
        assert len(m["metrics"]) == 7 and len(m["summary"]) == 1 and len(m["charts"]) == 2
        visible = m["metrics"] + m["summary"] + m["charts"]
        for box in visible:
            assert 0 <= box["top"] and box["bottom"] <= m["height"], (box, m["height"])
            assert 0 <= box["left"] and box["right"] <= m["width"], box
        # One row of cards: Chi bộ (with Đảng viên below it) and the five cards start level.
        assert len({round(b["top"]) for b in [m["metrics"][0]] + m["metrics"][2:]}) == 1
        assert_nothing_sideways(m, "overview 1366")
        assert m["charts_drawn"] == [True, True]
        assert page.dialogs == [] and errors == []


@pytest.mark.parametrize("path, name", [("/", "tong-quan"), ("/giai_phap", "giai-phap")])
def test_nothing_overflows_sideways_on_a_phone(sample_db, tmp_path, path, name):
    require_chromium()
    out = shots(tmp_path)
    with running_app(sample_db, tmp_path / "server.log") as url, browser_page(390, 844) as page:
        errors = watch_errors(page)
        page.goto(url + path, wait_until="domcontentloaded")
        if path == "/":
            wait_for_overview(page)
        else:
            page.get_by_test_id("stDataFrame").last.wait_for(timeout=30_000)
            page.locator("[data-testid=stVegaLiteChart] canvas, [data-testid=stVegaLiteChart] svg").first.wait_for()
            page.wait_for_timeout(500)
        # On a phone the menu starts closed (initial_sidebar_state="auto"); open it, check, close it.
        page.get_by_test_id("stExpandSidebarButton").click()
        page.wait_for_timeout(500)
        assert_nothing_sideways(page.evaluate(BOXES), f"{path} 390, menu open")
        page.get_by_test_id("stSidebarCollapseButton").locator("button").click()
        page.wait_for_timeout(500)
        m = page.evaluate(BOXES)
        assert_nothing_sideways(m, f"{path} 390")
        assert m["charts_drawn"] and all(m["charts_drawn"]), m["charts_drawn"]
        page.screenshot(path=str(out / f"{name}-390x844.png"))
        # Scroll through the page: the lower sections too stay within the width.
        page.get_by_test_id("stMain").evaluate("el => el.scrollTo(0, el.scrollHeight)")
        page.wait_for_timeout(300)
        assert_nothing_sideways(page.evaluate(BOXES), f"{path} 390, bottom")
        page.screenshot(path=str(out / f"{name}-390x844-bottom.png"))
        assert page.dialogs == [] and errors == []


def test_clicking_a_matrix_cell_narrows_the_solution_page(sample_db, tmp_path):
    require_chromium()
    out = shots(tmp_path)
    cell = '[data-testid=stVegaLiteChart] .mark-{kind} {tag}[aria-label^="{label}"]'
    cb04_gp4 = "Chi bộ Khối Dân sự – Hành chính, 4. Đảng thống nhất lãnh đạo công tác cán bộ"
    cb03_gp5 = "Chi bộ Khối Kiểm sát tư pháp, 5. Đổi mới nội dung"
    with running_app(sample_db, tmp_path / "server.log") as url, browser_page(1366, 900) as page:
        errors = watch_errors(page)
        page.goto(url + "/giai_phap", wait_until="domcontentloaded")
        page.get_by_test_id("stDataFrame").last.wait_for(timeout=30_000)
        assert all(page.evaluate(BOXES)["charts_drawn"])
        # The figure written in the cell is what a reader clicks first.
        page.locator(cell.format(kind="text", tag="text", label=cb04_gp4)).first.click()
        page.wait_for_url("**giai_phap=4&don_vi=CB04**", timeout=30_000)
        page.get_by_text("Đang xem riêng: 4. Đảng thống nhất lãnh đạo công tác cán bộ; trách nhiệm của tổ chức và "
                         "người đứng đầu. — Chi bộ Khối Dân sự – Hành chính.").wait_for(timeout=30_000)
        page.screenshot(path=str(out / "giai-phap-chon-o.png"))
        page.get_by_role("button", name="Bỏ chọn, xem tất cả").click()
        page.get_by_text("Đang xem riêng").wait_for(state="detached", timeout=30_000)
        assert "don_vi" not in page.url
        # The coloured cell itself, off its figure; a second click on it clears the choice.
        rect = cell.format(kind="rect", tag="path", label=cb03_gp5)
        page.locator(rect).first.click(position={"x": 6, "y": 6})
        page.wait_for_url("**giai_phap=5&don_vi=CB03**", timeout=30_000)
        page.get_by_text("Đang xem riêng: 5. Đổi mới nội dung").wait_for(timeout=30_000)
        page.locator(rect).first.click(position={"x": 6, "y": 6})
        page.get_by_text("Đang xem riêng").wait_for(state="detached", timeout=30_000)
        assert "don_vi" not in page.url
        assert errors == []
