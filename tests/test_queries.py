"""Named queries: every file loads, names are checked, parameters are bound."""

import datetime as dt
import logging
import re

import pandas as pd
import pytest

from dashboard import queries, store

INJECTION = "CB01'); DROP TABLE branches; --"


def test_every_sql_file_under_queries_is_loaded_and_every_query_binds_to_the_schema(empty_db):
    page, internal = queries.load_all(), queries.load_internal()
    # A file in any other folder, or a name in both sets, would never be reached.
    loaded = {q.file for q in [*page.values(), *internal.values()]}
    assert loaded == set(queries.QUERIES_DIR.rglob("*.sql"))
    assert not page.keys() & internal.keys()
    assert all(not q.internal for q in page.values()) and all(q.internal for q in internal.values())
    # Every statement binds against the migrated schema: its tables, columns, macros and
    # parameters exist (EXPLAIN plans it without running it; every parameter NULL).
    cur = store.cursor(empty_db)
    queries.execute("backup.create_markers", cur=cur)     # the tables of a backup file
    # The year-end planner's statements read the proposals it registers as a frame.
    cur.register("planner_proposed", pd.DataFrame({c: pd.Series(dtype=str)
                                                   for c in ("subject_kind", "subject_code", "level")}))
    for query in [*page.values(), *internal.values()]:
        if query.name in ("backup.create_markers", "store.create_schema_version", "store.lock_down",
                          "store.checkpoint"):
            continue                                    # run by every store and backup opened
        cur.execute("EXPLAIN " + query.sql, dict.fromkeys(query.params) or None)


@pytest.mark.parametrize("text, problem", [
    ("SELECT 1;\n", "no '-- name:' header"),
    ("-- name: a\nSELECT 1;\n", "has no docstring comment"),
    ("-- name: a\n-- The number one.\n\n", "has no SQL"),
])
def test_a_malformed_query_file_is_refused(tmp_path, text, problem):
    path = tmp_path / "bad.sql"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(queries.QueryError, match=problem):
        queries.parse_file(path)


def test_a_query_defined_twice_is_refused(tmp_path):
    (tmp_path / "a.sql").write_text("-- name: one\n-- One.\nSELECT 1;\n\n-- name: one\n-- Again.\nSELECT 2;\n",
                                    encoding="utf-8")
    with pytest.raises(queries.QueryError, match="a.one is defined twice"):
        queries._load(tmp_path, internal=False)


def test_run_serves_the_pages_and_execute_the_librarys_own_statements(sample_db):
    with pytest.raises(queries.QueryError, match="use execute"):
        queries.run("commit.next_upload_id")
    with pytest.raises(queries.QueryError, match="use run"):
        queries.execute("rankings.leaderboard", period="2025", compare="previous", branches=["CB01"])
    with pytest.raises(queries.QueryError, match="use run"):
        queries.execute("uploads.member_names", branches=["CB01"])
    assert queries.execute("cells.all").fetchall() == [("CB01",), ("CB02",), ("CB03",), ("CB04",)]
    assert queries.execute("commit.next_upload_id").fetchone() == (2,)     # the sample is upload 1
    with pytest.raises(queries.QueryError, match="needs parameters: upload_id"):
        queries.execute("undo.upload")


def test_a_query_slower_than_the_budget_is_logged_as_a_warning(sample_db, monkeypatch, caplog):
    cur = store.cursor(sample_db)          # opened (and its own statements run) before the budget
    monkeypatch.setenv("DASHBOARD_QUERY_BUDGET_MS", "0")
    with caplog.at_level(logging.WARNING, logger="dashboard.queries"):
        queries.run("reference.levels", cur=cur)
        queries.execute("cells.all", cur=cur)
    logged = [r.getMessage() for r in caplog.records if r.name == "dashboard.queries"]
    assert [re.sub(r"took \d+ ms", "took N ms", m) for m in logged] == [
        "query reference.levels took N ms (budget 0 ms)", "query cells.all took N ms (budget 0 ms)"]
    assert all(r.levelno == logging.WARNING for r in caplog.records if r.name == "dashboard.queries")
    caplog.clear()
    monkeypatch.setenv("DASHBOARD_QUERY_BUDGET_MS", "60000")
    with caplog.at_level(logging.WARNING, logger="dashboard.queries"):
        queries.run("reference.levels", cur=cur)
    assert [r for r in caplog.records if r.name == "dashboard.queries"] == []


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


