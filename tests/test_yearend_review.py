"""The year-end review: the planner's quota arithmetic (hand-worked), and the page's writes going
through the upload's path (scope, permission, history, undo)."""

import datetime as dt

import pandas as pd
import pytest

from dashboard import auth, entry, ingest, queries, review, rules, store, yearend

TODAY = dt.date(2026, 11, 26)
STRICT = rules.QuotaSettings()
SECRETARY_CB02 = auth.User(name="thuky_cb02", role="editor", scope=frozenset({"CB02"}))
ADMIN = auth.User(name="quantri", role="admin", scope=None)


# ---------------------------------------------------------------- the planner's arithmetic

@pytest.mark.parametrize("base, rounding, raw, allowed", [
    (3, "floor", 0.6, 0),     # 4 cells, 3 HTTNV: strict arithmetic allows no HTXSNV cell
    (3, "round", 0.6, 1),
    (3, "ceil", 0.6, 1),
    (4, "floor", 0.8, 0),
    (5, "floor", 1.0, 1),     # 20 % of 5 is exactly 1 (no float 0.99999 rounding it away)
    (12, "round", 2.4, 2),
    (13, "round", 2.6, 3),
    (33, "floor", 6.6, 6),
    (0, "ceil", 0.0, 0),
])
def test_quota_allowed_by_hand(base, rounding, raw, allowed):
    assert yearend.quota_allowed(base, 0.2, rounding) == (raw, allowed)


def test_four_cells_one_excellent_is_over_under_strict_rounding():
    count = yearend.quota_count(["HTXSNV", "HTTNV", "HTTNV", "HTTNV"], 0.2, STRICT)
    assert (count.excellent, count.base, count.raw, count.allowed, count.over) == (1, 3, 0.6, 0, True)
    # Counting HTXSNV in the base: 20 % of 4 is 0,8, still none.
    wide = yearend.quota_count(["HTXSNV", "HTTNV", "HTTNV", "HTTNV"], 0.2, rules.QuotaSettings(base="httnv_or_better"))
    assert (wide.base, wide.raw, wide.allowed, wide.over) == (4, 0.8, 0, True)
    # Blank levels (not proposed yet) do not count.
    assert yearend.quota_count(["HTTNV", None, "", float("nan")], 0.2, STRICT).base == 1


def test_if_a_cell_were_raised():
    # Four cells all HTTNV: raising any one leaves 3 HTTNV, 0,6 → at most 0: over.
    four = yearend.if_raised({"X1": "HTTNV", "X2": "HTTNV", "X3": "HTTNV", "X4": "HTTNV"}, 0.2, STRICT)
    assert {c: (q.excellent, q.base, q.allowed, q.over) for c, q in four.items()} == {
        c: (1, 3, 0, True) for c in ("X1", "X2", "X3", "X4")}
    # Six cells all HTTNV: raising one leaves 5 HTTNV, 20 % of 5 = 1: within.
    six = yearend.if_raised({f"X{i}": "HTTNV" for i in range(1, 7)}, 0.2, STRICT)
    assert {(q.excellent, q.base, q.allowed, q.over) for q in six.values()} == {(1, 5, 1, False)}
    # A cell already HTXSNV is not offered; the others count it: X2 raised makes 2 against 4 HTTNV.
    mixed = yearend.if_raised({"X1": "HTXSNV", "X2": "HTTNV", "X3": "HTTNV", "X4": "HTTNV", "X5": "HTTNV",
                               "X6": "HTTNV"}, 0.2, STRICT)
    assert set(mixed) == {"X2", "X3", "X4", "X5", "X6"}
    assert (mixed["X2"].excellent, mixed["X2"].base, mixed["X2"].allowed, mixed["X2"].over) == (2, 4, 0, True)
    # Levels of every kind: raising an HTTNV cell takes one HTTNV away (base 2), raising the
    # HTNV or the blank one does not (base 3); 20 % of 2 or 3 is below 1: each is over.
    kinds = yearend.if_raised({"X1": "HTTNV", "X2": "HTNV", "X3": None, "X4": "HTTNV", "X5": "HTTNV"}, 0.2, STRICT)
    assert {c: (q.excellent, q.base, q.allowed, q.over) for c, q in kinds.items()} == {
        "X1": (1, 2, 0, True), "X2": (1, 3, 0, True), "X3": (1, 3, 0, True), "X4": (1, 2, 0, True),
        "X5": (1, 2, 0, True)}


