"""The upload template built from the contract and the store's current codes."""

from __future__ import annotations

from collections import defaultdict

import pandas as pd

from . import export

TEMPLATE_NAME = "mau-nhap-lieu.xlsx"


def build(branches: pd.DataFrame, criteria: pd.DataFrame, enum_labels: pd.DataFrame, lang: str = "vi",
          with_names: bool = False, with_criteria_rows: bool = True) -> bytes:
    """Template bytes from query results (template.branches, template.criteria, reference.enum_labels).

    The secretary column (a member's name) is written only ``with_names`` (an administrator,
    whose ``template.branches`` query carries the names); otherwise it is left out of the chi_bo
    sheet altogether: a blank column would clear the stored names when uploaded back, an absent
    one keeps them. ``with_criteria_rows=False`` (a user limited to some cells, who may
    not change the criteria) leaves the tieu_chi sheet empty, so that uploading the template
    unchanged is accepted; the criterion codes stay in the lists.
    """
    enums: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for row in enum_labels.itertuples(index=False):
        enums[row.domain].append((row.code, row.name_vi if lang == "vi" else row.name_en))
    crit = [(r.criterion_code, r.criterion_name, r.group, float(r.max_points),
             None if pd.isna(r.solution) else int(r.solution), r.valid_from if isinstance(r.valid_from, str) else None)
            for r in criteria.itertuples(index=False)]
    rows = [(r.branch_code, r.branch_name, None if pd.isna(r.secretary) else r.secretary,
             None if pd.isna(r.founded_on) else pd.Timestamp(r.founded_on).date(), bool(r.active))
            for r in branches.itertuples(index=False)]
    return export.template_workbook(rows, crit, dict(enums), lang,
                                    omit={} if with_names else {"chi_bo": {"secretary"}},
                                    prefill_criteria=with_criteria_rows)
