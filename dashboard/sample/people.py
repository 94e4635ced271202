"""Members, scores and ratings of the sample."""

from __future__ import annotations

import random

from .scenario import *  # noqa: F403 (the scenario's names are this module's vocabulary)
from .scenario import _band


def _members(rng: random.Random) -> list[dict]:
    rows, number = [], 0
    for code, _, founded, size, committee in CELLS:
        for i in range(size):
            number += 1
            member = f"DV{number:03d}"
            role = ("Bí thư" if i == 0 else "Phó Bí thư" if i == 1
                    else "Chi ủy viên" if i < 2 + committee else "Đảng viên")
            start = max(founded, D(2005, 1, 1))
            joined = JOINED.get(member) or start + dt.timedelta(days=rng.randrange((D(2020, 12, 31) - start).days))
            rows.append({"member_code": member, "full_name": f"Đảng viên mẫu {number:03d}",
                         "branch_code": code, "kind": "du_bi" if member in PROBATIONARY else "chinh_thuc",
                         "party_role": role, "joined_on": joined, "left_on": None})
    member, cell, joined, left = LEFT_MEMBER
    rows.append({"member_code": member, "full_name": f"Đảng viên mẫu {member[2:]}", "branch_code": cell,
                 "kind": "chinh_thuc", "party_role": "Đảng viên", "joined_on": joined, "left_on": left})
    return rows


def _in_cell(members: list[dict], cell: str, on: dt.date) -> list[str]:
    return [m["member_code"] for m in members if m["branch_code"] == cell and m["joined_on"] <= on
            and (m["left_on"] is None or m["left_on"] >= on)]


def _split_total(rng: random.Random, cell: str, total: float) -> list[float]:
    """Scores per criterion (0.5 steps, within the maxima) adding up exactly to ``total``."""
    scores = []
    for code, _, _, top, _ in CRITERIA:
        ratio = total / 100 + rng.uniform(-0.06, 0.06) + BIAS.get((cell, code), 0.0)
        ratio = min(1.0, max(0.3, ratio))
        scores.append(round(top * ratio * 2) / 2)
    steps = round((total - sum(scores)) * 2)
    while steps:
        i = rng.randrange(len(CRITERIA))
        if BIAS.get((cell, CRITERIA[i][0]), 0) < 0 and steps > 0:
            continue                      # keep a weak criterion weak
        new = scores[i] + (0.5 if steps > 0 else -0.5)
        if 0 <= new <= CRITERIA[i][3]:
            scores[i] = new
            steps += -1 if steps > 0 else 1
    return scores


def _scores(rng: random.Random) -> list[dict]:
    rows = []
    for index, period in enumerate(PERIODS):
        for cell in CELL_CODES:
            scores = _split_total(rng, cell, TOTALS[cell][index])
            for (code, *_), score in zip(CRITERIA, scores):
                if (period, cell, code) == MISSING_SCORE:
                    continue
                note = None
                if (period, cell) == MISSING_SCORE[:2] and code == "B1":
                    note = "Chưa có điểm tiêu chí B5: chờ kết quả kiểm tra, giám sát quý III."
                rows.append({"period": period, "branch_code": cell, "criterion_code": code,
                             "score": score, "note": note})
    return rows


