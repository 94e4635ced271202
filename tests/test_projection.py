"""Projections of actions and solutions, on hand-made report series worked out by hand."""

import datetime as dt

import pandas as pd
import pytest

from dashboard import projection, queries, store
from tests.rows import refresh

D = dt.date
TODAY = D(2026, 6, 30)


@pytest.fixture
def cur(empty_db):
    cur = store.cursor(empty_db)
    cur.execute("INSERT INTO branches (branch_code, branch_name, active, upload_id) VALUES ('X1', 'Chi bộ X1', TRUE, 0)")
    return cur


def action(cur, code, due, reports, solution=1, cell="X1"):
    cur.execute("INSERT INTO actions (action_code, branch_code, solution, description, starts_on, due_on, upload_id)"
                " VALUES ($c, $b, $s, 'x', DATE '2026-01-01', $d, 0)", {"c": code, "b": cell, "s": solution, "d": due})
    for on, percent in reports:
        status = "hoan_thanh" if percent == 100 else "dang_thuc_hien"
        cur.execute("INSERT INTO progress_reports (action_code, reported_on, percent, status, upload_id)"
                    " VALUES ($c, $o, $p, $s, 0)", {"c": code, "o": on, "p": percent, "s": status})


def project(cur, reports=3):
    refresh(cur)   # the rows above bypass the ingest: refill the marts as a commit does
    return queries.run("projections.actions", cur=cur, branches=["X1"], today=TODAY, stale_days=None,
                       reports=reports).set_index("action_code")


def test_each_kind_of_series(cur):
    # Steady: 20 % on 01/03, 35 % on 31/03, 50 % on 30/04 → 15 points in 30 days = 0,5 a day; the
    # last three reports lie on one line. From 50 % on 30/04: 50 ÷ 0,5 = 100 days → 08/08/2026,
    # 39 days after its due date 30/06/2026.
    action(cur, "STEADY", D(2026, 6, 30), [(D(2026, 1, 30), 0), (D(2026, 3, 1), 20), (D(2026, 3, 31), 35),
                                           (D(2026, 4, 30), 50)])
    # Flat: 40 % three times: not moving.
    action(cur, "FLAT", D(2026, 9, 30), [(D(2026, 3, 1), 40), (D(2026, 4, 1), 40), (D(2026, 5, 1), 40)])
    # Backwards: 60 then 50: a negative pace, not moving.
    action(cur, "BACK", D(2026, 9, 30), [(D(2026, 4, 1), 60), (D(2026, 5, 1), 50)])
    # Finished early: done on 10/05, due 30/09: lands on its done date, 143 days early.
    action(cur, "EARLY", D(2026, 9, 30), [(D(2026, 4, 10), 50), (D(2026, 5, 10), 100)])
    # One report: no pace yet.
    action(cur, "NEW", D(2026, 12, 31), [(D(2026, 6, 1), 10)])
    # In time: 0 on 01/06, 30 on 11/06 → 3 a day; 70 ÷ 3 = 23,3 → 24 days → 05/07/2026, due 31/12.
    action(cur, "QUICK", D(2026, 12, 31), [(D(2026, 6, 1), 0), (D(2026, 6, 11), 30)])
    # A report after today does not count.
    action(cur, "FUTURE", D(2026, 12, 31), [(D(2026, 6, 1), 0), (D(2026, 6, 11), 30), (D(2026, 7, 5), 99)])
    p = project(cur)
    assert p.loc["STEADY", "per_day"] == pytest.approx(0.5)
    assert (p.loc["STEADY", "projected_on"].date(), p.loc["STEADY", "days_late_projected"]) == (D(2026, 8, 8), 39)
    assert p.loc["FLAT", "pace_kind"] == "stalled" and pd.isna(p.loc["FLAT", "projected_on"])
    assert p.loc["BACK", "pace_kind"] == "stalled" and p.loc["BACK", "per_day"] == pytest.approx(-10 / 30)
    assert (p.loc["EARLY", "pace_kind"], p.loc["EARLY", "projected_on"].date()) == ("done", D(2026, 5, 10))
    assert p.loc["EARLY", "days_late_projected"] == -143
    assert p.loc["NEW", "pace_kind"] == "too_few"
    assert (p.loc["QUICK", "projected_on"].date(), p.loc["QUICK", "days_late_projected"]) == (D(2026, 7, 5), -179)
    assert p.loc["FUTURE", "projected_on"].date() == D(2026, 7, 5)
    words = {code: projection.action_words(row) for code, row in p.reset_index().set_index("action_code").iterrows()}
    # 0,5 a day is 15,2 points a month (30,4 days); 39 days late is 1,3 months.
    assert words["STEADY"] == ("Theo tốc độ hiện nay (15,2 điểm phần trăm mỗi tháng), đạt 100 % ngày 08/08/2026: "
                               "chậm 1,3 tháng so với hạn.")
    assert words["FLAT"] == "Không tiến triển: 3 lần báo cáo gần nhất không tăng (đang ở 40 %)."
    assert words["EARLY"] == "Đã hoàn thành ngày 10/05/2026."
    assert words["NEW"] == "Chưa đủ hai lần báo cáo để ước tính tốc độ."
    assert words["QUICK"].endswith("đạt 100 % ngày 05/07/2026, kịp hạn.")


