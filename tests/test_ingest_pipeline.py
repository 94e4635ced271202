"""The ingest pipeline's parts: what is derived from the contract, the table-driven cell parser,
and a sheet added with only its contract entry, its checks and its table."""

import datetime as dt
import re

import pytest

from dashboard import auth, contract, ingest, queries, store
from dashboard.ingest import checks, parse
from dashboard.ingest.reference import Reference, load_reference
from dashboard.ingest.scope import cells_touched
from dashboard.ingest.undo import dependencies
from tests.workbooks import BRANCHES, MEMBERS, xlsx_bytes

TODAY = dt.date(2026, 11, 26)


def load(db, sheets, user=None):
    batch = ingest.prepare([("tep.xlsx", xlsx_bytes(sheets))], store.cursor(db), today=TODAY, user=user)
    return batch, (ingest.commit(batch, who="kiểm thử", source="cli", path=db, user=user) if batch.ok else None)


# ---------------------------------------------------------------- derived from the contract

def test_the_load_order_and_the_versioned_tables_follow_from_what_each_sheet_names():
    assert contract.load_order() == ("chi_bo", "dang_vien", "tieu_chi", "diem_danh_gia", "xep_loai",
                                     "sinh_hoat", "vang_sinh_hoat", "giai_phap", "tien_do_giai_phap", "nghi_quyet",
                                     "thuc_hien_nghi_quyet", "sinh_hoat_cap_uy", "cam_ket_neu_guong",
                                     "de_xuat_xep_loai")
    assert contract.versioned_tables() == ("branches", "members", "criteria", "scores", "ratings", "meetings",
                                           "absences", "actions", "progress_reports", "resolutions",
                                           "resolution_uptake", "committee_meetings", "commitments",
                                           "rating_proposals")


def test_undo_guards_every_reference_the_contract_declares():
    assert dependencies() == [
        ("members", ("branch_code",), "branches", ("branch_code",), None),
        ("scores", ("branch_code",), "branches", ("branch_code",), None),
        ("scores", ("criterion_code",), "criteria", ("criterion_code",), None),
        ("ratings", ("subject_code",), "branches", ("branch_code",), ("subject_kind", "chi_bo")),
        ("ratings", ("subject_code",), "members", ("member_code",), ("subject_kind", "dang_vien")),
        ("meetings", ("branch_code",), "branches", ("branch_code",), None),
        ("absences", ("branch_code", "held_on", "kind"), "meetings", ("branch_code", "held_on", "kind"), None),
        ("absences", ("member_code",), "members", ("member_code",), None),
        ("actions", ("branch_code",), "branches", ("branch_code",), None),
        ("progress_reports", ("action_code",), "actions", ("action_code",), None),
        ("resolution_uptake", ("branch_code",), "branches", ("branch_code",), None),
        ("resolution_uptake", ("doc_number",), "resolutions", ("doc_number",), None),
        ("committee_meetings", ("branch_code",), "branches", ("branch_code",), None),
        ("commitments", ("member_code",), "members", ("member_code",), None),
        ("rating_proposals", ("subject_code",), "branches", ("branch_code",), ("subject_kind", "chi_bo")),
        ("rating_proposals", ("subject_code",), "members", ("member_code",), ("subject_kind", "dang_vien")),
    ]


def test_every_reference_names_real_columns_and_every_kind_has_a_parser():
    for sheet in contract.SHEETS:
        for ref in sheet.refers:
            target = contract.SHEETS_BY_NAME[ref.sheet]
            assert all(c in sheet.column_names for c in ref.columns), sheet.name
            assert all(c in target.column_names for c in ref.to), sheet.name
        assert {c.kind for c in sheet.columns} <= set(parse.PARSERS), sheet.name


