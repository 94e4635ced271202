"""The benchmark's generated uploads (bench/generate.py): valid like any upload, deterministic,
and of the sizes issue 12 sets (S = the sample; M = 60 cells, 1,500 members, 5 years; L =
2,000 cells, 60,000 members, 10 years, ~120,000 actions)."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pytest

from bench import generate as g
from dashboard import ingest, store

TODAY = dt.date(2026, 11, 26)


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def prepare(paths: list[Path], db: Path, max_rows: int = 200_000):
    cur = store.connect(db).cursor()
    return ingest.prepare([(p.name, p.read_bytes()) for p in paths], cur, today=TODAY, max_rows=max_rows)


@pytest.fixture(scope="module")
def m_rows():
    return g.frames("M")


@pytest.fixture(scope="module")
def m_workbook(tmp_path_factory):
    path = tmp_path_factory.mktemp("bench") / "bench-M.xlsx"
    counts = g.write_workbook(g.World(g.SPECS["M"]), path)
    return path, counts


def test_s_is_the_shipped_sample_and_passes_upload_validation(tmp_path):
    manifest = g.generate("S")
    assert Path(manifest["workbook"]) == g.SAMPLE_WORKBOOK
    batch = prepare([g.SAMPLE_WORKBOOK], tmp_path / "s.duckdb")
    assert [p.message() for p in batch.errors] == []
    assert sum(sum(d.counts.values()) for d in batch.sheets.values()) == sum(manifest["counts"].values())


def test_m_passes_upload_validation_with_every_row(m_workbook, tmp_path):
    path, counts = m_workbook
    batch = prepare([path], tmp_path / "m.duckdb")
    assert [p.message() for p in batch.errors] == []
    assert {name: sum(d.counts.values()) for name, d in batch.sheets.items()} == counts
    # the only warnings are the actions whose progress deliberately goes backwards once
    assert {p.code for p in batch.warnings} <= {"p.progress_backwards"}


def test_m_is_byte_identical_when_generated_again(m_workbook, tmp_path):
    again = tmp_path / "again.xlsx"
    g.write_workbook(g.World(g.SPECS["M"]), again)
    assert sha(again) == sha(m_workbook[0])


def test_another_seed_gives_other_rows(m_rows):
    spec = g.SPECS["M"]
    other = g.Spec("M", spec.cells, spec.members, spec.years, spec.actions_per_cell_year, seed=spec.seed + 1)
    assert list(g.rows_diem_danh_gia(g.World(other))) != m_rows["diem_danh_gia"]


def test_m_has_the_issue_s_size(m_rows):
    rows = m_rows
    assert len(rows["chi_bo"]) == 60
    assert sum(1 for r in rows["dang_vien"] if r[6] is None) == 1_500     # left_on empty: current members
    assert {r[0] for r in rows["xep_loai"]} == set(range(2021, 2026))       # five annual reviews
    assert {r[0] for r in rows["diem_danh_gia"] if len(r[0]) == 4} == {str(y) for y in range(2021, 2026)}
    months = {(r[1].year, r[1].month) for r in rows["sinh_hoat"]}
    assert min(months) == (2021, 1) and max(months) == (2026, 10)
    assert {r[2] for r in rows["sinh_hoat"]} == {"thuong_ky", "chuyen_de", "ket_hop", "bat_thuong"}
    assert {r[2] for r in rows["giai_phap"]} == set(range(1, 7))
    assert 80_000 <= sum(len(v) for v in rows.values()) <= 90_000            # the issue's "85k rows"
    # every event on or before the sample's last day, so an upload never sees a future date
    # (only the due dates of actions still running may lie ahead)
    dates = [v for name, sheet in rows.items() for r in sheet for i, v in enumerate(r)
             if isinstance(v, dt.date) and not (name == "giai_phap" and i == 5)]
    assert max(dates) <= g.LAST_DATE


def test_l_has_the_issue_s_size():
    world = g.World(g.SPECS["L"])
    assert len(world.cells) == 2_000
    assert sum(1 for c in world.cells for m in c.members if m.left is None) == 60_000
    assert g.SPECS["L"].annual_years == tuple(range(2016, 2026))
    actions = sum(1 for r in g.rows_giai_phap(world) if r[1] != "DANG_UY")
    assert actions == 120_000


def test_quota_kept_except_in_the_breach_year(m_rows):
    rows = m_rows["xep_loai"]
    spec = g.SPECS["M"]
    for year in spec.annual_years:
        for kind in ("dang_vien", "chi_bo"):
            levels = [r[3] for r in rows if r[0] == year and r[1] == kind]
            excellent, good = levels.count("HTXSNV"), levels.count("HTTNV")
            breach = excellent > 0.2 * good
            assert breach == (year == spec.breach_year and kind == "dang_vien"), (year, kind, excellent, good)


def test_split_path_files_stay_under_the_default_limits_and_load_in_order(tmp_path, monkeypatch):
    """A small size split into many files (a low row limit), uploaded one file at a time."""
    monkeypatch.setattr(g, "SPLIT_MAX_ROWS", 400)
    spec = g.Spec("T", cells=6, members=90, years=2, actions_per_cell_year=3, seed=7)
    world = g.World(spec)
    files = g.write_split(world, tmp_path / "split")
    assert len(files) > 9 and all(f["rows"] <= 400 and f["bytes"] <= g.SPLIT_MAX_BYTES for f in files)
    expected = {name: sum(1 for _ in g.ROWS[name](world)) for name in g.ROWS}
    assert {n: sum(f["rows"] for f in files if f["sheet"] == n) for n in expected} == expected
    db = tmp_path / "t.duckdb"
    for f in files:
        path = tmp_path / "split" / f["path"]
        batch = prepare([path], db)
        assert [p.message() for p in batch.errors] == [], f["path"]
        ingest.commit(batch, who="test", source="cli", path=db)


def test_a_sheet_longer_than_excel_allows_goes_on_in_a_second_sheet(tmp_path, monkeypatch):
    """L's scores and progress reports exceed Excel's 1,048,576 rows: they continue on
    "<sheet> (2)", and the upload reads every row of both (here with a limit of 300 rows)."""
    import python_calamine

    monkeypatch.setattr(g, "EXCEL_MAX_ROWS", 300)
    world = g.World(g.Spec("T", cells=6, members=90, years=2, actions_per_cell_year=3, seed=7))
    path = tmp_path / "t.xlsx"
    counts = g.write_workbook(world, path)
    names = python_calamine.CalamineWorkbook.from_path(str(path)).sheet_names
    assert "tien_do_giai_phap (2)" in names and "diem_danh_gia (2)" in names
    assert counts == {name: sum(1 for _ in g.ROWS[name](world)) for name in g.ROWS}
    batch = prepare([path], tmp_path / "t.duckdb")
    assert [p.message() for p in batch.errors] == []
    assert {name: sum(d.counts.values()) for name, d in batch.sheets.items()} == counts


def test_a_second_report_of_the_day_keeps_the_first_under_the_commit_it_measured(tmp_path, monkeypatch):
    from bench import report

    monkeypatch.setattr(report, "RESULTS", tmp_path)
    said = {"text": "# S\napp code as of commit `abc1234+dirty` (benchmark at `abc1234`)\n"}
    monkeypatch.setattr(report, "render", lambda size, day: said["text"])
    report.write("S", "2026-12-02")
    said["text"] = "# S\napp code as of commit `def5678` (benchmark at `def5678`)\n"
    report.write("S", "2026-12-02")
    report.write("S", "2026-12-02")          # the same report again: nothing to keep
    assert sorted(p.name for p in tmp_path.iterdir()) == ["2026-12-02-S-abc1234.md", "2026-12-02-S.md"]
    assert "abc1234" in (tmp_path / "2026-12-02-S-abc1234.md").read_text()
    assert "def5678" in (tmp_path / "2026-12-02-S.md").read_text()
    said["text"] = "# S\napp code as of commit `0f0f0f0` (benchmark at `0f0f0f0`)\n"
    report.write("S", "2026-12-02", replace=True)   # asked to overwrite: def5678's is not kept
    assert sorted(p.name for p in tmp_path.iterdir()) == ["2026-12-02-S-abc1234.md", "2026-12-02-S.md"]
    assert "0f0f0f0" in (tmp_path / "2026-12-02-S.md").read_text()


def test_the_report_names_the_commit_of_its_newest_results():
    """A ``make bench`` run's record (``run.json``) and a later ``bench pages`` of another commit:
    the report names the later one's machine and commit (it named the run's: a stale commit)."""
    from bench import report

    run = {"machine": {"commit": "5d01dae", "when": "2026-12-01T19:12:23"}}
    pages = {"machine": {"commit": "4a264f7", "when": "2026-12-02T05:03:47"}}
    conc = {"machine": {"commit": "4a264f7", "when": "2026-12-02T05:09:00", "loadavg": [1.0]}}
    assert report.latest_machine(run, pages, None) == pages["machine"]
    assert report.latest_machine(run, pages, conc) == conc["machine"]
    assert report.latest_machine({"machine": {"commit": "a", "when": "2026-12-03T00:00:00"}}, pages)["commit"] == "a"
    assert report.latest_machine(None, {}, None) == {}
