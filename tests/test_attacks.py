"""Issue 11: the attacks of a curious or hostile colleague, replayed one by one.

Five users, as in the report: an administrator, a viewer of every cell, the CB02 secretary
(an editor scoped to CB02), a viewer scoped to CB02 and an administrator scoped to CB02.
Each test is named for the attack it replays; the browser-only one (the tables' own CSV
download) is in ``test_attacks_browser.py``.
"""

import datetime as dt
import io
import json
import re
import subprocess
import sys
import threading
import tomllib
from pathlib import Path

import openpyxl
import pytest
from streamlit import config as st_config

from dashboard import auth, ingest, queries, store, template, ui
from tests.apptest import downloaded, keep_deferred, open_page, texts
from tests.people import PASSWORD, sign_in, users_file
from tests.workbooks import scores, xlsx_bytes

ROOT = Path(__file__).resolve().parent.parent
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
TODAY = dt.date(2026, 11, 26)
SECRETARY = auth.User("thuky", "editor", frozenset({"CB02"}))
ADMIN = auth.User("admin", "admin", None)

# The message a row outside the uploader's cells gets, and nothing else.
OUTSIDE = "dòng này không thuộc chi bộ bạn được phép nhập (CB02), nên không được kiểm tra và sẽ không được ghi."


@pytest.fixture
def users(tmp_path, monkeypatch):
    return users_file(tmp_path / "users.toml", monkeypatch)


def problem_messages(at) -> list[str]:
    return [str(v) for df in at.dataframe for v in df.value.get("Nội dung", [])]


def stored_score(db, period, branch, criterion):
    return store.cursor(db).execute(
        "SELECT score FROM v_scores WHERE period = $p AND branch_code = $b AND criterion_code = $c",
        {"p": period, "b": branch, "c": criterion}).fetchall()[0][0]


# ---------------------------------------------------------------- 1. a prepared upload changes hands

def test_1_secretary_cannot_commit_what_an_administrator_prepared_in_the_same_tab(sample_db, users):
    a3 = xlsx_bytes({"diem_danh_gia": [["2025", "CB01", "A3", 1.0, None]]})
    at = sign_in(open_page("pages/tai_len.py"), "admin")
    at.file_uploader(key="upload_files").upload("a3.xlsx", a3, XLSX)
    at.run()
    assert "upload_confirm" in [b.key for b in at.button]        # the administrator may write CB01
    at.button(key="logout").click().run()
    sign_in(at, "thuky")
    at.file_uploader(key="upload_files").upload("a3.xlsx", a3, XLSX)
    at.run()
    if "upload_confirm" in [b.key for b in at.button]:           # what the attacker saw: click it
        at.button(key="upload_confirm").click().run()
    assert stored_score(sample_db, "2025", "CB01", "A3") == 6.5
    assert problem_messages(at) == [f"Sheet diem_danh_gia, dòng 2, cột 'Mã chi bộ': {OUTSIDE}"]
    assert "upload_confirm" not in [b.key for b in at.button]


def test_1_commit_rederives_the_cells_and_refuses_outside_the_committers_scope(sample_db):
    batch = ingest.prepare([("a3.xlsx", xlsx_bytes({"diem_danh_gia": [["2025", "CB01", "A3", 1.0, None]]}))],
                           store.cursor(sample_db), user=ADMIN)
    assert batch.ok
    with pytest.raises(auth.PermissionDenied):
        ingest.commit(batch, who="thuky", source="page", path=sample_db, user=SECRETARY)
    assert stored_score(sample_db, "2025", "CB01", "A3") == 6.5
    assert store.cursor(sample_db).execute("SELECT max(upload_id) FROM uploads").fetchall()[0][0] == 1


def test_1_commit_refuses_criteria_from_a_scoped_user_whatever_the_batch_says(sample_db):
    batch = ingest.prepare([("tc.xlsx", xlsx_bytes({"tieu_chi": [["A1", "Tên mới", "chung", 8, 1, None]]}))],
                           store.cursor(sample_db), user=ADMIN)
    assert batch.ok
    with pytest.raises(auth.PermissionDenied):
        ingest.commit(batch, who="thuky", source="page", path=sample_db, user=SECRETARY)
    names = store.cursor(sample_db).execute(
        "SELECT criterion_name FROM v_criteria WHERE criterion_code = 'A1'").fetchall()
    assert ("Tên mới",) not in names


