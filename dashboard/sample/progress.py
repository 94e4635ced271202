"""Progress reports of the sample's actions."""

from __future__ import annotations

import datetime as dt
import random

from .scenario import *  # noqa: F403 (the scenario's names are this module's vocabulary)
from .scenario import _round5


def _report_dates(start: dt.date, day: int, until: dt.date) -> list[dt.date]:
    dates, year, month = [], start.year, start.month
    while True:
        on = D(year, month, day)
        if on > until:
            return dates
        if on >= start + dt.timedelta(days=7):
            dates.append(on)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


def _progress(rng: random.Random) -> list[dict]:
    rows = []
    for code, _, _, _, start, due, _, scenario in ACTIONS:
        day = rng.randint(8, 28)
        if scenario in ("normal", "early", "backwards", "paused"):
            span = (due - start).days
            finish = due if scenario != "early" else start + dt.timedelta(days=int(span * 0.7))
            finish = min(finish - dt.timedelta(days=rng.randint(0, 4)), LAST_DATE)
            if scenario == "paused":
                finish = due - dt.timedelta(days=10)
        elif scenario == "late":
            finish = LATE_DONE
        else:
            finish = None
        until = STALE_AFTER if scenario == "stale" else LAST_DATE
        dates = _report_dates(start, day, until)
        if finish is not None:
            dates = [d for d in dates if d <= finish - dt.timedelta(days=5)] + [finish]
        plan_end = finish if scenario != "late" else due
        reports: list[tuple[dt.date, int, str, str]] = []
        last = 0
        pause_at = len(dates) // 2 if scenario in ("paused", "paused_ongoing") else None
        for i, on in enumerate(dates):
            is_last = finish is not None and i == len(dates) - 1
            if is_last:
                reports.append((on, 100, "hoan_thanh", "Đã hoàn thành, có báo cáo kết quả."))
                break
            planned = 100 * (on - start).days / max(1, ((plan_end or due) - start).days)
            if scenario == "late":
                planned *= 0.75
            percent = _round5(planned + rng.uniform(-6, 4))
            percent = max(last, min(95, percent, last + 25))
            if pause_at is not None and i > pause_at + 1:
                percent = min(percent, last + 15)     # picks up slowly after a pause
            if i == 0 and (scenario == "not_started" or rng.random() < 0.25):
                percent = 0
            percent, status, note = step(on, due, i, percent, last, scenario, STALL.get(code), pause_at,
                                         "do một quần chúng chuyển công tác")
            reports.append((on, percent, status, note))
            last = percent
        for on, percent, status, note in reports:
            rows.append({"action_code": code, "reported_on": on, "percent": percent, "status": status,
                         "note": note})
    return rows


def step(on: dt.date, due: dt.date, i: int, percent: int, last: int, scenario: str, stall: int | None,
         pause_at: int | None, backwards_reason: str) -> tuple[int, str, str]:
    """One report of an action not yet finished: the percent drawn for it, bent by the action's
    scenario (stalled, late, paused, going backwards once), with its status and note. Draws
    nothing: the sample and the benchmark's generator call it between their own draws."""
    note = "Đang triển khai theo kế hoạch."
    status = "dang_thuc_hien" if percent > 0 else "chua_bat_dau"
    if percent == 0:
        note = "Chưa triển khai, đang chuẩn bị kế hoạch."
    if stall is not None and percent > stall:
        percent = max(last, stall)
        note = "Chậm tiến độ, chưa bố trí được thời gian thực hiện."
        if on > due:
            note = "Quá hạn, chưa hoàn thành; chi bộ đang rà soát nguyên nhân."
    if scenario == "late" and on > due:
        note = "Quá hạn, đang hoàn thiện để báo cáo kết quả."
    if pause_at is not None and i in (pause_at, pause_at + 1):
        percent, status = last, "tam_dung"
        note = "Tạm dừng do tập trung cho nhiệm vụ chuyên môn đột xuất."
    if scenario == "backwards" and i == 4:
        percent = max(0, last - 10)
        note = f"Rà soát lại, điều chỉnh giảm tiến độ {backwards_reason}."
        status = "dang_thuc_hien" if percent > 0 else "chua_bat_dau"
    return percent, status, note
