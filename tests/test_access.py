"""Access control: login gate on every page, roles, cell scopes, names, throttling, audit."""

import datetime as dt
import subprocess
import sys
import time
from pathlib import Path

import pytest
from streamlit import config as st_config

from dashboard import auth, ingest, queries, store
from tests.apptest import PAGE_FILES, open_page, texts
from tests.people import PASSWORD, sign_in, users_file
from tests.workbooks import scores, xlsx_bytes

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def users(tmp_path, monkeypatch):
    return users_file(tmp_path / "users.toml", monkeypatch, ("admin", "xem", "thuky"))


@pytest.mark.parametrize("page", PAGE_FILES)
def test_logged_out_every_page_shows_only_the_login_form_and_queries_nothing(sample_db, users, page):
    before = queries.stats["runs"]
    at = open_page(page)
    assert not at.exception
    assert queries.stats["runs"] == before, "a query ran before login"
    assert [t.value for t in at.title] == ["Đăng nhập"]
    assert [w.label for w in at.text_input] == ["Tên đăng nhập", "Mật khẩu"]
    assert not at.dataframe and not at.metric and not at.get("vega_lite_chart") and not at.multiselect
    assert not at.get("page_link") and not at.get("file_uploader")
    assert "Dữ liệu mẫu" not in texts(at)


def test_sign_in_then_out(sample_db, users):
    at = sign_in(open_page("pages/xep_hang.py"), "admin")
    assert [t.value for t in at.title] == ["Xếp hạng chi bộ"]
    assert "Đăng nhập: Quản trị viên (Quản trị)" in texts(at)
    at.button(key="logout").click().run()
    assert [t.value for t in at.title] == ["Đăng nhập"]
    events = store.cursor(sample_db).execute("SELECT user_name, action FROM audit ORDER BY audit_id").fetchall()
    assert events == [("admin", "login"), ("admin", "logout")]


def test_wrong_password_is_refused_and_recorded(sample_db, users):
    at = sign_in(open_page("app.py"), "admin", "sai")
    assert [t.value for t in at.title] == ["Đăng nhập"]
    assert "Sai tên đăng nhập hoặc mật khẩu." in texts(at)
    assert store.cursor(sample_db).execute("SELECT action FROM audit").fetchall() == [("login_failed",)]


def test_failed_attempts_are_throttled_with_a_growing_delay():
    now = [1000.0]
    throttle = auth.LoginThrottle(clock=lambda: now[0])
    for _ in range(auth.FREE_ATTEMPTS - 1):
        throttle.failed("x")
    assert throttle.wait_seconds("x") == 0
    throttle.failed("x")                      # the fifth failure
    assert throttle.wait_seconds("x") == pytest.approx(5)
    now[0] += 5
    assert throttle.wait_seconds("x") == 0
    throttle.failed("x")
    assert throttle.wait_seconds("X") == pytest.approx(10)   # names compare case-insensitively
    throttle.failed("x")
    assert throttle.wait_seconds("x") == pytest.approx(20)
    assert [auth.LoginThrottle.delay_after(n) for n in (4, 5, 6, 7, 30)] == [0, 5, 10, 20, 900]
    throttle.succeeded("x")
    assert throttle.wait_seconds("x") == 0


def test_the_page_refuses_attempts_while_throttled(sample_db, users):
    at = open_page("app.py")
    for _ in range(auth.FREE_ATTEMPTS):
        sign_in(at, "admin", "sai")
    assert "lần thử tiếp theo phải đợi 5 giây" in texts(at)
    sign_in(at, "admin")                      # right password, but too soon
    assert [t.value for t in at.title] == ["Đăng nhập"]
    assert "tạm khóa" in texts(at)


