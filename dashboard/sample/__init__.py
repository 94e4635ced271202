"""The synthetic sample workbook ("dữ liệu mẫu"), generated deterministically.

``generate(path)`` writes one sheet per contract sheet (headers from
``contract.SHEETS``, data from row 2) and returns the number of data rows per
sheet. Everything comes from one seeded ``random.Random`` and fixed dates, and
the workbook's creation time is fixed, so two runs give byte-identical files.

The data is fictional: four cells (CB01–CB04, 13/14/12/12 current members),
pseudonymous members DV001…DV051 (plus DV052, who left in 2024), scores for
2021–2025 and 2025-Q1…2026-Q3, ratings 2021–2025, monthly meetings from
January 2021 to October 2026, actions under the six solutions and their
progress reports. It carries deliberate trouble so that every view has
something to show (see ``TROUBLE``):

* 2023, the one year that breaks the 20 % quota, on purpose: members rated HTXSNV
  exceed 20 % of those rated HTTNV, and CB01 is decided HTXSNV although its score
  (87.5) is in the HTTNV band (and ties with CB03, 87.5); with 4 cells no cell may be
  HTXSNV under the strict arithmetic (20 % of 3 is 0.6), so in 2022 and 2025 the cells
  scoring 90 or more are decided HTTNV;
* 2024: DV047 (CB04) disciplined (khiển trách) and rated KHTNV;
* 2021: three CB03 members reprimanded and rated KHTNV, the cell still HTTNV;
* 2022: CB02 rated HTTNV although one of its members did not complete duties;
* 2024: CB04 held no regular meeting in August;
* 2025: CB04 held no thematic meeting in Q2 (3 that year);
* 2025: DV031 (CB03) absent without a reason in April, June and September (and once
  with a reason in May): the removal rule;
* CB03 holds self-criticism far less often (limitation L3);
* a few meetings below 85 % attendance, with unexcused absences, or shorter
  than 90 minutes;
* 2026-Q3: CB04 has no score for criterion B5 (incomplete period);
* the four limitations (``sample.limitations``): CB04 slow to issue plans for resolutions,
  CB02's committee meeting once a quarter, CB03 never criticising its head, a few members
  not keeping their yearly commitment;
* actions GP2-05, GP4-05, GP5-04 overdue; GP1-05 finished late; GP3-02 goes
  backwards once; GP3-05 not reported since September 2026; GP3-06 and
  GP6-05 paused for a while.
* the year-end review of 2026 (sheet de_xuat_xep_loai, from ``limitations.proposals``):
  three self-ratings and CB01's proposals for its members missing, CB02 proposed HTXSNV (the
  quota: 20 % of 3 allows none), CB04 proposed HTTNV with DV048 proposed KHTNV (a cell cap);
* DV046 (CB04) rated HTXSNV five years running, 2021–2025; DV051 still probationary a month
  after his 12 months ended (admitted 20/10/2025), DV013's end in January 2027.

Event dates (meetings, reports, decisions, joining) are never after
15/11/2026; a few planned due dates of actions still running lie in
December 2026.

Usage: ``python -m dashboard.sample [PATH]``.
"""

from __future__ import annotations

import random

from . import limitations
from .scenario import *  # noqa: F403 (the scenario's names are this module's vocabulary)
from .meetings import _meeting_plan, _meetings  # noqa: F401
from .people import (_excellent_five_years, _in_cell, _members, _probation_over, _ratings,  # noqa: F401
                     _scores, _split_total)
from .progress import _progress, _report_dates  # noqa: F401
from .scenario import _band, _round5, _weekday  # noqa: F401
from .workbook import generate, main  # noqa: F401


def build() -> dict[str, list[dict]]:
    """The sample's rows per contract sheet (values typed as the store types them)."""
    rng = random.Random(SEED)
    members = _members(rng)
    cells = [{"branch_code": code, "branch_name": name, "secretary": None, "founded_on": founded,
              "active": True} for code, name, founded, _, _ in CELLS]
    for cell in cells:
        secretary = next(m for m in members if m["branch_code"] == cell["branch_code"]
                         and m["party_role"] == "Bí thư")
        cell["secretary"] = secretary["full_name"]
    criteria = [{"criterion_code": c, "criterion_name": n, "group": g, "max_points": m, "solution": s,
                 "valid_from": None} for c, n, g, m, s in CRITERIA]
    scores = _scores(rng)
    ratings = _ratings(rng, members)
    meetings, absences = _meetings(rng, members)
    actions = [{"action_code": code, "branch_code": cell, "solution": solution, "description": text,
                "starts_on": start, "due_on": due, "owner": owner}
               for code, cell, solution, text, start, due, owner, _ in ACTIONS]
    # Progress draws from its own generator, so that a change to the meetings above leaves the
    # actions' reports as they are.
    progress = _progress(random.Random(SEED + 1))
    # The four limitations' sheets draw from their own generators too (sample/limitations.py).
    limitations.meeting_columns(meetings)
    data = {"chi_bo": cells, "dang_vien": members, "tieu_chi": criteria, "diem_danh_gia": scores,
            "xep_loai": ratings, "sinh_hoat": meetings, "vang_sinh_hoat": absences,
            "giai_phap": actions, "tien_do_giai_phap": progress,
            "nghi_quyet": limitations.resolutions(), "thuc_hien_nghi_quyet": limitations.uptake(members),
            "sinh_hoat_cap_uy": limitations.committee_meetings(members),
            "cam_ket_neu_guong": limitations.commitments(members)}
    # ---- issue 14: the year-end review of 2026 and a probation already over
    _probation_over(members)
    _excellent_five_years(ratings)
    data["de_xuat_xep_loai"] = limitations.proposals(members)
    # ---- end issue 14
    return data
