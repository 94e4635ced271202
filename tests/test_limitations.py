"""The four limitations measured per cell and period, on small hand-made data sets.

Rows go straight into the store; expected values are worked out by hand in each test.
"""

import datetime as dt
import functools

import pytest

from dashboard import queries, store
from tests.rows import insert

D = dt.date
TODAY = D(2026, 6, 30)




@pytest.fixture
def cur(empty_db):
    cur = store.cursor(empty_db)
    insert(cur, "branches", [{"branch_code": c, "branch_name": f"Chi bộ {c}", "active": True} for c in ("X1", "X2")])
    return cur


@pytest.fixture
def run(cur):
    return functools.partial(queries.run, cur=cur)


def test_uptake_late_on_time_and_missing_plans(cur, run):
    # Received 01/03; no due date given: due 30 days later, 31/03. X1 plans on 20/03 (on time,
    # 19 days, made concrete); X2 on 15/04 (15 days late); the Đảng ủy never (91 days late by 30/06).
    insert(cur, "resolutions", [{"doc_number": "57-NQ/TW", "title": "Nghị quyết 57", "issued_on": D(2026, 2, 20),
                                 "received_on": D(2026, 3, 1)}])
    insert(cur, "resolution_uptake", [
        {"doc_number": "57-NQ/TW", "branch_code": "X1", "studied_on": D(2026, 3, 10), "attended": 2,
         "plan_issued_on": D(2026, 3, 20), "made_concrete": True},
        {"doc_number": "57-NQ/TW", "branch_code": "X2", "plan_issued_on": D(2026, 4, 15), "made_concrete": False}])
    insert(cur, "members", [{"member_code": f"M{i}", "branch_code": "X1", "joined_on": D(2020, 1, 1)}
                            for i in range(4)])
    rows = run("limitations.uptake", branches=["X1", "X2"], today=TODAY, plan_days=30).set_index("branch_code")
    assert rows.loc["X1", "due_on"].date() == D(2026, 3, 31)
    assert (rows.loc["X1", "on_time"], rows.loc["X1", "days_to_plan"], rows.loc["X1", "days_late"]) == (True, 19, 0)
    assert rows.loc["X1", "attendance"] == pytest.approx(2 / 4)
    assert (rows.loc["X2", "on_time"], rows.loc["X2", "days_late"]) == (False, 15)
    assert (rows.loc["DANG_UY", "on_time"], rows.loc["DANG_UY", "days_late"]) == (False, 91)
    # A plan due date written in the file wins over the 30 days.
    cur.execute("UPDATE resolutions SET plan_due_on = DATE '2026-04-30'")
    rows = run("limitations.uptake", branches=["X1", "X2"], today=TODAY, plan_days=30).set_index("branch_code")
    assert (rows.loc["X2", "on_time"], rows.loc["X2", "days_late"]) == (True, 0)
    # Per unit and the period of the due date (2026-Q2 now): X1 and X2 on time, the Đảng ủy late.
    by_unit = run("limitations.l1_by_unit", branches=["X1", "X2"], today=TODAY, plan_days=30, period="2026-Q2",
                  periods=2).set_index(["period", "branch_code"])
    assert by_unit.loc[("2026-Q2", "X1"), ["due", "on_time", "concrete", "late"]].tolist() == [1, 1, 1, 0]
    assert by_unit.loc[("2026-Q2", "DANG_UY"), ["due", "on_time", "late"]].tolist() == [1, 0, 1]
    # A scoped reader sees neither the other cell nor the Đảng ủy.
    scoped = run("limitations.uptake", branches=["X1", "X2"], scope=frozenset({"X1"}), today=TODAY, plan_days=30)
    assert set(scoped["branch_code"]) == {"X1"}


def test_committee_meetings_targets_and_committee_ratings(cur, run):
    # 2026-Q1: X1's committee met in January (3 of 3) and March (2 of 3), deciding on the
    # political task once; X1's cell meetings: 2 recorded, 1 with concrete targets, 1 unrecorded.
    insert(cur, "committee_meetings", [
        {"branch_code": "X1", "held_on": D(2026, 1, 8), "committee_size": 3, "present": 3, "political_task_discussed": True},
        {"branch_code": "X1", "held_on": D(2026, 3, 9), "committee_size": 3, "present": 2, "political_task_discussed": False}])
    base = {"members_total": 5, "members_exempt": 0, "present": 5, "absent_excused": 0, "absent_unexcused": 0}
    insert(cur, "meetings", [{"branch_code": "X1", "held_on": D(2026, m, 5), "kind": "thuong_ky", **base,
                              **({"concrete_targets": t} if t is not None else {})}
                             for m, t in ((1, True), (2, False), (3, None))])
    insert(cur, "members", [{"member_code": "B", "branch_code": "X1", "party_role": "Bí thư"},
                            {"member_code": "P", "branch_code": "X1", "party_role": "Phó Bí thư"},
                            {"member_code": "E", "branch_code": "X1", "party_role": "Đảng viên"}])
    insert(cur, "ratings", [{"year": 2026, "subject_kind": "dang_vien", "subject_code": c, "level": lv, "disciplined": False}
                            for c, lv in (("B", "HTTNV"), ("P", "HTNV"), ("E", "HTXSNV"))])
    rows = run("limitations.l2_by_cell", branches=["X1", "X2"], today=TODAY, period="2026-Q1",
               periods=1).set_index("branch_code")
    x1 = rows.loc["X1"]
    assert [x1[c] for c in ("months_begun", "committee_meetings", "committee_present", "committee_seats",
                            "political_task", "meetings_recorded", "with_targets")] == [3, 2, 5, 6, 1, 2, 1]
    # Committee members rated: B (HTTNV) and P (HTNV); E holds no post.
    assert (x1["committee_rated"], x1["committee_good"]) == (2, 1)
    assert rows.loc["X2", "committee_meetings"] == 0
    # The current quarter has begun 3 months by 30/06; the next one none.
    assert run("limitations.l2_by_cell", branches=["X1"], today=D(2026, 5, 2), period="2026-Q2",
               periods=1).iloc[0]["months_begun"] == 2


