"""Meetings and absences of the sample."""

from __future__ import annotations

import datetime as dt
import random

from .scenario import *  # noqa: F403 (the scenario's names are this module's vocabulary)
from .scenario import _weekday
from .people import _in_cell  # noqa: F401


def _meeting_plan(rng: random.Random) -> list[tuple[str, dt.date, str]]:
    """(cell, date, kind) for every meeting, by cell then date."""
    plan = []
    base_day = {"CB01": 5, "CB02": 7, "CB03": 10, "CB04": 12}
    for cell in CELL_CODES:
        meetings = []
        for year in range(2021, 2027):
            for month in range(1, 13):
                if (year, month) > (2026, 10):
                    break
                day = _weekday(D(year, month, base_day[cell] + rng.randint(-2, 2)))
                quarter_end = month % 3 == 0
                combined = quarter_end and rng.random() < (0.4 if year >= 2025 else 0.15)
                missed = (cell, year, (month - 1) // 3 + 1) == MISSED_THEMATIC
                if (cell, year, month) == MISSED_REGULAR:
                    continue
                if combined and not missed:
                    meetings.append((cell, day, "ket_hop"))
                    continue
                meetings.append((cell, day, "thuong_ky"))
                if quarter_end and not missed:
                    meetings.append((cell, _weekday(D(year, month, rng.randint(18, 25))), "chuyen_de"))
        if cell == "CB02":
            meetings.append((cell, D(2023, 6, 1), "bat_thuong"))   # before admitting DV027
        plan.extend(sorted(meetings, key=lambda m: m[1]))
    return plan


def _meetings(rng: random.Random, members: list[dict]) -> tuple[list[dict], list[dict]]:
    meetings, absences = [], []
    plan = _meeting_plan(rng)
    removal_member, removal_cell, removal_year, unexcused_months, excused_months = REMOVAL
    forced_on: dict[dt.date, bool] = {}
    for cell, on, kind in plan:   # the month's regular meeting of the removal scenario
        if (cell == removal_cell and on.year == removal_year and kind in ("thuong_ky", "ket_hop")
                and on.month in unexcused_months + excused_months):
            forced_on[on] = on.month in excused_months
    recent: dict[str, list[set[str]]] = {cell: [] for cell in CELL_CODES}
    # Months of a year with an unexcused absence, per member: chance never reaches the
    # removal rule's three (only the scenario above does).
    unexcused_in: dict[tuple[str, int], set[int]] = {}
    for cell, on, kind in plan:
        present_list = _in_cell(members, cell, on)
        exempt = [m for m, c, start, end in EXEMPT if c == cell and start <= on <= end and m in present_list]
        eligible = [m for m in present_list if m not in exempt]
        # Nobody is absent by chance from more than 2 meetings in a row.
        history = recent[cell][-2:]
        pool = [m for m in eligible if not (len(history) == 2 and all(m in h for h in history))]
        forced: list[tuple[str, bool]] = []
        if cell == removal_cell and on in forced_on:
            forced.append((removal_member, forced_on[on]))
        if cell == removal_cell and on.year == removal_year:
            pool = [m for m in pool if m != removal_member]
        low = kind in ("thuong_ky", "ket_hop") and (cell, on.year, on.month) in LOW_ATTENDANCE
        if low:
            n = 3
        else:
            u = rng.random()
            n = 0 if u < 0.6 else 1 if u < 0.98 else 2
        chosen = [m for m, _ in forced]
        candidates = [m for m in pool if m not in chosen]
        extra = rng.sample(candidates, min(max(0, n - len(chosen)), len(candidates)))
        absent = list(forced)
        for i, m in enumerate(extra):
            excused = not (low and i == 0) and rng.random() > 0.1
            months = unexcused_in.setdefault((m, on.year), set())
            if not excused and on.month not in months and len(months) >= 2:
                excused = True
            if not excused:
                months.add(on.month)
            absent.append((m, excused))
        absent.sort()
        recent[cell].append({m for m, _ in absent})
        excused = sum(1 for _, e in absent if e)
        unexcused = len(absent) - excused
        total = len(present_list)
        present = total - len(exempt) - excused - unexcused
        # Duration, self-criticism, speakers, topic.
        minutes = duration(rng, kind, short=(cell, on.year, on.month) in SHORT_MEETINGS)
        if cell == "CB03":
            self_criticism = rng.random() < (0.5 if kind in ("chuyen_de", "ket_hop") else 0.2)
        else:
            self_criticism = rng.random() < (0.95 if kind in ("chuyen_de", "ket_hop") else 0.8)
        if kind == "bat_thuong":
            self_criticism = False
        low_speak, high_speak = (2, 5) if cell == "CB03" else (4, 10)
        speakers = min(present, rng.randint(low_speak, high_speak))
        label = f"tháng {on.month:02d}/{on.year}"
        if kind == "thuong_ky":
            agenda = ("sơ kết công tác năm, chuẩn bị kiểm điểm, đánh giá, xếp loại chất lượng"
                      if on.month == 12 else rng.choice(REGULAR_AGENDA))
            topic = f"Sinh hoạt thường kỳ {label}: {agenda}"
        elif kind == "chuyen_de":
            topic = f"Chuyên đề: {rng.choice(THEMATIC_TOPICS)}"
        elif kind == "ket_hop":
            topic = f"Sinh hoạt thường kỳ {label} kết hợp chuyên đề: {rng.choice(THEMATIC_TOPICS)}"
        else:
            topic = "Sinh hoạt bất thường: xét đề nghị kết nạp đảng viên"
        meetings.append({"branch_code": cell, "held_on": on, "kind": kind, "members_total": total,
                         "members_exempt": len(exempt), "present": present, "absent_excused": excused,
                         "absent_unexcused": unexcused, "minutes": minutes,
                         "self_criticism": self_criticism, "speakers": speakers, "topic": topic})
        for member, is_excused in absent:
            absences.append({"branch_code": cell, "held_on": on, "kind": kind, "member_code": member,
                             "excused": is_excused})
    return meetings, absences


def duration(rng: random.Random, kind: str, short: bool = False) -> int:
    """A meeting's minutes by its kind; a regular one is now and then (or, ``short``, always)
    under 90 minutes. Draws as the sample always has, so its meetings stay what they were."""
    if kind == "ket_hop":
        return rng.randint(120, 170)
    if kind == "chuyen_de":
        return rng.randint(100, 160)
    if kind == "bat_thuong":
        return rng.randint(60, 90)
    if short or rng.random() < 0.03:
        return rng.randint(60, 85)
    return rng.randint(90, 150)
