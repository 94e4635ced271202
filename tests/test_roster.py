"""The member register's lists against hand-made members (queries/members.sql, dashboard/roster.py)."""

import datetime as dt

import pytest

from dashboard import queries, roster, store
from tests.rows import insert

TODAY = dt.date(2026, 11, 26)


@pytest.fixture
def db(empty_db):
    cur = store.cursor(empty_db)
    insert(cur, "branches", [{"branch_code": "X1", "branch_name": "Chi bộ X1", "active": True},
                             {"branch_code": "X2", "branch_name": "Chi bộ X2", "active": True}])
    members = {"M1": ("X1", "chinh_thuc", dt.date(2010, 1, 1)), "M2": ("X1", "chinh_thuc", dt.date(2010, 1, 1)),
               "M3": ("X1", "chinh_thuc", dt.date(2010, 1, 1)), "M4": ("X2", "chinh_thuc", dt.date(2010, 1, 1)),
               "M5": ("X2", "chinh_thuc", dt.date(2010, 1, 1)),
               "P1": ("X1", "du_bi", dt.date(2025, 10, 20)),   # 12 months ended 20/10/2026: 37 days ago
               "P2": ("X2", "du_bi", dt.date(2026, 1, 19)),    # ends 19/01/2027: 54 days left
               "P3": ("X2", "du_bi", dt.date(2026, 3, 6)),     # ends 06/03/2027: 100 days left, not yet
               "P4": ("X2", "du_bi", dt.date(2025, 11, 26))}   # ends today: 0 days left, due
    insert(cur, "members", [{"member_code": c, "branch_code": b, "kind": k, "joined_on": j}
                            for c, (b, k, j) in members.items()])
    levels = {"M1": ["HTXSNV"] * 5,                                   # 2021–2025: five years running
              "M2": ["HTXSNV", "HTXSNV", "HTTNV", "HTXSNV", "HTXSNV"],  # four of five: not running
              "M3": ["HTTNV", "HTTNV", "HTTNV", "KHTNV", "KHTNV"],      # KHTNV 2024 and 2025
              "M4": ["HTTNV", "HTTNV", "KHTNV", "HTTNV", "KHTNV"],      # KHTNV twice, not in a row
              "M5": ["HTTNV", "HTTNV", "HTTNV", "HTTNV", "KHTNV"]}      # disciplined in 2025
    insert(cur, "ratings", [{"year": 2021 + i, "subject_kind": "dang_vien", "subject_code": c, "level": lv,
                             "disciplined": c == "M5" and i == 4,
                             "discipline_form": "canh_cao" if c == "M5" and i == 4 else None}
                            for c, row in levels.items() for i, lv in enumerate(row)])
    return empty_db


def run(db, name, **params):
    return queries.run(name, cur=store.cursor(db), **params)


def test_the_commend_and_consider_lists(db):
    ratings = run(db, "members.ratings")
    assert roster.rated(ratings, 2025, "HTXSNV") == ["M1", "M2"]
    assert roster.running(ratings, 2025, "HTXSNV", 5) == ["M1"]
    assert roster.running(ratings, 2024, "HTXSNV", 5) == []          # M1 has no 2020
    assert roster.running(ratings, 2025, "KHTNV", 2) == ["M3"]
    found = roster.disciplined(ratings, 2025)
    assert list(zip(found["member_code"], found["discipline_form"], found["level"])) == [("M5", "canh_cao", "KHTNV")]
    assert roster.last_discipline(ratings) == {"M5": (2025, "canh_cao")}


def test_probation_due_and_past(db):
    probation = run(db, "members.probation", today=TODAY)
    due = roster.probation_due(probation, 60)
    assert list(zip(due["member_code"], due["ends_on"].dt.date, due["days_left"], due["state"])) == [
        ("P1", dt.date(2026, 10, 20), -37, "past"),
        ("P4", dt.date(2026, 11, 26), 0, "due"),
        ("P2", dt.date(2027, 1, 19), 54, "due")]
    assert set(due["citation_vi"]) == {"Điều lệ Đảng (19/01/2011), Điều 5"}
    # A user of X2 only sees X2's probationary members.
    scoped = queries.run("members.probation", cur=store.cursor(db), scope=frozenset({"X2"}), today=TODAY)
    assert list(scoped["member_code"]) == ["P4", "P2", "P3"]


def test_the_register_hides_names_from_all_but_administrators(db):
    cur = store.cursor(db)
    cur.execute("UPDATE members SET full_name = 'Nguyễn Văn A' WHERE member_code = 'M1'")
    plain = queries.run("members.register", cur=cur, today=TODAY)
    named = queries.run("members.register", cur=cur, today=TODAY, names_allowed=True)
    assert plain["full_name"].isna().all()
    assert named.set_index("member_code").loc["M1", "full_name"] == "Nguyễn Văn A"
