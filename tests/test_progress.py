"""Progress arithmetic on hand-made series, through the real ingest, the real SQL and DuckDB.

Five actions, uploaded as a workbook like a user's. Expected values are worked out by hand
in the comments; "today" is passed in, never read from the clock.

    A1  CB01  GP1  01/01–30/06/2026  10 % (15/01), 40 % (15/03), 30 % (15/05: back 10),
                                      100 % done (10/07: 10 days late)
    A2  CB01  GP2  01/02–31/08/2026  20 % (20/02), 50 % (20/06); overdue since 31/08
    A3  CB02  GP1  01/03–31/12/2026  60 % (05/11)
    A4  CB02  GP2  01/09–31/12/2026  never reported
    A5  Đảng ủy GP3 01/01–31/03/2026  100 % done on 31/03 (on time)
"""

import datetime as dt

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dashboard import ingest, progress, queries, store
from tests.rows import refresh
from tests.workbooks import BRANCHES, xlsx_bytes

TODAY = dt.date(2026, 11, 26)
ACTIONS = [
    ["A1", "CB01", 1, "Học tập nghị quyết", "01/01/2026", "30/06/2026", "Bí thư"],
    ["A2", "CB01", 2, "Nêu gương", "01/02/2026", "31/08/2026", "Phó Bí thư"],
    ["A3", "CB02", 1, "Cụ thể hóa nghị quyết", "01/03/2026", "31/12/2026", "Bí thư"],
    ["A4", "CB02", 2, "Kiểm điểm", "01/09/2026", "31/12/2026", None],
    ["A5", "DANG_UY", 3, "Kiện toàn tổ chức", "01/01/2026", "31/03/2026", "Bí thư Đảng ủy"],
]
REPORTS = [
    ["A1", "15/01/2026", 10, "dang_thuc_hien", None],
    ["A1", "15/03/2026", 40, "dang_thuc_hien", None],
    ["A1", "15/05/2026", 30, "dang_thuc_hien", "điều chỉnh giảm"],
    ["A1", "10/07/2026", 100, "hoan_thanh", None],
    ["A2", "20/02/2026", 20, "dang_thuc_hien", None],
    ["A2", "20/06/2026", 50, "dang_thuc_hien", None],
    ["A3", "05/11/2026", 60, "dang_thuc_hien", None],
    ["A5", "31/03/2026", 100, "hoan_thanh", None],
]
ALL = ["CB01", "CB02"]


@pytest.fixture
def db(empty_db):
    batch = ingest.prepare([("tien-do.xlsx", xlsx_bytes({"chi_bo": BRANCHES, "giai_phap": ACTIONS,
                                                          "tien_do_giai_phap": REPORTS}))],
                           store.cursor(empty_db), today=TODAY)
    assert batch.ok, [p.message() for p in batch.errors]
    ingest.commit(batch, who="kiểm thử", source="cli", path=empty_db)
    return empty_db


def run(name, **params):
    return queries.run(name, cur=store.cursor(), **params)


# The Đảng ủy's own actions count for a caller who sees every cell and looks at all of them; a
# caller limited to cells (even to all of them) never sees them. The query runner decides.
def seen_by(committee):
    return None if committee else frozenset(ALL)


def actions_on(day, committee=True, branches=ALL):
    frame = run("solutions.actions", branches=branches, scope=seen_by(committee), today=day)
    return frame.set_index("action_code")


def test_latest_report_percent_status_and_done_date(db):
    a = actions_on(TODAY)
    assert list(a.index) == ["A1", "A3", "A2", "A4", "A5"]      # by solution, then due date
    assert a.loc["A1", "percent"] == 100 and a.loc["A1", "status"] == "hoan_thanh"
    assert a.loc["A1", "done_on"] == pd.Timestamp(2026, 7, 10)
    assert a.loc["A2", "percent"] == 50 and a.loc["A2", "last_reported_on"] == pd.Timestamp(2026, 6, 20)
    assert a.loc["A4", "percent"] == 0 and a.loc["A4", "status"] == "chua_bat_dau"
    assert a.loc["A4", "reports"] == 0 and pd.isna(a.loc["A4", "last_reported_on"])