def test_members_quota_per_pool():
    plan = pd.DataFrame({"branch_code": ["A"] * 6 + ["B"] * 2,
                         "level": ["HTXSNV"] + ["HTTNV"] * 5 + ["HTXSNV", "HTTNV"]})
    whole = yearend.quota_count_by_pool(plan, 0.2, STRICT)
    assert list(whole) == [None] and (whole[None].excellent, whole[None].base, whole[None].allowed) == (2, 6, 1)
    per_cell = yearend.quota_count_by_pool(plan, 0.2, rules.QuotaSettings(pool="chi_bo"))
    assert {c: (q.excellent, q.base, q.allowed, q.over) for c, q in per_cell.items()} == {
        "A": (1, 5, 1, False), "B": (1, 1, 0, True)}


def test_missing_steps_and_counts():
    subjects = pd.DataFrame([
        {"subject_kind": "chi_bo", "subject_code": "X1", "branch_code": "X1", "self_level": "HTTNV",
         "proposed_level": "HTTNV", "decided_level": None},
        {"subject_kind": "dang_vien", "subject_code": "M1", "branch_code": "X1", "self_level": None,
         "proposed_level": "HTNV", "decided_level": None},
        {"subject_kind": "dang_vien", "subject_code": "M2", "branch_code": "X1", "self_level": "HTTNV",
         "proposed_level": None, "decided_level": "HTTNV"},
    ])
    assert review.missing_steps(subjects) == [
        ["decision"], ["self", "decision"], ["proposal"]]
    assert review.step_counts(subjects) == {"self": (2, 3), "proposal": (2, 3), "decision": (1, 3)}
    cells = review.cell_table(subjects, pd.DataFrame(
        [{"branch_code": "X1", "total_score": 91.5, "complete": True, "computed_level": "HTXSNV",
          "score_source": "366-QĐ/TW"}]))
    row = cells.iloc[0]
    assert (row["members"], row["members_missing_self"], row["members_missing_proposal"],
            row["members_missing_decision"], row["total_score"], row["band_level"]) == (2, 1, 1, 1, 91.5, "HTXSNV")


# ---------------------------------------------------------------- writes through the upload path

def plan(rows):
    return pd.DataFrame(rows, columns=["subject_kind", "subject_code", "level"])


def proposal(cur, code):
    row = cur.execute("SELECT level FROM v_rating_proposals WHERE year = 2026 AND subject_code = $c "
                      "AND step = 'chi_bo_de_xuat'", {"c": code}).fetchone()
    return row[0] if row else None


def test_a_secretary_saves_his_cells_proposals_in_history_and_undoes(sample_db):
    # The sample: CB02 proposed itself HTXSNV (the quota breach); its secretary lowers it to HTTNV.
    cur = store.cursor(sample_db)
    assert proposal(cur, "CB02") == "HTXSNV"
    now = dt.datetime(2026, 11, 26, 9, 30)
    saved = entry.save_proposals(sample_db, 2026, plan([("chi_bo", "CB02", "HTTNV"), ("dang_vien", "DV014", "HTTNV")]),
                                 SECRETARY_CB02, TODAY, now=now)
    assert saved.batch.errors == [] and saved.result.upload_id is not None
    cur = store.cursor(sample_db)
    assert proposal(cur, "CB02") == "HTTNV"
    history = queries.run("uploads.history", cur=cur, branches=["CB02"])
    latest = history.iloc[0]
    assert (latest["upload_id"], latest["source"], latest["uploaded_by"], latest["file_name"],
            latest["uploaded_at"].to_pydatetime()) == (
        saved.result.upload_id, "entry", "thuky_cb02", "Nhập trên trang: đề xuất xếp loại năm 2026", now)
    ingest.undo(saved.result.upload_id, who="quantri", path=sample_db, user=ADMIN)
    assert proposal(store.cursor(sample_db), "CB02") == "HTXSNV"


def test_a_secretary_cannot_save_another_cells_proposal(sample_db):
    cur = store.cursor(sample_db)
    uploads = cur.execute("SELECT count(*) FROM uploads").fetchone()[0]
    saved = entry.save_proposals(sample_db, 2026, plan([("chi_bo", "CB02", "HTTNV"), ("chi_bo", "CB01", "HTXSNV")]),
                                 SECRETARY_CB02, TODAY)
    assert saved.result is None
    assert ["không thuộc chi bộ bạn được phép nhập" in p.message() for p in saved.batch.errors] == [True]
    cur = store.cursor(sample_db)
    assert cur.execute("SELECT count(*) FROM uploads").fetchone()[0] == uploads
    assert (proposal(cur, "CB01"), proposal(cur, "CB02")) == ("HTTNV", "HTXSNV")


