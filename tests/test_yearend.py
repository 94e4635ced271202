"""The year-end planner: proposals judged by the rules, written nowhere. Hand-worked cases."""

import datetime as dt

import pandas as pd
import pytest

from dashboard import rules, store, yearend
from tests.store_rows import insert

TODAY = dt.date(2026, 11, 26)


@pytest.fixture
def db(empty_db):
    cur = store.cursor(empty_db)
    insert(cur, "branches", [{"branch_code": c, "branch_name": f"Chi bộ {c}", "active": True}
                             for c in ("X1", "X2", "X3", "X4")])
    # Four members in X1: M1 Bí thư (disciplined in 2026, recorded in xep_loai), M2–M4.
    insert(cur, "members", [{"member_code": f"M{i}", "branch_code": "X1",
                             "party_role": "Bí thư" if i == 1 else "Đảng viên"} for i in range(1, 5)])
    insert(cur, "ratings", [{"year": 2026, "subject_kind": "dang_vien", "subject_code": "M1", "level": "KHTNV",
                             "disciplined": True, "discipline_form": "khien_trach"}])
    return empty_db


def proposals(cells=(), members=()):
    rows = [("chi_bo", c, lv) for c, lv in cells] + [("dang_vien", m, lv) for m, lv in members]
    return pd.DataFrame(rows, columns=["subject_kind", "subject_code", "level"])


def test_four_cells_strict_rounding_allows_no_excellent_cell(db):
    # "Nếu Chi bộ X1 lên HTXSNV thì vượt tỷ lệ": 1 HTXSNV against 3 HTTNV; 20 % of 3 is 0,6 → 0.
    plan = proposals(cells=[("X1", "HTXSNV"), ("X2", "HTTNV"), ("X3", "HTTNV"), ("X4", "HTTNV")])
    found = yearend.what_if(db, 2026, plan, TODAY)
    quota = found[found["rule"] == "quota_cells"]
    assert quota.iloc[0]["message"] == ("Năm 2026: 1 chi bộ được xếp loại Hoàn thành xuất sắc nhiệm vụ, vượt tỷ lệ: "
                                        "được tối đa 0 chi bộ vì 20 % của 3 chi bộ Hoàn thành tốt nhiệm vụ là 0,6 "
                                        "(làm tròn xuống).")
    # Rounded to the nearest, 0,6 allows one: the same plan passes.
    lenient = yearend.what_if(db, 2026, plan, TODAY, quota=rules.QuotaSettings(rounding="round"))
    assert (lenient["rule"] == "quota_cells").sum() == 0


def test_six_cells_allow_one(db):
    cur = store.cursor(db)
    insert(cur, "branches", [{"branch_code": c, "branch_name": f"Chi bộ {c}", "active": True} for c in ("X5", "X6")])
    # 1 HTXSNV against 5 HTTNV: 20 % of 5 = 1, allowed. Two HTXSNV against 4: 0,8 → 0.
    ok = proposals(cells=[("X1", "HTXSNV")] + [(c, "HTTNV") for c in ("X2", "X3", "X4", "X5", "X6")])
    assert (yearend.what_if(db, 2026, ok, TODAY)["rule"] == "quota_cells").sum() == 0
    over = proposals(cells=[("X1", "HTXSNV"), ("X2", "HTXSNV")] + [(c, "HTTNV") for c in ("X3", "X4", "X5", "X6")])
    message = yearend.what_if(db, 2026, over, TODAY).set_index("rule").loc["quota_cells", "message"]
    assert "được tối đa 0 chi bộ vì 20 % của 4 chi bộ Hoàn thành tốt nhiệm vụ là 0,8" in message


def test_caps_and_discipline_from_the_proposals(db):
    # X1 proposed HTTNV while M4 is proposed KHTNV: 3 of 4 members HTNV or better, 100 % needed.
    # M1, disciplined in 2026 (recorded), proposed HTTNV: never allowed.
    plan = proposals(cells=[("X1", "HTTNV")],
                     members=[("M1", "HTTNV"), ("M2", "HTTNV"), ("M3", "HTNV"), ("M4", "KHTNV")])
    found = yearend.what_if(db, 2026, plan, TODAY).set_index("rule")
    assert "3/4 đảng viên (75 %) đạt Hoàn thành nhiệm vụ trở lên; cần 100 %" in found.loc["cell_pass_share", "message"]
    assert found.loc["disciplined_rated_high", "subject_code"] == "M1"
    # Each finding cites the regime in force for the ratings of 2026.
    assert set(found["source"].str[:24]) == {"Quy định 366-QĐ/TW (30/0"}


def test_the_planner_writes_nothing(db):
    cur = store.cursor(db)
    before = cur.execute("SELECT * FROM ratings ORDER BY ALL").fetchall()
    version = store.data_version(cur)
    yearend.what_if(db, 2026, proposals(cells=[("X1", "HTXSNV")], members=[("M1", "HTXSNV")]), TODAY)
    cur = store.cursor(db)
    assert cur.execute("SELECT * FROM ratings ORDER BY ALL").fetchall() == before
    assert store.data_version(cur) == version
    # An empty plan judges what is stored: M1 disciplined and KHTNV breaks nothing.
    assert yearend.what_if(db, 2026, proposals(), TODAY).empty