def test_overdue_and_days_late_on_the_day_passed_in(db):
    a = actions_on(TODAY)
    # A2: due 31/08, not done on 26/11: 30 (Sep) + 31 (Oct) + 26 (Nov) = 87 days.
    assert a.loc["A2", "overdue"] and a.loc["A2", "days_late"] == 87 and not a.loc["A2", "on_time"]
    # A1 finished 10/07, ten days after 30/06: late, but no longer overdue.
    assert not a.loc["A1", "overdue"] and a.loc["A1", "days_late"] == 10 and not a.loc["A1", "on_time"]
    # A3, A4 not yet due; A5 done on its due date.
    for code in ("A3", "A4", "A5"):
        assert not a.loc[code, "overdue"] and a.loc[code, "days_late"] == 0 and a.loc[code, "on_time"], code
    # On 31/08 itself A2 is not yet late; on 01/09 it is, by one day.
    assert not actions_on(dt.date(2026, 8, 31)).loc["A2", "overdue"]
    late = actions_on(dt.date(2026, 9, 1)).loc["A2"]
    assert late["overdue"] and late["days_late"] == 1


def test_a_report_after_the_day_does_not_count(db):
    a = actions_on(dt.date(2026, 6, 1))
    assert a.loc["A1", "percent"] == 30 and a.loc["A1", "last_reported_on"] == pd.Timestamp(2026, 5, 15)
    assert a.loc["A1", "status"] == "dang_thuc_hien" and pd.isna(a.loc["A1", "done_on"])
    assert a.loc["A3", "percent"] == 0 and a.loc["A3", "reports"] == 0
    # A5 was done on 31/03, before 01/06: done and on time.
    assert a.loc["A5", "status"] == "hoan_thanh" and a.loc["A5", "on_time"]


def test_going_backwards_is_flagged_with_the_drop_and_its_date(db):
    a = actions_on(TODAY)
    assert a.loc["A1", "went_backwards"] and a.loc["A1", "largest_drop"] == 10
    assert a.loc["A1", "last_drop_on"] == pd.Timestamp(2026, 5, 15)
    assert not a[a.index != "A1"]["went_backwards"].any()
    # Before the drop was reported, nothing had gone backwards.
    assert not actions_on(dt.date(2026, 5, 14)).loc["A1", "went_backwards"]


def test_stale_counts_days_since_the_last_report_or_the_start(db):
    a = progress.with_stale(actions_on(TODAY).reset_index(), 45).set_index("action_code")
    # A2: last report 20/06 → 159 days; A4: never reported, started 01/09 → 86 days; A3: 21 days.
    assert a.loc["A2", "days_since_report"] == 159 and a.loc["A2", "stale"]
    assert a.loc["A4", "days_since_report"] == 86 and a.loc["A4", "stale"]
    assert a.loc["A3", "days_since_report"] == 21 and not a.loc["A3", "stale"]
    # Done actions are never stale, however old their last report.
    assert not a.loc["A1", "stale"] and not a.loc["A5", "stale"]
    # The threshold is a setting: at 160 days A2 is not stale yet; at 86, A4 just is.
    assert not progress.with_stale(a.reset_index(), 160).set_index("action_code").loc["A2", "stale"]
    assert progress.with_stale(a.reset_index(), 86).set_index("action_code").loc["A4", "stale"]
    # An action that has not started is not stale.
    early = progress.with_stale(actions_on(dt.date(2026, 8, 1)).reset_index(), 45).set_index("action_code")
    assert pd.isna(early.loc["A4", "days_since_report"]) and not early.loc["A4", "stale"]


def test_progress_over_time_carries_the_last_report_forward(db):
    timeline = run("solutions.timeline", branches=ALL, today=TODAY, unit=None)
    series = progress.series_by_solution(timeline)
    one = series[series["solution"] == 1].set_index("on_date")["percent"]
    # GP1 = mean of A1 and A3. A1: 10 from 15/01 (carried through February), 40 from 15/03,
    # 30 from 15/05, 100 from 10/07; A3: 0 until its first report on 05/11, then 60.
    expected = {"2026-01-31": 5.0, "2026-02-28": 5.0, "2026-03-31": 20.0, "2026-04-30": 20.0,
                "2026-05-31": 15.0, "2026-06-30": 15.0, "2026-07-31": 50.0, "2026-08-31": 50.0,
                "2026-09-30": 50.0, "2026-10-31": 50.0, "2026-11-26": 80.0}
    assert {str(pd.Timestamp(d).date()): v for d, v in one.items()} == expected
    two = series[series["solution"] == 2].set_index("on_date")
    # GP2 = mean of A2 (20 from 20/02, 50 from 20/06) and A4 (never reported: 0).
    assert list(two["percent"]) == [0, 10, 10, 10, 10, 25, 25, 25, 25, 25, 25]
    # A2 is overdue from September's month end (due 31/08 is not late on 31/08 itself).
    assert list(two["overdue"]) == [0] * 8 + [1, 1, 1]