def test_the_upload_history_counts_the_rows_of_every_versioned_table():
    # uploads.rows_in_cells (what a user limited to some cells sees of each upload) names every
    # table by hand: a sheet added to the contract must be added there, or its rows go uncounted.
    sql = queries.get("uploads.rows_in_cells").sql
    assert [t for t in contract.versioned_tables() if not re.search(rf"\bFROM {t}\b", sql)] == []


def test_the_upload_history_counts_each_row_once_among_the_cells(sample_db):
    """Every row of the sample's uploads belongs to one unit (a cell, or the Đảng ủy) or to
    everyone: counted for every unit at once, the rows are all an upload wrote (counted table by
    table here); one unit at a time, they add up to the same once the rows of everyone are taken
    out of all but one."""
    cur = store.cursor(sample_db)
    units = ["CB01", "CB02", "CB03", "CB04", "DANG_UY"]
    written = {}
    for table in contract.versioned_tables():
        for upload, n in cur.execute(f"SELECT upload_id, count(*) FROM {table} GROUP BY ALL").fetchall():
            written[upload] = written.get(upload, 0) + n
    every = queries.run("uploads.rows_in_cells", cur=cur, branches=units).set_index("upload_id")["rows"]
    assert dict(every) == written and sum(written.values()) > 2000
    shared = sum(n for t in ("criteria", "resolutions") for (n,) in cur.execute(f"SELECT count(*) FROM {t}").fetchall())
    alone = sum(int(queries.run("uploads.rows_in_cells", cur=cur, branches=[u])["rows"].sum()) for u in units)
    assert shared > 0 and alone - (len(units) - 1) * shared == sum(written.values())


def test_the_cells_a_row_writes(empty_db):
    # Stored: CB01, CB02; DV001 in CB01; action GP-01 of CB01.
    load(empty_db, {"chi_bo": BRANCHES, "dang_vien": MEMBERS,
                    "giai_phap": [["GP-01", "CB01", 1, "Nhiệm vụ", "01/01/2026", "31/12/2026", None]]})
    batch = ingest.prepare([("tep.xlsx", xlsx_bytes({
        "dang_vien": [["DV001", None, "CB02", "chinh_thuc", "Đảng viên", "01/02/2015", None]],   # moves
        "xep_loai": [[2025, "dang_vien", "DV001", "HTTNV", None, None, None, None],
                     [2025, "chi_bo", "CB01", "HTTNV", 85, None, None, None]],
        "giai_phap": [["GP-01", "DANG_UY", 1, "Nhiệm vụ", "01/01/2026", "31/12/2026", None]],      # moves
        "tien_do_giai_phap": [["GP-01", "01/06/2026", 40, "dang_thuc_hien", None]],
        "tieu_chi": [["A1", "Tiêu chí A1", "chung", 8, None, None]],
    }))], store.cursor(empty_db), today=TODAY)
    touched = [(sheet.name, sheet.row_cells(j)) for sheet in cells_touched(batch, load_reference(store.cursor(empty_db)))
               for j in range(len(sheet.rows))]
    assert touched == [
        ("dang_vien", [("CB02", "branch_code"), ("CB01", "member_code")]),
        ("tieu_chi", []),
        ("xep_loai", [("CB02", "subject_code")]),          # the member's cell in this upload, not the store's
        ("xep_loai", [("CB01", "subject_code")]),
        ("giai_phap", [("DANG_UY", "branch_code"), ("CB01", "action_code")]),
        ("tien_do_giai_phap", [("DANG_UY", "action_code")]),   # its action's cell in this upload
    ]
    assert batch.cells == ["CB01", "CB02", "DANG_UY"]


# ---------------------------------------------------------------- the table-driven cell parser

LEVELS = Reference(enums={"level": {"htxsnv": "HTXSNV", "httnv": "HTTNV",
                                    "hoan_thanh_tot_nhiem_vu": "HTTNV"}},
                   enum_codes={"level": ["HTXSNV", "HTTNV"]})


