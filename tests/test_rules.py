"""Scores, levels, ranks and every regulation rule on small hand-made data sets.

Expected values are worked out by hand in each test, not copied from the code.
Rows are written straight into the store (as an older upload might have left
them), so that rules the upload validator would refuse can still be checked.
"""

import datetime as dt
import functools

import pandas as pd
import pytest

from dashboard import queries, rankings, rules, store

TODAY = dt.date(2026, 11, 26)
MAX = {"A1": 8, "A2": 8, "A3": 7, "A4": 7, "B1": 25, "B2": 15, "B3": 8, "B4": 6, "B5": 10, "B6": 6}


def insert(cur, table: str, rows: list[dict]) -> None:
    for row in rows:
        cols = ", ".join(f'"{c}"' for c in row) + ", upload_id"
        marks = ", ".join(f"${c}" for c in row) + ", 0"
        cur.execute(f"INSERT INTO {table} ({cols}) VALUES ({marks})", row)


def branches(cur, *codes):
    insert(cur, "branches", [{"branch_code": c, "branch_name": f"Chi bộ {c}", "active": True} for c in codes])


def score_rows(period: str, branch: str, total: float, missing: tuple[str, ...] = ()) -> list[dict]:
    """Scores adding up to ``total``: B1 takes what the others (at their maximum) leave."""
    rows = [{"period": period, "branch_code": branch, "criterion_code": code, "score": float(mx)}
            for code, mx in MAX.items() if code != "B1"]   # 75 points at their maximum
    b1 = total - sum(r["score"] for r in rows)
    assert 0 <= b1 <= 25, "pick totals between 75 and 100, or adjust"
    rows.append({"period": period, "branch_code": branch, "criterion_code": "B1", "score": b1})
    return [r for r in rows if r["criterion_code"] not in missing]


@pytest.fixture
def cur(empty_db):
    return store.cursor(empty_db)


@pytest.fixture
def run(cur):
    return functools.partial(queries.run, cur=cur)


def board(run, period, compare="previous"):
    return run("rankings.leaderboard", period=period, compare=compare).set_index("branch_code")


def test_totals_subtotals_levels_and_ranks(cur, run):
    branches(cur, "X1", "X2", "X3", "X4")
    insert(cur, "scores", score_rows("2025", "X1", 90.0) + score_rows("2025", "X2", 89.9)
           + score_rows("2025", "X3", 90.0) + score_rows("2025", "X4", 95.0, missing=("B6",)))
    b = board(run, "2025")
    # Common group A1–A4 = 8 + 8 + 7 + 7 = 30 at their maximum; the task group is the rest.
    assert b.loc["X1", "common_score"] == 30 and b.loc["X1", "task_score"] == 60
    assert b.loc["X2", "total_score"] == pytest.approx(89.9)
    # 90 is in the HTXSNV band (≥ 90), 89.9 in HTTNV; X1 and X3 tie and share rank 1; X2 is third.
    assert (b.loc["X1", "computed_level"], b.loc["X2", "computed_level"]) == ("HTXSNV", "HTTNV")
    assert (b.loc["X1", "rank"], b.loc["X3", "rank"], b.loc["X2", "rank"]) == (1, 1, 3)
    # X4 misses B6: shown as incomplete, not ranked, no level, although its partial sum is 89.
    assert not b.loc["X4", "complete"] and pd.isna(b.loc["X4", "rank"]) and pd.isna(b.loc["X4", "computed_level"])
    assert (b.loc["X4", "n_scored"], b.loc["X4", "n_expected"]) == (9, 10)


@pytest.mark.parametrize("total, level", [(100, "HTXSNV"), (90, "HTXSNV"), (89.9, "HTTNV"), (70, "HTTNV"),
                                          (69.9, "HTNV"), (50, "HTNV"), (49.9, "KHTNV"), (0, "KHTNV")])
