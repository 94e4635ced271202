"""Where each action and each solution will land at the pace it is going.

The arithmetic is SQL (``queries/projections.sql``): an action's pace is the least-squares
slope through its last N reports (N = DASHBOARD_PROJECTION_REPORTS), and at that pace it
reaches 100 % on last report + (100 − last %) ÷ pace. This module says it in words and rolls
actions up to a solution and unit: a group lands when its last action does, and has no date
while one of its actions is not moving or has too few reports to measure.
"""

from __future__ import annotations

import pandas as pd

from . import fmt, i18n, settings
from .grouping import Groups

DAYS_PER_MONTH = 365.25 / 12


def reports_used() -> int:
    """The setting, never below two (a pace needs two reports)."""
    return max(2, int(settings.get("DASHBOARD_PROJECTION_REPORTS")))


def months(days: float) -> float:
    """Days as months, to one decimal (30,4 days a month)."""
    return round(days / DAYS_PER_MONTH, 1)


def action_words(row: dict, lang: str = "vi") -> str:
    """One action's projection in a sentence a reader can check."""
    t = lambda key, **kw: i18n.t(key, lang, **kw)  # noqa: E731
    kind = row["pace_kind"]
    if kind == "done":
        return t("projection.done", date=fmt.fmt_date(row["done_on"]))
    if kind == "too_few":
        return t("projection.too_few")
    if kind == "stalled":
        return t("projection.stalled", percent=fmt.fmt_points_percent(row["percent"], lang, 0),
                 n=int(row["reports_used"]))
    late = int(row["days_late_projected"])
    params = {"date": fmt.fmt_date(row["projected_on"]),
              "pace": fmt.fmt_number(float(row["per_day"]) * DAYS_PER_MONTH, 1, lang)}
    if late >= DAYS_PER_MONTH:
        return t("projection.late", late=fmt.fmt_number(months(late), 1, lang), **params)
    if late > 0:
        return t("projection.late_days", days=late, **params)
    return t("projection.on_time", **params)


def by_group(actions: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """Per group (e.g. solution, or solution and cell): actions, the projected finish of the last
    one (NaT while one is not moving or too new to measure), how many cannot be projected, and
    the days that finish lies past the group's last due date (``grouping.Groups``: a loop over
    the groups cost 9 ms of every new view of the progress page)."""
    columns = keys + ["actions", "unknown", "stalled", "finish_on", "last_due_on", "days_late"]
    if actions.empty:
        return pd.DataFrame(columns=columns)
    groups = Groups(actions, keys)
    pace = actions["pace_kind"]
    unknown = groups.sum(pace.isin(["stalled", "too_few"])).astype("int64")
    finish = groups.latest(actions["projected_on"]).where(unknown == 0)
    due = groups.latest(actions["due_on"])
    return pd.DataFrame({**groups.keys, "actions": groups.count(), "unknown": unknown,
                         "stalled": groups.sum(pace == "stalled").astype("int64"), "finish_on": finish,
                         "last_due_on": due,
                         "days_late": [None if pd.isna(f) else int((f - d).days) for f, d in zip(finish, due)]},
                        columns=columns)


def group_words(row: dict, lang: str = "vi") -> str:
    t = lambda key, **kw: i18n.t(key, lang, **kw)  # noqa: E731
    if row["unknown"]:
        return t("projection.group_unknown", n=int(row["unknown"]), stalled=int(row["stalled"]))
    late = int(row["days_late"])
    when = fmt.fmt_date(row["finish_on"])
    if late > 0:
        return t("projection.group_late", date=when, late=fmt.fmt_number(months(late), 1, lang), days=late)
    return t("projection.group_on_time", date=when)
