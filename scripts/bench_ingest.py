"""Ingest benchmark: validate and commit large uploads, with time and peak memory.

    .venv/bin/python scripts/bench_ingest.py

Cases: the sample workbook; a 100,000-row ``diem_danh_gia`` workbook (1,000 cells ×
10 criteria × 10 periods, written by xlsxwriter) and the same rows as CSV. Each
case runs in its own process on a fresh database that already holds the 1,000
cells, so the peak resident memory reported is that case's alone.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CRITERIA = (("A1", 8), ("A2", 8), ("A3", 7), ("A4", 7), ("B1", 25), ("B2", 15), ("B3", 8), ("B4", 6),
            ("B5", 10), ("B6", 6))
PERIODS = ("2021", "2022", "2023", "2024", "2025", "2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4", "2026-Q1")
CELLS = 1000


def score_rows():
    for period in PERIODS:
        for cell in range(1, CELLS + 1):
            for i, (code, mx) in enumerate(CRITERIA):
                yield period, f"K{cell:04d}", code, round(mx * (0.5 + ((cell * 7 + i) % 50) / 100), 1)


def make_files(folder: Path) -> dict[str, Path]:
    import xlsxwriter

    cells = folder / "chi_bo.csv"
    cells.write_text("Mã chi bộ,Tên chi bộ\n" + "".join(f"K{c:04d},Chi bộ thử {c}\n" for c in range(1, CELLS + 1)),
                     encoding="utf-8")
    xlsx = folder / "diem-100k.xlsx"
    wb = xlsxwriter.Workbook(str(xlsx), {"constant_memory": True})
    ws = wb.add_worksheet("diem_danh_gia")
    ws.write_row(0, 0, ["Kỳ đánh giá", "Mã chi bộ", "Mã tiêu chí", "Điểm"])
    for r, row in enumerate(score_rows(), start=1):
        ws.write_string(r, 0, row[0])
        ws.write_string(r, 1, row[1])
        ws.write_string(r, 2, row[2])
        ws.write_number(r, 3, row[3])
    wb.close()
    csv = folder / "diem_danh_gia.csv"
    with csv.open("w", encoding="utf-8-sig") as fh:
        fh.write("Kỳ đánh giá;Mã chi bộ;Mã tiêu chí;Điểm\n")
        for row in score_rows():
            fh.write(f"{row[0]};{row[1]};{row[2]};{str(row[3]).replace('.', ',')}\n")
    return {"cells": cells, "xlsx": xlsx, "csv": csv}


CHILD = r"""
import json, resource, sys, time
sys.path.insert(0, sys.argv[1])
from pathlib import Path
from dashboard import ingest, store
db, path, base = Path(sys.argv[2]), Path(sys.argv[3]), sys.argv[4]
if base != "-":
    b = ingest.prepare([(Path(base).name, Path(base).read_bytes())], store.cursor(db))
    ingest.commit(b, who="bench", source="cli", path=db)
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
t0 = time.perf_counter()
batch = ingest.prepare([(path.name, path.read_bytes())], store.cursor(db))
t1 = time.perf_counter()
assert batch.ok, [p.message() for p in batch.errors[:3]]
result = ingest.commit(batch, who="bench", source="cli", path=db)
t2 = time.perf_counter()
rows = sum(d.counts["new"] + d.counts["changed"] + d.counts["same"] for d in batch.sheets.values())
print(json.dumps({"rows": rows, "validate_s": t1 - t0, "commit_s": t2 - t1,
                  "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "rss_before_mb": before / 1024}))
"""


def run_case(path: Path, base: Path | None) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.duckdb"
        out = subprocess.run([sys.executable, "-c", CHILD, str(ROOT), str(db), str(path), str(base or "-")],
                             capture_output=True, text=True, check=True)
        return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    from dashboard import settings

    with tempfile.TemporaryDirectory() as tmp:
        files = make_files(Path(tmp))
        cases = [("sample workbook (all 9 sheets)", settings.path_setting("DASHBOARD_SAMPLE_WORKBOOK"), None),
                 ("100,000-row diem_danh_gia .xlsx", files["xlsx"], files["cells"]),
                 ("100,000-row diem_danh_gia .csv (;, decimal comma, BOM)", files["csv"], files["cells"])]
        print("| upload | rows | validate | commit | total | peak memory |\n|---|---:|---:|---:|---:|---:|")
        for name, path, base in cases:
            r = run_case(path, base)
            print(f"| {name} | {r['rows']:,} | {r['validate_s']:.2f} s | {r['commit_s']:.2f} s | "
                  f"{r['validate_s'] + r['commit_s']:.2f} s | {r['peak_rss_mb']:.0f} MB |")


if __name__ == "__main__":
    main()
