"""Deterministic upload files for the benchmark sizes S, M and L.

    .venv/bin/python -m bench generate --sizes M,L

* **S** is the shipped sample workbook (``data/sample/du-lieu-mau.xlsx``): 4 cells, 52 members.
* **M**: 60 cells, 1,500 current members, 5 annual periods (2021–2025) plus every quarter
  from 2021-Q1 to 2026-Q3, monthly meetings from January 2021 to October 2026 — a provincial
  committee. About 85,000 rows, the size the issue measured.
* **L**: 2,000 cells, 60,000 current members, 10 annual periods (2016–2025) plus every
  quarter to 2026-Q3, monthly meetings from January 2016, 120,000 actions under the six
  solutions with monthly progress reports — the procuracy sector. About 4 million rows.

Each size is written as one workbook (all nine contract sheets, the contract's Vietnamese
headers, dates as real spreadsheet dates; a sheet longer than Excel's 1,048,576 rows goes on
in "<sheet> (2)", which the reader recognises by its headers — L's scores and progress
reports need it) and, for L, also as the *split path*: CSV files
of at most 200,000 rows and 19 MB each (under the default ``DASHBOARD_MAX_ROWS`` and
``DASHBOARD_MAX_UPLOAD_MB``), one folder per upload in load order
(``split/001/chi_bo.csv`` …), so that an office could upload them one by one without
raising any limit.

Everything comes from ``random.Random`` instances seeded with text (``"<seed>:<what>:<i>"``,
hashed with SHA-512 by Python, so independent of ``PYTHONHASHSEED``), one per cell and
purpose: any sheet can be regenerated on its own, in streaming fashion, and two runs give
byte-identical files (the workbook's creation time is fixed). M's workbook is written with
xlsxwriter's shared-string table, as Excel writes files; L's in ``constant_memory`` mode
(inline strings), since holding 4 million rows in memory to build a shared-string table
would take several GB.

The data is fictional and shaped like the sample's (``dashboard/sample/``, whose helpers
and texts are reused): scores per criterion adding up to a total that follows each cell's
level and trend, cells' and members' ratings within the 20 % quota except in one year,
monthly regular meetings and quarterly thematic ones (some combined), absences (excused
mostly, never more than two in a row by chance, plus a few planted streaks of four),
actions with realistic endings (on time, early, late, overdue, stale, paused, backwards)
and their monthly reports. Every date is on or before 15/11/2026 (the sample's last day).
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import random
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from dashboard import sample
from dashboard.sample import meetings as sample_meetings
from dashboard.sample import progress as sample_progress
from dashboard.contract import COMMITTEE_CODE, SHEETS, SHEETS_BY_NAME, load_order

from .common import CACHE, ROOT

# Bump when the generated data changes: the cached files and stores are keyed by it.
GENERATOR_VERSION = 3

D = dt.date
LAST_DATE = sample.LAST_DATE                 # 15/11/2026: no event after this day
LAST_MEETING_MONTH = (2026, 10)
LAST_QUARTER = (2026, 3)
CREATED = sample.CREATED
CRITERIA = tuple((code, group, top) for code, _, group, top, _ in sample.CRITERIA)
YES, NO = "Có", "Không"
EPOCH = D(1899, 12, 30)
SAMPLE_WORKBOOK = ROOT / "data" / "sample" / "du-lieu-mau.xlsx"

# Excel holds at most 1,048,576 rows per sheet (xlsxwriter silently drops the rest): a longer
# sheet continues on "<name> (2)" …, found by its headers, as an office would have to do it.
EXCEL_MAX_ROWS = 1_048_576
# Split path limits: the defaults of DASHBOARD_MAX_ROWS and DASHBOARD_MAX_UPLOAD_MB, with room.
SPLIT_MAX_ROWS = 200_000
SPLIT_MAX_BYTES = 19 * 1024 * 1024


@dataclass(frozen=True)
class Spec:
    name: str
    cells: int
    members: int                   # current members (not left) on the last day
    years: int                     # annual periods, ending with 2025
    actions_per_cell_year: int
    seed: int
    split: bool = False            # also write the split path (CSV files)

    @property
    def first_year(self) -> int:
        return 2026 - self.years

    @property
    def annual_years(self) -> tuple[int, ...]:
        return tuple(range(self.first_year, 2026))

    @property
    def quarters(self) -> tuple[str, ...]:
        return tuple(f"{y}-Q{q}" for y in range(self.first_year, 2027) for q in range(1, 5)
                     if (y, q) <= LAST_QUARTER)

    @property
    def periods(self) -> tuple[str, ...]:
        return tuple(str(y) for y in self.annual_years) + self.quarters

    @property
    def actions(self) -> int:
        return self.cells * self.actions_per_cell_year * self.years

    @property
    def breach_year(self) -> int:
        """The one year whose member ratings go over the 20 % quota (a finding to show)."""
        return self.first_year + self.years // 2


SPECS = {
    # M: 13 actions per cell and year: the sector's 6 would give 60k rows, not the 85k the issue measured.
    "M": Spec("M", cells=60, members=1_500, years=5, actions_per_cell_year=13, seed=20261201),
    "L": Spec("L", cells=2_000, members=60_000, years=10, actions_per_cell_year=6, seed=20261202, split=True),
}


def rng_for(spec: Spec, what: str, index: int | str = 0) -> random.Random:
    return random.Random(f"{spec.seed}:{what}:{index}")


# ---------------------------------------------------------------- the world: cells, members, totals

UNIT_KINDS = ("Văn phòng", "Phòng Thực hành quyền công tố và kiểm sát điều tra",
              "Phòng Kiểm sát xét xử hình sự", "Phòng Kiểm sát giải quyết án dân sự",
              "Phòng Kiểm sát án hành chính, kinh doanh, thương mại", "Phòng Kiểm sát thi hành án",
              "Phòng Thanh tra, khiếu tố", "Phòng Tổ chức cán bộ", "Viện kiểm sát nhân dân khu vực")
PLACES = ("Ba Đình", "Hoàn Kiếm", "Đống Đa", "Cầu Giấy", "Thanh Xuân", "Hà Đông", "Sơn Tây", "Mê Linh",
          "Hải Châu", "Sơn Trà", "Ninh Kiều", "Cái Răng", "Lê Chân", "Ngô Quyền", "Thủ Đức", "Bình Thạnh",
          "Tân Bình", "Gò Vấp", "Biên Hòa", "Long Khánh", "Vũng Tàu", "Bà Rịa", "Nha Trang", "Cam Ranh",
          "Đà Lạt", "Bảo Lộc", "Buôn Ma Thuột", "Pleiku", "Kon Tum", "Quy Nhơn", "Tuy Hòa", "Quảng Ngãi",
          "Tam Kỳ", "Hội An", "Huế", "Đông Hà", "Đồng Hới", "Hà Tĩnh", "Vinh", "Thanh Hóa", "Ninh Bình",
          "Nam Định", "Thái Bình", "Hưng Yên", "Hải Dương", "Bắc Ninh", "Bắc Giang", "Lạng Sơn", "Cao Bằng",
          "Hà Giang", "Tuyên Quang", "Yên Bái", "Lào Cai", "Lai Châu", "Điện Biên", "Sơn La", "Hòa Bình",
          "Phú Thọ", "Việt Trì", "Thái Nguyên", "Bắc Kạn", "Móng Cái", "Hạ Long", "Cẩm Phả", "Uông Bí",
          "Tây Ninh", "Thủ Dầu Một", "Đồng Xoài", "Mỹ Tho", "Bến Tre", "Trà Vinh", "Vĩnh Long", "Sa Đéc",
          "Cao Lãnh", "Long Xuyên", "Châu Đốc", "Rạch Giá", "Hà Tiên", "Phú Quốc", "Sóc Trăng", "Bạc Liêu",
          "Cà Mau", "Vị Thanh", "Tân An", "Phan Thiết", "Phan Rang")
OWNERS = ("Bí thư chi bộ", "Phó Bí thư chi bộ", "Chi ủy viên")
COMMITTEE_OWNERS = ("Bí thư Đảng ủy", "Phó Bí thư Đảng ủy", "Văn phòng Đảng ủy", "Ủy ban Kiểm tra Đảng ủy",
                    "Chi ủy viên phụ trách tuyên giáo")
DESCRIPTIONS = {s: tuple(text for _, _, sol, text, *_ in sample.ACTIONS if sol == s) for s in range(1, 7)}


@dataclass(slots=True)
class Member:
    code: str
    cell: str
    kind: str
    role: str
    joined: dt.date
    left: dt.date | None = None
    exempt: tuple[dt.date, dt.date] | None = None


@dataclass(slots=True)
class Cell:
    index: int
    code: str
    name: str
    founded: dt.date
    size: int                              # current members
    quality: float
    trend: float
    base_day: int
    weak_criticism: bool
    members: list[Member] = field(default_factory=list)


class World:
    """Everything several sheets need to agree on; small enough to keep (L: ~70k members)."""

    def __init__(self, spec: Spec):
        self.spec = spec
        self.cells: list[Cell] = []
        rng = rng_for(spec, "cells")
        width = max(2, len(str(spec.cells)))
        sizes = _sizes(rng, spec.cells, spec.members)
        for i in range(spec.cells):
            code = f"CB{i + 1:0{width}d}"
            kind = UNIT_KINDS[i % len(UNIT_KINDS)]
            place = PLACES[(i // len(UNIT_KINDS)) % len(PLACES)]
            round_ = i // (len(UNIT_KINDS) * len(PLACES))
            name = f"Chi bộ {kind} {place}" + (f" {round_ + 1}" if round_ else "")
            founded = D(rng.randint(1985, spec.first_year - 1), rng.randint(1, 12), rng.randint(1, 28))
            self.cells.append(Cell(i, code, name, founded, sizes[i], quality=min(96.0, max(52.0, rng.gauss(80, 7))),
                                   trend=rng.gauss(0, 0.8), base_day=rng.randint(4, 13),
                                   weak_criticism=rng.random() < 0.1))
        number = 0
        total_members = spec.members + sum(self._leavers(c) for c in self.cells)
        self.member_width = max(3, len(str(total_members)))
        for cell in self.cells:
            number = self._roster(cell, number)
        self.annual = {c.code: self._annual(c) for c in self.cells}

    # -- members
    def _leavers(self, cell: Cell) -> int:
        return round(cell.size * 0.01 * self.spec.years)

    def _roster(self, cell: Cell, number: int) -> int:
        spec, rng = self.spec, rng_for(self.spec, "members", cell.index)
        window_start = D(spec.first_year, 1, 1)
        committee = rng.randint(1, 3)
        start = max(cell.founded, D(1990, 1, 1))
        for i in range(cell.size + self._leavers(cell)):
            number += 1
            leaver = i >= cell.size
            role = ("Bí thư" if i == 0 else "Phó Bí thư" if i == 1 else "Chi ủy viên" if i < 2 + committee
                    else "Đảng viên")
            left = None
            if not leaver and i >= 2 + committee and rng.random() < 0.025 * spec.years:       # admitted during the window
                joined = window_start + dt.timedelta(days=rng.randrange((LAST_DATE - window_start).days - 10))
            else:
                joined = start + dt.timedelta(days=rng.randrange(max(1, (window_start - start).days)))
            if leaver:
                role = "Đảng viên"
                left = window_start + dt.timedelta(days=rng.randrange((LAST_DATE - window_start).days - 10))
            kind = "du_bi" if (LAST_DATE - joined).days < 365 else "chinh_thuc"
            exempt = None
            if rng.random() < 0.02:
                from_ = window_start + dt.timedelta(days=rng.randrange((LAST_DATE - window_start).days - 300))
                exempt = (from_, from_ + dt.timedelta(days=rng.randint(90, 270)))
            cell.members.append(Member(f"DV{number:0{self.member_width}d}", cell.code, kind, role, joined, left, exempt))
        return number

    # -- scores
    def _annual(self, cell: Cell) -> dict[int, float]:
        rng = rng_for(self.spec, "totals", cell.index)
        middle = self.spec.first_year + self.spec.years / 2
        return {y: _half(min(99.5, max(35.0, cell.quality + cell.trend * (y - middle) + rng.gauss(0, 2.5))))
                for y in range(self.spec.first_year, 2027)}

    def members_in(self, cell: Cell, on: dt.date) -> list[Member]:
        return [m for m in cell.members if m.joined <= on and (m.left is None or m.left >= on)]


def _sizes(rng: random.Random, cells: int, members: int) -> list[int]:
    """Cell sizes around the mean (a third either way), adding up exactly to ``members``."""
    mean = members / cells
    sizes = [max(5, round(rng.gauss(mean, mean / 3))) for _ in range(cells)]
    diff = members - sum(sizes)
    while diff:
        i = rng.randrange(cells)
        step = 1 if diff > 0 else -1
        if sizes[i] + step >= 5:
            sizes[i] += step
            diff -= step
    return sizes


def _half(x: float) -> float:
    return round(x * 2) / 2


def _band(total: float) -> str:
    return sample._band(total)


def _split(rng: random.Random, total: float) -> list[float]:
    """Scores per criterion (0.5 steps, within the maxima) adding up exactly to ``total``."""
    scores = []
    for _, _, top in CRITERIA:
        ratio = min(1.0, max(0.3, total / 100 + rng.uniform(-0.06, 0.06)))
        scores.append(round(top * ratio * 2) / 2)
    steps = round((total - sum(scores)) * 2)
    while steps:
        i = rng.randrange(len(CRITERIA))
        new = scores[i] + (0.5 if steps > 0 else -0.5)
        if 0 <= new <= CRITERIA[i][2]:
            scores[i] = new
            steps += -1 if steps > 0 else 1
    return scores


# ---------------------------------------------------------------- sheets as row streams
# Each yields tuples in the contract's column order (contract.SHEETS[...].column_names).

def rows_chi_bo(world: World) -> Iterator[tuple]:
    for c in world.cells:
        yield (c.code, c.name, f"Đảng viên mẫu {c.members[0].code[2:]}", c.founded, True)


def rows_dang_vien(world: World) -> Iterator[tuple]:
    for c in world.cells:
        for m in c.members:
            yield (m.code, f"Đảng viên mẫu {m.code[2:]}", m.cell, m.kind, m.role, m.joined, m.left)


def rows_tieu_chi(world: World) -> Iterator[tuple]:
    for code, name, group, top, solution in sample.CRITERIA:
        yield (code, name, group, top, solution, None)


def rows_diem_danh_gia(world: World) -> Iterator[tuple]:
    spec = world.spec
    last_quarter = spec.quarters[-1]
    for period in spec.periods:
        year = int(period[:4])
        for c in world.cells:
            rng = rng_for(spec, f"scores:{period}", c.index)
            total = world.annual[c.code][year]
            if "-Q" in period:
                total = _half(min(99.5, max(35.0, total + rng.gauss(0, 2.0))))
            missing = None
            if period == last_quarter and rng.random() < 0.03:       # a cell still missing a criterion
                missing = rng.randrange(len(CRITERIA))
            for i, ((code, _, _), score) in enumerate(zip(CRITERIA, _split(rng, total))):
                if i == missing:
                    continue
                yield (period, c.code, code, score, None)


def _cell_levels(world: World, year: int) -> dict[str, str]:
    """Decided levels of the cells in a year: the score band, with the 20 % quota kept
    (the lowest-scoring cells beyond it are decided HTTNV, which the rules then flag)."""
    levels = {c.code: _band(world.annual[c.code][year]) for c in world.cells}
    excellent = sorted((world.annual[code][year], code) for code, lv in levels.items() if lv == "HTXSNV")
    while excellent and len(excellent) > 0.2 * sum(1 for lv in levels.values() if lv == "HTTNV"):
        _, code = excellent.pop(0)
        levels[code] = "HTTNV"
    return levels


def rows_xep_loai(world: World) -> Iterator[tuple]:
    spec = world.spec
    for year in spec.annual_years:
        cell_levels = _cell_levels(world, year)
        for c in world.cells:
            yield (year, "chi_bo", c.code, cell_levels[c.code], world.annual[c.code][year], False, None,
                   D(year, 12, 26))
        rng = rng_for(spec, "ratings", year)
        levels: dict[str, str] = {}
        disciplined: dict[str, str] = {}
        order: list[Member] = []
        for c in world.cells:
            cell_level = cell_levels[c.code]
            excellent = {"HTXSNV": 0.22, "HTTNV": 0.11}.get(cell_level, 0.04)
            weak = 0.04 if cell_level in ("HTXSNV", "HTTNV") else 0.15
            for m in c.members:
                if not (m.joined <= D(year, 10, 31) and (m.left is None or m.left >= D(year, 12, 31))):
                    continue
                order.append(m)
                u = rng.random()
                levels[m.code] = "HTXSNV" if u < excellent else "HTNV" if u > 1 - weak else "HTTNV"
                if rng.random() < 0.004:
                    disciplined[m.code] = "khien_trach" if rng.random() < 0.7 else "canh_cao"
                    levels[m.code] = "KHTNV"
        excellent_codes = [m.code for m in order if levels[m.code] == "HTXSNV"]
        good = sum(1 for v in levels.values() if v == "HTTNV")
        if year == spec.breach_year:                     # the quota broken by a few, once
            good_codes = [m.code for m in order if levels[m.code] == "HTTNV"]
            rng.shuffle(good_codes)
            while len(excellent_codes) <= 0.2 * good + 2 and good_codes:
                code = good_codes.pop()
                levels[code] = "HTXSNV"
                excellent_codes.append(code)
                good -= 1
        else:
            rng.shuffle(excellent_codes)
            while len(excellent_codes) > 0.2 * good:
                levels[excellent_codes.pop()] = "HTTNV"
                good += 1
        for m in order:
            form = disciplined.get(m.code)
            yield (year, "dang_vien", m.code, levels[m.code], None, form is not None, form, D(year, 12, 18))


def _meeting_plan(world: World, cell: Cell, rng: random.Random) -> list[tuple[dt.date, str]]:
    plan = []
    for year in range(world.spec.first_year, LAST_MEETING_MONTH[0] + 1):
        for month in range(1, 13):
            if (year, month) > LAST_MEETING_MONTH:
                break
            day = sample._weekday(D(year, month, cell.base_day + rng.randint(-2, 2)))
            quarter_end = month % 3 == 0
            combined = quarter_end and rng.random() < (0.4 if year >= 2025 else 0.15)
            missed_regular = rng.random() < 0.008
            missed_thematic = quarter_end and rng.random() < 0.02
            if combined and not (missed_regular or missed_thematic):
                plan.append((day, "ket_hop"))
            else:
                if not missed_regular:
                    plan.append((day, "thuong_ky"))
                if quarter_end and not missed_thematic:
                    plan.append((sample._weekday(D(year, month, rng.randint(18, 24))), "chuyen_de"))
            if rng.random() < 0.006:
                plan.append((sample._weekday(D(year, month, 27)), "bat_thuong"))
    plan.sort()
    return plan


def meetings_of(world: World, cell: Cell) -> Iterator[tuple[tuple, list[tuple]]]:
    """(meeting row, absence rows) of one cell, by date: both sheets come from this one stream."""
    rng = rng_for(world.spec, "meetings", cell.index)
    plan = _meeting_plan(world, cell, rng)
    # A few planted streaks: a member absent from four meetings in a row.
    streaks: dict[str, int] = {}
    streak_from: dict[str, dt.date] = {}
    for m in cell.members:
        if rng.random() < 0.002:
            streak_from[m.code] = D(world.spec.first_year, 1, 1) + dt.timedelta(
                days=rng.randrange((LAST_DATE - D(world.spec.first_year, 1, 1)).days - 200))
    recent: list[set[str]] = []
    for on, kind in plan:
        present = world.members_in(cell, on)
        exempt = [m for m in present if m.exempt and m.exempt[0] <= on <= m.exempt[1]]
        exempt_codes = {m.code for m in exempt}
        eligible = [m for m in present if m.code not in exempt_codes]
        absent: list[tuple[str, bool]] = []
        for m in eligible:
            start = streak_from.get(m.code)
            if start is not None and on >= start and streaks.get(m.code, 0) < 4:
                streaks[m.code] = streaks.get(m.code, 0) + 1
                absent.append((m.code, rng.random() < 0.5))
                continue
            if kind != "bat_thuong" and len(recent) >= 2 and all(m.code in r for r in recent[-2:]):
                continue            # nobody is absent by chance from more than two meetings in a row
            if rng.random() < 0.045:
                absent.append((m.code, rng.random() < 0.9))
        absent.sort()
        recent.append({code for code, _ in absent})
        excused = sum(1 for _, e in absent if e)
        unexcused = len(absent) - excused
        total = len(present)
        attended = total - len(exempt) - excused - unexcused
        minutes = sample_meetings.duration(rng, kind)
        thematic = kind in ("chuyen_de", "ket_hop")
        if cell.weak_criticism:
            criticism = rng.random() < (0.5 if thematic else 0.2)
        else:
            criticism = rng.random() < (0.95 if thematic else 0.8)
        if kind == "bat_thuong":
            criticism = False
        low, high = (2, 5) if cell.weak_criticism else (4, 10)
        speakers = min(attended, rng.randint(low, high))
        label = f"tháng {on.month:02d}/{on.year}"
        if kind == "thuong_ky":
            agenda = ("sơ kết công tác năm, chuẩn bị kiểm điểm, đánh giá, xếp loại chất lượng"
                      if on.month == 12 else rng.choice(sample.REGULAR_AGENDA))
            topic = f"Sinh hoạt thường kỳ {label}: {agenda}"
        elif kind == "chuyen_de":
            topic = f"Chuyên đề: {rng.choice(sample.THEMATIC_TOPICS)}"
        elif kind == "ket_hop":
            topic = f"Sinh hoạt thường kỳ {label} kết hợp chuyên đề: {rng.choice(sample.THEMATIC_TOPICS)}"
        else:
            topic = "Sinh hoạt bất thường: xét đề nghị kết nạp đảng viên"
        meeting = (cell.code, on, kind, total, len(exempt), attended, excused, unexcused, minutes, criticism,
                   speakers, topic)
        yield meeting, [(cell.code, on, kind, code, is_excused) for code, is_excused in absent]


def rows_sinh_hoat(world: World) -> Iterator[tuple]:
    for c in world.cells:
        for meeting, _ in meetings_of(world, c):
            yield meeting


def rows_vang_sinh_hoat(world: World) -> Iterator[tuple]:
    for c in world.cells:
        for _, absences in meetings_of(world, c):
            yield from absences


SCENARIOS = (("normal", 0.60), ("early", 0.10), ("late", 0.10), ("overdue", 0.08), ("stale", 0.05),
             ("backwards", 0.03), ("paused", 0.04))


def _actions_of(world: World, owner: str, index: int, count: int) -> list[tuple]:
    """(code, owner, solution, description, start, due, owner role, scenario) for one unit."""
    spec = world.spec
    rng = rng_for(spec, "actions", index)
    window_start = D(spec.first_year, 1, 1)
    span = (LAST_DATE - window_start).days - 20
    starts = sorted(window_start + dt.timedelta(days=rng.randrange(span)) for _ in range(count))
    short = "DU" if owner == COMMITTEE_CODE else owner
    out = []
    for k, start in enumerate(starts, start=1):
        solution = rng.randint(1, 6)
        due = start + dt.timedelta(days=rng.randint(60, 420))
        if due > LAST_DATE:
            scenario = "not_started" if (LAST_DATE - start).days < 40 else "ongoing"
        else:
            u, acc = rng.random(), 0.0
            scenario = "normal"
            for name, weight in SCENARIOS:
                acc += weight
                if u < acc:
                    scenario = name
                    break
        role = rng.choice(COMMITTEE_OWNERS if owner == COMMITTEE_CODE else OWNERS)
        text = rng.choice(DESCRIPTIONS[solution])
        out.append((f"GP{solution}-{short}-{k:03d}", owner, solution, text, start, due, role, scenario))
    return out


def _all_actions(world: World) -> Iterator[tuple]:
    spec = world.spec
    for c in world.cells:
        yield from _actions_of(world, c.code, c.index, spec.actions_per_cell_year * spec.years)
    yield from _actions_of(world, COMMITTEE_CODE, -1, 6 * spec.years)


def rows_giai_phap(world: World) -> Iterator[tuple]:
    for code, owner, solution, text, start, due, role, _ in _all_actions(world):
        yield (code, owner, solution, text, start, due, role)


def _reports(rng: random.Random, start: dt.date, due: dt.date, scenario: str) -> list[tuple]:
    """Monthly progress reports of one action (the sample's arithmetic, any dates)."""
    day = rng.randint(8, 28)
    finish: dt.date | None
    if scenario in ("normal", "early", "backwards", "paused"):
        span = (due - start).days
        finish = due if scenario != "early" else start + dt.timedelta(days=int(span * 0.7))
        finish = min(finish - dt.timedelta(days=rng.randint(0, 4)), LAST_DATE)
        if scenario == "paused":
            finish = due - dt.timedelta(days=10)
    elif scenario == "late":
        finish = due + dt.timedelta(days=rng.randint(10, 120))
        if finish > LAST_DATE:
            finish, scenario = None, "overdue"
    else:
        finish = None
    until = LAST_DATE
    if scenario == "stale":
        until = max(start + dt.timedelta(days=20), LAST_DATE - dt.timedelta(days=rng.randint(50, 200)))
    dates = sample._report_dates(start, day, until)
    if finish is not None:
        dates = [d for d in dates if d <= finish - dt.timedelta(days=5)] + [finish]
    plan_end = finish if scenario != "late" else due
    stall = rng.randint(50, 80) if scenario in ("overdue", "stale") else None
    pause_at = len(dates) // 2 if scenario == "paused" else None
    rows, last = [], 0
    for i, on in enumerate(dates):
        if finish is not None and i == len(dates) - 1:
            rows.append((on, 100, "hoan_thanh", "Đã hoàn thành, có báo cáo kết quả."))
            break
        planned = 100 * (on - start).days / max(1, ((plan_end or due) - start).days)
        if scenario == "late":
            planned *= 0.75
        percent = sample._round5(planned + rng.uniform(-6, 4))
        percent = max(last, min(95, percent, last + 25))
        if pause_at is not None and i > pause_at + 1:
            percent = min(percent, last + 15)
        if i == 0 and (scenario == "not_started" or rng.random() < 0.25):
            percent = 0
        percent, status, note = sample_progress.step(on, due, i, percent, last, scenario, stall, pause_at,
                                                     "do thay đổi nhân sự thực hiện")
        rows.append((on, percent, status, note))
        last = percent
    return rows


def rows_tien_do_giai_phap(world: World) -> Iterator[tuple]:
    for code, _, _, _, start, due, _, scenario in _all_actions(world):
        rng = rng_for(world.spec, "reports", code)
        for on, percent, status, note in _reports(rng, start, due, scenario):
            yield (code, on, percent, status, note)


ROWS = {"chi_bo": rows_chi_bo, "dang_vien": rows_dang_vien, "tieu_chi": rows_tieu_chi,
        "diem_danh_gia": rows_diem_danh_gia, "xep_loai": rows_xep_loai, "sinh_hoat": rows_sinh_hoat,
        "vang_sinh_hoat": rows_vang_sinh_hoat, "giai_phap": rows_giai_phap,
        "tien_do_giai_phap": rows_tien_do_giai_phap}


def frames(spec: Spec | str) -> dict[str, list[tuple]]:
    """Every sheet's rows in memory (tests and small sizes only)."""
    spec = SPECS[spec] if isinstance(spec, str) else spec
    world = World(spec)
    return {name: list(ROWS[name](world)) for name in ROWS}


# ---------------------------------------------------------------- writers

def _kinds(sheet_name: str) -> list[str]:
    return [c.kind for c in SHEETS_BY_NAME[sheet_name].columns]


def write_workbook(world: World, path: Path, constant_memory: bool = False) -> dict[str, int]:
    """All nine sheets in one .xlsx; returns rows per sheet."""
    import xlsxwriter

    path.parent.mkdir(parents=True, exist_ok=True)
    workbook = xlsxwriter.Workbook(str(path), {"strings_to_numbers": False, "strings_to_formulas": False,
                                               "strings_to_urls": False, "constant_memory": constant_memory,
                                               "use_zip64": True})
    workbook.set_properties({"title": f"Dữ liệu đo hiệu năng — cỡ {world.spec.name}",
                             "subject": "Dữ liệu tổng hợp, không phải dữ liệu thật", "author": "bench",
                             "company": "", "created": CREATED})
    header = workbook.add_format({"bold": True})
    date = workbook.add_format({"num_format": "dd/mm/yyyy"})
    counts = {}
    for sheet in (s for s in SHEETS if s.name in ROWS):   # the sheets the benchmark generates
        kinds = _kinds(sheet.name)
        part, n, count = 1, 0, 0

        def new_sheet():
            ws = workbook.add_worksheet(sheet.name if part == 1 else f"{sheet.name} ({part})")
            for col, column in enumerate(sheet.columns):
                ws.write_string(0, col, column.header, header)
            return ws

        ws = new_sheet()
        write_string, write_number = ws.write_string, ws.write_number
        for row in ROWS[sheet.name](world):
            n += 1
            if n >= EXCEL_MAX_ROWS:
                part, n = part + 1, 1
                ws = new_sheet()
                write_string, write_number = ws.write_string, ws.write_number
            count += 1
            for col, (kind, value) in enumerate(zip(kinds, row)):
                if value is None:
                    continue
                if kind == "yesno":
                    result = write_string(n, col, YES if value else NO)
                elif kind == "date":
                    result = write_number(n, col, (value - EPOCH).days, date)
                elif isinstance(value, (int, float)) and not isinstance(value, bool):
                    result = write_number(n, col, value)
                else:
                    result = write_string(n, col, str(value))
                if result:          # xlsxwriter returns -1/-2 instead of raising
                    raise ValueError(f"{sheet.name} row {n} col {col}: xlsxwriter refused {value!r} ({result})")
        counts[sheet.name] = count
    workbook.close()
    return counts


def _csv_value(kind: str, value) -> str:
    if value is None:
        return ""
    if kind == "yesno":
        return YES if value else NO
    if kind == "date":
        return value.strftime("%d/%m/%Y")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def write_split(world: World, folder: Path) -> list[dict]:
    """CSV files of at most SPLIT_MAX_ROWS rows and SPLIT_MAX_BYTES bytes, one folder per upload."""
    if folder.exists():
        shutil.rmtree(folder)
    files: list[dict] = []

    class Sink:
        """What csv.writer writes a row to: keeps the text and counts its UTF-8 bytes."""

        def __init__(self):
            self.parts: list[str] = []
            self.bytes = 0

        def write(self, text: str):
            self.parts.append(text)
            self.bytes += len(text.encode("utf-8"))

    for name in (n for n in load_order() if n in ROWS):
        sheet = SHEETS_BY_NAME[name]
        kinds = _kinds(name)
        header = ",".join(c.header for c in sheet.columns) + "\n"
        overhead = len(("\ufeff" + header).encode("utf-8"))
        sink, rows = Sink(), 0

        def flush():
            nonlocal sink, rows
            if rows:
                target = folder / f"{len(files) + 1:03d}" / f"{name}.csv"
                target.parent.mkdir(parents=True, exist_ok=True)
                data = ("\ufeff" + header + "".join(sink.parts)).encode("utf-8")
                target.write_bytes(data)
                files.append({"path": str(target.relative_to(folder)), "sheet": name, "rows": rows,
                              "bytes": len(data)})
            sink, rows = Sink(), 0

        writer = csv.writer(sink, lineterminator="\n")
        for row in ROWS[name](world):
            line = [_csv_value(k, v) for k, v in zip(kinds, row)]
            before = sink.bytes
            writer.writerow(line)
            if overhead + sink.bytes > SPLIT_MAX_BYTES and rows:   # this row goes to the next file
                sink.parts.pop()
                sink.bytes = before
                flush()
                writer = csv.writer(sink, lineterminator="\n")
                writer.writerow(line)
            rows += 1
            if rows >= SPLIT_MAX_ROWS:
                flush()
                writer = csv.writer(sink, lineterminator="\n")
        flush()
    return files


# ---------------------------------------------------------------- files on disk, cached

def folder(size: str) -> Path:
    return CACHE / f"gen-v{GENERATOR_VERSION}" / size


def manifest_path(size: str) -> Path:
    return folder(size) / "manifest.json"


def sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def generate(size: str, force: bool = False, log=print) -> dict:
    """Write (or reuse) the upload files of a size; return the manifest."""
    if size == "S":
        return {"size": "S", "version": GENERATOR_VERSION, "workbook": str(SAMPLE_WORKBOOK),
                "bytes": SAMPLE_WORKBOOK.stat().st_size, "sha256": sha256(SAMPLE_WORKBOOK),
                "counts": _sample_counts(), "seconds": 0.0, "split": []}
    path = manifest_path(size)
    if path.exists() and not force:
        manifest = json.loads(path.read_text())
        if manifest.get("version") == GENERATOR_VERSION and Path(manifest["workbook"]).exists():
            return manifest
    spec = SPECS[size]
    out = folder(size)
    out.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    world = World(spec)
    log(f"[{size}] world ready in {time.perf_counter() - started:.1f} s; writing the workbook")
    workbook = out / f"bench-{size}.xlsx"
    counts = write_workbook(world, workbook, constant_memory=spec.cells > 500)
    workbook_seconds = time.perf_counter() - started
    log(f"[{size}] workbook {workbook.stat().st_size / 1e6:.1f} MB, {sum(counts.values()):,} rows "
        f"in {workbook_seconds:.1f} s")
    split = []
    if spec.split:
        split = write_split(world, out / "split")
        log(f"[{size}] split path: {len(split)} CSV files in {time.perf_counter() - started - workbook_seconds:.1f} s")
    manifest = {"size": size, "version": GENERATOR_VERSION, "spec": spec.__dict__, "workbook": str(workbook),
                "bytes": workbook.stat().st_size, "sha256": sha256(workbook), "counts": counts,
                "rows": sum(counts.values()), "seconds": round(time.perf_counter() - started, 1),
                "workbook_seconds": round(workbook_seconds, 1), "split": split,
                "split_folder": str(out / "split") if split else None}
    path.write_text(json.dumps(manifest, ensure_ascii=False, indent=1))
    return manifest


def _sample_counts() -> dict[str, int]:
    import python_calamine

    wb = python_calamine.CalamineWorkbook.from_path(str(SAMPLE_WORKBOOK))
    return {name: len(wb.get_sheet_by_name(name).to_python()) - 1 for name in wb.sheet_names}


def main(argv: list[str] | None = None) -> int:
    import argparse

    p = argparse.ArgumentParser(prog="python -m bench generate")
    p.add_argument("--sizes", default="M,L")
    p.add_argument("--force", action="store_true")
    args = p.parse_args(argv)
    for size in args.sizes.split(","):
        m = generate(size.strip(), force=args.force)
        print(json.dumps({k: v for k, v in m.items() if k != "split"}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