PARAMS = {"period": "2025", "year": 2025, "today": dt.date(2026, 11, 26), "quota_base": "httnv",
          "quota_pool": "dang_bo", "quota_rounding": "floor", "plan_days": 30, "periods": 3, "reports": 3,
          "compare": "previous", "kind": "year", "cell": "CB03", "unit": None, "stale_days": None}


def test_a_scoped_caller_gets_what_a_caller_of_every_cell_gets_asking_for_his_cells(sample_db):
    # Whatever the result's columns (a cell column or an aggregate over cells), a user limited to
    # CB03 who asks for every cell gets the answer a user of every cell gets for CB03 alone; only
    # ranks differ, being computed among the cells the caller may see (he has one: rank 1), and the
    # dates a per-cell timeline starts from before it is trimmed to the cells shown.
    cur = store.cursor(sample_db)
    checked = 0
    for query in queries.load_all().values():
        if not query.scoped:
            continue
        params = {k: v for k, v in PARAMS.items() if k in query.params}
        scoped = queries.run(query.name, cur=cur, scope=frozenset({"CB03"}),
                             branches=["CB01", "CB02", "CB03", "CB04"], **params)
        alone = queries.run(query.name, cur=cur, branches=["CB03"], **params)
        if "from_date" in scoped.columns:
            # per-cell timeline rows start at the first date of the cells the caller may see: the
            # rows shown (from the chosen cells' own first date) are the same
            from dashboard import progress
            scoped, alone = progress.timeline_rows(scoped), progress.timeline_rows(alone)
        ranks = [c for c in scoped.columns if c in ("rank", "prev_rank")]
        pd.testing.assert_frame_equal(scoped.drop(columns=ranks), alone.drop(columns=ranks), obj=query.name)
        if "rank" in ranks:
            assert set(scoped["rank"].dropna()) == {1}, query.name
        checked += 1
    assert checked == sum(q.scoped for q in queries.load_all().values()) >= 30


def test_the_committees_actions_count_only_for_a_caller_of_every_cell_looking_at_all(sample_db):
    def units(scope=None, branches=None) -> set[str]:
        frame = queries.run("solutions.matrix", scope=scope, branches=branches, today=dt.date(2026, 11, 26))
        return set(frame["branch_code"])

    every = ["CB01", "CB02", "CB03", "CB04"]
    assert units() == units(branches=every) == {*every, "DANG_UY"}
    assert units(branches=every[:3]) == set(every[:3])
    # Even a scope holding every cell is a scope: the Đảng ủy's own actions are not his.
    assert units(scope=frozenset(every)) == set(every)


# Parameters for running every per-cell query on the sample (a new parameter fails here first).
PER_CELL_PARAMS = dict(period="2025", periods=4, today=dt.date(2026, 11, 26), plan_days=30, year=2025, reports=3,
                       kind="year", compare="previous", stale_days=45)


@pytest.mark.parametrize("name", sorted(n for n, q in queries.load_all().items() if q.per_cell))
def test_a_per_cell_query_gives_each_cell_the_rows_it_gives_that_cell_alone(sample_db, name):
    """What ``PageContext.query`` relies on to narrow instead of querying again: the rows of the
    chosen cells among every cell's rows are exactly the rows of a query over the chosen cells,
    for a user of every cell and for a user limited to two."""
    query = queries.get(name)
    assert query.scoped, f"{name} is marked per cell but takes no $branches"
    params = {p: PER_CELL_PARAMS[p] for p in query.params - {"branches", *queries.CALLER_PARAMS}}
    cur = store.cursor(sample_db)
    for scope in (None, frozenset({"CB01", "CB04"})):
        every = queries.run(name, cur=cur, scope=scope, names_allowed=True, **params)
        assert "branch_code" in every.columns or "branches" in every.columns
        assert len(every), f"{name} returns no rows on the sample: the test would prove nothing"
        every_cell = sorted(scope or {"CB01", "CB02", "CB03", "CB04"})
        for chosen in (["CB04"], ["CB01", "CB04"], every_cell):   # every cell chosen: the Đảng ủy's rows too
            alone = queries.run(name, cur=cur, scope=scope, names_allowed=True, branches=chosen, **params)
            # What PageContext.query decides from the cell options: every active cell chosen, no scope.
            committee = scope is None and set(chosen) >= {"CB01", "CB02", "CB03", "CB04"}
            assert committee == queries.committee_included(cur, scope, chosen)
            narrowed = every[queries.narrow(every, chosen, committee)].reset_index(drop=True)
            pd.testing.assert_frame_equal(alone.reset_index(drop=True), narrowed, check_dtype=False)