def test_score_bands(cur, run, total, level):
    branches(cur, "X1")
    rows = [{"period": "2025", "branch_code": "X1", "criterion_code": c, "score": 0.0} for c in MAX]
    rows[4]["score"] = min(total, 25.0)  # B1
    rest = total - rows[4]["score"]
    for row in rows:
        if row["criterion_code"] != "B1" and rest > 0:
            row["score"] = min(MAX[row["criterion_code"]], round(rest, 1))
            rest = round(rest - row["score"], 1)
    assert sum(r["score"] for r in rows) == pytest.approx(total)
    insert(cur, "scores", rows)
    assert board(run, "2025").loc["X1", "computed_level"] == level


def test_change_against_previous_period_and_same_quarter_last_year(cur, run):
    branches(cur, "X1", "X2")
    insert(cur, "scores", score_rows("2024-Q2", "X1", 80) + score_rows("2024-Q2", "X2", 90)
           + score_rows("2025-Q1", "X1", 85) + score_rows("2025-Q1", "X2", 95)
           + score_rows("2025-Q2", "X1", 96) + score_rows("2025-Q2", "X2", 91))
    previous = board(run, "2025-Q2")          # against 2025-Q1
    assert previous.loc["X1", "rank_change"] == 1 and previous.loc["X1", "total_change"] == pytest.approx(11)
    assert previous.loc["X2", "rank_change"] == -1 and previous.loc["X2", "total_change"] == pytest.approx(-4)
    year_before = board(run, "2025-Q2", "year_before")   # against 2024-Q2
    assert year_before.loc["X1", "prev_period"] == "2024-Q2"
    assert year_before.loc["X1", "total_change"] == pytest.approx(16)
    assert year_before.loc["X2", "total_change"] == pytest.approx(1)
    # 2025-Q1 compares with 2024-Q4, which has no scores: no change to show.
    assert board(run, "2025-Q1")["total_change"].isna().all()


def test_why_compares_with_the_average_and_the_previous_period(cur, run):
    branches(cur, "X1", "X2")
    insert(cur, "scores", score_rows("2024", "X1", 80) + score_rows("2025", "X1", 90) + score_rows("2025", "X2", 80))
    why = run("rankings.why", period="2025", cell="X1", compare="previous").set_index("criterion_code")
    # The other criteria sit at their maximum (75 points); B1 carries the rest:
    # X1 has 90 − 75 = 15 in 2025, X2 has 5, and X1 had 5 in 2024.
    assert why.loc["B1", "score"] == 15 and why.loc["B1", "average"] == 10
    assert why.loc["B1", "against_average"] == 5 and why.loc["B1", "change"] == 10
    gains, losses = rankings.gains_and_losses(why.reset_index())
    assert list(gains["criterion_code"]) == ["B1"] and losses.empty


def member_rows(year, levels, branch="X1", disciplined=()):
    out_members, out_ratings = [], []
    for i, level in enumerate(levels, start=1):
        code = f"{branch}M{i:02d}"
        out_members.append({"member_code": code, "branch_code": branch, "kind": "chinh_thuc"})
        out_ratings.append({"year": year, "subject_kind": "dang_vien", "subject_code": code, "level": level,
                            "disciplined": i in disciplined, "regime": "366-QĐ/TW"})
    return out_members, out_ratings


def findings(run, branches_, **kw):
    return rules.collect(run, branches_, TODAY, **kw)


@pytest.mark.parametrize("excellent, good, breach", [(2, 9, True), (2, 10, False), (1, 5, False), (1, 4, True)])
def test_member_quota_is_counted_across_the_dang_bo(cur, run, excellent, good, breach):
    branches(cur, "X1", "X2")
    # Half of each level in each cell: the quota is about the whole Đảng bộ, not a cell.
    levels = ["HTXSNV"] * excellent + ["HTTNV"] * good
    m1, r1 = member_rows(2025, levels[::2], "X1")
    m2, r2 = member_rows(2025, levels[1::2], "X2")
    insert(cur, "members", m1 + m2)
    insert(cur, "ratings", r1 + r2)
    found = findings(run, ["X1", "X2"])
    quota = found[found["rule"] == "quota_members"]
    assert len(quota) == int(breach)
    if breach:
        row = quota.iloc[0]
        assert (row["severity"], row["year"], row["value"]) == ("error", 2025, excellent)
        assert row["limit_value"] == pytest.approx(0.2 * good)
        assert row["source"] == "366-QĐ/TW, 43-HD/BTCTW"
        assert f"{excellent} đảng viên được xếp loại Hoàn thành xuất sắc nhiệm vụ" in row["message"]