def solutions_on(today, **params):
    """The six solutions with the actions of ALL summed (progress.by_solution)."""
    return progress.by_solution(run("solutions.by_solution", branches=ALL, today=today, **params),
                                run("reference.solutions"))


def test_last_point_of_the_timeline_equals_the_latest_progress(db):
    for committee in (True, False):
        timeline = run("solutions.timeline", branches=ALL, scope=seen_by(committee), today=TODAY, unit=None)
        by_solution = solutions_on(TODAY, scope=seen_by(committee))
        last = progress.series_by_solution(timeline).groupby("solution").last()
        with_actions = by_solution[by_solution["actions"] > 0].set_index("solution")
        assert dict(last["percent"]) == pytest.approx(dict(with_actions["percent"]))
        assert dict(last["overdue"]) == dict(with_actions["overdue"])
    # GP1 (100 + 60) / 2 = 80, GP2 (50 + 0) / 2 = 25, GP3 (Đảng ủy) 100: mean of the three.
    by_solution = solutions_on(TODAY)
    assert progress.overall_progress(by_solution) == pytest.approx((80 + 25 + 100) / 3)
    assert progress.lagging_solution(by_solution) == (2, 25.0)
    without = solutions_on(TODAY, scope=seen_by(False))
    assert progress.overall_progress(without) == pytest.approx((80 + 25) / 2)


def test_overall_progress_over_time_is_the_mean_of_the_solutions():
    timeline = pd.DataFrame({
        "on_date": pd.to_datetime(["2026-10-31", "2026-10-31", "2026-11-26", "2026-11-26", "2026-11-26"]),
        "solution": [1, 2, 1, 1, 2],            # two rows of solution 1 on 26/11: two units
        "actions": [2, 1, 2, 2, 1],
        "percent_sum": [100.0, 30.0, 150.0, 50.0, 90.0],
        "overdue": [1, 0, 0, 1, 1],
    })
    overall = progress.overall_series(timeline)
    # 31/10: GP1 100 / 2 = 50, GP2 30 → 40; 26/11: GP1 (150 + 50) / 4 = 50, GP2 90 → 70.
    assert [str(d.date()) for d in overall["on_date"]] == ["2026-10-31", "2026-11-26"]
    assert list(overall["percent"]) == [40.0, 70.0] and list(overall["overdue"]) == [1, 2]
    assert progress.overall_series(timeline.iloc[:0]).empty


def test_matrix_is_a_complete_grid_with_the_committee_first(db):
    grid = run("solutions.matrix", branches=ALL, today=TODAY)
    assert len(grid) == 3 * 6
    assert list(dict.fromkeys(grid["branch_code"])) == ["DANG_UY", "CB02", "CB01"]   # Đ… Hình sự before Văn phòng
    cell = grid.set_index(["branch_code", "solution"])
    assert cell.loc[("CB01", 2), "overdue"] == 1 and cell.loc[("CB01", 2), "percent"] == 50
    assert cell.loc[("CB02", 2), "actions"] == 1 and cell.loc[("CB02", 2), "percent"] == 0
    assert cell.loc[("CB01", 3), "actions"] == 0 and pd.isna(cell.loc[("CB01", 3), "percent"])
    only = run("solutions.matrix", branches=["CB02"], scope=seen_by(False), today=TODAY)
    assert set(only["branch_code"]) == {"CB02"}


def test_on_time_share_per_unit(db):
    a = progress.unit_names(actions_on(TODAY).reset_index(), "vi")
    table = progress.on_time_by_unit(a, ["DANG_UY", "CB02", "CB01"]).set_index("branch_code")
    assert list(table.index) == ["DANG_UY", "CB02", "CB01"]
    # CB01: A1 done 10 days late, A2 overdue 87 days: none on time, 97 days late in all.
    assert table.loc["CB01"][["actions", "on_time", "done_late", "overdue", "days_late_total",
                              "days_late_max"]].tolist() == [2, 0, 1, 1, 97, 87]
    assert table.loc["CB01", "on_time_share"] == 0
    assert table.loc["CB02", "on_time_share"] == 1 and table.loc["DANG_UY", "on_time_share"] == 1
    assert table.loc["DANG_UY", "branch_name"] == "Đảng ủy"