def test_password_hashes_round_trip_and_are_salted():
    first, second = auth.hash_password(PASSWORD), auth.hash_password(PASSWORD)
    assert first != second and first.startswith("$argon2id$")
    assert auth.verify_password(first, PASSWORD) and not auth.verify_password(first, PASSWORD + "x")
    assert not auth.verify_password("not a hash", PASSWORD)
    users = {"a": {"password_hash": first, "role": "viewer"}}
    assert auth.authenticate("a", PASSWORD, users).role == "viewer"
    assert auth.authenticate("a", "sai", users) is None and auth.authenticate("b", PASSWORD, users) is None


def test_hash_password_command_reads_standard_input():
    out = subprocess.run([sys.executable, "-m", "dashboard", "hash-password"], input=PASSWORD + "\n",
                         capture_output=True, text=True, cwd=ROOT, check=True).stdout.strip()
    assert auth.verify_password(out, PASSWORD)


def test_idle_session_expires(sample_db, users, monkeypatch):
    at = sign_in(open_page("app.py"), "xem")
    assert [t.value for t in at.title] == ["Tổng quan"]
    at.session_state["_auth"] = {"login": "xem", "seen": time.time() - 31 * 60}
    at.run()
    assert [t.value for t in at.title] == ["Đăng nhập"]
    assert "Phiên làm việc đã hết hạn" in texts(at)


def test_viewer_has_no_upload_controls_and_the_ingest_refuses_a_viewer(sample_db, users):
    at = sign_in(open_page("pages/tai_len.py"), "xem")
    assert not at.get("file_uploader")
    assert "Vai trò của bạn không được phép thực hiện việc này." in texts(at)
    viewer = auth.User("xem", "viewer", None)
    data = xlsx_bytes({"diem_danh_gia": scores("2026", "CB01", 0.8)})
    with pytest.raises(auth.PermissionDenied):
        ingest.prepare([("x.xlsx", data)], store.cursor(sample_db), user=viewer)
    batch = ingest.prepare([("x.xlsx", data)], store.cursor(sample_db))
    with pytest.raises(auth.PermissionDenied):
        ingest.commit(batch, who="xem", source="page", path=sample_db, user=viewer)
    with pytest.raises(auth.PermissionDenied):
        ingest.undo(1, who="xem", path=sample_db, user=viewer)
    # Nor does a viewer see the undo control.
    at.switch_page("pages/lich_su.py").run()
    assert not [b for b in at.button if b.key == "undo_button"]


def test_scoped_editor_sees_only_their_cells(sample_db, users):
    at = sign_in(open_page("pages/xep_hang.py"), "thuky")
    assert at.multiselect(key="f_chi_bo").options == ["Chi bộ Khối Hình sự"]
    assert set(at.dataframe[0].value["Chi bộ"]) == {"Chi bộ Khối Hình sự"}
    at.query_params["chi_bo"] = "CB01"     # asking for another cell by link does not widen the scope
    at.run()
    assert set(at.dataframe[0].value["Chi bộ"]) == {"Chi bộ Khối Hình sự"}


def test_every_named_query_under_a_scope_returns_only_scoped_cells(sample_db):
    cur = store.cursor(sample_db)
    params = {"period": "2025", "year": 2025, "today": dt.date(2026, 11, 26),
              "quota_base": "httnv", "quota_pool": "dang_bo", "quota_rounding": "floor", "plan_days": 30, "periods": 3, "reports": 3, "compare": "previous", "kind": "year", "cell": "CB01", "unit": None, "stale_days": None}
    checked = 0
    for query in queries.load_all().values():
        if not query.scoped:
            continue
        frame = queries.run(query.name, cur=cur, scope=frozenset({"CB02"}), branches=["CB01", "CB02", "CB03"],
                            **{k: v for k, v in params.items() if k in query.params})
        if "branch_code" in frame:
            assert set(frame["branch_code"].dropna()) <= {"CB02"}, query.name
        if "member_code" in frame and len(frame):
            owners = {r[0] for r in cur.execute(
                "SELECT DISTINCT branch_code FROM v_members WHERE list_contains($m, member_code)",
                {"m": sorted(set(frame["member_code"]))}).fetchall()}
            assert owners <= {"CB02"}, query.name
        checked += 1
    assert checked >= 20