def test_quota_denominator_setting(cur, run):
    branches(cur, "X1")
    m, r = member_rows(2025, ["HTXSNV"] * 2 + ["HTTNV"] * 9)
    insert(cur, "members", m)
    insert(cur, "ratings", r)
    # 2 > 0.2 × 9 = 1.8 with HTTNV only; 2 ≤ 0.2 × 11 = 2.2 counting HTXSNV too.
    assert (findings(run, ["X1"], quota="httnv")["rule"] == "quota_members").sum() == 1
    assert (findings(run, ["X1"], quota="httnv_or_better")["rule"] == "quota_members").sum() == 0


def test_cell_quota(cur, run):
    branches(cur, "X1", "X2", "X3")
    insert(cur, "ratings", [{"year": 2024, "subject_kind": "chi_bo", "subject_code": c, "level": lv,
                             "disciplined": False, "regime": "124-QĐ/TW"}
                            for c, lv in (("X1", "HTXSNV"), ("X2", "HTTNV"), ("X3", "HTTNV"))])
    quota = findings(run, ["X1", "X2", "X3"])
    quota = quota[quota["rule"] == "quota_cells"]
    assert list(quota["value"]) == [1] and quota.iloc[0]["limit_value"] == pytest.approx(0.4)
    assert quota.iloc[0]["source"] == "124-QĐ/TW, 25-HD/BTCTW"


def test_disciplined_member_rated_too_high(cur, run):
    branches(cur, "X1")
    m, r = member_rows(2025, ["HTTNV", "HTNV", "KHTNV"], disciplined=(1, 2, 3))
    insert(cur, "members", m)
    insert(cur, "ratings", r)
    found = findings(run, ["X1"])
    high = found[found["rule"] == "disciplined_rated_high"]
    assert list(high["subject_code"]) == ["X1M01"] and list(high["severity"]) == ["error"]


def cell_rating(cur, year, branch, level):
    insert(cur, "ratings", [{"year": year, "subject_kind": "chi_bo", "subject_code": branch, "level": level,
                             "disciplined": False, "regime": "366-QĐ/TW"}])


def test_cell_rated_good_while_members_fall_short(cur, run):
    branches(cur, "X1", "X2")
    # X1: one member below HTNV (4 of 5 pass). X2: everyone passes but only 2 of 5 reach HTTNV (< 50 %).
    m1, r1 = member_rows(2025, ["HTTNV", "HTTNV", "HTTNV", "HTNV", "KHTNV"], "X1")
    m2, r2 = member_rows(2025, ["HTTNV", "HTTNV", "HTNV", "HTNV", "HTNV"], "X2")
    insert(cur, "members", m1 + m2)
    insert(cur, "ratings", r1 + r2)
    cell_rating(cur, 2025, "X1", "HTTNV")
    cell_rating(cur, 2025, "X2", "HTTNV")
    found = findings(run, ["X1", "X2"])
    short = found[found["rule"] == "cell_members_fall_short"].set_index("branch_code")
    assert set(short.index) == {"X1", "X2"} and set(short["severity"]) == {"warning"}
    assert "4/5 đảng viên đạt Hoàn thành nhiệm vụ trở lên và 3/5" in short.loc["X1", "message"]
    assert "5/5 đảng viên đạt Hoàn thành nhiệm vụ trở lên và 2/5" in short.loc["X2", "message"]


