"""The sample's rows for the four limitations and the year-end review (fictional, seeded).

Each generator draws from its own ``random.Random``, so that the rest of the sample stays as it
is. The trouble built in, so that every measure shows something:

* resolutions: CB04 slow to issue its plans (45–75 days, due in 30) and, twice, a plan not made
  concrete for the cell; the latest resolution not yet taken up by CB04 at all;
* committee meetings: CB02's committee meets only once a quarter (the others monthly) and seldom
  decides how to lead the political task; CB02's cell meetings seldom set concrete targets;
* criticism of heads: CB03 never criticises its head (0 in every meeting);
* commitments: a few members who did not keep their yearly commitment, one of them holding a
  post (DV029, Phó Bí thư of CB03, in 2025);
* the year-end review of 2026 (not decided yet): self-ratings and the cells' proposals, some
  missing (CB01's proposals for its members; three members' self-ratings), one that breaks the
  quota (CB02 proposed HTXSNV, with the other three HTTNV: 20 % of 3 allows none) and one that
  breaks a cell cap (CB04 proposed HTTNV with a member proposed KHTNV).

Resolution numbers are sample numbers ("M01-NQ/TW"), not real documents.
"""

from __future__ import annotations

import datetime as dt
import random

D = dt.date
LAST_DATE = D(2026, 11, 15)
CELL_CODES = ("CB01", "CB02", "CB03", "CB04")
UNITS = ("DANG_UY",) + CELL_CODES
SLOW_CELL, RARE_COMMITTEE, NO_HEAD_CRITICISM = "CB04", "CB02", "CB03"

# number, title, issuer, issued, received, solution
RESOLUTIONS = (
    ("M01-NQ/TW", "Nghị quyết mẫu số 01 về tăng cường xây dựng, chỉnh đốn Đảng", "Ban Chấp hành Trung ương",
     D(2021, 10, 30), D(2021, 11, 15), 6),
    ("M02-CT/TW", "Chỉ thị mẫu số 02 về học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
     "Bộ Chính trị", D(2022, 4, 20), D(2022, 5, 4), 1),
    ("M03-NQ/TU", "Nghị quyết mẫu số 03 về nâng cao chất lượng tổ chức cơ sở đảng", "Tỉnh ủy",
     D(2022, 11, 10), D(2022, 11, 21), 3),
    ("M04-KL/TW", "Kết luận mẫu số 04 về công tác cán bộ", "Bộ Chính trị", D(2023, 6, 2), D(2023, 6, 19), 4),
    ("M05-NQ/ĐU", "Nghị quyết mẫu số 05 của Đảng ủy về đổi mới sinh hoạt chi bộ", "Đảng ủy Khối",
     D(2024, 3, 5), D(2024, 3, 12), 5),
    ("M06-CT/TW", "Chỉ thị mẫu số 06 về kiểm tra, giám sát đảng viên", "Ban Bí thư",
     D(2024, 9, 16), D(2024, 10, 1), 6),
    ("M07-NQ/TW", "Nghị quyết mẫu số 07 về phòng, chống suy thoái tư tưởng chính trị", "Ban Chấp hành Trung ương",
     D(2025, 5, 8), D(2025, 5, 22), 2),
    ("M08-NQ/TU", "Nghị quyết mẫu số 08 về chuyển đổi số trong cơ quan đảng", "Tỉnh ủy",
     D(2025, 12, 1), D(2025, 12, 10), 1),
    ("M09-KL/TW", "Kết luận mẫu số 09 về nâng cao chất lượng sinh hoạt chi bộ", "Bộ Chính trị",
     D(2026, 8, 14), D(2026, 8, 25), 5),
    ("M10-CT/TU", "Chỉ thị mẫu số 10 về tổng kết năm, kiểm điểm, đánh giá, xếp loại", "Tỉnh ủy",
     D(2026, 10, 20), D(2026, 10, 30), 3),
)
NOT_CONCRETE = {("M03-NQ/TU", SLOW_CELL), ("M07-NQ/TW", SLOW_CELL)}
# Kept their commitment badly: (member, year).
NOT_KEPT = {("DV029", 2025), ("DV044", 2025), ("DV018", 2024), ("DV047", 2024), ("DV009", 2023)}


def resolutions() -> list[dict]:
    return [{"doc_number": n, "title": t, "issuer": i, "issued_on": issued, "received_on": received,
             "plan_due_on": None, "solution": s} for n, t, i, issued, received, s in RESOLUTIONS]


