"""Hostile cell names in a real browser: no dialog opens, no script runs, names show as text."""

import pytest

from dashboard import ingest, store
from tests.browser import browser_page, require_chromium, running_app
from tests.workbooks import scores, xlsx_bytes

pytestmark = pytest.mark.browser

NAUGHTY = [
    "<script>window.__pwned=1;alert(1)</script>",
    "<img src=x onerror=\"window.__pwned=2;alert(2)\">",
    "\"><svg onload=alert(3)>",
    "[bấm vào đây](javascript:alert(4)) ![ảnh](http://203.0.113.1/x.png)",
    "**đậm** :red[đỏ] $x^2$ :material/warning:",
    "Chi bộ \u202eABC\u202c đảo chiều",
    "Chi\u200b bộ\u200d ẩn\u2060 ký tự",
]


def test_naughty_names_stay_text(empty_db, tmp_path):
    require_chromium()
    branches = [[f"N{i}", name, None, None, None] for i, name in enumerate(NAUGHTY, start=1)]
    rows = [r for i in range(1, len(NAUGHTY) + 1) for r in scores("2025", f"N{i}", 0.5 + i / 20)]
    batch = ingest.prepare([("doc.xlsx", xlsx_bytes({"chi_bo": branches, "diem_danh_gia": rows}))],
                           store.cursor(empty_db))
    assert batch.ok, [p.message() for p in batch.errors]
    ingest.commit(batch, who="test", source="cli", path=empty_db)
    store.close_all()
    requests = []
    with running_app(empty_db, tmp_path / "server.log") as url, browser_page(1366, 2400) as page:
        page.on("request", lambda r: requests.append(r.url))
        for path in ("/", "/xep_hang?ky=2025", "/xep_hang?ky=2025&chi_bo=N1", "/xep_hang?ky=2025&chi_bo=N4",
                     "/sinh_hoat", "/?chi_bo=" + "%3Cscript%3Ealert(5)%3C/script%3E"):
            page.goto(url + path, wait_until="domcontentloaded")
            page.get_by_test_id("stHeading").first.wait_for(timeout=30_000)
            page.wait_for_timeout(1500)
            assert page.evaluate("window.__pwned") is None, path
        assert page.dialogs == []
        # The ranking table lists the names exactly as written.
        page.goto(url + "/xep_hang?ky=2025", wait_until="domcontentloaded")
        grid = page.get_by_test_id("stDataFrame").first.locator('[role="grid"]')
        grid.wait_for(state="attached", timeout=30_000)
        cells = grid.locator('[role="gridcell"]').all_text_contents()
        for name in NAUGHTY:
            assert name in cells, name
        # The "Vì sao?" heading shows a Markdown-looking name literally, not as a link or an image.
        page.goto(url + "/xep_hang?ky=2025&chi_bo=N4", wait_until="domcontentloaded")
        heading = page.get_by_role("heading", name="Vì sao?").first
        heading.wait_for(timeout=30_000)
        assert "[bấm vào đây](javascript:alert(4))" in heading.inner_text()
        assert page.locator("a[href^='javascript']").count() == 0
        page.screenshot(path=str(tmp_path / "naughty.png"), full_page=True)
    assert not [r for r in requests if "203.0.113.1" in r], "an image in a name was fetched"
    assert all(r.startswith(url) or r.startswith("data:") or r.startswith("blob:") for r in requests), \
        [r for r in requests if not r.startswith(url)][:5]