@pytest.mark.parametrize("sheet, column, raw, expected", [
    ("chi_bo", "branch_name", "  Chi bộ  Văn phòng ", ("Chi bộ  Văn phòng", None, {})),
    ("chi_bo", "branch_name", "x" * 4001, (None, "p.text_too_long", {"value": 4001, "limit": 4000})),
    ("chi_bo", "branch_name", "   ", (None, "p.required", {})),
    ("chi_bo", "active", None, (True, None, {})),                        # blank: the default
    ("chi_bo", "active", "không", (False, None, {})),
    ("chi_bo", "active", "có lẽ", (None, "p.not_yesno", {})),
    ("chi_bo", "branch_code", "cb01", ("CB01", None, {})),
    ("chi_bo", "branch_code", "CB 01", (None, "p.bad_code", {})),
    ("chi_bo", "founded_on", "03/04/2025", (dt.date(2025, 4, 3), None, {})),
    ("chi_bo", "founded_on", "31/02/2025", (None, "p.not_date", {})),
    ("chi_bo", "founded_on", "27/11/2026", (None, "p.future_date", {})),   # the day after TODAY
    ("diem_danh_gia", "score", "1.234,5", (1234.5, None, {})),
    ("diem_danh_gia", "score", "mười", (None, "p.not_number", {})),
    ("diem_danh_gia", "score", "-1", (None, "p.below_min", {"limit": 0})),
    ("tieu_chi", "max_points", "0", (None, "p.not_positive", {"limit": 0})),
    ("tien_do_giai_phap", "percent", "85%", (85.0, None, {})),
    ("tien_do_giai_phap", "percent", "101", (None, "p.above_max", {"limit": 100})),
    ("sinh_hoat", "present", "12", (12, None, {})),
    ("sinh_hoat", "present", "1,5", (None, "p.not_integer", {})),
    ("xep_loai", "year", "2025", (2025, None, {})),
    ("xep_loai", "year", "1800", (None, "p.not_year", {})),
    ("diem_danh_gia", "period", "Quý I/2025", ("2025-Q1", None, {})),
    ("diem_danh_gia", "period", "Quý V/2025", (None, "p.not_period", {})),
    ("xep_loai", "level", "Hoàn thành tốt nhiệm vụ", ("HTTNV", None, {})),
    ("xep_loai", "level", "Tốt", (None, "p.bad_enum", {"allowed": "HTXSNV, HTTNV"})),
])
def test_each_column_kind_parses_through_its_entry_in_the_table(sheet, column, raw, expected):
    assert parse.parse_cell(contract.SHEETS_BY_NAME[sheet].column(column), raw, LEVELS, TODAY) == expected


# ---------------------------------------------------------------- a sheet added to the contract

COMMENDATIONS = contract.Sheet("khen_thuong", "commendations", "Khen thưởng", "Commendations", (
    contract.Column("Năm", "nam", "year", "year", True, True),
    contract.Column("Mã chi bộ", "ma_chi_bo", "branch_code", "code", True, True),
    contract.Column("Hình thức", "hinh_thuc", "award", "text", True),
    contract.Column("Số quyết định", "so_quyet_dinh", "decision", "text"),
), refers=(contract.Refers(("branch_code",), "chi_bo", ("branch_code",), cell=True),))

TABLE = """
CREATE TABLE commendations (year INTEGER NOT NULL, branch_code VARCHAR NOT NULL, award VARCHAR NOT NULL,
    decision VARCHAR, upload_id BIGINT NOT NULL, superseded_by BIGINT);
CREATE VIEW v_commendations AS SELECT * EXCLUDE (superseded_by) FROM commendations WHERE superseded_by IS NULL;
"""