def test_more_than_a_fifth_disciplined(cur, run):
    branches(cur, "X1", "X2")
    m1, r1 = member_rows(2025, ["HTNV"] * 4 + ["KHTNV"], "X1", disciplined=(5,))         # 20 %: allowed
    m2, r2 = member_rows(2025, ["HTNV"] * 3 + ["KHTNV"] * 2, "X2", disciplined=(4, 5))   # 40 %
    insert(cur, "members", m1 + m2)
    insert(cur, "ratings", r1 + r2)
    cell_rating(cur, 2025, "X1", "HTNV")
    cell_rating(cur, 2025, "X2", "HTNV")
    found = findings(run, ["X1", "X2"])
    share = found[found["rule"] == "cell_disciplined_share"]
    assert list(share["branch_code"]) == ["X2"] and share.iloc[0]["value"] == pytest.approx(0.4)


def test_decided_level_out_of_line_with_the_score(cur, run):
    branches(cur, "X1", "X2")
    insert(cur, "scores", score_rows("2025", "X1", 87.5) + score_rows("2025", "X2", 92))
    cell_rating(cur, 2025, "X1", "HTXSNV")   # band says HTTNV
    cell_rating(cur, 2025, "X2", "HTXSNV")   # in line
    found = findings(run, ["X1", "X2"])
    out = found[found["rule"] == "level_out_of_band"]
    assert list(out["branch_code"]) == ["X1"]
    assert out.iloc[0]["message"] == ("Năm 2025: Chi bộ X1 được quyết định Hoàn thành xuất sắc nhiệm vụ nhưng "
                                      "tổng điểm 87,5 thuộc mức Hoàn thành tốt nhiệm vụ.")


def meeting(branch, day, kind="thuong_ky", total=10, exempt=0, present=10, excused=0, unexcused=0, minutes=100):
    return {"branch_code": branch, "held_on": day, "kind": kind, "members_total": total, "members_exempt": exempt,
            "present": present, "absent_excused": excused, "absent_unexcused": unexcused, "minutes": minutes}


def test_meetings_counted_in_finished_years_only(cur, run):
    branches(cur, "X1")
    rows = [meeting("X1", dt.date(2025, m, 5)) for m in range(1, 12)]            # 11 regular
    rows += [meeting("X1", dt.date(2025, m, 20), "chuyen_de") for m in (3, 6)]   # 2 thematic
    rows += [meeting("X1", dt.date(2025, 12, 5), "ket_hop", minutes=130)]       # counts as both
    rows += [meeting("X1", dt.date(2026, 1, 5))]                                 # 2026 is not over
    insert(cur, "meetings", rows)
    found = findings(run, ["X1"])
    per_year = found[found["rule"].isin(["meetings_regular", "meetings_thematic"])]
    # 2025: 12 regular (11 + the combined one) meets the rule; 3 thematic (2 + combined) < 4.
    assert list(zip(per_year["rule"], per_year["year"], per_year["value"])) == [("meetings_thematic", 2025, 3)]


def test_attendance_unexcused_and_length(cur, run):
    branches(cur, "X1")
    insert(cur, "meetings", [
        meeting("X1", dt.date(2025, 1, 5), total=20, exempt=0, present=17, excused=3),   # 85 %: not above
        meeting("X1", dt.date(2025, 2, 5), total=20, exempt=2, present=16, excused=2),   # 16/18 = 88.9 %
        meeting("X1", dt.date(2025, 3, 5), total=10, present=9, unexcused=1, minutes=89),
        meeting("X1", dt.date(2025, 4, 5), "ket_hop", minutes=119),
        meeting("X1", dt.date(2025, 5, 5), "ket_hop", minutes=120),
    ])
    found = findings(run, ["X1"])
    by_rule = {r: list(g["message"]) for r, g in found.groupby("rule")}
    assert by_rule["meeting_attendance"] == [
        "Chi bộ X1, buổi sinh hoạt ngày 05/01/2025: tỷ lệ dự 85,0 %, không trên 85,0 %."]
    assert by_rule["meeting_unexcused"] == [
        "Chi bộ X1, buổi sinh hoạt ngày 05/03/2025: 1 đảng viên vắng không lý do."]
    assert by_rule["meeting_too_short"] == [
        "Chi bộ X1, buổi sinh hoạt ngày 05/03/2025: 89 phút, dưới 90 phút.",
        "Chi bộ X1, buổi sinh hoạt ngày 05/04/2025: 119 phút, dưới 120 phút."]
    assert set(found.loc[found["rule"] == "meeting_unexcused", "severity"]) == {"info"}


