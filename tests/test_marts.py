"""The marts (migrations 0014–0016): tables that hold what the heavy views return. They are a cache of
the views, so every test compares a mart with its view, read directly with SQL, after each kind of
change: a commit, an undo, a change of the score bands, a restore, the planner's what-if."""

from __future__ import annotations

import re

import pytest

import duckdb

from dashboard import backup, ingest, queries, store
from tests.rows import insert
from tests.workbooks import CRITERIA_MAX, scores, xlsx_bytes

MARTS = ("source_rules", "rating_rules", "period_criteria", "branch_period_scores", "member_ratings",
         "meetings_judged", "progress_steps", "action_reports")


def differences(cur) -> dict[str, tuple[int, int]]:
    """Per mart: (rows in the mart not in its view, rows in the view not in the mart), when not both 0."""
    out = {}
    for name in MARTS:
        extra = cur.execute(f"SELECT count(*) FROM (SELECT * FROM mart_{name} EXCEPT ALL SELECT * FROM v_{name})").fetchone()[0]
        missing = cur.execute(f"SELECT count(*) FROM (SELECT * FROM v_{name} EXCEPT ALL SELECT * FROM mart_{name})").fetchone()[0]
        if extra or missing:
            out[name] = (extra, missing)
    return out


def total(cur, table: str, period: str, cell: str):
    row = cur.execute(f"SELECT total_score FROM {table} WHERE period = $p AND branch_code = $b",
                      {"p": period, "b": cell}).fetchone()
    return row and row[0]


def test_the_marts_are_these_eight_and_hold_their_views_on_the_sample(sample_db):
    cur = store.cursor(sample_db)
    found = [r for r in queries.execute("marts.names", cur=cur).fetchall()]
    assert sorted(found) == sorted((f"mart_{m}", f"v_{m}") for m in MARTS)
    assert store.MARTS == MARTS
    for name in MARTS:
        view = cur.execute(f"DESCRIBE v_{name}").fetchall()
        mart = cur.execute(f"DESCRIBE mart_{name}").fetchall()
        assert [(c[0], c[1]) for c in mart] == [(c[0], c[1]) for c in view], name
        assert cur.execute(f"SELECT count(*) FROM mart_{name}").fetchone()[0] > 0, name
    assert differences(cur) == {}


def test_no_page_query_reads_a_view_that_has_a_mart():
    for query in queries.load_all().values():
        for name in MARTS:
            assert not re.search(rf"\bv_{name}\b", query.sql), f"{query.name} reads v_{name}, not mart_{name}"


def upload(db, sheets):
    batch = ingest.prepare([("tep.xlsx", xlsx_bytes(sheets))], store.cursor(db))
    assert batch.ok, [p.message() for p in batch.problems]
    return ingest.commit(batch, who="kiểm thử", source="cli", path=db).upload_id


def test_a_commit_and_its_undo_move_the_marts_with_the_data(sample_db):
    cur = store.cursor(sample_db)
    before = total(cur, "mart_branch_period_scores", "2026", "CB01")
    # Every criterion of CB01 in 2026 at half its maximum. By hand: the ten maxima add up to 100
    # (30 common + 70 task), so the total is 50,0 — HTNV under 366-QĐ/TW's bands (50 ≤ 50 < 70).
    uploaded = upload(sample_db, {"diem_danh_gia": scores("2026", "CB01", 0.5)})
    assert total(cur, "mart_branch_period_scores", "2026", "CB01") == pytest.approx(50.0)
    assert cur.execute("SELECT computed_level FROM mart_branch_period_scores"
                       " WHERE period = '2026' AND branch_code = 'CB01'").fetchone()[0] == "HTNV"
    assert differences(cur) == {}
    ingest.undo(uploaded, who="kiểm thử", path=sample_db)
    assert total(cur, "mart_branch_period_scores", "2026", "CB01") == before
    assert differences(cur) == {}