def test_the_upload_history_narrowed_keeps_the_uploads_of_the_chosen_cells_and_everyones(sample_db):
    # The sample's upload wrote every cell; one more writes CB02's scores alone, one the criteria
    # alone (no cell: everyone's). Worked by hand: CB04 sees the sample's and the criteria's.
    from dashboard import ingest
    from tests.workbooks import CRITERIA_MAX, scores, xlsx_bytes
    cur = store.cursor(sample_db)
    for sheets in ({"diem_danh_gia": scores("2026", "CB02", 0.5)},
                   {"tieu_chi": [["A1", "Tiêu chí A1", "chung", CRITERIA_MAX["A1"], None, None]]}):
        batch = ingest.prepare([("tep.xlsx", xlsx_bytes(sheets))], cur, today=dt.date(2026, 11, 26))
        assert batch.ok, [p.message() for p in batch.errors]
        ingest.commit(batch, who="kiểm thử", source="cli", path=sample_db)
    cur = store.cursor(sample_db)
    every = queries.run("uploads.history", cur=cur, branches=["CB01", "CB02", "CB03", "CB04"])
    sample, scores_upload, criteria_upload = sorted(every["upload_id"])
    for chosen, expected in ((["CB04"], [criteria_upload, sample]),
                             (["CB02"], [criteria_upload, scores_upload, sample]),
                             (["CB01", "CB03"], [criteria_upload, sample])):
        narrowed = every[queries.narrow(every, chosen, committee=False)]
        assert list(narrowed["upload_id"]) == expected, chosen
        assert list(queries.run("uploads.history", cur=cur, branches=chosen)["upload_id"]) == expected, chosen


def test_queries_that_sum_over_the_chosen_cells_are_not_marked_per_cell():
    for name in ("solutions.timeline", "rules.quota_members",
                 "rankings.member_quota"):
        assert not queries.get(name).per_cell, name