def test_an_upload_touching_another_cell_is_rejected_listing_the_rows(sample_db):
    editor = auth.User("thuky", "editor", frozenset({"CB02"}))
    rows = scores("2026", "CB02", 0.8) + scores("2026", "CB03", 0.8)[:2]
    batch = ingest.prepare([("diem.xlsx", xlsx_bytes({"diem_danh_gia": rows}))], store.cursor(sample_db),
                           user=editor)
    assert not batch.ok
    assert [(p.row, p.message()) for p in batch.errors] == [
        (12, "Sheet diem_danh_gia, dòng 12, cột 'Mã chi bộ': dòng này không thuộc chi bộ bạn được phép nhập (CB02), nên không được kiểm tra và sẽ không được ghi."),
        (13, "Sheet diem_danh_gia, dòng 13, cột 'Mã chi bộ': dòng này không thuộc chi bộ bạn được phép nhập (CB02), nên không được kiểm tra và sẽ không được ghi."),
    ]
    ok = ingest.prepare([("diem.xlsx", xlsx_bytes({"diem_danh_gia": scores("2026", "CB02", 0.8)}))],
                        store.cursor(sample_db), user=editor)
    assert ok.ok


def test_scoped_editor_cannot_change_criteria_or_progress_of_other_cells(sample_db):
    editor = auth.User("thuky", "editor", frozenset({"CB02"}))
    criteria = [["A1", "Tên mới", "chung", 8, 1, None]]
    progress = [["GP5-04", "20/11/2026", 70, "dang_thuc_hien", None]]   # an action of CB03
    batch = ingest.prepare([("x.xlsx", xlsx_bytes({"tieu_chi": criteria, "tien_do_giai_phap": progress}))],
                           store.cursor(sample_db), user=editor, today=dt.date(2026, 11, 26))
    codes = sorted(p.code for p in batch.errors)
    assert codes == ["p.criteria_admin_only", "p.out_of_scope"]


def test_names_are_released_by_role_only(sample_db):
    cur = store.cursor(sample_db)
    hidden = queries.run("uploads.member_names", cur=cur)
    shown = queries.run("uploads.member_names", cur=cur, names_allowed=True)
    assert hidden["full_name"].isna().all()
    assert shown.set_index("member_code").loc["DV001", "full_name"] == "Đảng viên mẫu 001"
    with pytest.raises(queries.QueryError):
        queries.run("uploads.member_names", cur=cur, show_names=True)


def test_admin_sees_the_audit_trail_others_do_not(sample_db, users):
    at = sign_in(open_page("pages/lich_su.py"), "admin")
    assert "Nhật ký truy cập và thao tác" in [s.value for s in at.subheader]
    at.button(key="logout").click().run()
    sign_in(at, "thuky")
    assert "Nhật ký truy cập và thao tác" not in [s.value for s in at.subheader]


def test_the_audit_trail_shows_an_event_recorded_after_the_last_view(sample_db, users):
    # The trail is kept between runs until an event is recorded; an export changes no data.
    from dashboard import audit

    def details():
        return {str(v) for frame in (d.value for d in at.dataframe) for v in frame.to_numpy().ravel()}

    at = sign_in(open_page("pages/lich_su.py"), "admin")
    assert not any("tệp-kiểm-thử.xlsx" in v for v in details())
    at.run()
    audit.record("export", "admin", {"file": "tệp-kiểm-thử.xlsx", "page": "ranking"})
    at.run()
    assert "Tệp: tệp-kiểm-thử.xlsx; Trang: Xếp hạng chi bộ" in details()     # in words, not JSON


