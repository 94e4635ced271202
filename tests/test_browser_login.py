"""A deep link opened logged out, in a real browser, with users configured: only the login form,
and after signing in, the very view the link names."""

import pytest

from dashboard import auth
from tests.browser import browser_page, require_chromium, running_app

pytestmark = pytest.mark.browser
PASSWORD = "mật-khẩu-đủ-dài"
CB02 = "Chi bộ Khối Hình sự"


def test_a_deep_link_opened_logged_out_asks_to_sign_in_then_opens_the_linked_view(sample_db, tmp_path):
    require_chromium()
    users = tmp_path / "users.toml"
    users.write_text(f'[users.admin]\nname = "Quản trị viên"\nrole = "admin"\n'
                     f'password_hash = "{auth.hash_password(PASSWORD)}"\n', encoding="utf-8")
    env = {"DASHBOARD_USERS_FILE": str(users)}
    with running_app(sample_db, tmp_path / "server.log", env) as url, browser_page(1366, 1400) as page:
        page.goto(url + "/xep_hang?chi_bo=CB02&ky=2024", wait_until="domcontentloaded")
        page.get_by_role("heading", name="Đăng nhập").wait_for(timeout=30_000)
        page.wait_for_timeout(1000)   # let the run finish: nothing else may appear
        # Only the login form: no data, no filters, no menu, no badge.
        assert page.get_by_label("Tên đăng nhập").is_visible() and page.get_by_label("Mật khẩu").is_visible()
        for test_id in ("stDataFrame", "stMetric", "stVegaLiteChart", "stMultiSelect", "stPageLink"):
            assert page.get_by_test_id(test_id).count() == 0, test_id
        assert page.get_by_text("Dữ liệu mẫu").count() == 0 and page.get_by_text(CB02).count() == 0
        assert "chi_bo=CB02" in page.url and "ky=2024" in page.url   # the link is kept while signing in

        page.get_by_label("Tên đăng nhập").fill("admin")
        page.get_by_label("Mật khẩu").fill(PASSWORD)
        page.get_by_role("button", name="Đăng nhập").click()

        # The view the link names: the ranking page, narrowed to CB02, for 2024.
        page.get_by_role("heading", name="Xếp hạng chi bộ").wait_for(timeout=30_000)
        page.get_by_role("heading", name=f"Vì sao? — {CB02}, Năm 2024").wait_for(timeout=30_000)
        grid = page.get_by_test_id("stDataFrame").first.locator('[role="grid"]')
        grid.wait_for(state="attached", timeout=30_000)   # the grid's accessible table is not drawn
        assert grid.get_attribute("aria-rowcount") == "2"   # header + CB02
        assert CB02 in grid.locator('[role="gridcell"]').all_text_contents()
        sidebar = page.get_by_test_id("stSidebar")
        assert sidebar.get_by_test_id("stMultiSelect").first.get_by_text(CB02).is_visible()
        assert sidebar.get_by_role("combobox", name="Kỳ đánh giá").input_value() == "Năm 2024"
        assert "chi_bo=CB02" in page.url and "ky=2024" in page.url
        assert page.get_by_text("Đăng nhập: Quản trị viên (Quản trị)").is_visible()
        assert page.dialogs == []
