"""Backups: a consistent copy while the store is in use, restored table for table; anything
that is not a sound backup of this dashboard is refused and changes nothing.

Tables are compared by reading both databases directly (DuckDB, sorted rows), not through the
module under test.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import subprocess
import sys
import threading
import time
from pathlib import Path

import duckdb
import pytest

from dashboard import audit, backup, ingest, store
from tests.workbooks import scores, xlsx_bytes

pytestmark = pytest.mark.slow      # writes, copies and checks whole database files

ROOT = Path(__file__).resolve().parent.parent
DATA_TABLES = ("branches", "members", "criteria", "scores", "ratings", "meetings", "absences", "actions",
               "progress_reports")


def cli(*args, timeout=120):
    return subprocess.run([sys.executable, "-m", "dashboard", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=timeout)


def table_rows(db: Path) -> dict[str, list[tuple]]:
    """Every base table of a database file, rows sorted, read with a plain DuckDB connection."""
    store.close(db)
    conn = duckdb.connect(str(db), read_only=True)
    try:
        names = [r[0] for r in conn.execute("SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main'"
                                            " ORDER BY 1").fetchall()]
        return {n: sorted(conn.execute(f'SELECT * FROM "{n}"').fetchall(), key=repr) for n in names}
    finally:
        conn.close()


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def busy_store(sample_db) -> Path:
    """The sample with an audit trail and an undone upload, as a store in use looks."""
    for action in ("login", "export", "logout"):
        audit.record(action, "quantri", {"file": "xep-hang.xlsx"}, path=sample_db)
    batch = ingest.prepare([("diem.xlsx", xlsx_bytes({"diem_danh_gia": scores("2026", "CB01", 0.5)}))],
                           store.cursor(sample_db))
    assert batch.ok, [p.message() for p in batch.problems]
    upload = ingest.commit(batch, who="thuky", source="page", path=sample_db).upload_id
    ingest.undo(upload, who="quantri", path=sample_db)
    return sample_db


def test_backup_then_restore_into_an_empty_store_gives_every_table_back(busy_store, tmp_path):
    before = table_rows(busy_store)
    made = backup.backup(busy_store, tmp_path / "sao-luu.duckdb", who="quantri")
    # Every table of the store, as information_schema lists them (table_rows above).
    assert made.tables == len(before) and made.rows == sum(len(v) for v in before.values())
    empty = tmp_path / "moi" / "dashboard.duckdb"
    empty.parent.mkdir()
    restored = backup.restore(made.path, empty)
    assert restored.previous is None
    after = table_rows(empty)
    assert after.keys() == before.keys()
    for name in before:
        if name == "data_state":
            continue
        assert after[name] == before[name], name
    for name in ("audit", "uploads", "schema_version", *DATA_TABLES):
        assert before[name], f"{name} should not be empty in this test"
    # The data version moves on, so that no cached page shows what it showed before.
    assert after["data_state"][0][1] == before["data_state"][0][1] + 1
    # The audit trail goes on numbering after the restored events (its sequence came along).
    last = max(r[0] for r in before["audit"])
    audit.record("login", "quantri", path=empty)
    assert max(r[0] for r in table_rows(empty)["audit"]) == last + 1


def test_restore_over_a_store_keeps_the_old_one_beside_it(busy_store, sample_db_master, tmp_path):
    made = backup.backup(sample_db_master, tmp_path / "mau.duckdb")
    old = table_rows(busy_store)
    old_digest = digest(busy_store)
    store.cursor(busy_store)                      # the app's own connection is open, as in the app
    outcome = backup.restore(made.path, busy_store, now=dt.datetime(2026, 11, 30, 9, 15))
    assert outcome.previous == busy_store.with_name(busy_store.name + ".20261130-091500.bak")
    assert digest(outcome.previous) == old_digest
    assert table_rows(outcome.previous) == old
    assert table_rows(busy_store)["audit"] == table_rows(sample_db_master)["audit"] == []
    # The process's connection was replaced: a query now reads the restored store.
    assert store.cursor(busy_store).execute("SELECT count(*) FROM audit").fetchall()[0][0] == 0
    assert not list(tmp_path.glob(".*restoring*"))


def test_backup_is_one_snapshot_while_uploads_commit(sample_db, tmp_path):
    """An upload committing during the backup is wholly in it or wholly out of it."""
    batches = [ingest.prepare([(f"{y}.xlsx", xlsx_bytes({"diem_danh_gia": scores(y, "CB01", 0.5)}))],
                              store.cursor(sample_db)) for y in ("2027", "2028", "2029")]
    errors = []

    def upload():
        try:
            for b in batches:
                ingest.commit(b, who="t", source="page", path=sample_db)
        except Exception as exc:   # pragma: no cover - reported below
            errors.append(exc)

    writer = threading.Thread(target=upload)
    writer.start()
    made = backup.backup(sample_db, tmp_path / "giua-chung.duckdb")
    writer.join()
    assert not errors
    rows = table_rows(made.path)
    uploaded = {r[0] for r in rows["uploads"]}
    per_upload = {}
    for score in rows["scores"]:
        per_upload[score[5]] = per_upload.get(score[5], 0) + 1
    for upload_id in uploaded - {0, 1}:
        assert per_upload.get(upload_id) == 10          # every score of an upload that is in, none missing
    assert set(per_upload) <= uploaded


def test_backup_file_names_what_it_is(busy_store, tmp_path):
    made = backup.backup(busy_store, tmp_path / "b.duckdb", who="quantri", now=dt.datetime(2026, 11, 30, 8, 0))
    conn = duckdb.connect(str(made.path), read_only=True)
    try:
        magic, form, version, at, who = conn.execute(
            "SELECT magic, format, schema_version, created_at, created_by FROM dashboard_backup").fetchall()[0]
        counts = dict(conn.execute("SELECT table_name, row_count FROM dashboard_backup_tables").fetchall())
    finally:
        conn.close()
    assert (magic, form, version, at, who) == (backup.MAGIC, 1, store.latest_version(),
                                               dt.datetime(2026, 11, 30, 8, 0), "quantri")
    assert counts["audit"] == 3 and counts["schema_version"] == store.latest_version()


def test_backup_never_overwrites(busy_store, tmp_path):
    target = tmp_path / "co-roi.duckdb"
    target.write_bytes(b"an earlier backup")
    with pytest.raises(backup.Refused) as refused:
        backup.backup(busy_store, target)
    assert refused.value.key == "backup.cannot_write" and target.read_bytes() == b"an earlier backup"


# ---------------------------------------------------------------- refusals change nothing

def foreign_files(folder: Path, good_backup: Path) -> dict[str, Path]:
    files = {}
    files["random"] = folder / "ngau-nhien.duckdb"
    files["random"].write_bytes(bytes(range(256)) * 64)
    files["text"] = folder / "ghi-chu.txt"
    files["text"].write_text("Đây không phải bản sao lưu.", encoding="utf-8")
    files["other_app"] = folder / "ung-dung-khac.duckdb"
    conn = duckdb.connect(str(files["other_app"]))
    conn.execute("CREATE TABLE scores (x INTEGER); INSERT INTO scores VALUES (1)")
    conn.close()
    good = good_backup.read_bytes()
    files["truncated"] = folder / "cat-ngan.duckdb"
    files["truncated"].write_bytes(good[: len(good) // 2])

    def altered(name: str, sql: str) -> Path:
        path = folder / name
        path.write_bytes(good)
        conn = duckdb.connect(str(path))
        conn.execute(sql)
        conn.close()
        return path

    files["wrong_magic"] = altered("sai-dau-hieu.duckdb", "UPDATE dashboard_backup SET magic = 'khác'")
    files["newer"] = altered("moi-hon.duckdb", "UPDATE dashboard_backup SET schema_version = schema_version + 1")
    files["tampered"] = altered("bi-sua.duckdb", "UPDATE scores SET score = score + 1 WHERE period = '2025'")
    files["row_lost"] = altered("mat-dong.duckdb", "DELETE FROM audit WHERE audit_id = 1")
    # A sequence name crafted to run SQL when the restore moves the sequence on (found in review:
    # it wrote a file on the server). The file is the backup's own sequences table, edited.
    files["crafted_sequence"] = altered("chuoi-gia.duckdb", (
        "UPDATE dashboard_backup_sequences SET sequence_name = 'audit_seq'')) FROM range(1); "
        f"COPY (SELECT 1) TO ''{folder / 'da-ghi.csv'}''; SELECT max(nextval(''audit_seq'"))
    return files


EXPECTED_KEY = {"random": "restore.unreadable", "text": "restore.unreadable", "other_app": "restore.not_backup",
                "truncated": "restore.unreadable", "wrong_magic": "restore.not_backup", "newer": "restore.newer",
                "tampered": "restore.damaged", "row_lost": "restore.damaged", "crafted_sequence": "restore.damaged"}


def test_anything_but_a_sound_backup_is_refused_and_nothing_changes(busy_store, tmp_path):
    made = backup.backup(busy_store, tmp_path / "tot.duckdb")
    files = foreign_files(tmp_path, made.path)
    store.close_all()
    before = digest(busy_store)
    listing = sorted(p.name for p in busy_store.parent.iterdir())
    for kind, path in files.items():
        with pytest.raises(backup.Refused) as refused:
            backup.restore(path, busy_store)
        assert refused.value.key == EXPECTED_KEY[kind], kind
        assert "không thay đổi gì" in refused.value.message()
        store.close_all()
        assert digest(busy_store) == before, kind
        assert sorted(p.name for p in busy_store.parent.iterdir()) == listing, kind
    assert not (tmp_path / "da-ghi.csv").exists()


def test_a_backup_cannot_be_restored_onto_itself(busy_store):
    with pytest.raises(backup.Refused):
        backup.restore(busy_store, busy_store)


# ---------------------------------------------------------------- the command line

def test_cli_backup_and_restore(busy_store, tmp_path):
    tables = len(table_rows(busy_store))
    store.close_all()
    target = tmp_path / "cli.duckdb"
    made = cli("--db", str(busy_store), "backup", str(target), "--who", "quantri")
    assert made.returncode == 0, made.stderr
    assert made.stdout.startswith(f"Đã sao lưu vào {target}: {tables} bảng,")
    empty = tmp_path / "rong.duckdb"
    restored = cli("--db", str(empty), "restore", str(target), "--who", "quantri")
    assert restored.returncode == 0, restored.stderr
    assert "đã kiểm tra khớp với bản sao lưu" in restored.stdout
    # Both are in the audit trail: the backup in the store it copied (after the copy was made),
    # the restore in the restored store, after the events the backup holds.
    assert [(r[3], r[2]) for r in sorted(table_rows(busy_store)["audit"])][-1] == ("backup", "quantri")
    trail = [(r[3], r[2]) for r in sorted(table_rows(empty)["audit"])]
    assert trail[-2:] == [("logout", "quantri"), ("restore", "quantri")]


def test_cli_refuses_a_foreign_file_in_vietnamese(busy_store, tmp_path):
    store.close_all()
    foreign = tmp_path / "khac.duckdb"
    foreign.write_bytes(b"SQLite format 3\x00" + bytes(4000))
    before = digest(busy_store)
    result = cli("--db", str(busy_store), "restore", str(foreign))
    assert result.returncode == 2
    assert result.stderr.strip() == ("Tệp khac.duckdb không đọc được như một cơ sở dữ liệu (tệp hỏng, bị cắt ngắn, "
                                     "hoặc không phải bản sao lưu); không thay đổi gì.")
    assert "Traceback" not in result.stderr and digest(busy_store) == before


HOLDER = """
import sys, time
sys.path.insert(0, sys.argv[2])
from pathlib import Path
from dashboard import store
store.connect(Path(sys.argv[1]))
print("HOLDING", flush=True)
time.sleep(60)
"""


def test_while_the_app_holds_the_store_the_cli_says_how(busy_store, tmp_path):
    store.close_all()
    good = backup.backup(busy_store, tmp_path / "truoc.duckdb").path
    store.close_all()
    before = digest(busy_store)
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(busy_store), str(ROOT)], stdout=subprocess.PIPE,
                              text=True)
    try:
        assert holder.stdout.readline().strip() == "HOLDING"
        started = time.monotonic()
        made = cli("--db", str(busy_store), "backup", str(tmp_path / "luc-chay.duckdb"), timeout=60)
        assert made.returncode == 2 and "Lịch sử tải lên" in made.stderr and "dừng ứng dụng" in made.stderr
        assert not (tmp_path / "luc-chay.duckdb").exists()
        restored = cli("--db", str(busy_store), "restore", str(good), timeout=60)
        assert restored.returncode == 2 and "đang được ứng dụng web giữ" in restored.stderr
        assert time.monotonic() - started < 40
    finally:
        holder.kill()
        holder.wait()
    assert digest(busy_store) == before
    assert "Traceback" not in made.stderr + restored.stderr


def test_cli_backup_of_a_missing_store(tmp_path):
    result = cli("--db", str(tmp_path / "khong-co.duckdb"), "backup", str(tmp_path / "b.duckdb"))
    assert result.returncode == 2 and "Không có cơ sở dữ liệu" in result.stderr
    assert not (tmp_path / "khong-co.duckdb").exists()


def test_an_older_backup_is_brought_up_to_the_current_schema(tmp_path):
    """A backup made at an earlier schema version restores, then the later migrations run."""
    old = tmp_path / "cu.duckdb"
    conn = duckdb.connect(str(old))
    store.migrate(conn, upto=5)
    conn.close()
    store.connect(old, read_only=True)            # opened read-only, a store is not migrated
    made = backup.backup(old, tmp_path / "cu-sao-luu.duckdb")
    store.close_all()
    target = tmp_path / "moi.duckdb"
    backup.restore(made.path, target)
    rows = table_rows(target)
    assert [r[0] for r in sorted(rows["schema_version"])] == list(range(1, store.latest_version() + 1))
    assert "audit" in rows


def test_an_upload_committed_while_a_restore_copies_leaves_the_restored_store_a_version_of_its_own(
        sample_db, sample_db_master, tmp_path, monkeypatch):
    """Pages cache by data version: the restored store's must be past one an upload reached while
    the backup was being copied, or a page would keep showing that upload's view of the data."""
    made = backup.backup(sample_db_master, tmp_path / "mau.duckdb")
    batch = ingest.prepare([("2027.xlsx", xlsx_bytes({"diem_danh_gia": scores("2027", "CB01", 0.5)}))],
                           store.cursor(sample_db))
    assert batch.ok
    seen = {}
    copy = backup.store_copy.copy

    def copy_while_an_upload_commits(src, out, tables):
        ingest.commit(batch, who="thuky", source="page", path=sample_db)
        seen["upload"] = store.data_version(store.cursor(sample_db))
        return copy(src, out, tables)

    monkeypatch.setattr(backup.store_copy, "copy", copy_while_an_upload_commits)
    before = store.data_version(store.cursor(sample_db))
    backup.restore(made.path, sample_db)
    assert seen["upload"] > before
    assert store.data_version(store.cursor(sample_db)) > seen["upload"]
