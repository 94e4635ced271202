"""Commit and undo: all or nothing, recorded, reversible, and safe against a killed process."""

import datetime as dt
import hashlib
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from dashboard import ingest, store
from dashboard.contract import versioned_tables
from tests.workbooks import BRANCHES, MEMBERS, scores, xlsx_bytes

VERSIONED_TABLES = versioned_tables()

TODAY = dt.date(2026, 11, 26)
ROOT = Path(__file__).resolve().parent.parent


def snapshot(db, current_only: bool = False) -> dict[str, tuple[int, str]]:
    """Row count and a checksum of every table (or of every current-rows view)."""
    cur = store.cursor(db)
    out = {}
    names = [f"v_{t}" for t in VERSIONED_TABLES] if current_only else list(VERSIONED_TABLES) + ["uploads", "data_state"]
    for name in names:
        rows = cur.execute(f"SELECT * FROM {name}").fetchall()
        body = "\n".join(sorted(repr(r) for r in rows))
        out[name] = (len(rows), hashlib.sha256(body.encode()).hexdigest())
    return out


def upload(db, sheets, name="tep.xlsx"):
    batch = ingest.prepare([(name, xlsx_bytes(sheets))], store.cursor(db), today=TODAY)
    return batch, (ingest.commit(batch, who="kiểm thử", source="cli", path=db) if batch.ok else None)


@pytest.fixture
def base_db(empty_db):
    upload(empty_db, {"chi_bo": BRANCHES, "dang_vien": MEMBERS,
                      "diem_danh_gia": scores("2024", "CB01", 0.7) + scores("2024", "CB02", 0.8)})
    return empty_db


def test_a_rejected_upload_writes_nothing(base_db):
    before = snapshot(base_db)
    good = scores("2025", "CB01", 0.9)
    bad = scores("2025", "CB02", 0.9)
    bad[3][1] = "CB77"  # unknown cell on one row among twenty
    batch, result = upload(base_db, {"chi_bo": [["CB03", "Chi bộ mới", None, None, None]],
                                     "diem_danh_gia": good + bad})
    assert result is None and len(batch.errors) == 1
    assert snapshot(base_db) == before


def test_same_file_twice_reports_no_changes(base_db):
    sheets = {"diem_danh_gia": scores("2025", "CB01", 0.9)}
    _, first = upload(base_db, sheets)
    before = snapshot(base_db)
    batch, second = upload(base_db, sheets)
    assert first.changed_anything and not second.changed_anything
    assert {n: d.counts for n, d in batch.sheets.items()} == {"diem_danh_gia": {"new": 0, "changed": 0, "same": 10}}
    assert snapshot(base_db) == before


def test_undo_restores_exactly_the_state_before(base_db):
    before = snapshot(base_db, current_only=True)
    changed = scores("2024", "CB01", 0.5)          # changes ten existing scores
    _, result = upload(base_db, {"chi_bo": [["CB03", "Chi bộ mới", None, None, None]],
                                 "diem_danh_gia": changed + scores("2025", "CB03", 0.6)})
    assert snapshot(base_db, current_only=True) != before
    ingest.undo(result.upload_id, who="kiểm thử", path=base_db)
    assert snapshot(base_db, current_only=True) == before
    undone = store.cursor(base_db).execute(
        "SELECT undone_by FROM uploads WHERE upload_id = $u", {"u": result.upload_id}).fetchall()
    assert undone == [("kiểm thử",)]


def test_upload_record_has_name_hash_size_who_and_counts(base_db):
    data = xlsx_bytes({"diem_danh_gia": scores("2025", "CB01", 0.9)})
    batch = ingest.prepare([("../../etc/Điểm quý.xlsx", data)], store.cursor(base_db), today=TODAY)
    result = ingest.commit(batch, who="Nguyễn Văn A", source="page", path=base_db)
    row = store.cursor(base_db).execute(
        "SELECT file_name, sha256, size_bytes, uploaded_by, source, counts FROM uploads WHERE upload_id = $u",
        {"u": result.upload_id}).fetchall()[0]
    assert row[:5] == ("Điểm quý.xlsx", hashlib.sha256(data).hexdigest(), len(data), "Nguyễn Văn A", "page")
    assert '"diem_danh_gia": {"new": 10' in row[5]