def test_flags_in_words(db):
    a = progress.with_stale(actions_on(TODAY).reset_index(), 45).set_index("action_code")
    words = {code: progress.flag_words(row.to_dict() | {"action_code": code}, "vi") for code, row in a.iterrows()}
    assert words["A1"] == "Hoàn thành muộn 10 ngày · Giảm tiến độ 10 điểm phần trăm (15/05/2026)"
    assert words["A2"] == "Quá hạn 87 ngày · Chưa cập nhật 159 ngày"
    assert words["A4"] == "Chưa có báo cáo sau 86 ngày"
    assert words["A3"] == "" and words["A5"] == ""


def test_narrowing_to_a_matrix_cell(db):
    a = actions_on(TODAY).reset_index()
    assert list(progress.narrow(a, progress.Focus(2, "CB01"))["action_code"]) == ["A2"]
    assert list(progress.narrow(a, progress.Focus(1, None))["action_code"]) == ["A1", "A3"]
    assert len(progress.narrow(a, progress.Focus())) == 5
    assert progress.narrow(a, progress.Focus(3, "CB01")).empty


def test_committee_actions_only_for_a_caller_seeing_the_whole_dang_bo(db):
    assert "A5" in actions_on(TODAY).index                                   # everyone, every cell
    assert "A5" not in actions_on(TODAY, committee=False).index              # a caller limited to cells
    assert set(actions_on(TODAY, branches=["CB02"]).index) == {"A3", "A4"}   # one cell chosen
    with pytest.raises(queries.QueryError):                                  # never the caller's to say
        run("solutions.actions", branches=ALL, include_committee=True, today=TODAY)


# ---------------------------------------------------------------- the timeline, against a brute force

_day = st.integers(0, 400).map(lambda n: dt.date(2025, 1, 1) + dt.timedelta(days=n))
_report = st.tuples(_day, st.sampled_from([0, 10, 35, 60, 90, 100]), st.booleans())
_action = st.tuples(st.sampled_from(["CB01", "CB02", "DANG_UY"]), st.integers(1, 3), _day, _day,
                    st.lists(_report, max_size=6, unique_by=lambda r: r[0]))


@pytest.fixture(scope="module")
def timeline_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("timeline") / "timeline.duckdb"
    cur = store.connect(path).cursor()
    cur.execute("INSERT INTO branches (branch_code, branch_name, active, upload_id) VALUES "
                "('CB01', 'Chi bộ 1', TRUE, 0), ('CB02', 'Chi bộ 2', TRUE, 0)")
    yield path
    store.close_all()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(actions=st.lists(_action, min_size=1, max_size=6), today=_day)
