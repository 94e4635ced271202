"""Named queries: every file loads, names are checked, parameters are bound."""

import datetime as dt

import pytest

from dashboard import queries, store

INJECTION = "CB01'); DROP TABLE branches; --"


def test_every_sql_file_loads_with_named_documented_queries():
    found = queries.load_all()
    files = {q.file.name for q in found.values()}
    assert files == {p.name for p in queries.QUERIES_DIR.glob("*.sql")}
    for query in found.values():
        assert query.doc, query.name
        assert "." in query.name


def test_unknown_query_name_raises(empty_db):
    with pytest.raises(queries.QueryError, match="unknown query"):
        queries.run("rankings.no_such_query")


def test_missing_parameter_raises(empty_db):
    with pytest.raises(queries.QueryError, match="period"):
        queries.run("rankings.leaderboard")


def test_unexpected_parameter_raises(empty_db):
    with pytest.raises(queries.QueryError, match="takes no parameters"):
        queries.run("reference.levels", period="2025")


def test_injection_string_as_parameter_is_inert(sample_db):
    before = store.cursor().execute("SELECT count(*) FROM v_branches").fetchone()[0]
    frame = queries.run("rankings.leaderboard", period=INJECTION, compare=INJECTION, branches=[INJECTION])
    assert frame.empty
    frame = queries.run("rankings.leaderboard", period="2025", compare="previous", branches=[INJECTION, "CB01"])
    assert list(frame["branch_code"]) == ["CB01"]
    assert store.cursor().execute("SELECT count(*) FROM v_branches").fetchone()[0] == before == 4


def test_every_branch_query_takes_the_branch_set():
    # A query that reads branch-bearing data must accept $branches, so scope is imposed in one place.
    branch_views = ("v_branches", "v_scores", "v_branch_period_scores", "v_meetings", "v_actions",
                    "v_action_latest", "v_members", "v_ratings", "v_absences", "v_progress_reports")
    for query in queries.load_all().values():
        if any(view in query.sql for view in branch_views):
            assert query.scoped, f"{query.name} reads branch data without $branches"


def test_scope_limits_every_scoped_query(sample_db):
    params = {"period": "2025", "year": 2025, "today": dt.date(2026, 11, 26),
              "quota_base": "httnv", "quota_pool": "dang_bo", "quota_rounding": "floor", "plan_days": 30, "periods": 3, "reports": 3, "compare": "previous", "kind": "year", "cell": "CB03"}
    for query in queries.load_all().values():
        if not query.scoped:
            continue
        frame = queries.run(query.name, scope=frozenset({"CB03"}),
                            **{k: v for k, v in params.items() if k in query.params})
        codes = set(frame["branch_code"].dropna()) if "branch_code" in frame else None
        if codes is not None:  # None: a finding about the whole Đảng bộ (computed within the scope)
            assert codes <= {"CB03"}, query.name