def test_a_commit_and_its_undo_remake_the_progress_steps_of_the_actions_they_name_only(sample_db, monkeypatch):
    """mart_progress_steps is made again for the actions an upload's rows name (a new report, an
    action moved to another cell), not whole; it stays equal to its view, after the undo too."""
    cur = store.cursor(sample_db)
    ran = []
    real = queries.execute
    monkeypatch.setattr(queries, "execute", lambda name, /, **kw: ran.append(name) or real(name, **kw))

    def cell_of(action):
        return cur.execute("SELECT DISTINCT branch_code FROM mart_progress_steps WHERE action_code = $a",
                           {"a": action}).fetchall()

    steps = cur.execute("SELECT count(*) FROM mart_progress_steps WHERE action_code = 'GP1-03'").fetchone()[0]
    uploaded = upload(sample_db, {
        "giai_phap": [["GP1-02", "CB02", 1, "Tổ chức học tập, quán triệt nghị quyết mới", "03/03/2025", "31/12/2025",
                       "Bí thư chi bộ"]],                                   # CB01's action, now CB02's
        "tien_do_giai_phap": [["GP1-03", "15/11/2026", 95, "dang_thuc_hien", None]]})   # one more report
    assert cell_of("GP1-02") == [("CB02",)]
    assert cur.execute("SELECT count(*) FROM mart_progress_steps WHERE action_code = 'GP1-03'").fetchone()[0] == steps + 1
    assert "marts.add_progress_steps_of" in ran and "marts.refresh_progress_steps" not in ran
    assert differences(cur) == {}
    ingest.undo(uploaded, who="kiểm thử", path=sample_db)
    assert cell_of("GP1-02") == [("CB01",)]
    assert cur.execute("SELECT count(*) FROM mart_progress_steps WHERE action_code = 'GP1-03'").fetchone()[0] == steps
    assert "marts.refresh_progress_steps" not in ran
    assert differences(cur) == {}


def test_changing_the_office_bands_relevels_the_marts(sample_db, monkeypatch):
    cur = store.cursor(sample_db)
    # 2024 is judged by the office's own bands (366-QĐ/TW's bands apply from 2025 on).
    upload(sample_db, {"diem_danh_gia": scores("2024", "CB01", 0.5)})      # 50 points: HTNV at 90,70,50
    assert cur.execute("SELECT computed_level FROM mart_branch_period_scores"
                       " WHERE period = '2024' AND branch_code = 'CB01'").fetchone()[0] == "HTNV"
    store.close_all()
    monkeypatch.setenv("DASHBOARD_SCORE_BANDS", "95,80,60")     # opening the store writes them in
    cur = store.cursor(sample_db)
    assert cur.execute("SELECT computed_level FROM mart_branch_period_scores"
                       " WHERE period = '2024' AND branch_code = 'CB01'").fetchone()[0] == "KHTNV"
    assert cur.execute("SELECT band_htnv_min FROM mart_source_rules WHERE source = 'DANG_BO'").fetchone()[0] == 60
    assert differences(cur) == {}


@pytest.mark.slow
def test_a_restored_store_has_marts_true_to_its_data(sample_db, tmp_path):
    made = backup.backup(sample_db, tmp_path / "sao-luu.duckdb")
    upload(sample_db, {"diem_danh_gia": scores("2026", "CB01", 0.5)})
    backup.restore(made.path, sample_db)
    cur = store.cursor(sample_db)
    assert total(cur, "mart_branch_period_scores", "2026", "CB01") != pytest.approx(50.0)
    assert differences(cur) == {}


def test_a_store_migrated_from_before_the_marts_gets_them_filled(tmp_path):
    """A store of schema 13 with data in it: migration 0014 builds the marts from its rows."""
    conn = duckdb.connect(str(tmp_path / "cu.duckdb"))
    store.migrate(conn, upto=store.MARTS_FROM - 1)
    cur = conn.cursor()
    insert(cur, "branches", [{"branch_code": "X1", "branch_name": "Chi bộ X1", "active": True}])
    insert(cur, "scores", [{"period": "2024", "branch_code": "X1", "criterion_code": code, "score": mx}
                           for code, mx in CRITERIA_MAX.items()])
    store.migrate(conn)
    assert total(cur, "mart_branch_period_scores", "2024", "X1") == pytest.approx(100.0)   # every maximum
    assert differences(cur) == {}
    conn.close()


def test_a_later_migration_that_adds_a_column_under_a_mart_rebuilds_it(empty_db, monkeypatch):
    """v_meetings_judged reads m.* of the meetings: a column added by a migration reaches the
    view, and the mart is made again with it (a refill could not insert it)."""
    store.close_all()
    extra = (store.latest_version() + 1, "test_column", "ALTER TABLE meetings ADD COLUMN chair VARCHAR;")
    monkeypatch.setattr(store, "migrations", lambda: [*_real_migrations(), extra])
    cur = store.cursor(empty_db)
    assert "chair" in [c[0] for c in cur.execute("DESCRIBE mart_meetings_judged").fetchall()]
    assert differences(cur) == {}


_real_migrations = store.migrations
