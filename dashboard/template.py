"""The upload template built from the contract and the store's current codes."""

from __future__ import annotations

from collections import defaultdict

import pandas as pd

from . import export

TEMPLATE_NAME = "mau-nhap-lieu.xlsx"


def build(branches: pd.DataFrame, criteria: pd.DataFrame, enum_labels: pd.DataFrame, lang: str = "vi") -> bytes:
    """Template bytes from query results (template.branches, template.criteria, reference.enum_labels)."""
    enums: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for row in enum_labels.itertuples(index=False):
        enums[row.domain].append((row.code, row.name_vi if lang == "vi" else row.name_en))
    crit = [(r.criterion_code, r.criterion_name, r.group, float(r.max_points),
             None if pd.isna(r.solution) else int(r.solution), r.valid_from if isinstance(r.valid_from, str) else None)
            for r in criteria.itertuples(index=False)]
    rows = [(r.branch_code, r.branch_name, None if pd.isna(r.secretary) else r.secretary,
             None if pd.isna(r.founded_on) else pd.Timestamp(r.founded_on).date(), bool(r.active))
            for r in branches.itertuples(index=False)]
    return export.template_workbook(rows, crit, dict(enums), lang)