def uptake(members: list[dict]) -> list[dict]:
    """How each unit took up each resolution: study, plan, made concrete."""
    rng = random.Random(20261116)
    rows = []
    for number, _, _, _, received, _ in RESOLUTIONS:
        for unit in UNITS:
            if number == RESOLUTIONS[-1][0] and unit == SLOW_CELL:
                continue   # not taken up at all yet: late from its due date on
            slow = unit == SLOW_CELL
            studied = received + dt.timedelta(days=rng.randint(5, 12) + (10 if slow else 0))
            planned = received + dt.timedelta(days=rng.randint(45, 75) if slow else rng.randint(12, 28))
            if studied > LAST_DATE:
                continue
            in_unit = [m for m in members if unit != "DANG_UY" and m["branch_code"] == unit
                       and m["joined_on"] <= studied and (m["left_on"] is None or m["left_on"] >= studied)]
            rows.append({"doc_number": number, "branch_code": unit, "studied_on": studied,
                         "attended": max(0, len(in_unit) - rng.randint(0, 2)) if in_unit else None,
                         "plan_number": f"{rng.randint(10, 99)}-KH/{'ĐU' if unit == 'DANG_UY' else 'CB'}"
                         if planned <= LAST_DATE else None,
                         "plan_issued_on": planned if planned <= LAST_DATE else None,
                         "made_concrete": (number, unit) not in NOT_CONCRETE if planned <= LAST_DATE else None,
                         "reviewed_on": None})
    return rows


def committee_meetings(members: list[dict]) -> list[dict]:
    """Monthly committee meetings of each cell (CB02's only at each quarter's end)."""
    rng = random.Random(20261117)
    rows = []
    for cell in CELL_CODES:
        size = sum(1 for m in members if m["branch_code"] == cell and m["left_on"] is None
                   and m["party_role"] in ("Bí thư", "Phó Bí thư", "Chi ủy viên"))
        for year in range(2021, 2027):
            for month in range(1, 13):
                day = D(year, month, 2 + rng.randint(0, 3))
                if day > LAST_DATE or (cell == RARE_COMMITTEE and month % 3):
                    continue
                rows.append({"branch_code": cell, "held_on": day, "committee_size": size,
                             "present": size - (1 if rng.random() < 0.15 else 0),
                             "political_task_discussed": rng.random() < (0.3 if cell == RARE_COMMITTEE else 0.85),
                             "topic": "Họp chi ủy: đánh giá công tác tháng, định hướng nhiệm vụ chính trị tháng tới"})
    return rows


def meeting_columns(meetings: list[dict]) -> None:
    """The two new columns of sinh_hoat, filled in place: criticism of heads, concrete targets."""
    rng = random.Random(20261118)
    for m in meetings:
        if m["kind"] == "bat_thuong":
            continue
        m["criticism_of_heads"] = 0 if m["branch_code"] == NO_HEAD_CRITICISM else (
            rng.choice((0, 0, 1, 1, 2)) if m["self_criticism"] else 0)
        m["concrete_targets"] = rng.random() < (0.35 if m["branch_code"] == RARE_COMMITTEE else 0.85)


def commitments(members: list[dict]) -> list[dict]:
    """Every member's yearly commitment 2021–2026 (2026's results come at the year's review)."""
    rng = random.Random(20261119)
    rows = []
    for year in range(2021, 2027):
        for m in members:
            if m["joined_on"] > D(year, 3, 31) or (m["left_on"] is not None and m["left_on"] < D(year, 12, 31)):
                continue
            committed = rng.random() < 0.97 or (m["member_code"], year) in NOT_KEPT
            kept = None
            if year < 2026 and committed:
                kept = "chua_dat" if (m["member_code"], year) in NOT_KEPT else ("tot" if rng.random() < 0.6 else "dat")
            rows.append({"year": year, "member_code": m["member_code"], "committed": committed, "kept": kept,
                         "note": None})
    return rows


def proposals(members: list[dict]) -> list[dict]:
    """The year-end review of 2026: self-ratings and cells' proposals, before any decision."""
    rng = random.Random(20261120)
    year, rows = 2026, []
    rated = [m for m in members if m["joined_on"] <= D(year, 10, 31) and m["left_on"] is None]
    missing_self = {"DV010", "DV024", "DV036"}
    for m in rated:
        level = "HTXSNV" if rng.random() < 0.1 else "HTTNV"
        if m["member_code"] == "DV048":
            level = "KHTNV"   # in CB04, which proposes itself HTTNV: the cell cap
        if m["member_code"] not in missing_self:
            rows.append({"year": year, "subject_kind": "dang_vien", "subject_code": m["member_code"],
                         "step": "tu_danh_gia", "level": "HTTNV" if level == "KHTNV" else level, "note": None})
        if m["branch_code"] != "CB01":   # CB01 has not sent its members' proposals yet
            rows.append({"year": year, "subject_kind": "dang_vien", "subject_code": m["member_code"],
                         "step": "chi_bo_de_xuat", "level": level, "note": None})
    for cell, level in (("CB01", "HTTNV"), ("CB02", "HTXSNV"), ("CB03", "HTTNV"), ("CB04", "HTTNV")):
        rows.append({"year": year, "subject_kind": "chi_bo", "subject_code": cell, "step": "tu_danh_gia",
                     "level": level, "note": None})
        rows.append({"year": year, "subject_kind": "chi_bo", "subject_code": cell, "step": "chi_bo_de_xuat",
                     "level": level, "note": "Chi bộ tự đánh giá và đề xuất" if cell == "CB02" else None})
    return rows