# The overview's sums as SQL wrote them before they were summed in Python from rows per cell:
# an independent statement of what the cards count.
ORACLES = {
    "score_history": """
        WITH same_kind AS MATERIALIZED (
            SELECT * FROM mart_branch_period_scores
            WHERE period_kind(period) = period_kind($period) AND period_order(period) <= period_order($period)),
        chosen AS (SELECT DISTINCT period FROM same_kind ORDER BY period_order(period) DESC LIMIT 8)
        SELECT s.period, period_order(s.period) AS ord, count(*) AS cells,
               count(*) FILTER (WHERE s.complete) AS complete_cells,
               avg(s.total_score) FILTER (WHERE s.complete) AS avg_score,
               count(*) FILTER (WHERE s.computed_level IN ('HTXSNV', 'HTTNV')) AS good_or_better
        FROM same_kind s JOIN chosen USING (period)
        WHERE s.branch_code = ANY($branches)
        GROUP BY s.period ORDER BY ord""",
    "members_timeline": """
        WITH spine AS (
            SELECT on_date FROM month_spine(CAST($today AS DATE) - INTERVAL 12 MONTH, $today)
            WHERE on_date > CAST($today AS DATE) - INTERVAL 12 MONTH)
        SELECT s.on_date, count(m.member_code) AS members
        FROM spine s LEFT JOIN (
            SELECT m.* FROM v_members m JOIN v_branches b USING (branch_code)
            WHERE b.active AND m.branch_code = ANY($branches)
        ) m ON (m.joined_on IS NULL OR m.joined_on <= s.on_date) AND (m.left_on IS NULL OR m.left_on > s.on_date)
        GROUP BY s.on_date ORDER BY s.on_date""",
    "by_solution": """
        WITH state AS (SELECT * FROM action_state_in($today, $branches, $include_committee))
        SELECT s.solution, s.short_vi, s.short_en, s.title_vi, s.title_en, avg(a.percent) AS percent,
               count(a.action_code) AS actions, count(a.action_code) FILTER (WHERE a.overdue) AS overdue,
               count(a.action_code) FILTER (WHERE a.status = 'hoan_thanh') AS done
        FROM solutions s LEFT JOIN state a ON a.solution = s.solution
        GROUP BY ALL ORDER BY s.solution""",
    "meeting_compliance": """
        WITH cells AS (
            SELECT branch_code, founded_on FROM v_branches
            WHERE active AND branch_code = ANY($branches)
        ),
        bounds AS (
            SELECT min(m.held_on) AS first_on FROM v_meetings m JOIN cells USING (branch_code)
        ),
        months AS (
            SELECT sp.on_date AS month_end
            FROM bounds, month_spine(bounds.first_on, $today) sp
            WHERE bounds.first_on IS NOT NULL AND sp.on_date = last_day(sp.on_date)
              AND sp.on_date < CAST($today AS DATE)
        ),
        tagged AS (
            SELECT month_end,
                   CASE period_kind($period)
                       WHEN 'year' THEN CAST(year(month_end) AS VARCHAR)
                       WHEN 'quarter' THEN CAST(year(month_end) AS VARCHAR) || '-Q' || CAST(quarter(month_end) AS VARCHAR)
                       ELSE CAST(year(month_end) AS VARCHAR) || '-H' || CASE WHEN month(month_end) <= 6 THEN '1' ELSE '2' END
                   END AS period
            FROM months
        ),
        chosen AS (
            SELECT DISTINCT period FROM tagged
            WHERE period_order(period) <= period_order($period)
            ORDER BY period_order(period) DESC
            LIMIT 8
        ),
        held AS (
            SELECT c.branch_code, t.period,
                   count(DISTINCT t.month_end) AS months,
                   count(m.held_on) FILTER (WHERE m.is_regular) AS regular,
                   count(m.held_on) FILTER (WHERE m.is_thematic) AS thematic
            FROM cells c
            JOIN tagged t ON c.founded_on IS NULL OR last_day(c.founded_on) <= t.month_end
            JOIN chosen USING (period)
            LEFT JOIN mart_meetings_judged m ON m.branch_code = c.branch_code AND last_day(m.held_on) = t.month_end
            GROUP BY ALL
        ),
        asked AS (
            -- What each month asks, by the guidance in force at its end (none before 12-HD/BTCTW).
            SELECT c.branch_code, t.period,
                   sum(r.regular_per_year / 12) AS regular_asked,
                   sum(r.thematic_per_quarter) FILTER (WHERE month(t.month_end) % 3 = 0) AS thematic_asked
            FROM cells c
            JOIN tagged t ON c.founded_on IS NULL OR last_day(c.founded_on) <= t.month_end
            JOIN chosen USING (period)
            JOIN mart_source_rules r ON r.topic = 'meeting' AND t.month_end BETWEEN r.in_force_from AND r.in_force_to
            GROUP BY ALL
        ),
        judged AS (
            SELECT h.*,
                   CAST(floor(round(coalesce(a.regular_asked, 0), 9)) AS INTEGER) AS regular_required,
                   CAST(floor(round(coalesce(a.thematic_asked, 0), 9)) AS INTEGER) AS thematic_required
            FROM held h
            LEFT JOIN asked a USING (branch_code, period)
        )
        SELECT period, period_order(period) AS ord,
               count(*) AS cells,
               count(*) FILTER (WHERE regular >= regular_required AND thematic >= thematic_required) AS compliant,
               max(months) AS months,
               list(branch_code ORDER BY branch_code) FILTER (WHERE regular < regular_required
                                                              OR thematic < thematic_required) AS short_cells
        FROM judged
        GROUP BY period
        ORDER BY ord;""",
}


@pytest.mark.parametrize("period,late_start", [("2025", False), ("2026-Q3", False), ("2025-Q2", True),
                                               ("2026", True)])   # 2026-Q3: a cell incomplete
