"""Data entered on a page (the year-end review), written through the upload's own path.

The rows a page collects become a workbook in the template's shape (the contract's sheet and
headers), which goes through ``ingest.prepare`` and ``ingest.commit`` as any upload does: the
same checks, the scope checked before anything else and again at commit, one transaction, a
record in the history (source ``entry``: "Nhập trên trang", with who and when), undoable.

A cell's secretary (a user who may upload) saves the cell's proposals; only an administrator
(``decide``) records the Đảng ủy's decisions.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from . import auth, i18n, ingest, store
from .contract import SHEETS_BY_NAME
from .export import table_workbook

SOURCE = "entry"
PROPOSALS, DECISIONS = "de_xuat_xep_loai", "xep_loai"
PROPOSAL_STEP = "chi_bo_de_xuat"


@dataclass
class Saved:
    batch: ingest.Batch
    result: ingest.CommitResult | None     # None: refused (the batch's problems say why)


def workbook(sheet_name: str, rows: list[dict], columns: list[str] | None = None) -> bytes:
    """The rows as the template's sheet (Vietnamese headers), only the ``columns`` given."""
    sheet = SHEETS_BY_NAME[sheet_name]
    shown = [c for c in sheet.columns if columns is None or c.name in columns]
    return table_workbook({sheet.name: ([c.header for c in shown], [[r.get(c.name) for c in shown] for r in rows])})


def proposal_rows(year: int, plan: pd.DataFrame) -> list[dict]:
    """The cell's proposals (step chi_bo_de_xuat) of a plan: subject_kind, subject_code, level."""
    plan = plan[plan["level"].notna() & (plan["level"].astype(str) != "")]
    return [{"year": year, "subject_kind": k, "subject_code": c, "step": PROPOSAL_STEP, "level": lv}
            for k, c, lv in zip(plan["subject_kind"], plan["subject_code"], plan["level"])]


def decision_rows(year: int, plan: pd.DataFrame, decided_on: dt.date) -> list[dict]:
    plan = plan[plan["level"].notna() & (plan["level"].astype(str) != "")]
    return [{"year": year, "subject_kind": k, "subject_code": c, "level": lv, "decided_on": decided_on}
            for k, c, lv in zip(plan["subject_kind"], plan["subject_code"], plan["level"])]


def _save(path: Path, sheet_name: str, rows: list[dict], columns: list[str], label: str,
          user: auth.User | None, today: dt.date, now: dt.datetime | None) -> Saved:
    data = workbook(sheet_name, rows, columns)
    batch = ingest.prepare([(label, data)], store.cursor(path), today=today, user=user)
    if not batch.ok:
        return Saved(batch, None)
    who = user.name if user else "hệ thống"
    return Saved(batch, ingest.commit(batch, who=who, source=SOURCE, path=path, now=now, user=user))


def save_proposals(path: Path, year: int, plan: pd.DataFrame, user: auth.User | None, today: dt.date,
                   lang: str = "vi", now: dt.datetime | None = None) -> Saved:
    """Write a plan's levels as the cells' proposals of ``year``. A row outside the user's cells
    refuses the whole save (the upload's scope rule); nothing is written then."""
    if user is not None and not user.can("upload"):
        raise auth.PermissionDenied("upload")
    label = i18n.t("yearend.entry.proposals_file", lang, year=year)
    return _save(path, PROPOSALS, proposal_rows(year, plan), ["year", "subject_kind", "subject_code", "step", "level"],
                 label, user, today, now)


def record_decisions(path: Path, year: int, plan: pd.DataFrame, user: auth.User | None, today: dt.date,
                     lang: str = "vi", now: dt.datetime | None = None) -> Saved:
    """Write a plan's levels as the Đảng ủy's decisions (xep_loai) of ``year``, decided today.
    Administrators only; the discipline already recorded for the year stays as it is (the
    columns are not carried)."""
    if user is not None and not user.can("decide"):
        raise auth.PermissionDenied("decide")
    label = i18n.t("yearend.entry.decisions_file", lang, year=year)
    return _save(path, DECISIONS, decision_rows(year, plan, today),
                 ["year", "subject_kind", "subject_code", "level", "decided_on"], label, user, today, now)


def export_workbook(subjects: pd.DataFrame, year: int) -> bytes:
    """The year's self-ratings, proposals and decisions as the office circulates them: the
    template's two sheets (de_xuat_xep_loai, xep_loai), the same headers, one row a fact."""
    proposals = SHEETS_BY_NAME[PROPOSALS]
    decisions = SHEETS_BY_NAME[DECISIONS]
    p_rows, d_rows = [], []
    for r in subjects.to_dict("records"):
        for step, column in (("tu_danh_gia", "self_level"), (PROPOSAL_STEP, "proposed_level")):
            if isinstance(r.get(column), str):
                p_rows.append({"year": year, "subject_kind": r["subject_kind"], "subject_code": r["subject_code"],
                               "step": step, "level": r[column],
                               "note": r.get("note") if step == PROPOSAL_STEP and isinstance(r.get("note"), str) else None})
        if isinstance(r.get("decided_level"), str):
            decided_on = r.get("decided_on")
            d_rows.append({"year": year, "subject_kind": r["subject_kind"], "subject_code": r["subject_code"],
                           "level": r["decided_level"], "disciplined": bool(r.get("disciplined")),
                           "discipline_form": r.get("discipline_form") if isinstance(r.get("discipline_form"), str) else None,
                           "decided_on": None if pd.isna(decided_on) else pd.Timestamp(decided_on).date()})
    return table_workbook({
        sheet.name: ([c.header for c in sheet.columns], [[row.get(c.name) for c in sheet.columns] for row in rows])
        for sheet, rows in ((proposals, p_rows), (decisions, d_rows))})