CHILD = r"""
import datetime as dt, sys
sys.path.insert(0, sys.argv[2])
from pathlib import Path
from dashboard import ingest, store
db = Path(sys.argv[1])
rows = ["Kỳ đánh giá,Mã chi bộ,Mã tiêu chí,Điểm"]
for period in ("2021", "2022", "2023", "2024", "2025"):
    for b in range(1, 401):
        for code, mx in (("A1", 8), ("A2", 8), ("A3", 7), ("A4", 7), ("B1", 25), ("B2", 15), ("B3", 8), ("B4", 6), ("B5", 10), ("B6", 6)):
            rows.append(f"{period},K{b:03d},{code},{mx / 2}")
batch = ingest.prepare([("diem_danh_gia.csv", "\n".join(rows).encode())], store.cursor(db), today=dt.date(2026, 11, 26))
assert batch.ok, [p.message() for p in batch.errors[:3]]
import time
print("COMMITTING", flush=True)
started = time.perf_counter()
ingest.commit(batch, who="child", source="cli", path=db)
print("DONE", time.perf_counter() - started, flush=True)
"""


@pytest.mark.slow
def test_a_process_killed_during_commit_leaves_before_or_after_never_between(tmp_path):
    db = tmp_path / "kill.duckdb"
    branches = [[f"K{b:03d}", f"Chi bộ {b}", None, None, None] for b in range(1, 401)]
    upload(db, {"chi_bo": branches})
    store.close_all()
    expected_rows = 5 * 400 * 10
    # Time one uninterrupted commit, then kill at random moments within that span.
    proc = subprocess.run([sys.executable, "-c", CHILD, str(db), str(ROOT)], capture_output=True, text=True,
                          check=True)
    commit_seconds = float(proc.stdout.split("DONE")[1])
    cur = store.cursor(db)
    ingest.undo(cur.execute("SELECT max(upload_id) FROM uploads").fetchall()[0][0], who="test", path=db)
    store.close_all()
    outcomes = []
    rng = random.Random(7)
    for attempt in range(8):
        proc = subprocess.Popen([sys.executable, "-c", CHILD, str(db), str(ROOT)], stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True)
        line = proc.stdout.readline()
        assert line.strip() == "COMMITTING", proc.stderr.read()
        time.sleep(rng.uniform(0.0, 2 * commit_seconds))
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        cur = store.cursor(db)
        uploads = cur.execute("SELECT count(*) FROM uploads WHERE source = 'cli' AND file_name = 'diem_danh_gia.csv'"
                              " AND undone_at IS NULL").fetchall()[0][0]
        scores_now = cur.execute("SELECT count(*) FROM v_scores").fetchall()[0][0]
        assert (uploads, scores_now) in ((0, 0), (1, expected_rows)), (attempt, uploads, scores_now)
        outcomes.append(uploads)
        if uploads:  # committed before the kill: undo it so the next attempt starts from before
            upload_id = cur.execute("SELECT max(upload_id) FROM uploads").fetchall()[0][0]
            ingest.undo(upload_id, who="test", path=db)
        store.close_all()
    print(f"commit takes {commit_seconds:.2f} s; committed before the kill: {outcomes}")
    assert len(outcomes) == 8


def test_undo_refuses_while_a_later_upload_relies_on_what_it_added(base_db):
    actions = [["GP9-01", "CB01", 1, "Nhiệm vụ mới", "01/01/2026", "31/12/2026", None]]
    _, first = upload(base_db, {"giai_phap": actions})
    _, second = upload(base_db, {"tien_do_giai_phap": [["GP9-01", "01/06/2026", 40, "dang_thuc_hien", None]]})
    with pytest.raises(ingest.UndoRefused) as refused:
        ingest.undo(first.upload_id, who="t", path=base_db)
    assert (refused.value.key, refused.value.params["later"]) == ("undo.dependent", second.upload_id)
    ingest.undo(second.upload_id, who="t", path=base_db)
    ingest.undo(first.upload_id, who="t", path=base_db)
    cur = store.cursor(base_db)
    assert cur.execute("SELECT count(*) FROM v_actions").fetchall()[0][0] == 0
    assert cur.execute("SELECT count(*) FROM v_progress_reports").fetchall()[0][0] == 0


def test_undo_of_a_change_is_not_blocked_by_rows_that_existed_before(base_db):
    # Renaming an existing cell, then adding scores for it: undoing the rename is fine,
    # the cell existed before the rename.
    renamed = [list(r) for r in BRANCHES]
    renamed[0][1] = "Tên mới"
    _, rename = upload(base_db, {"chi_bo": renamed})
    upload(base_db, {"diem_danh_gia": scores("2025", "CB01", 0.9)})
    ingest.undo(rename.upload_id, who="t", path=base_db)
    assert store.cursor(base_db).execute(
        "SELECT branch_name FROM v_branches WHERE branch_code = 'CB01'").fetchall() == [("Chi bộ Văn phòng",)]