def test_1_sign_out_and_sign_in_forget_the_whole_session_but_the_language(sample_db, users):
    at = open_page("pages/tai_len.py", {"lang": "en"})
    at.session_state["_upload_batch"] = "left over from before the sign-in"
    sign_in(at, "admin")
    assert "_upload_batch" not in at.session_state
    at.file_uploader(key="upload_files").upload(
        "a3.xlsx", xlsx_bytes({"diem_danh_gia": [["2025", "CB01", "A3", 1.0, None]]}), XLSX)
    at.run()
    assert "_upload_batch" in at.session_state
    at.button(key="logout").click().run()
    for key in ("_upload_batch", "_upload_signature", "_f_chi_bo", "_f_ky", "_auth"):
        assert key not in at.session_state, key
    assert at.session_state["_f_lang"] == "en"
    assert [t.value for t in at.title] == ["Sign in"]


# ---------------------------------------------------------------- 2. messages quote other cells' data

def test_2_a_progress_row_of_another_cell_gets_one_message_without_its_stored_progress(sample_db):
    progress = [["GP1-02", "15/01/2026", 50, "dang_thuc_hien", None]]   # GP1-02 is CB01's, at 100 %
    batch = ingest.prepare([("td.xlsx", xlsx_bytes({"tien_do_giai_phap": progress}))], store.cursor(sample_db),
                           user=SECRETARY, today=TODAY)
    assert [p.message() for p in batch.problems] == [
        f"Sheet tien_do_giai_phap, dòng 2, cột 'Mã hành động': {OUTSIDE}"]


def test_2_absence_rows_of_another_cell_quote_neither_its_counts_nor_its_meeting_dates(sample_db):
    absences = [["CB01", "06/08/2026", None, "DV012", "Không"],     # a CB01 meeting (1 excused, 0 unexcused)
                ["CB01", "07/08/2026", None, "DV012", "Có"]]        # no CB01 meeting that day
    batch = ingest.prepare([("vang.xlsx", xlsx_bytes({"vang_sinh_hoat": absences}))], store.cursor(sample_db),
                           user=SECRETARY, today=TODAY)
    assert [p.message() for p in batch.problems] == [
        f"Sheet vang_sinh_hoat, dòng 2, cột 'Mã chi bộ': {OUTSIDE}",
        f"Sheet vang_sinh_hoat, dòng 3, cột 'Mã chi bộ': {OUTSIDE}"]


def test_2_member_codes_of_other_cells_cannot_be_told_from_codes_that_do_not_exist(sample_db):
    absences = [["CB02", "08/10/2026", None, "DV001", "Có"],        # DV001 is a member of CB01
                ["CB02", "08/10/2026", None, "DV999", "Có"]]        # DV999 exists nowhere
    batch = ingest.prepare([("vang.xlsx", xlsx_bytes({"vang_sinh_hoat": absences}))], store.cursor(sample_db),
                           user=SECRETARY, today=TODAY)
    assert [p.message() for p in batch.problems] == [
        "Sheet vang_sinh_hoat, dòng 2, cột 'Mã đảng viên': mã đảng viên DV001 không có trong dữ liệu hoặc trong tệp.",
        "Sheet vang_sinh_hoat, dòng 3, cột 'Mã đảng viên': mã đảng viên DV999 không có trong dữ liệu hoặc trong tệp."]


def test_2_a_cell_code_that_does_not_exist_reads_like_any_other_cell_outside_the_scope(sample_db):
    rows = [["2026", "CB01", "A1", 5, None], ["2026", "CB99", "A1", 5, None]]
    batch = ingest.prepare([("d.xlsx", xlsx_bytes({"diem_danh_gia": rows}))], store.cursor(sample_db),
                           user=SECRETARY, today=TODAY)
    assert [p.message() for p in batch.problems] == [
        f"Sheet diem_danh_gia, dòng 2, cột 'Mã chi bộ': {OUTSIDE}",
        f"Sheet diem_danh_gia, dòng 3, cột 'Mã chi bộ': {OUTSIDE}"]


# ---------------------------------------------------------------- 3. the login throttle in parallel