def test_self_criticism_and_criticism_of_heads(cur, run):
    base = {"kind": "thuong_ky", "members_total": 5, "members_exempt": 0, "present": 5, "absent_excused": 0,
            "absent_unexcused": 0}
    insert(cur, "meetings", [
        {"branch_code": "X1", "held_on": D(2025, 1, 5), "self_criticism": True, "criticism_of_heads": 2, **base},
        {"branch_code": "X1", "held_on": D(2025, 2, 5), "self_criticism": False, "criticism_of_heads": 0, **base},
        {"branch_code": "X1", "held_on": D(2025, 3, 5), **base},
        {"branch_code": "X2", "held_on": D(2025, 1, 7), "self_criticism": True, "criticism_of_heads": 0, **base}])
    rows = run("limitations.l3_by_cell", branches=["X1", "X2"], period="2025", periods=1).set_index("branch_code")
    assert rows.loc["X1", ["meetings", "criticism_recorded", "with_self_criticism", "heads_recorded",
                           "criticism_of_heads"]].tolist() == [3, 2, 1, 2, 2]
    # X2: recorded, and its head never criticised.
    assert rows.loc["X2", ["heads_recorded", "criticism_of_heads"]].tolist() == [1, 0]


def test_commitments_kept_and_post_holders_apart(cur, run):
    insert(cur, "members", [{"member_code": "B", "branch_code": "X1", "party_role": "Bí thư"},
                            {"member_code": "C", "branch_code": "X1", "party_role": "Chi ủy viên"},
                            {"member_code": "E", "branch_code": "X1", "party_role": "Đảng viên"},
                            {"member_code": "F", "branch_code": "X1", "party_role": None,
                             "left_on": D(2025, 6, 30)}])
    insert(cur, "commitments", [{"year": 2025, "member_code": "B", "committed": True, "kept": "chua_dat"},
                                {"year": 2025, "member_code": "C", "committed": True, "kept": "tot"},
                                {"year": 2025, "member_code": "E", "committed": True, "kept": "dat"},
                                {"year": 2024, "member_code": "E", "committed": False}])
    insert(cur, "ratings", [{"year": 2025, "subject_kind": "dang_vien", "subject_code": "E", "level": "KHTNV",
                             "disciplined": True, "discipline_form": "khien_trach"}])
    rows = run("limitations.l4_by_cell", branches=["X1"], today=TODAY, period="2025", periods=2).set_index("period")
    # 2025: F left in June, so 3 members at the year's end; B, C, E committed; C and E kept; B did
    # not. Post holders: B and C, one kept.
    assert rows.loc["2025", ["members", "committed", "kept", "not_kept", "post_members", "post_committed",
                             "post_kept", "disciplined"]].tolist() == [3, 3, 2, 1, 2, 2, 1, 1]
    # 2024: four members at its end (F still there), none committed.
    assert rows.loc["2024", ["members", "committed", "kept"]].tolist() == [4, 0, 0]


def test_a_source_s_sums_and_counts_are_those_of_a_pandas_groupby():
    """``Split`` counts with numpy; pandas' own groupby (sum, count of values) is the reference,
    on frames with missing keys, missing values, integers and fractions, in any order."""
    import numpy as np
    import pandas as pd

    from dashboard.limitations import Split

    rng = np.random.default_rng(7)
    for rows in (0, 1, 16, 500):
        cells = rng.choice(["CB01", "CB02", "CB03", None], size=rows).tolist()
        periods = rng.choice(["2024", "2025", "2025-Q1", None], size=rows, p=[0.3, 0.3, 0.3, 0.1]).tolist()
        kept = rng.integers(0, 9, size=rows)
        share = np.where(rng.random(rows) < 0.2, np.nan, rng.random(rows))
        frame = pd.DataFrame({"branch_code": pd.array(cells, dtype="str"), "period": pd.array(periods, dtype="str"),
                              "ord": np.arange(rows, dtype="int32"), "kept": kept,
                              "judged": pd.array(np.where(rng.random(rows) < 0.1, None, kept + 1).tolist(), dtype="Int64"),
                              "a2_share": share})
        split = Split(frame)
        numbers = ["kept", "judged", "a2_share"]
        for keys, got in (("period", split.by_period), (["branch_code", "period"], split.by_unit)):
            grouped = frame.groupby(keys)[numbers]
            sums, counts = grouped.sum(), grouped.count()
            assert len(got) == len(sums)
            for key in sums.index:
                want_sums, want_counts = sums.loc[key].to_dict(), counts.loc[key].to_dict()
                got_sums, got_counts = got[key]
                assert got_counts == {c: int(want_counts[c]) for c in numbers}, key
                assert got_sums == pytest.approx({c: float(want_sums[c]) for c in numbers}), key
