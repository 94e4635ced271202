"""Build a store per size through the real ingest path, timing the upload and its peak memory.

    .venv/bin/python -m bench load --sizes S,M,L [--force]

Each upload runs in its own child process, which calls ``dashboard.cli.main(["ingest", …])``
exactly as ``python -m dashboard ingest FILE`` does (read, validate, count changes, commit in
one transaction), on a fresh database. The child reports its wall time split into phases
(read the file, load the reference data, validate, count changes, commit), measured by
wrapping those functions of ``dashboard.ingest.commit``; the parent reads the child's peak
resident memory from ``os.wait4`` (the kernel's ``ru_maxrss`` of that child alone).

* S: the sample workbook; and the cases of the former ``scripts/bench_ingest.py`` (a
  100,000-row ``diem_danh_gia`` sheet as .xlsx and as .csv, on a store holding 1,000 cells).
* M: the M workbook in one upload, ``DASHBOARD_MAX_ROWS`` and ``DASHBOARD_MAX_UPLOAD_MB``
  raised to fit it.
* L: the L workbook in one upload, limits raised likewise, under a watchdog (10 GB resident,
  15 minutes); then the split path: the CSV files of ``bench.generate`` uploaded one after
  the other (one upload each, in load order) in one process with the default limits, as the
  upload page of a running server would receive them.

The store a size's pages are measured on is kept in ``bench/.cache/stores/``, keyed by a hash
of the generated files (themselves kept per generator version) and of the migrations;
``--force`` rebuilds it.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import sys
import time
from pathlib import Path

from . import generate
from .common import CACHE, ROOT, bench_env, dumps, loads, run_child

STORES = CACHE / "stores"
LOAD_RESULTS = CACHE / "results"
ONE_WORKBOOK_LIMITS = {"max_rss_mb": 10 * 1024, "timeout": 15 * 60}


def migrations_hash() -> str:
    h = hashlib.sha256()
    for path in sorted((ROOT / "dashboard" / "migrations").glob("*.sql")):
        h.update(path.name.encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:10]


def data_key(manifest: dict) -> str:
    """A hash of the generated upload files (workbook and split files): the store is valid while they are."""
    files = [manifest["sha256"]] + [f"{f['path']}:{f['rows']}:{f['bytes']}" for f in manifest.get("split") or []]
    return hashlib.sha256("|".join(files).encode()).hexdigest()[:10]


def store_path(size: str, manifest: dict) -> Path:
    return STORES / f"{size}-d{data_key(manifest)}-m{migrations_hash()}.duckdb"


def results_path(size: str) -> Path:
    return LOAD_RESULTS / size / "load.json"


# ---------------------------------------------------------------- the child

CHILD_PHASES = ("read_file", "load_reference", "validate", "count_changes")


def child_main(argv: list[str]) -> int:
    """``python -m bench.load child --db DB FILE...``: one upload per FILE
    group (``--sequential``: one upload per file), through dashboard.cli."""
    import argparse
    import contextlib
    import io
    from collections import defaultdict

    p = argparse.ArgumentParser()
    p.add_argument("--db", required=True)
    p.add_argument("--sequential", action="store_true")
    p.add_argument("--base", help="a file uploaded first, untimed (the cells of a single-sheet case)")
    p.add_argument("files", nargs="+")
    args = p.parse_args(argv)

    from dashboard import cli, store

    # The stages as dashboard.ingest.prepare calls them; ``commit`` as the command line calls it
    # (the package re-exports the function, which hides the submodule's name).
    prepare_module = sys.modules["dashboard.ingest.prepare"]
    timings: dict[str, float] = defaultdict(float)

    def timed(name, fn):
        def wrapper(*a, **k):
            started = time.perf_counter()
            try:
                return fn(*a, **k)
            finally:
                timings[name] += time.perf_counter() - started
        return wrapper

    for name in CHILD_PHASES:
        setattr(prepare_module, name, timed(name, getattr(prepare_module, name)))
    cli.ingest.commit = timed("commit", cli.ingest.commit)

    def ingest(files: list[str]) -> dict:
        out = io.StringIO()
        started = time.perf_counter()
        with contextlib.redirect_stdout(out):
            code = cli.main(["ingest", *files, "--db", args.db, "--json", "--who", "bench"])
        seconds = time.perf_counter() - started
        text = out.getvalue()
        try:
            report = json.loads(text[text.index("{"):])
        except ValueError:
            report = {"ok": False, "problems": [{"message": text[-500:]}], "counts": {}}
        rows = sum(sum(c.values()) for c in report.get("counts", {}).values() if c)
        errors = [p["message"] for p in report.get("problems", []) if p.get("severity") == "error"]
        return {"files": [Path(f).name for f in files], "exit": code, "seconds": round(seconds, 3), "rows": rows,
                "errors": len(errors), "first_errors": errors[:3],
                "warnings": sum(1 for p in report.get("problems", []) if p.get("severity") != "error")}

    if args.base:
        ingest([args.base])
        timings.clear()
    started = time.perf_counter()
    uploads = []
    groups = [[f] for f in args.files] if args.sequential else [args.files]
    for group in groups:
        uploads.append(ingest(group))
        print(dumps({"event": "upload", **uploads[-1]}), flush=True)
        if uploads[-1]["exit"] != 0:
            break
    total = time.perf_counter() - started
    cur = store.cursor(Path(args.db))
    cur.execute("CHECKPOINT")
    store.close_all()
    status = {}
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith(("VmHWM", "VmRSS")):
                k, v = line.split(":")
                status[k] = int(v.split()[0]) / 1024
    print(dumps({"event": "done", "seconds": round(total, 3), "phases": {k: round(v, 3) for k, v in timings.items()},
                 "uploads": len(uploads), "ok": all(u["exit"] == 0 for u in uploads),
                 "rows": sum(u["rows"] for u in uploads), "errors": sum(u["errors"] for u in uploads),
                 "first_errors": [e for u in uploads for e in u["first_errors"]][:3],
                 "warnings": sum(u["warnings"] for u in uploads), "peak_rss_self_mb": round(status.get("VmHWM", 0))}),
          flush=True)
    return 0


# ---------------------------------------------------------------- the parent

def measure(label: str, files: list[Path], db: Path, env_extra: dict[str, str] | None = None,
            sequential: bool = False, base: Path | None = None,
            limits: dict | None = None, log=print) -> dict:
    """One upload case in its own process on a fresh database ``db``."""
    for leftover in (db, Path(str(db) + ".wal")):
        leftover.unlink(missing_ok=True)
    db.parent.mkdir(parents=True, exist_ok=True)
    args = [sys.executable, "-m", "bench.load", "child", "--db", str(db)]
    args += ["--sequential"] if sequential else []
    args += ["--base", str(base)] if base else []
    args += [str(f) for f in files]
    progress = {"n": 0}

    def on_line(line: str):
        if '"event": "upload"' in line and sequential:
            progress["n"] += 1
            if progress["n"] % 5 == 0:
                log(f"    {label}: {progress['n']} of {len(files)} uploads done")

    log(f"  upload {label}: {len(files)} file(s), {sum(f.stat().st_size for f in files) / 1e6:.1f} MB")
    child = run_child(args, env=bench_env(**(env_extra or {})), on_line=on_line, **(limits or {}))
    records = child.json_lines()
    done = next((r for r in records if r.get("event") == "done"), None)
    uploads = [r for r in records if r.get("event") == "upload"]
    result = {"label": label, "files": len(files), "bytes": sum(f.stat().st_size for f in files),
              "wall_s": round(child.seconds, 2), "peak_rss_mb": round(child.peak_rss_mb),
              "killed": child.killed, "exit": child.returncode,
              "env": env_extra or {}}
    if done:
        result.update({k: done[k] for k in ("seconds", "phases", "uploads", "ok", "rows", "errors", "first_errors",
                                            "warnings")})
    else:
        result.update({"ok": False, "uploads": len(uploads), "rows": sum(u["rows"] for u in uploads),
                       "stderr_tail": child.stderr[-1500:]})
        if uploads:
            result["first_errors"] = [e for u in uploads for e in u["first_errors"]][:3]
    if sequential and uploads:
        result["per_upload_s"] = [u["seconds"] for u in uploads]
    state = "killed (" + child.killed + ")" if child.killed else ("ok" if result.get("ok") else "REFUSED/FAILED")
    log(f"    {label}: {state}, {result.get('seconds', child.seconds):.1f} s, peak {child.peak_rss_mb:,.0f} MB"
        + (f"; {result.get('first_errors')}" if not result.get("ok") else ""))
    return result


def inflated_bytes(path: Path) -> int:
    import zipfile

    with zipfile.ZipFile(path) as zf:
        return sum(i.file_size for i in zf.infolist())


def raised_limits(manifest: dict) -> dict[str, str]:
    biggest = max(manifest["counts"].values())
    mb = int(manifest["bytes"] / 1024 / 1024) + 2
    return {"DASHBOARD_MAX_ROWS": str(max(200_000, biggest + 1000)), "DASHBOARD_MAX_UPLOAD_MB": str(max(20, mb))}


def legacy_cases(folder: Path) -> list[tuple[str, Path, Path]]:
    """The former scripts/bench_ingest.py cases: 100,000 scores as .xlsx and as .csv."""
    import xlsxwriter

    criteria = (("A1", 8), ("A2", 8), ("A3", 7), ("A4", 7), ("B1", 25), ("B2", 15), ("B3", 8), ("B4", 6),
                ("B5", 10), ("B6", 6))
    periods = ("2021", "2022", "2023", "2024", "2025", "2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4", "2026-Q1")

    def score_rows():
        for period in periods:
            for cell in range(1, 1001):
                for i, (code, mx) in enumerate(criteria):
                    yield period, f"K{cell:04d}", code, round(mx * (0.5 + ((cell * 7 + i) % 50) / 100), 1)

    folder.mkdir(parents=True, exist_ok=True)
    cells = folder / "chi_bo.csv"
    xlsx = folder / "diem-100k.xlsx"
    csv = folder / "diem_danh_gia.csv"
    if not (cells.exists() and xlsx.exists() and csv.exists()):
        cells.write_text("Mã chi bộ,Tên chi bộ\n" + "".join(f"K{c:04d},Chi bộ thử {c}\n" for c in range(1, 1001)),
                         encoding="utf-8")
        wb = xlsxwriter.Workbook(str(xlsx), {"constant_memory": True})
        ws = wb.add_worksheet("diem_danh_gia")
        ws.write_row(0, 0, ["Kỳ đánh giá", "Mã chi bộ", "Mã tiêu chí", "Điểm"])
        for r, row in enumerate(score_rows(), start=1):
            ws.write_string(r, 0, row[0])
            ws.write_string(r, 1, row[1])
            ws.write_string(r, 2, row[2])
            ws.write_number(r, 3, row[3])
        wb.close()
        with csv.open("w", encoding="utf-8-sig") as fh:
            fh.write("Kỳ đánh giá;Mã chi bộ;Mã tiêu chí;Điểm\n")
            for row in score_rows():
                fh.write(f"{row[0]};{row[1]};{row[2]};{str(row[3]).replace('.', ',')}\n")
    return [("100,000-row diem_danh_gia .xlsx (on 1,000 cells)", xlsx, cells),
            ("100,000-row diem_danh_gia .csv (;, decimal comma, BOM)", csv, cells)]


def load(size: str, force: bool = False, log=print, split_only: bool = False) -> dict:
    """Measure the uploads of a size and leave its store in the cache; reuse both when cached.

    ``split_only``: for a size with split files (L), build the store from them alone and skip the
    one-workbook uploads (8 GB and 4–9 minutes for L; their last figures stay in the report's
    history, bench/results/)."""
    manifest = generate.generate(size, log=log)
    target, out = store_path(size, manifest), results_path(size)
    if target.exists() and out.exists() and not force:
        result = json.loads(out.read_text())
        if result.get("store") == str(target):
            result["cached"] = True
            log(f"  [{size}] store and upload figures from the cache ({target.name}); --force to rebuild")
            return result
    work = CACHE / "load-work" / size
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    started = time.perf_counter()
    cases = []
    if split_only and not manifest.get("split"):
        raise ValueError(f"{size} has no split files")
    one = {"label": f"{size}: one workbook", "skipped": True, "ok": False} if split_only else measure(
        f"{size}: one workbook", [Path(manifest["workbook"])], work / "one.duckdb",
                  env_extra=raised_limits(manifest) if size != "S" else None,
                  limits=ONE_WORKBOOK_LIMITS if size == "L" else {"timeout": 15 * 60}, log=log)
    one["rows_generated"] = sum(manifest["counts"].values())
    if not split_only:
        cases.append(one)
    chosen = work / "one.duckdb" if one.get("ok") else None
    one["inflated_mb"] = round(inflated_bytes(Path(manifest["workbook"])) / 1e6)
    if manifest.get("split"):
        split_root = Path(manifest["split_folder"])
        files = [split_root / f["path"] for f in manifest["split"]]
        split = measure(f"{size}: split path ({len(files)} CSV files, one upload each, default limits)", files,
                        work / "split.duckdb", sequential=True, limits={"timeout": 60 * 60}, log=log)
        split["rows_generated"] = one["rows_generated"]
        cases.append(split)
        if chosen is None and split.get("ok"):
            chosen = work / "split.duckdb"
    if size == "S":
        for label, path, base in legacy_cases(CACHE / "legacy-ingest"):
            cases.append(measure(label, [path], work / "legacy.duckdb", base=base, log=log))
    if chosen is None:
        raise RuntimeError(f"no upload path built a store for {size}: {cases}")
    STORES.mkdir(parents=True, exist_ok=True)
    for old in STORES.glob(f"{size}-*.duckdb"):
        old.unlink()
    shutil.move(str(chosen), target)
    shutil.rmtree(work, ignore_errors=True)
    result = {"size": size, "store": str(target), "store_mb": round(target.stat().st_size / 1e6, 1),
              "built_from": chosen.name, "manifest": {k: v for k, v in manifest.items() if k != "split"},
              "split_files": len(manifest.get("split") or []), "cases": cases,
              "seconds": round(time.perf_counter() - started, 1)}
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(dumps(result))
    return result


def main(argv: list[str] | None = None) -> int:
    import argparse

    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] == "child":
        return child_main(argv[1:])
    p = argparse.ArgumentParser(prog="python -m bench load")
    p.add_argument("--sizes", default="S,M")
    p.add_argument("--force", action="store_true")
    p.add_argument("--split-only", action="store_true", help="L: build from the split files, skip the one-workbook uploads")
    args = p.parse_args(argv)
    for size in args.sizes.split(","):
        result = load(size.strip(), force=args.force, split_only=args.split_only)
        print(json.dumps({k: v for k, v in result.items() if k != "manifest"}, ensure_ascii=False, default=str))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