def test_the_overviews_sums_of_rows_per_cell_equal_the_same_sums_in_sql(sample_db, period, late_start):
    """Scores, members, meetings and the six solutions are read per cell (kept for every cell) and
    summed in Python for the cells shown: the sums equal one SQL statement over those cells.
    ``late_start``: CB04 recorded no meeting before March 2023 (the meeting months of the cells
    shown start at the first meeting one of them held)."""
    from dashboard import progress
    from dashboard.summary import overview

    cur = store.cursor(sample_db)
    if late_start:
        cur.execute("DELETE FROM meetings WHERE branch_code = 'CB04' AND held_on < DATE '2023-03-01'")
        store.refresh_marts(cur)
    today, shorts = dt.date(2026, 11, 26), 0
    for chosen in (["CB04"], ["CB01", "CB03"], ["CB01", "CB02", "CB03", "CB04"]):
        committee = queries.committee_included(cur, None, chosen)
        oracle = {name: cur.execute(sql, {k: v for k, v in dict(
            period=period, today=today, branches=chosen, include_committee=committee).items() if f"${k}" in sql}).df()
            for name, sql in ORACLES.items()}
        scores = overview.score_history(queries.run("overview.score_history", cur=cur, branches=chosen, period=period))
        assert len(oracle["score_history"]), "no scores: the test would prove nothing"
        pd.testing.assert_frame_equal(scores, oracle["score_history"], check_dtype=False)
        members = overview.members_timeline(queries.run("overview.members_timeline", cur=cur, branches=chosen,
                                                        today=today))
        pd.testing.assert_frame_equal(members, oracle["members_timeline"], check_dtype=False)
        by_solution = progress.by_solution(queries.run("solutions.by_solution", cur=cur, branches=chosen, today=today),
                                           queries.run("reference.solutions", cur=cur))
        assert by_solution["actions"].sum() > 0
        pd.testing.assert_frame_equal(by_solution[oracle["by_solution"].columns], oracle["by_solution"],
                                      check_dtype=False)
        assert len(queries.run("overview.cells", cur=cur, branches=chosen)) == len(chosen)
        # As the page reads it: for every cell, then narrowed to the cells shown.
        every = queries.run("overview.meeting_compliance", cur=cur, period=period, today=today)
        meetings = overview.meeting_compliance(every[queries.narrow(every, chosen, committee)])
        expected = oracle["meeting_compliance"]
        assert len(expected) and expected["compliant"].sum() > 0
        shorts += int(expected["short_cells"].notna().sum())
        expected["short_cells"] = [None if s is pd.NA else list(s) for s in expected["short_cells"]]  # no list: None
        pd.testing.assert_frame_equal(meetings, expected, check_dtype=False)
    assert shorts, "no cell short of meetings: the lists would be proved empty only"


def test_the_timeline_of_one_unit_is_only_for_a_caller_who_may_see_it(sample_db):
    """solutions.timeline takes the unit the progress page focuses on: a cell outside the caller's
    scope, or the Đảng ủy's own actions for a caller limited to cells, give no rows."""
    cur = store.cursor(sample_db)
    today = PARAMS["today"]
    assert len(queries.run("solutions.timeline", cur=cur, today=today, unit="CB01"))
    assert len(queries.run("solutions.timeline", cur=cur, today=today, unit="DANG_UY"))
    for unit in ("CB01", "DANG_UY"):
        limited = queries.run("solutions.timeline", cur=cur, scope=frozenset({"CB03"}), today=today, unit=unit)
        assert limited.empty, unit


def test_cells_are_matched_with_any_not_list_contains():
    """``x = ANY($branches)`` joins; ``list_contains($branches, x)`` looks each row up in the list,
    and on a table made again in the running process (a commit refills the marts) row by row:
    with the sector's 2.000 cells solutions.timeline went from 112 ms to 2,6 s after an upload."""
    for query in queries.load_all().values():
        assert not re.search(r"list_contains\(\s*\$(branches|caller_cells)", query.sql), query.name
    for path in sorted((store.MIGRATIONS_DIR).glob("*.sql")):
        if int(path.name[:4]) >= 16:    # the macros as they now stand
            assert "list_contains(" not in re.sub(r"--[^\n]*", "", path.read_text(encoding="utf-8")), path.name


