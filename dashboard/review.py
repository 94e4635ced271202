"""The year-end review's tables, from ``review.subjects`` (no Streamlit here).

Three steps for every member and cell: the self-rating (tu_danh_gia), the cell's proposal
(chi_bo_de_xuat), the Đảng ủy's decision (xep_loai). What is missing at each step is said per
subject and counted per cell; the planner starts from the proposals.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

STEPS = (("self_level", "self"), ("proposed_level", "proposal"), ("decided_level", "decision"))


def is_given(value: object) -> bool:
    """A level (a step's answer) is given: a non-empty text; NULL, NaN and "" are not."""
    return isinstance(value, str) and value != ""


def given(levels: pd.Series) -> np.ndarray:
    """``is_given`` of each value of a column, read as a list first: stepping through a column of
    Arrow strings costs a microsecond a value (60.000 members, three steps: 0,2 s of a first view)."""
    return np.fromiter(map(is_given, levels.tolist()), dtype=bool, count=len(levels))


def missing_steps(subjects: pd.DataFrame) -> list[list[str]]:
    """Per subject (row), the steps not done yet: self, proposal, decision. Column by column:
    a dict per row cost 0,9 s of every rerun for the sector's 60.000 members."""
    done = [given(subjects[column]) for column, _ in STEPS]
    steps = [step for _, step in STEPS]
    return [[step for step, has in zip(steps, row) if not has] for row in zip(*done)]


def step_counts(subjects: pd.DataFrame) -> dict[str, tuple[int, int]]:
    """Per step: (done, expected) over every member and cell shown."""
    total = len(subjects)
    return {step: (int(given(subjects[column]).sum()) if total else 0, total) for column, step in STEPS}


def cell_table(subjects: pd.DataFrame, scores: pd.DataFrame, citation: str = "citation_vi") -> pd.DataFrame:
    """One row per cell: its own three steps, its score for the year and the band's level, and how
    many of its members miss each step."""
    cells = subjects[subjects["subject_kind"] == "chi_bo"].copy()
    members = subjects[subjects["subject_kind"] == "dang_vien"]
    for column, step in STEPS:
        missing = members[~given(members[column])].groupby("branch_code").size()
        cells[f"members_missing_{step}"] = [int(missing.get(c, 0)) for c in cells["branch_code"].tolist()]
    counted = members.groupby("branch_code").size().to_dict()       # one pass, not one per cell
    cells["members"] = [int(counted.get(c, 0)) for c in cells["branch_code"]]
    scored = scores.set_index("branch_code") if len(scores) else pd.DataFrame(
        columns=["total_score", "complete", "computed_level", "score_source"])
    for column, source in (("total_score", "total_score"), ("band_level", "computed_level"), ("band_source", citation)):
        values = scored[source].to_dict() if source in scored else {}
        cells[column] = [values.get(c) for c in cells["branch_code"]]
    return cells.reset_index(drop=True)


def plan_frame(subjects: pd.DataFrame, kind: str) -> pd.DataFrame:
    """The planner's starting table for cells or members: the cell's proposal as the level."""
    rows = subjects[subjects["subject_kind"] == kind]
    return pd.DataFrame({
        "subject_kind": rows["subject_kind"], "subject_code": rows["subject_code"],
        "branch_code": rows["branch_code"], "self_level": rows["self_level"],
        "level": rows["proposed_level"], "decided_level": rows["decided_level"],
    }).reset_index(drop=True)