def test_timeline_equals_each_action_at_its_latest_report_on_each_date(timeline_db, actions, today):
    """Whatever the reports (backwards, done then reopened, before the start, after today), each
    date's figures are those of every action at its latest report on or before that date."""
    cur = store.cursor(timeline_db)
    cur.execute("DELETE FROM progress_reports")
    cur.execute("DELETE FROM actions")
    for i, (cell, solution, start, due, reports) in enumerate(actions):
        code = f"A{i}"
        cur.execute("INSERT INTO actions (action_code, branch_code, solution, description, starts_on, due_on,"
                    " upload_id) VALUES ($c, $b, $s, 'x', $st, $d, 0)",
                    {"c": code, "b": cell, "s": solution, "st": start, "d": due})
        for on, percent, done in reports:
            status = "hoan_thanh" if done and percent == 100 else "dang_thuc_hien"
            cur.execute("INSERT INTO progress_reports (action_code, reported_on, percent, status, upload_id)"
                        " VALUES ($c, $o, $p, $s, 0)", {"c": code, "o": on, "p": percent, "s": status})
    refresh(cur)   # the rows above bypass the ingest: refill the marts as a commit does

    def brute_force(chosen):
        """The sampled dates are every month end from the first start or report of the chosen
        actions up to today, and today; each action at each date takes its latest report on or
        before it; the figures are summed over the chosen actions per date and solution."""
        firsts = [a[2] for a in chosen] + [r[0] for a in chosen for r in a[4] if r[0] <= today]
        if not firsts:       # no action of the units chosen
            return {}
        first = min(firsts)
        dates, month = [], dt.date(first.year, first.month, 1)
        while month <= today:
            nxt = dt.date(month.year + month.month // 12, month.month % 12 + 1, 1)
            dates.append(min(nxt - dt.timedelta(days=1), today))
            month = nxt
        expected = {}
        for on in sorted(set(dates)):
            for cell, solution, start, due, reports in chosen:
                seen = [r for r in reports if r[0] <= on and r[0] <= today]
                last = max(seen) if seen else None
                percent = last[1] if last else 0
                done = bool(last and last[2] and last[1] == 100)
                n, total, late = expected.get((on, solution), (0, 0, 0))
                expected[(on, solution)] = (n + 1, total + percent, late + int(due < on and not done))
        return expected

    # Every unit together, then each unit alone (the progress page's focus on one unit).
    for unit in (None, *sorted({a[0] for a in actions})):
        got = queries.run("solutions.timeline", cur=cur, branches=["CB01", "CB02"], today=today, unit=unit)
        actual = {(r.on_date.date() if hasattr(r.on_date, "date") else r.on_date, int(r.solution)):
                  (int(r.actions), float(r.percent_sum), int(r.overdue)) for r in got.itertuples()}
        assert actual == brute_force([a for a in actions if unit in (None, a[0])]), unit

    # The same read per cell (solutions.timeline_by_cell, read for every cell), summed over a
    # choice of cells (the Đảng ủy's own with every cell) or focused on one unit.
    per_cell = queries.run("solutions.timeline_by_cell", cur=cur, branches=["CB01", "CB02"], today=today)
    # A focus on one solution keeps that solution's line over the dates of every solution.
    every = {"CB01", "CB02", "DANG_UY"}
    choices = [(every, None, None), ({"CB01"}, None, None), ({"CB02"}, None, None),
               *((every, unit, None) for unit in ("CB01", "CB02", "DANG_UY")),
               *((cells, None, solution) for cells in (every, {"CB01"}) for solution in (1, 2, 3)),
               (every, "CB01", 2)]
    for cells, unit, solution in choices:
        chosen = per_cell[per_cell["branch_code"].isin(cells)].reset_index(drop=True)
        series = progress.series_by_solution(progress.timeline_rows(chosen, progress.Focus(solution, unit)))
        actual = {(r.on_date.date() if hasattr(r.on_date, "date") else r.on_date, int(r.solution)):
                  (int(r.actions), round(float(r.percent) * int(r.actions), 6), int(r.overdue))
                  for r in series.itertuples()}
        expected = {key: (n, float(total), late) for key, (n, total, late) in brute_force(
            [a for a in actions if a[0] in cells and unit in (None, a[0])]).items()
            if solution in (None, key[1])}
        assert actual == expected, (cells, unit, solution)


def test_unit_names_name_the_committee_and_fall_back_to_the_code():
    from dashboard import progress

    frame = pd.DataFrame({"branch_code": ["DANG_UY", "CB01", "CB09"], "branch_name": [None, "Chi bộ Một", None]})
    assert list(progress.unit_names(frame, "vi")["branch_name"]) == ["Đảng ủy", "Chi bộ Một", "CB09"]


def test_a_per_cell_timeline_reads_nothing_before_the_callers_own_cells(timeline_db):
    """The per-cell timeline's dates start at the first date of the cells the caller may see:
    a user of CB02 alone reads no month of CB01's earlier actions (worked by hand)."""
    cur = store.cursor(timeline_db)
    cur.execute("DELETE FROM progress_reports")
    cur.execute("DELETE FROM actions")
    for code, cell, start, due in (("A1", "CB01", dt.date(2019, 3, 5), dt.date(2019, 6, 30)),
                                   ("A2", "CB02", dt.date(2025, 6, 10), dt.date(2025, 9, 30))):
        cur.execute("INSERT INTO actions (action_code, branch_code, solution, description, starts_on, due_on,"
                    " upload_id) VALUES ($c, $b, 1, 'x', $st, $d, 0)", {"c": code, "b": cell, "st": start, "d": due})
    refresh(cur)
    today = dt.date(2025, 8, 15)
    everyone = queries.run("solutions.timeline_by_cell", cur=cur, today=today)
    assert everyone["on_date"].min() == pd.Timestamp(2019, 3, 31)
    mine = queries.run("solutions.timeline_by_cell", cur=cur, scope=frozenset({"CB02"}), today=today)
    assert set(mine["branch_code"]) == {"CB02"}
    assert list(mine["on_date"]) == [pd.Timestamp(2025, 6, 30), pd.Timestamp(2025, 7, 31), pd.Timestamp(2025, 8, 15)]
