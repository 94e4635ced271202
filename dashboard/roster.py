"""The member register's lists (Đảng viên), from the named queries of ``queries/members.sql``.

Each list says what it rests on: a regulation where one can be cited on the date of the fact
(removal for unexcused absence: Điều lệ Đảng, Điều 8 with its implementing regulation; the end of
probation: Điều lệ Đảng, Điều 5), otherwise the recorded data only (the ratings and discipline in
``xep_loai``), with no regulation named. No Streamlit here.
"""

from __future__ import annotations

import pandas as pd

RUN_EXCELLENT, RUN_FAILED = 5, 2       # HTXSNV five years running; KHTNV two years running


def ratings_by_year(ratings: pd.DataFrame, years: list[int]) -> pd.DataFrame:
    """member_code × year → level (blank where not rated)."""
    wide = (ratings[ratings["year"].isin(years)].pivot(index="member_code", columns="year", values="level")
            if len(ratings) else pd.DataFrame())
    return wide.reindex(columns=years)


def rated(ratings: pd.DataFrame, year: int, level: str) -> list[str]:
    return sorted(ratings[(ratings["year"] == year) & (ratings["level"] == level)]["member_code"])


def running(ratings: pd.DataFrame, year: int, level: str, years: int) -> list[str]:
    """Members rated ``level`` in each of the ``years`` years ending with ``year``."""
    span = set(range(year - years + 1, year + 1))
    hits = ratings[ratings["year"].isin(span) & (ratings["level"] == level)].groupby("member_code")["year"].nunique()
    return sorted(hits[hits == years].index)


def disciplined(ratings: pd.DataFrame, year: int) -> pd.DataFrame:
    """Members disciplined in ``year`` (as recorded with the year's rating), with the form."""
    found = ratings[(ratings["year"] == year) & ratings["disciplined"].fillna(False).astype(bool)]
    return found[["member_code", "discipline_form", "level"]].reset_index(drop=True)


def last_discipline(ratings: pd.DataFrame) -> dict[str, tuple[int, str | None]]:
    """member → (year, form) of the latest year he was disciplined."""
    found = ratings[ratings["disciplined"].fillna(False).astype(bool)].sort_values("year")
    return {m: (int(y), f) for m, y, f in zip(found["member_code"], found["year"], found["discipline_form"])}


def probation_due(probation: pd.DataFrame, notice_days: int) -> pd.DataFrame:
    """Probationary members whose probation ends within ``notice_days`` days, or has ended
    (``state`` past / due); the others are not listed."""
    due = probation[probation["days_left"] <= notice_days].copy()
    due["state"] = ["past" if d < 0 else "due" for d in due["days_left"]]
    return due.reset_index(drop=True)


def removal(findings: pd.DataFrame, year: int) -> pd.DataFrame:
    """The removal rule's findings of ``year`` (rules.removal_unexcused_months): member, months."""
    return findings[findings["year"] == year].reset_index(drop=True)
