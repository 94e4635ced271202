"""The schema: numbered migrations, applied once, recorded, idempotent."""

import datetime as dt

import duckdb
import pytest

from dashboard import store


def test_new_database_reaches_latest_version(tmp_path):
    cur = store.connect(tmp_path / "a.duckdb").cursor()
    assert store.schema_version(cur) == store.latest_version()
    versions = [r[0] for r in cur.execute("SELECT version FROM schema_version ORDER BY version").fetchall()]
    assert versions == [v for v, _, _ in store.migrations()]


def test_running_migrations_twice_changes_nothing(tmp_path):
    path = tmp_path / "b.duckdb"
    conn = store.open_database(path)
    before = conn.execute("SELECT count(*) FROM criteria").fetchone()[0]
    conn.close()
    conn = duckdb.connect(str(path))
    assert store.migrate(conn) == []
    # Numbers may leave gaps (reserved for work in progress elsewhere): every file counts once.
    assert conn.execute("SELECT count(*) FROM schema_version").fetchone()[0] == len(store.migrations())
    assert conn.execute("SELECT count(*) FROM criteria").fetchone()[0] == before
    conn.close()


def test_reference_data_is_seeded(tmp_path):
    cur = store.connect(tmp_path / "c.duckdb").cursor()
    assert [r[0] for r in cur.execute("SELECT code FROM levels ORDER BY ordinal").fetchall()] == [
        "HTXSNV", "HTTNV", "HTNV", "KHTNV"]
    assert cur.execute("SELECT count(*) FROM solutions").fetchone()[0] == 6
    assert cur.execute("SELECT count(*) FROM limitations").fetchone()[0] == 4
    groups = dict(cur.execute('SELECT "group", sum(max_points) FROM v_criteria GROUP BY 1').fetchall())
    assert groups == {"chung": 30, "ket_qua": 70}
    ratings = {r[0] for r in cur.execute("SELECT source FROM sources WHERE topic = 'rating'").fetchall()}
    assert ratings == {"366-QĐ/TW", "124-QĐ/TW", "132-QĐ/TW"}
    # 124-QĐ/TW was issued on 04/10/2023; 42-HD/BTCTW's 120 minutes start on 28/10/2025.
    assert cur.execute("SELECT issued_on FROM sources WHERE source = '124-QĐ/TW'").fetchone()[0] == dt.date(2023, 10, 4)
    assert cur.execute("SELECT in_force_from FROM sources s JOIN rule_thresholds t USING (source)"
                       " WHERE threshold = 'minutes_combined_min'").fetchall() == [(dt.date(2025, 10, 28),)]
    # Thresholds are rows keyed by source, not constants.
    assert cur.execute("SELECT value FROM rule_thresholds WHERE source = '366-QĐ/TW'"
                       " AND threshold = 'quota_excellent_share'").fetchone()[0] == pytest.approx(0.2)
    # Criterion B1 (leading the political task) measures solution 3.
    assert cur.execute("SELECT solution FROM v_criteria WHERE criterion_code = 'B1'").fetchone()[0] == 3


def test_engine_is_locked_down(tmp_path):
    cur = store.connect(tmp_path / "d.duckdb").cursor()
    with pytest.raises(duckdb.Error):
        cur.execute("SELECT * FROM read_csv('/etc/passwd')")
    with pytest.raises(duckdb.Error):
        cur.execute("SET enable_external_access = true")
    with pytest.raises(duckdb.Error):
        cur.execute("INSTALL excel")


def test_vietnamese_collation_orders_names(tmp_path):
    cur = store.connect(tmp_path / "e.duckdb").cursor()
    names = ["Em", "Đảng ủy", "Dân vận", "Zeta", "Ân", "an"]
    got = [r[0] for r in cur.execute(
        "SELECT n FROM (SELECT unnest($names) AS n) ORDER BY n COLLATE vi", {"names": names}).fetchall()]
    assert got.index("Dân vận") < got.index("Đảng ủy") < got.index("Em")
    assert got[-1] == "Zeta"