def _ratings(rng: random.Random, members: list[dict]) -> list[dict]:
    rows = []
    for y_index, year in enumerate(YEARS):
        cell_levels = {}
        for cell in CELL_CODES:
            total = TOTALS[cell][y_index]
            level = LEVEL_OVERRIDE.get((year, cell), _band(total))
            if level == "HTXSNV" and year != QUOTA_BREACH_YEAR:
                level = "HTTNV"   # the Đảng ủy holds to the quota: 4 cells allow no HTXSNV
            cell_levels[cell] = level
            rows.append({"year": year, "subject_kind": "chi_bo", "subject_code": cell, "level": level,
                         "score": total, "disciplined": False, "discipline_form": None,
                         "decided_on": D(year, 12, 26)})
        rated = [m for m in members if m["joined_on"] <= D(year, 10, 31)
                 and (m["left_on"] is None or m["left_on"] >= D(year, 12, 31))]
        levels: dict[str, str] = {}
        for m in rated:
            cell_level = cell_levels[m["branch_code"]]
            excellent = {"HTXSNV": 0.25, "HTTNV": 0.12}.get(cell_level, 0.04)
            weak = 0.04 if cell_level in ("HTXSNV", "HTTNV") else 0.15
            u = rng.random()
            levels[m["member_code"]] = "HTXSNV" if u < excellent else "HTNV" if u > 1 - weak else "HTTNV"
        member, d_year, _ = DISCIPLINED
        if year == d_year:
            levels[member] = "KHTNV"
        disciplined_now = {member} if year == d_year else set()
        cell, c_year, codes, _ = CELL_DISCIPLINED
        if year == c_year:
            for code in codes:
                if code in levels:
                    levels[code] = "KHTNV"
                    disciplined_now.add(code)
        cell, s_year, code = CELL_MEMBER_SHORT
        if year == s_year and code in levels:
            levels[code] = "KHTNV"

        def count(level: str) -> int:
            return sum(1 for v in levels.values() if v == level)

        if year == QUOTA_BREACH_YEAR:
            while count("HTXSNV") <= 0.2 * count("HTTNV") + 2:
                levels[rng.choice([k for k, v in levels.items() if v == "HTTNV"])] = "HTXSNV"
        else:
            while count("HTXSNV") > 0.2 * count("HTTNV"):
                levels[rng.choice([k for k, v in levels.items() if v == "HTXSNV"])] = "HTTNV"
        for m in rated:
            code = m["member_code"]
            disciplined = code in disciplined_now
            rows.append({"year": year, "subject_kind": "dang_vien", "subject_code": code,
                         "level": levels[code], "score": None, "disciplined": disciplined,
                         "discipline_form": "khien_trach" if disciplined else None,
                         "decided_on": D(year, 12, 18)})
    return rows


# ---- issue 14
# DV051 (CB04) was admitted on 20/10/2025: his 12 months of probation ended on 20/10/2026 and he
# is still probationary (the member register lists him as past due); DV013, admitted 19/01/2026,
# is due within 60 days of the end of November 2026. The date is set after every draw, so that
# the rest of the sample is what it was (DV051 is first rated in 2026, as before).
PROBATION_OVER = ("DV051", D(2025, 10, 20))


def _probation_over(members: list[dict]) -> None:
    code, joined = PROBATION_OVER
    next(m for m in members if m["member_code"] == code)["joined_on"] = joined


# DV046 (CB04) rated HTXSNV five years running, 2021–2025 (the register's list to commend): in
# 2022–2024 he trades levels with the one CB04 member drawn HTXSNV that year, so that every
# count of a cell and of the Đảng bộ (the quota, the caps) stays what it was.
EXCELLENT_RUN = ("DV046", "CB04", (2022, 2023, 2024))
CB04_MEMBERS = frozenset(f"DV{n:03d}" for n in range(40, 53))   # DV040 … DV051, and DV052 who left


def _excellent_five_years(ratings: list[dict]) -> None:
    code, _, years = EXCELLENT_RUN
    members = {(r["year"], r["subject_code"]): r for r in ratings if r["subject_kind"] == "dang_vien"}
    cell_members = {m for (_, m) in members if m in CB04_MEMBERS}
    for year in years:
        mine = members[(year, code)]
        other = next(members[(year, m)] for m in sorted(cell_members)
                     if (year, m) in members and members[(year, m)]["level"] == "HTXSNV"
                     and not members[(year, m)]["disciplined"])
        mine["level"], other["level"] = other["level"], mine["level"]

# ---- end issue 14
