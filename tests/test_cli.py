"""The command line: same reading, validation and commit as the page; plain exit codes."""

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from dashboard import store
from tests.workbooks import BRANCHES, MEMBERS, scores, write_xlsx

ROOT = Path(__file__).resolve().parent.parent


def cli(*args, timeout=60):
    return subprocess.run([sys.executable, "-m", "dashboard", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=timeout)


def count(db, table):
    value = store.cursor(db).execute(f"SELECT count(*) FROM {table}").fetchall()[0][0]
    store.close_all()
    return value


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "cli.duckdb"
    base = write_xlsx(tmp_path / "base.xlsx", {"chi_bo": BRANCHES, "dang_vien": MEMBERS})
    assert cli("--db", str(path), "ingest", str(base)).returncode == 0
    return path


def test_ingest_valid_file_exits_0_with_a_json_report(db, tmp_path):
    f = write_xlsx(tmp_path / "diem.xlsx", {"diem_danh_gia": scores("2025", "CB01", 0.8)})
    result = cli("--db", str(db), "ingest", str(f), "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["ok"] is True and report["upload_id"] == 2
    assert report["counts"] == {"diem_danh_gia": {"new": 10, "changed": 0, "same": 0}}
    assert count(db, "v_scores") == 10


def test_rejected_file_exits_2_writes_nothing_and_locates_errors(db, tmp_path):
    bad = scores("2025", "CB01", 0.8)
    bad[2][3] = "mười"
    f = write_xlsx(tmp_path / "sai.xlsx", {"diem_danh_gia": bad})
    result = cli("--db", str(db), "ingest", str(f), "--json")
    assert result.returncode == 2
    report = json.loads(result.stdout)
    assert report["ok"] is False and report["upload_id"] is None
    [problem] = report["problems"]
    assert (problem["sheet"], problem["row"], problem["column"], problem["value"]) == (
        "diem_danh_gia", 4, "Điểm", "mười")
    assert problem["message"] == "Sheet diem_danh_gia, dòng 4, cột 'Điểm': giá trị mười không phải số."
    assert count(db, "v_scores") == 0


def test_unreadable_file_exits_2_with_one_sentence(db, tmp_path):
    f = tmp_path / "hong.xlsx"
    f.write_bytes(b"PK\x03\x04garbage")
    result = cli("--db", str(db), "ingest", str(f))
    assert result.returncode == 2
    assert "Không đọc được tệp hong.xlsx: tệp bị hỏng" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_dry_run_validates_without_writing(db, tmp_path):
    f = write_xlsx(tmp_path / "diem.xlsx", {"diem_danh_gia": scores("2025", "CB01", 0.8)})
    result = cli("--db", str(db), "ingest", str(f), "--dry-run")
    assert result.returncode == 0
    assert "10 mới" in result.stdout
    assert count(db, "v_scores") == 0


def test_history_and_undo(db, tmp_path):
    f = write_xlsx(tmp_path / "diem.xlsx", {"diem_danh_gia": scores("2025", "CB01", 0.8)})
    cli("--db", str(db), "ingest", str(f))
    history = json.loads(cli("--db", str(db), "history", "--json").stdout)
    assert [h["id"] for h in history] == [2, 1] and history[0]["file"] == "diem.xlsx"
    result = cli("--db", str(db), "undo", "2")
    assert result.returncode == 0 and "Đã hoàn tác lần tải lên số 2." in result.stdout
    assert count(db, "v_scores") == 0
    again = cli("--db", str(db), "undo", "2")
    assert again.returncode == 2 and "đã được hoàn tác trước đó" in again.stderr


HOLDER = """
import sys, time
sys.path.insert(0, sys.argv[2])
from pathlib import Path
from dashboard import store
store.connect(Path(sys.argv[1]))
print("HOLDING", flush=True)
time.sleep(60)
"""


def test_while_another_process_holds_the_database_the_cli_says_so_quickly(db, tmp_path):
    f = write_xlsx(tmp_path / "diem.xlsx", {"diem_danh_gia": scores("2025", "CB01", 0.8)})
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(db), str(ROOT)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "HOLDING"
        started = time.monotonic()
        result = cli("--db", str(db), "ingest", str(f), timeout=30)
        assert time.monotonic() - started < 20
        assert result.returncode == 2
        assert "đang được ứng dụng web giữ" in result.stderr
        assert "Traceback" not in result.stderr
    finally:
        holder.kill()
        holder.wait()
    assert count(db, "v_scores") == 0