@pytest.mark.parametrize("detail, lang, said", [
    # worked out by hand from the catalogue's words
    ({"reason": "throttled", "refused_since_last_row": 12}, "vi",
     "Lý do: tạm khóa do nhập sai nhiều lần; Bị từ chối thêm từ dòng trước: 12"),
    ({"by": "python -m dashboard unlock", "requested_at": "26/11/2026 09:14:05"}, "vi",
     "Yêu cầu lúc: 26/11/2026 09:14:05; Bằng lệnh: python -m dashboard unlock"),
    ({"files": ["a.xlsx", "b.csv"], "upload_id": 1234}, "vi", "Tệp: a.xlsx, b.csv; Lần tải lên số: 1234"),
    ({"file": "s.duckdb", "tables": 21, "rows": 1800, "previous": None, "source": "cli"}, "vi",
     "Tệp: s.duckdb; Số bảng: 21; Số dòng: 1.800; Từ: dòng lệnh"),
    ({"page": "overview", "reason": "scope"}, "en", "Page: Overview; Reason: outside the user's cells"),
    ({"weird": "x", "failures": 3}, "vi", "Số lần sai liên tiếp: 3; weird: x"),
    ({"by": "python -m dashboard unlock", "user": "admin"}, "vi", "Tài khoản: admin; Bằng lệnh: python -m dashboard unlock"),
    ({"entry": "decisions", "upload_id": 7}, "vi", "Lần tải lên số: 7; Nhập trên trang: quyết định xếp loại của Đảng ủy"),
    ({"reason": "scope", "entry": "proposals", "odd": True}, "en",
     "Entered: the cell's proposed ratings; Reason: outside the user's cells; odd: Yes"),
])
def test_an_event_s_detail_is_said_in_the_reader_s_words(detail, lang, said):
    import json

    from dashboard import audit

    assert audit.describe(json.dumps(detail, ensure_ascii=False), lang) == said


def test_a_detail_that_is_not_an_object_is_shown_as_recorded():
    from dashboard import audit

    assert [audit.describe(d) for d in (None, "", "văn bản", "[1, 2]")] == ["", "", "văn bản", "[1, 2]"]


def test_local_mode_says_so_and_refuses_a_public_address(sample_db, monkeypatch, tmp_path):
    monkeypatch.delenv("DASHBOARD_USERS_FILE", raising=False)
    monkeypatch.setattr(auth, "users_file", lambda: tmp_path / "secrets.toml")   # no secrets file at all
    at = open_page("app.py")
    assert "Chế độ cục bộ" in texts(at)
    old = st_config.get_option("server.address")
    try:
        st_config.set_option("server.address", "0.0.0.0")
        at = open_page("app.py")
        assert "từ chối phục vụ" in texts(at)
        assert not at.metric and not at.dataframe
    finally:
        st_config.set_option("server.address", old)


def test_only_administrators_see_names_beside_member_codes(sample_db, users):
    at = sign_in(open_page("pages/sinh_hoat.py", {"ky": "2025", "chi_bo": "CB03"}), "admin")
    findings = "\n".join(at.dataframe[-1].value["Nội dung"])
    assert "DV031 (Đảng viên mẫu 031)" in findings
    at.button(key="logout").click().run()
    sign_in(at, "xem")
    findings = "\n".join(at.dataframe[-1].value["Nội dung"])
    assert "DV031" in findings and "Đảng viên mẫu" not in findings


@pytest.mark.parametrize("content", [
    None,                                                     # named, but missing
    "[users.a\nrole = 'admin'",                              # does not parse
    "title = 'no users table'",                               # named file without [users]
    "[users.a]\nrole = 'admin'\npassword_hash = 'plain-text'",   # not a hash
    "[users.a]\nrole = 'chief'\npassword_hash = '$argon2id$x'",  # unknown role
])
def test_a_broken_users_file_refuses_to_serve_rather_than_open_up(sample_db, monkeypatch, tmp_path, content):
    path = tmp_path / "users.toml"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    monkeypatch.setenv("DASHBOARD_USERS_FILE", str(path))
    with pytest.raises(auth.UsersFileError):
        auth.load_users()
    before = queries.stats["runs"]
    at = open_page("app.py")
    assert "Cấu hình người dùng bị lỗi" in texts(at)
    assert queries.stats["runs"] == before and not at.metric and not at.text_input


