"""Properties of the ranking and the quota, whatever the scores and whatever the row order."""

import datetime as dt
import functools
import random

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dashboard import queries, rankings, rules, store
from tests.rows import refresh

pytestmark = pytest.mark.slow      # dozens of random stores each

MAX = {"A1": 8, "A2": 8, "A3": 7, "A4": 7, "B1": 25, "B2": 15, "B3": 8, "B4": 6, "B5": 10, "B6": 6}
CELLS = ["P1", "P2", "P3", "P4", "P5", "P6"]


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("props") / "props.duckdb"
    cur = store.connect(path).cursor()
    cur.execute("INSERT INTO branches (branch_code, branch_name, active, upload_id) "
                "SELECT unnest($c), 'Chi bộ ' || unnest($c), TRUE, 0", {"c": CELLS})
    yield path
    store.close_all()


def reset(cur, table):
    cur.execute(f"DELETE FROM {table}")


# Scores drawn from few values per criterion, so that equal totals (ties) happen often.
cell_scores = st.fixed_dictionaries({c: st.sampled_from([0.0, mx / 2, float(mx)]) for c, mx in MAX.items()})


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(scores=st.lists(cell_scores, min_size=2, max_size=6), seed=st.integers(0, 10_000))
def test_ranking_is_the_sum_ranked_with_shared_ties_whatever_the_row_order(db, scores, seed):
    cur = store.cursor(db)
    reset(cur, "scores")
    rows = [(cell, code, value) for cell, s in zip(CELLS, scores) for code, value in s.items()]
    random.Random(seed).shuffle(rows)
    cur.execute("INSERT INTO scores (period, branch_code, criterion_code, score, upload_id) "
                "SELECT '2025', unnest($b), unnest($c), unnest($s), 0",
                {"b": [r[0] for r in rows], "c": [r[1] for r in rows], "s": [r[2] for r in rows]})
    refresh(cur)
    board = queries.run("rankings.leaderboard", cur=cur, period="2025", compare="previous",
                        branches=CELLS[:len(scores)]).set_index("branch_code")
    totals = {cell: sum(s.values()) for cell, s in zip(CELLS, scores)}
    for cell, total in totals.items():
        assert board.loc[cell, "total_score"] == pytest.approx(total)
        assert board.loc[cell, "common_score"] + board.loc[cell, "task_score"] == pytest.approx(total)
        # Competition ranking: one more than the number of cells strictly ahead; ties share it.
        assert board.loc[cell, "rank"] == 1 + sum(1 for other in totals.values() if other > total + 1e-9)


levels = st.lists(st.sampled_from(["HTXSNV", "HTTNV", "HTNV", "KHTNV"]), min_size=1, max_size=40)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(levels=levels, seed=st.integers(0, 10_000))
def test_member_quota_agrees_with_a_direct_count(db, levels, seed):
    cur = store.cursor(db)
    reset(cur, "ratings")
    reset(cur, "members")
    rng = random.Random(seed)
    members = [(f"M{i:03d}", rng.choice(CELLS)) for i in range(len(levels))]
    cur.execute("INSERT INTO members (member_code, branch_code, upload_id) SELECT unnest($m), unnest($b), 0",
                {"m": [m for m, _ in members], "b": [b for _, b in members]})
    cur.execute("INSERT INTO ratings (year, subject_kind, subject_code, level, disciplined, upload_id) "
                "SELECT 2025, 'dang_vien', unnest($m), unnest($l), FALSE, 0",
                {"m": [m for m, _ in members], "l": levels})
    refresh(cur)
    run = functools.partial(queries.run, cur=cur)
    # Strict arithmetic in integers: n HTXSNV may not exceed ⌊n_HTTNV / 5⌋ (20 %, rounded down).
    breach = levels.count("HTXSNV") > levels.count("HTTNV") // 5
    found = rules.collect(run, CELLS, dt.date(2026, 11, 26), quota=rules.QuotaSettings())
    assert ((found["rule"] == "quota_members").sum() == 1) == breach
    # Per cell, each pool on its own.
    per_cell = rules.collect(run, CELLS, dt.date(2026, 11, 26), quota=rules.QuotaSettings(pool="chi_bo"))
    cells_over = {b for b in CELLS
                  if sum(1 for (_, c), lv in zip(members, levels) if c == b and lv == "HTXSNV")
                  > sum(1 for (_, c), lv in zip(members, levels) if c == b and lv == "HTTNV") // 5}
    assert set(per_cell.loc[per_cell["rule"] == "quota_members", "branch_code"]) == cells_over


def test_flags_count_each_cells_errors_and_warnings_of_the_year():
    findings = pd.DataFrame({
        "year": [2025, 2025, 2025, 2025, 2024, 2025],
        "branch_code": ["CB01", "CB01", "CB02", None, "CB02", "CB01"],
        "severity": ["error", "warning", "warning", "error", "error", "warning"],
    })
    # CB01: one error, two warnings in 2025; CB02: one warning (its error is 2024's); the
    # Đảng bộ-wide finding (no cell) belongs to no cell.
    assert rankings.flags(findings, 2025) == {"CB01": (1, 2), "CB02": (0, 1)}
    assert rankings.flags(findings, 2024) == {"CB02": (1, 0)}
    assert rankings.flags(findings.iloc[:0], 2025) == {}