@pytest.fixture
def with_commendations(empty_db, monkeypatch):
    """The three things a new sheet needs, and nothing else: its contract entry, its checks, its table."""
    monkeypatch.setattr(contract, "SHEETS", contract.SHEETS + (COMMENDATIONS,))
    monkeypatch.setitem(contract.SHEETS_BY_NAME, COMMENDATIONS.name, COMMENDATIONS)
    monkeypatch.setitem(contract.SHEETS_BY_TABLE, COMMENDATIONS.table, COMMENDATIONS)
    monkeypatch.setattr(checks, "REGISTRY", {phase: dict(found) for phase, found in checks.REGISTRY.items()})

    @checks.register("khen_thuong")
    def check(batch, ctx) -> None:
        for r in batch.rows("khen_thuong"):
            if r["branch_code"] not in ctx.cells:
                batch.flag(r, "branch_code", "p.unknown_branch")

    store.cursor(empty_db).execute(TABLE)
    return empty_db


def current(db):
    return store.cursor(db).execute(
        "SELECT year, branch_code, award, decision FROM v_commendations ORDER BY branch_code").fetchall()


def test_a_sheet_added_with_its_contract_entry_checks_and_table_uploads_commits_and_undoes(with_commendations):
    db = with_commendations
    assert contract.load_order()[-1] == "khen_thuong" and contract.versioned_tables()[-1] == "commendations"
    rows = [[2025, "CB01", "Bằng khen", "QĐ 12"], [2025, "CB02", "Giấy khen", None]]
    # Its check runs: a cell that exists nowhere rejects the upload, and nothing is written.
    batch, result = load(db, {"chi_bo": BRANCHES, "khen_thuong": rows + [[2025, "CB03", "Giấy khen", None]]})
    assert result is None
    assert [p.message() for p in batch.errors] == [
        "Sheet khen_thuong, dòng 4, cột 'Mã chi bộ': mã chi bộ CB03 không có trong dữ liệu hoặc trong tệp."]
    assert current(db) == []
    # Loaded after the cells it names, in one upload, and counted.
    batch, first = load(db, {"khen_thuong": rows, "chi_bo": BRANCHES})
    assert list(batch.sheets) == ["chi_bo", "khen_thuong"] and batch.cells == ["CB01", "CB02"]
    assert batch.sheets["khen_thuong"].counts == {"new": 2, "changed": 0, "same": 0}
    assert current(db) == [(2025, "CB01", "Bằng khen", "QĐ 12"), (2025, "CB02", "Giấy khen", None)]
    # A changed row supersedes the stored one.
    batch, second = load(db, {"khen_thuong": [[2025, "CB01", "Cờ thi đua", "QĐ 15"], rows[1]]})
    assert batch.sheets["khen_thuong"].counts == {"new": 0, "changed": 1, "same": 1}
    # Its rows belong to the cell they name: a user of CB02 may not write CB01's.
    secretary = auth.User("thuky", "editor", frozenset({"CB02"}))
    batch, _ = load(db, {"khen_thuong": [[2026, "CB01", "Bằng khen", None]]}, user=secretary)
    assert [p.code for p in batch.errors] == ["p.out_of_scope"]
    # Undo knows it names the cells: a new cell cannot be undone while its commendation stands.
    _, third = load(db, {"chi_bo": [["CB03", "Chi bộ mới", None, None, None]]})
    _, fourth = load(db, {"khen_thuong": [[2026, "CB03", "Giấy khen", None]]})
    with pytest.raises(ingest.UndoRefused) as refused:
        ingest.undo(third.upload_id, who="t", path=db)
    assert (refused.value.key, refused.value.params["later"]) == ("undo.dependent", fourth.upload_id)
    for upload in (fourth, third, second):
        ingest.undo(upload.upload_id, who="t", path=db)
    assert current(db) == [(2025, "CB01", "Bằng khen", "QĐ 12"), (2025, "CB02", "Giấy khen", None)]
    ingest.undo(first.upload_id, who="t", path=db)
    assert current(db) == []
    # Nothing deleted: 2 rows of the first upload, 1 of the second, 1 of the fourth, all withdrawn.
    assert store.cursor(db).execute("SELECT count(*) FROM commendations").fetchone()[0] == 2 + 1 + 1