def test_3_simultaneous_attempts_after_the_delay_expired_are_checked_one_at_a_time(users):
    now = [1000.0]
    throttle = auth.LoginThrottle(clock=lambda: now[0])
    entries = auth.load_users()
    for _ in range(auth.FREE_ATTEMPTS):
        assert auth.sign_in("admin", "sai", "10.0.0.66", entries, throttle=throttle).outcome == "failed"
    now[0] += 5                                       # the 5 s delay after the fifth failure is over
    barrier = threading.Barrier(12)
    outcomes = []

    def attempt():
        barrier.wait()
        outcomes.append(auth.sign_in("admin", "sai", "10.0.0.66", entries, throttle=throttle).outcome)

    threads = [threading.Thread(target=attempt) for _ in range(12)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(outcomes) == ["busy"] * 11 + ["failed"]
    assert throttle.wait_seconds("admin", "10.0.0.66") == pytest.approx(10)   # 6 failures: 10 s


def test_3_the_attempt_is_recorded_before_the_password_is_checked(users):
    throttle = auth.LoginThrottle(clock=lambda: 1000.0)
    assert throttle.begin("admin", "10.0.0.66") == ("ok", 0.0)
    # While the first attempt is being checked, it already counts, and a second one waits.
    assert throttle.failures("admin", "10.0.0.66") == 1
    assert throttle.begin("admin", "10.0.0.77")[0] == "busy"
    throttle.end("admin", "10.0.0.66", ok=False)
    assert throttle.begin("admin", "10.0.0.77") == ("ok", 0.0)


def test_3_a_global_rate_limit_holds_across_names_and_sources():
    now = [1000.0]
    throttle = auth.LoginThrottle(clock=lambda: now[0], global_attempts=3, window=60)
    for name, source in (("a", "10.0.0.1"), ("b", "10.0.0.2"), ("c", "10.0.0.3")):
        assert throttle.begin(name, source) == ("ok", 0.0)
        throttle.end(name, source, ok=False)
    now[0] += 20
    assert throttle.begin("d", "10.0.0.4") == ("rate", pytest.approx(40))
    now[0] += 40
    assert throttle.begin("d", "10.0.0.4") == ("ok", 0.0)


def test_3_the_failure_table_is_bounded():
    throttle = auth.LoginThrottle(clock=lambda: 1000.0, max_entries=100, global_attempts=10_000)
    for i in range(150):
        throttle.begin(f"ten{i}", "10.0.0.66")
        throttle.end(f"ten{i}", "10.0.0.66", ok=False)
    assert len(throttle) == 100
    assert throttle.failures("ten149", "10.0.0.66") == 1 and throttle.failures("ten0", "10.0.0.66") == 0


def test_3_a_megabyte_user_name_is_refused_and_not_kept(sample_db, users):
    huge = "a" * 1_000_000
    result = auth.sign_in(huge, PASSWORD, "10.0.0.66", auth.load_users(), throttle=auth.throttle)
    assert result.outcome == "too_long" and result.user is None
    assert all(len(login) <= auth.MAX_LOGIN_CHARS for login, _ in auth.throttle.keys())
    at = open_page("app.py")
    assert at.text_input(key="login_name").max_chars == auth.MAX_LOGIN_CHARS
    sign_in(at, huge)
    assert [t.value for t in at.title] == ["Đăng nhập"]
    assert "Sai tên đăng nhập hoặc mật khẩu." in texts(at)
    longest = store.cursor(sample_db).execute("SELECT max(length(user_name)) FROM audit").fetchall()[0][0]
    assert longest <= auth.MAX_LOGIN_CHARS


# ---------------------------------------------------------------- 4. a typo in the users file

@pytest.mark.parametrize("content, key", [
    ("[user.quantri]\nrole = 'admin'\npassword_hash = '$argon2id$x'\n", "user"),
    ("[users.thuky]\nrole = 'editor'\nbranch = ['CB02']\npassword_hash = '$argon2id$x'\n", "users.thuky.branch"),
])
def test_4_an_unknown_key_in_the_users_file_refuses_to_serve_and_names_the_key(
        sample_db, monkeypatch, tmp_path, content, key):
    monkeypatch.delenv("DASHBOARD_USERS_FILE", raising=False)
    secrets = tmp_path / "secrets.toml"          # the default place: no setting names the file
    secrets.write_text(content, encoding="utf-8")
    monkeypatch.setattr(auth, "users_file", lambda: secrets)
    with pytest.raises(auth.UsersFileError) as refused:
        auth.load_users()
    assert refused.value.key == key
    at = open_page("app.py")
    shown = texts(at)
    assert "Cấu hình người dùng bị lỗi" in shown and f"'{key}'" in shown
    assert "Chế độ cục bộ" not in shown and not at.metric


# ---------------------------------------------------------------- 5. the audit trail for a scoped administrator

def test_5_a_scoped_administrator_sees_only_the_audit_events_of_his_cells(sample_db, users):
    at = sign_in(open_page("pages/lich_su.py"), "admin")
    at.button(key="logout").click().run()
    sign_in(at, "thuky")
    at.button(key="logout").click().run()
    sign_in(at, "ai_do", "đoán")                         # a failed sign-in with a name nobody has
    sign_in(at, "quantri_cb02")
    trail = at.dataframe[-1].value   # the audit trail is the last table
    assert set(trail["Người thực hiện"]) == {"thuky", "quantri_cb02"}
    assert list(trail["Thao tác"]) == ["Đăng nhập", "Đăng xuất", "Đăng nhập"]
    # An unscoped administrator still sees everything.
    at.button(key="logout").click().run()
    sign_in(at, "admin")
    trail = at.dataframe[-1].value   # the audit trail is the last table
    assert {"admin", "thuky", "ai_do", "quantri_cb02"} <= set(trail["Người thực hiện"])


# ---------------------------------------------------------------- 6. ranks tell where the other cells stand

def test_6_a_scoped_user_is_not_told_his_cells_rank_in_the_dang_bo(sample_db, users):
    at = sign_in(open_page("pages/xep_hang.py", {"ky": "2022", "chi_bo": "CB02"}), "xem_cb02")
    shown = texts(at)
    assert "Vì sao?" in shown and "Tổng điểm 80,0/100" in shown
    assert not re.search(r"thứ hạng \d", shown.lower())          # was: "thứ hạng 4 trong Đảng bộ"
    assert "thứ hạng trong đảng bộ không được hiển thị" in shown.lower()
    assert "Thứ hạng" not in list(at.dataframe[0].value.columns)
    assert not [c for c in at.get("vega_lite_chart") if '"rank' in c.proto.spec]   # no rank line over time
    at.switch_page("app.py").run()
    assert not re.search(r"xếp thứ \d|hạng \d|bậc", texts(at))


def test_6_ranks_are_computed_among_the_cells_in_scope(sample_db):
    cur = store.cursor(sample_db)
    whole = queries.run("rankings.leaderboard", cur=cur, period="2022", compare="previous")
    assert whole.set_index("branch_code").loc["CB02", "rank"] == 4          # 80,0: last of four in 2022
    mine = queries.run("rankings.leaderboard", cur=cur, scope=frozenset({"CB02"}), period="2022",
                       compare="previous")
    assert list(mine["rank"]) == [1] and list(mine["prev_rank"]) == [1] and list(mine["rank_change"]) == [0]
    history = queries.run("rankings.history", cur=cur, scope=frozenset({"CB02"}), kind="year")
    assert set(history["rank"]) == {1}


# ---------------------------------------------------------------- 7. upload history of a shared upload

def test_7_upload_history_shows_a_scoped_user_only_his_cells_rows(sample_db, users):
    both = ingest.prepare([("ca-hai-chi-bo.xlsx", xlsx_bytes(
        {"diem_danh_gia": scores("2026", "CB01", 0.8) + scores("2026", "CB02", 0.8)}))], store.cursor(sample_db))
    upload_id = ingest.commit(both, who="admin", source="page", path=sample_db).upload_id
    store.close_all()
    at = sign_in(open_page("pages/lich_su.py"), "thuky")
    table = at.dataframe[0].value
    row = table[table["Số"] == str(upload_id)].iloc[0]
    assert row["Số dòng"] == "10"                     # CB02's ten scores, not the twenty written
    assert row["Người tải"] == "Người dùng khác"
    assert row["Tệp"] == "(tệp có dữ liệu của chi bộ khác)"
    # The administrator sees the upload as it was.
    at.button(key="logout").click().run()
    sign_in(at, "admin")
    table = at.dataframe[0].value
    row = table[table["Số"] == str(upload_id)].iloc[0]
    assert (row["Số dòng"], row["Người tải"], row["Tệp"]) == ("20", "admin", "ca-hai-chi-bo.xlsx")


# ---------------------------------------------------------------- 8. the template and its names

def test_8_a_viewer_gets_no_template(sample_db, users):
    at = sign_in(open_page("pages/tai_len.py"), "xem")
    assert not at.get("download_button")


def test_8_secretaries_names_are_in_the_template_for_administrators_only(sample_db, users, monkeypatch):
    kept = keep_deferred(monkeypatch)

    def chi_bo_sheet():   # the workbook the click hands out, made from this run's queries
        _, raw = downloaded(kept, at.get("download_button")[0])
        sheet = openpyxl.load_workbook(io.BytesIO(raw))["chi_bo"]
        return [[c.value for c in row] for row in sheet.iter_rows()]

    at = sign_in(open_page("pages/tai_len.py"), "thuky")
    assert [b.key for b in at.get("download_button")] == ["template_download"]
    rows = chi_bo_sheet()
    assert rows[0] == ["Mã chi bộ", "Tên chi bộ", "Ngày thành lập", "Đang hoạt động"]
    assert [r[:2] for r in rows[1:]] == [["CB02", "Chi bộ Khối Hình sự"]]
    assert "Đảng viên mẫu" not in repr(rows)
    at.button(key="logout").click().run()
    sign_in(at, "admin")
    rows = chi_bo_sheet()
    assert rows[0] == ["Mã chi bộ", "Tên chi bộ", "Bí thư", "Ngày thành lập", "Đang hoạt động"]
    assert [r[2] for r in rows[1:]] == ["Đảng viên mẫu 001", "Đảng viên mẫu 014", "Đảng viên mẫu 028",
                                        "Đảng viên mẫu 040"]


def test_8_a_secretarys_template_uploaded_unchanged_changes_no_name_and_is_accepted(sample_db):
    cur = store.cursor(sample_db)
    raw = template.build(queries.run("template.branches", cur=cur, scope=frozenset({"CB02"})),
                         queries.run("template.criteria", cur=cur), queries.run("reference.enum_labels", cur=cur),
                         with_names=False, with_criteria_rows=False)
    batch = ingest.prepare([("mau-nhap-lieu.xlsx", raw)], cur, user=SECRETARY)
    assert batch.ok, [p.message() for p in batch.errors]
    assert batch.sheets["chi_bo"].counts == {"new": 0, "changed": 0, "same": 1}


# ---------------------------------------------------------------- 9. formulas in the upload preview

def test_9_formula_text_in_the_upload_preview_is_neutralised(sample_db, users):
    # A CSV keeps formula text as text (a workbook would hold uncalculated formulas, refused).
    csv = ("Kỳ đánh giá,Mã chi bộ,Mã tiêu chí,Điểm,Ghi chú,=1+1\n"
           '2026,CB02,A1,5,"=HYPERLINK(""http://203.0.113.1/x"",""bấm"")",x\n'
           "2026,CB02,A2,5,=cmd|' /C calc'!A0,x\n").encode("utf-8")
    at = sign_in(open_page("pages/tai_len.py"), "thuky")
    at.file_uploader(key="upload_files").upload("diem_danh_gia.csv", csv, "text/csv")
    at.run()
    notes = [v for df in at.dataframe for v in df.value.get("Ghi chú", [])]
    assert notes == ['\'=HYPERLINK("http://203.0.113.1/x","bấm")', "'=cmd|' /C calc'!A0"]
    for df in at.dataframe:
        for column in df.value.columns:
            assert not any(str(v).startswith(("=", "+", "-", "@")) for v in df.value[column]), column


# ---------------------------------------------------------------- 10. the tables' own CSV download

def test_10_the_tables_own_export_is_turned_off_in_the_server_settings():
    with (ROOT / ".streamlit" / "config.toml").open("rb") as fh:
        assert tomllib.load(fh)["client"]["disableDataExport"] is True
    assert st_config.get_option("client.disableDataExport") is True


# ---------------------------------------------------------------- 11. an attacker keeps the administrator out

def test_11_failures_from_one_source_do_not_lock_the_account_out_from_another(sample_db, users, monkeypatch):
    monkeypatch.setattr(ui.login, "client_source", lambda: "10.0.0.66")
    attacker = open_page("app.py")
    for _ in range(auth.FREE_ATTEMPTS + 3):
        sign_in(attacker, "admin", "sai")
    assert "tạm khóa" in texts(attacker)
    monkeypatch.setattr(ui.login, "client_source", lambda: "10.0.0.5")
    at = sign_in(open_page("app.py"), "admin")
    assert [t.value for t in at.title] == ["Tổng quan"]


def test_11_an_administrator_unlocks_an_account_from_the_command_line(sample_db, users, monkeypatch):
    monkeypatch.setattr(ui.login, "client_source", lambda: "10.0.0.5")    # attacker and administrator share it
    monkeypatch.setattr(ui.login, "_refusals", ui.login._Refusals())       # no other test's refusals
    at = open_page("app.py")
    for _ in range(auth.FREE_ATTEMPTS + 3):
        sign_in(at, "admin", "sai")
    sign_in(at, "admin")
    assert [t.value for t in at.title] == ["Đăng nhập"] and "tạm khóa" in texts(at)
    done = subprocess.run([sys.executable, "-m", "dashboard", "unlock", "admin", "--who", "quản trị máy chủ",
                           "--db", str(sample_db)], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == ("Đã gỡ khóa đăng nhập của admin; ứng dụng đang chạy áp dụng "
                                   "từ lần đăng nhập tiếp theo.")
    sign_in(at, "admin")
    assert [t.value for t in at.title] == ["Tổng quan"]
    # the trail: each wrong password, the refusals while locked as one row (the first, within a
    # minute), the unlock when the app applied it, then the sign-in
    rows = store.cursor(sample_db).execute("SELECT user_name, action, detail FROM audit ORDER BY audit_id").fetchall()
    actions = [a for _, a, _ in rows]
    refused = [json.loads(d) for _, a, d in rows if a == "login_failed" and "reason" in json.loads(d)]
    assert refused == [{"reason": "throttled"}]
    assert actions[-2:] == ["unlock", "login"] and actions.count("unlock") == 1
    unlock = json.loads(rows[-2][2])
    assert rows[-2][0] == "quản trị máy chủ"                     # who asked, and whom it unlocked
    assert unlock["user"] == "admin" and unlock["by"] == "python -m dashboard unlock"
    assert re.fullmatch(r"\d\d/\d\d/\d{4} \d\d:\d\d(:\d\d)?", unlock["requested_at"])
    at.button(key="logout").click().run()
    sign_in(at, "admin")                     # the request is applied once: no second row
    actions = [a for (a,) in store.cursor(sample_db).execute("SELECT action FROM audit ORDER BY audit_id").fetchall()]
    assert actions.count("unlock") == 1


def test_refused_sign_ins_write_one_row_a_minute_with_the_count_since():
    clock = [0.0]
    refusals = ui.login._Refusals(clock=lambda: clock[0])
    seen = []
    for step in (0, 5, 10, 59, 61, 62, 200):      # seconds: by hand, rows at 0, 61 (3 counted) and 200 (1)
        clock[0] = float(step)
        seen.append(refusals.note("admin", "10.0.0.5", "throttled"))
    assert seen == [{}, None, None, None, {"refused_since_last_row": 3}, None, {"refused_since_last_row": 1}]
    assert refusals.note("admin", "10.0.0.6", "throttled") == {}      # another source: its own row
    assert refusals.note("admin", "10.0.0.5", "busy") == {}           # another reason: its own row
    assert refusals.note("ADMIN", "10.0.0.5", "busy") is None         # the same name as the throttle counts it


def test_refusals_with_a_new_name_each_time_write_a_bounded_number_of_rows():
    clock = [0.0]
    refusals = ui.login._Refusals(clock=lambda: clock[0])
    # over the global rate: one row a minute per address, whatever the name
    assert [refusals.note(f"ten{i}", "10.0.0.9", "rate") for i in range(3)] == [{}, None, None]
    # locked names from many addresses: at most ROWS rows a minute in all (one is written above)
    rows = [refusals.note(f"ten{i}", f"10.1.0.{i}", "throttled") for i in range(50)]
    assert sum(r is not None for r in rows) == refusals.ROWS - 1
    clock[0] = 61.0                                                    # a minute later: a row again,
    assert refusals.note("ten0", "10.1.0.0", "throttled") == {}        # (its first refusal had one)
    assert refusals.note("ten49", "10.1.0.49", "throttled") == {"refused_since_last_row": 1}


def test_11_unlock_refuses_a_name_that_is_not_a_user(sample_db, users):
    done = subprocess.run([sys.executable, "-m", "dashboard", "unlock", "khong_co", "--db", str(sample_db)],
                          capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 2
    assert done.stderr.strip() == "Không có người dùng khong_co trong cấu hình người dùng."
