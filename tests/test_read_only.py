"""Read-only mode (DASHBOARD_READ_ONLY): every page still reads; uploads and undo are refused
in Vietnamese, on the pages, in the library and on the command line; the file is not touched."""

import datetime as dt
import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from dashboard import i18n, ingest, store
from tests.apptest import open_page, texts
from tests.workbooks import scores, xlsx_bytes

ROOT = Path(__file__).resolve().parent.parent
NO_UPLOAD = "Cơ sở dữ liệu đang ở chế độ chỉ đọc; không thể tải lên."
NO_UNDO = "Cơ sở dữ liệu đang ở chế độ chỉ đọc; không thể hoàn tác lần tải lên số 1."


@pytest.fixture
def read_only(sample_db, monkeypatch):
    store.close_all()
    monkeypatch.setenv("DASHBOARD_READ_ONLY", "1")
    return sample_db


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("page, shown", [
    ("app.py", "Tổng quan"),
    ("pages/xep_hang.py", "Chi bộ Văn phòng tổng hợp"),
    ("pages/giai_phap.py", "Tiến độ thực hiện giải pháp"),
    ("pages/sinh_hoat.py", "Sinh hoạt chi bộ"),
])
def test_every_page_still_reads_and_the_file_is_not_touched(read_only, page, shown):
    before = digest(read_only)
    at = open_page(page)
    assert not at.exception
    assert "Dữ liệu mẫu — không phải số liệu thật" in texts(at)      # read from the store
    assert shown in texts(at) + " ".join(str(v) for df in at.dataframe for v in df.value.to_numpy().ravel())
    store.close_all()
    assert digest(read_only) == before


def test_the_upload_page_says_uploads_are_off(read_only):
    at = open_page("pages/tai_len.py")
    assert not at.exception
    assert NO_UPLOAD in texts(at)
    assert not at.get("file_uploader") and not at.get("download_button")


def test_undo_on_the_history_page_is_refused_in_vietnamese(read_only):
    at = open_page("pages/lich_su.py")
    at.selectbox(key="undo_choice").set_value(1)
    at.button(key="undo_button").click().run()
    assert not at.exception
    assert NO_UNDO in texts(at)
    store.close_all()
    assert store.cursor(read_only).execute("SELECT undone_at FROM uploads WHERE upload_id = 1").fetchall() == [(None,)]


def test_the_library_validates_but_neither_commits_nor_undoes(read_only):
    before = digest(read_only)
    batch = ingest.prepare([("diem.xlsx", xlsx_bytes({"diem_danh_gia": scores("2026", "CB01", 0.5)}))],
                           store.cursor(read_only), today=dt.date(2026, 11, 26))
    assert batch.ok and batch.sheets["diem_danh_gia"].counts == {"new": 10, "changed": 0, "same": 0}
    with pytest.raises(store.ReadOnly) as refused:
        ingest.commit(batch, who="thư ký", source="page", path=read_only)
    assert i18n.t(refused.value.key) == NO_UPLOAD
    with pytest.raises(ingest.UndoRefused) as refused:
        ingest.undo(1, who="quản trị", path=read_only)
    assert i18n.t(refused.value.key, **refused.value.params) == NO_UNDO
    store.close_all()
    assert digest(read_only) == before


def test_the_command_line_refuses_in_vietnamese(read_only, tmp_path):
    workbook = tmp_path / "diem.xlsx"
    workbook.write_bytes(xlsx_bytes({"diem_danh_gia": scores("2026", "CB01", 0.5)}))
    env = {**os.environ, "DASHBOARD_READ_ONLY": "1"}
    loaded = subprocess.run([sys.executable, "-m", "dashboard", "--db", str(read_only), "ingest", str(workbook)],
                            cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    undone = subprocess.run([sys.executable, "-m", "dashboard", "--db", str(read_only), "undo", "1"],
                            cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert (loaded.returncode, loaded.stderr.strip()) == (2, NO_UPLOAD)
    assert (undone.returncode, undone.stderr.strip()) == (2, NO_UNDO)