def test_a_scoped_user_sees_only_uploads_of_their_cells_and_cannot_undo_others(sample_db, users):
    other = ingest.prepare([("cb03.xlsx", xlsx_bytes({"diem_danh_gia": scores("2026", "CB03", 0.8)}))],
                           store.cursor(sample_db))
    mine = ingest.prepare([("cb02.xlsx", xlsx_bytes({"diem_danh_gia": scores("2026", "CB02", 0.8)}))],
                          store.cursor(sample_db))
    other_id = ingest.commit(other, who="admin", source="page", path=sample_db).upload_id
    ingest.commit(mine, who="thuky", source="page", path=sample_db)
    store.close_all()
    at = sign_in(open_page("pages/lich_su.py"), "thuky")
    files = list(at.dataframe[0].value["Tệp"])
    assert "cb02.xlsx" in files and "cb03.xlsx" not in files
    scoped_admin = auth.User("a", "admin", frozenset({"CB02"}))
    with pytest.raises(auth.PermissionDenied):
        ingest.undo(other_id, who="a", path=sample_db, user=scoped_admin)


def test_an_unknown_name_is_checked_against_a_hash_as_costly_as_a_user_s():
    """The hash an unknown user name is compared with is written out in the code (not made at
    import): it must carry the hasher's own parameters, or refusing an unknown name would take
    another time than refusing a known name's wrong password."""
    from argon2 import PasswordHasher, extract_parameters

    from dashboard import auth

    assert not auth._hasher.check_needs_rehash(auth._DUMMY_HASH)
    assert extract_parameters(auth._DUMMY_HASH) == extract_parameters(auth.hash_password("mật khẩu bất kỳ"))
    assert extract_parameters(auth._DUMMY_HASH) == extract_parameters(PasswordHasher().hash("x"))
    assert not auth.verify_password(auth._DUMMY_HASH, "không có người dùng này nữa")


def test_unlock_lines_that_are_not_requests_up_to_now_are_left_out(tmp_path):
    """A half-written or hand-edited line unlocks nobody and is not recorded: no name, a time
    that is not a number, not finite, or later than now (it would also turn the throttle off)."""
    now = [1_000_000.0]
    throttle = auth.LoginThrottle(clock=lambda: now[0])
    path = tmp_path / "x.duckdb.unlock"
    path.write_text("nan\tadmin\tx\ninf\tadmin\tx\n1e13\tadmin\tx\n999000\t\tx\nabc\tadmin\n999000\n"
                    "1000030\tthuky\tquan tri\n", encoding="utf-8")
    assert throttle.sync_unlocks(path) == [("thuky", 1000030.0, "quan tri")]
    with path.open("a", encoding="utf-8") as fh:
        fh.write("1000040\tadmin\t\n")
    assert throttle.sync_unlocks(path) == [("admin", 1000040.0, "")]     # each request once
    assert throttle.sync_unlocks(path) == []


def test_the_audit_trail_reaches_past_the_first_thousand_events_a_page_at_a_time(sample_db, users):
    """A burst of events (a script at the sign-in form) no longer hides what came before it: the
    trail holds the latest 10.000 events, shown a thousand at a time."""
    from dashboard import audit

    at = sign_in(open_page("pages/lich_su.py"), "admin")          # one event: the sign-in
    for i in range(1200):
        audit.record("export", "admin", {"file": f"tep-{i}.xlsx"})
    at.run()
    shown = at.dataframe[-1].value
    assert len(shown) == 1000 and shown["Chi tiết"].iloc[0] == "Tệp: tep-1199.xlsx"
    assert any("Dòng 1–1.000 trong 1.201 dòng" in c.value for c in at.caption)