def test_only_an_administrator_records_decisions(sample_db):
    decided = plan([("chi_bo", "CB02", "HTTNV")])
    with pytest.raises(auth.PermissionDenied):
        entry.record_decisions(sample_db, 2026, decided, SECRETARY_CB02, TODAY)
    cur = store.cursor(sample_db)
    assert cur.execute("SELECT count(*) FROM v_ratings WHERE year = 2026").fetchone()[0] == 0
    saved = entry.record_decisions(sample_db, 2026, decided, ADMIN, TODAY)
    assert saved.result.upload_id is not None
    row = store.cursor(sample_db).execute(
        "SELECT level, disciplined, decided_on FROM v_ratings WHERE year = 2026 AND subject_code = 'CB02'").fetchone()
    assert row == ("HTTNV", False, TODAY)


def test_the_export_has_the_template_sheets(sample_db):
    from python_calamine import CalamineWorkbook
    subjects = queries.run("review.subjects", cur=store.cursor(sample_db), year=2026)
    book = CalamineWorkbook.from_filelike(__import__("io").BytesIO(entry.export_workbook(subjects, 2026)))
    assert book.sheet_names == ["de_xuat_xep_loai", "xep_loai"]
    rows = book.get_sheet_by_name("de_xuat_xep_loai").to_python()
    assert rows[0] == ["Năm", "Đối tượng", "Mã", "Bước", "Mức xếp loại", "Ghi chú"]
    # 2026 in the sample: 48 members' self-ratings + 35 members' proposals + 4 cells × 2 steps.
    assert len(rows) - 1 == 94
    assert book.get_sheet_by_name("xep_loai").to_python()[1:] == []


def test_a_decision_keeps_the_discipline_recorded(sample_db):
    # DV047 was disciplined (khiển trách) in 2024 and rated KHTNV; recording the decision again
    # from the page carries no discipline columns, so the recorded discipline stays.
    saved = entry.record_decisions(sample_db, 2024, plan([("dang_vien", "DV047", "KHTNV")]), ADMIN, TODAY)
    assert saved.result.upload_id is not None     # the decision date changed
    row = store.cursor(sample_db).execute(
        "SELECT level, disciplined, discipline_form, decided_on FROM v_ratings "
        "WHERE year = 2024 AND subject_code = 'DV047'").fetchone()
    assert row == ("KHTNV", True, "khien_trach", TODAY)


def test_a_secretary_cannot_record_a_decision_through_an_ordinary_upload(sample_db):
    # The page refuses him; an uploaded xep_loai sheet must be refused too (found in review: a
    # CB02 secretary's upload replaced the Đảng ủy's decision on CB02).
    from tests.workbooks import xlsx_bytes
    data = xlsx_bytes({"xep_loai": [[2025, "chi_bo", "CB02", "HTXSNV", None, "Không", None, "18/12/2025"]]})
    cur = store.cursor(sample_db)
    before = cur.execute("SELECT level FROM v_ratings WHERE year = 2025 AND subject_code = 'CB02'").fetchone()
    batch = ingest.prepare([("quyet-dinh.xlsx", data)], cur, today=TODAY, user=SECRETARY_CB02)
    assert not batch.ok
    assert [p.message() for p in batch.errors] == [
        "Sheet xep_loai, dòng 2, cột 'Năm': chỉ quản trị viên được ghi kết quả xếp loại do Đảng ủy quyết định; "
        "chi bộ gửi đề xuất ở sheet Đề xuất xếp loại."]
    # And at commit, whatever the page did: the same batch prepared for an administrator, committed as him.
    admin_batch = ingest.prepare([("quyet-dinh.xlsx", data)], cur, today=TODAY, user=ADMIN)
    assert admin_batch.ok
    with pytest.raises(auth.PermissionDenied):
        ingest.commit(admin_batch, who="thuky_cb02", source="upload", path=sample_db, user=SECRETARY_CB02)
    after = store.cursor(sample_db).execute(
        "SELECT level FROM v_ratings WHERE year = 2025 AND subject_code = 'CB02'").fetchone()
    assert after == before