def test_only_the_last_n_reports_set_the_pace(cur):
    # Fast at first (0 → 60 in January), slow since (60, 62, 64 a month apart): over the last
    # three reports the pace is 2 points in 30/31 days; over the last two, 2 in 31 days.
    action(cur, "SLOWED", D(2026, 12, 31), [(D(2026, 1, 1), 0), (D(2026, 1, 31), 60), (D(2026, 3, 3), 62),
                                            (D(2026, 4, 3), 64)])
    three, two = project(cur, 3), project(cur, 2)
    # Least squares through (0, 60), (31, 62), (62, 64): slope 4 / 62.
    assert three.loc["SLOWED", "per_day"] == pytest.approx(4 / 62)
    assert two.loc["SLOWED", "per_day"] == pytest.approx(2 / 31)
    # From 64 % on 03/04/2026: 36 ÷ (2/31) = 558 days → 13/10/2027.
    assert two.loc["SLOWED", "projected_on"].date() == D(2026, 4, 3) + dt.timedelta(days=558)


def test_a_solution_lands_when_its_last_action_does(cur):
    action(cur, "A", D(2026, 8, 31), [(D(2026, 6, 1), 0), (D(2026, 6, 11), 30)], solution=2)   # 05/07/2026
    action(cur, "B", D(2026, 8, 31), [(D(2026, 4, 1), 0), (D(2026, 5, 1), 30)], solution=2)    # 70 ÷ 1 → 10/07
    action(cur, "C", D(2026, 8, 31), [(D(2026, 4, 1), 40), (D(2026, 5, 1), 40)], solution=3)   # not moving
    groups = projection.by_group(project(cur).reset_index(), ["solution"]).set_index("solution")
    assert groups.loc[2, "finish_on"].date() == D(2026, 7, 10) and groups.loc[2, "days_late"] == -52
    assert projection.group_words(groups.loc[2].to_dict()) == "Dự kiến xong ngày 10/07/2026, kịp hạn."
    assert pd.isna(groups.loc[3, "finish_on"]) and groups.loc[3, "stalled"] == 1
    assert projection.group_words(groups.loc[3].to_dict()) == (
        "Chưa dự kiến được ngày xong: 1 nhiệm vụ chưa ước tính được tốc độ (1 không tiến triển).")


def test_an_unfinished_action_never_lands_before_today(cur):
    # 0 % on 01/03, 60 % on 31/03 → 2 points a day; 40 ÷ 2 = 20 days → 20/04/2026, already past
    # on 30/06/2026 though the action is at 60 %: it lands today, 30/06/2026, instead.
    # Due 31/12/2026: 184 days early (31 + 31 + 30 + 31 + 30 + 31), in time.
    action(cur, "LAPSED", D(2026, 12, 31), [(D(2026, 3, 1), 0), (D(2026, 3, 31), 60)], solution=4)
    # Due 15/06/2026: the past date would have read "in time"; landing today it is 15 days late.
    action(cur, "LAPSED_LATE", D(2026, 6, 15), [(D(2026, 3, 1), 0), (D(2026, 3, 31), 60)], solution=5)
    p = project(cur)
    assert (p.loc["LAPSED", "projected_on"].date(), p.loc["LAPSED", "days_late_projected"]) == (D(2026, 6, 30), -184)
    assert (p.loc["LAPSED_LATE", "projected_on"].date(), p.loc["LAPSED_LATE", "days_late_projected"]) == (
        D(2026, 6, 30), 15)
    # 2 a day is 60,9 points a month (30,44 days).
    assert projection.action_words(p.loc["LAPSED"].to_dict()) == (
        "Theo tốc độ hiện nay (60,9 điểm phần trăm mỗi tháng), đạt 100 % ngày 30/06/2026, kịp hạn.")
    assert projection.action_words(p.loc["LAPSED_LATE"].to_dict()) == (
        "Theo tốc độ hiện nay (60,9 điểm phần trăm mỗi tháng), đạt 100 % ngày 30/06/2026: chậm 15 ngày so với hạn.")
    groups = projection.by_group(p.reset_index(), ["solution"]).set_index("solution")
    assert groups.loc[5, "finish_on"].date() == D(2026, 6, 30) and groups.loc[5, "days_late"] == 15