def test_member_absent_more_than_three_meetings_in_a_row(cur, run):
    branches(cur, "X1")
    days = [dt.date(2025, m, 10) for m in range(1, 10)]
    insert(cur, "meetings", [meeting("X1", d, present=9, excused=1) for d in days])
    insert(cur, "members", [{"member_code": "A", "branch_code": "X1"}, {"member_code": "B", "branch_code": "X1"}])
    # A misses January–April (4 in a row); B misses Jan–Mar, attends April, misses May–July (3 and 3).
    absent = [("A", d) for d in days[:4]] + [("B", d) for d in days[:3] + days[4:7]] + [("A", days[8])]
    insert(cur, "absences", [{"branch_code": "X1", "held_on": d, "member_code": m, "excused": True}
                             for m, d in absent])
    found = findings(run, ["X1"])
    runs = found[found["rule"] == "consecutive_absences"]
    assert list(runs["subject_code"]) == ["A"] and list(runs["value"]) == [4]
    assert "(10/01/2025 – 10/04/2025)" in runs.iloc[0]["message"]


def test_findings_are_sorted_errors_first_and_scoped(cur, run):
    branches(cur, "X1", "X2")
    m, r = member_rows(2025, ["HTTNV"], "X2", disciplined=(1,))
    insert(cur, "members", m)
    insert(cur, "ratings", r)
    insert(cur, "meetings", [meeting("X1", dt.date(2025, 1, 5), present=9, unexcused=1),
                             meeting("X2", dt.date(2025, 1, 5), present=9, unexcused=1)])
    found = findings(run, ["X1", "X2"])
    assert list(found["severity"]) == sorted(found["severity"], key=rules.SEVERITY_ORDER.get)
    only_x1 = findings(run, ["X1"])
    assert set(only_x1["branch_code"].dropna()) == {"X1"}


def test_a_partial_first_year_is_not_held_against_the_meeting_count(cur, run):
    insert(cur, "branches", [{"branch_code": "X1", "branch_name": "Chi bộ X1", "active": True,
                              "founded_on": dt.date(2024, 6, 1)}])
    rows = [meeting("X1", dt.date(2024, m, 5)) for m in range(6, 13)]          # founded in June: 7 in 2024
    rows += [meeting("X1", dt.date(2025, m, 5)) for m in range(1, 12)]         # 11 in 2025: short
    insert(cur, "meetings", rows)
    found = findings(run, ["X1"])
    regular = found[found["rule"] == "meetings_regular"]
    assert list(zip(regular["year"], regular["value"])) == [(2025, 11)]


def test_flag_text_shows_only_what_is_there():
    assert rankings.flag_text(None) == ""
    assert rankings.flag_text((0, 2)) == "2 cảnh báo"
    assert rankings.flag_text((1, 0)) == "1 lỗi"
    assert rankings.flag_text((1, 3), "en") == "1 errors · 3 warnings"


def test_two_meetings_on_one_day_count_once_in_an_absence_run(cur, run):
    branches(cur, "X1")
    days = [dt.date(2025, m, 10) for m in range(1, 5)]
    rows = [meeting("X1", d, present=9, excused=1) for d in days]
    rows.append(meeting("X1", days[1], "chuyen_de", present=9, excused=1))   # same day as February's
    insert(cur, "meetings", rows)
    insert(cur, "members", [{"member_code": "A", "branch_code": "X1"}])
    insert(cur, "absences", [{"branch_code": "X1", "held_on": d, "member_code": "A", "excused": True}
                             for d in days[:3]])
    # Three meeting days in a row, not four.
    assert (findings(run, ["X1"])["rule"] == "consecutive_absences").sum() == 0