def test_rows_read_through_arrow_are_the_frames_duckdb_gives(sample_db):
    """queries.frame (Arrow, texts kept as Arrow strings) gives what DuckDB's own df() gives,
    dtypes included, for every page query on the sample and for the kinds of column the sample
    may lack: NULLs among whole numbers and booleans, decimals, texts that are all NULL, no row;
    and, read by df() itself, the kinds Arrow gives otherwise (intervals, times, maps, ...)."""
    import duckdb

    cur = store.cursor(sample_db)
    statements = []
    real_timed = queries._timed

    def spy(query, cur, params, counter, fetch=lambda result: result):
        statements.append((query.name, query.sql, dict(params)))
        return real_timed(query, cur, params, counter, fetch)

    queries._timed = spy
    try:
        for query in queries.load_all().values():
            if not query.internal:
                queries.run(query.name, cur=cur, names_allowed=True,
                            **{k: v for k, v in PARAMS.items() if k in query.params})
    finally:
        queries._timed = real_timed
    assert len({name for name, _, _ in statements}) >= 60
    memory = duckdb.connect()
    kinds = """SELECT * FROM (VALUES
        (1, CAST(NULL AS INTEGER), TRUE, CAST(NULL AS BOOLEAN), 2.50::DECIMAL(9, 2), 'a', NULL::VARCHAR,
         DATE '2026-11-30', NULL::DATE, TIMESTAMP '2026-11-30 08:00:00', [1, 2], 12::BIGINT, 3::TINYINT),
        (2, 7, FALSE, FALSE, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 4)) t(i, ni, b, nb, dec, s, ns,
         d, nd, ts, l, nbig, tiny)"""
    # every kind read through Arrow, with NULLs where a NULL changes the dtype
    more = """SELECT * FROM (VALUES
        (1::TINYINT, 2::SMALLINT, 3::BIGINT, 4::HUGEINT, 5::UBIGINT, 6::UINTEGER, 7::USMALLINT, 0.5::DOUBLE,
         TIMESTAMP_NS '2026-11-30 08:00:00.123456789', TIMESTAMP_MS '2026-11-30 08:00:00.123',
         TIMESTAMP_S '2026-11-30 08:00:00', '{"a": 1}'::JSON, ['a', NULL], NULL, 1.5::DECIMAL(38, 4)),
        (NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL))
        t(ti, si, bi, hi, ub, ui, us, db, tns, tms, tss, js, ls, nothing, d38)"""
    # kinds read by df() itself: intervals, times, lists of numbers with a NULL in them, maps,
    # bytes, a union, and two columns of one name
    other = """SELECT INTERVAL 3 DAY AS iv, TIME '10:00' AS tm, [1, NULL] AS li, MAP {'a': 1} AS mp,
        'x'::BLOB AS bl, union_value(k := 1) AS un, 1 AS x, 'a' AS x
        UNION ALL SELECT NULL, NULL, NULL, NULL, NULL, NULL, 2, 'b'"""
    local = {"kinds": kinds, "no row": kinds + " WHERE i > 5", "no text": "SELECT ns, ni FROM (" + kinds + ")",
             "more": more, "other": other}
    for name, sql, params in statements + [(name, sql, {}) for name, sql in local.items()]:
        on = cur if name not in local else memory
        expected = (on.execute(sql, params) if params else on.execute(sql)).df()
        got = queries.frame(on.execute(sql, params) if params else on.execute(sql))
        pd.testing.assert_frame_equal(got, expected, check_dtype=True, obj=name)


def _plain(value):
    """A cell as a reader takes it: None for a missing value, numbers as floats."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else value


@pytest.mark.parametrize("scope", [None, frozenset({"CB01", "CB03"})])
def test_queries_read_together_give_each_query_the_rows_it_gives_alone(sample_db, scope):
    """The rules' queries in one statement: each query's rows, in its own order, with the values
    it gives read alone (the independent method: ``run`` of each)."""
    from dashboard import rules

    cur = store.cursor(sample_db)
    calls = rules.reads(queries.all_cells(cur), dt.date(2026, 11, 26))
    assert len(calls) == 11
    together = queries.run_together(calls, cur=cur, scope=scope)
    assert list(together) == list(calls)
    found = 0
    for name, params in calls.items():
        alone = queries.run(name, cur=cur, scope=scope, **params)
        got = together[name]
        assert list(got.columns) == list(alone.columns), name
        assert [[_plain(v) for v in row] for row in got.itertuples(index=False)] == \
            [[_plain(v) for v in row] for row in alone.itertuples(index=False)], name
        found += len(alone)
    assert found > 0      # the sample has findings to compare (53 over every cell)


def test_queries_read_together_refuse_two_values_of_one_parameter(sample_db):
    cur = store.cursor(sample_db)
    with pytest.raises(queries.QueryError, match=r"\$branches"):
        queries.run_together({"rules.meeting_unexcused": {"branches": ["CB01"]},
                              "rules.meeting_attendance": {"branches": ["CB02"]}}, cur=cur)
