"""Everything for each size: generate, load, pages (with floor, naive peer, queries), concurrency, report.

    .venv/bin/python -m bench run --sizes S,M          # make bench
    .venv/bin/python -m bench run --sizes S,M,L        # make bench SIZES=S,M,L

Writes bench/results/<date>-<size>.md; the raw figures stay in bench/.cache/results/<size>/.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from pathlib import Path

from . import generate, load, report
from .common import CACHE, dumps, machine


def log(message: str) -> None:
    print(f"{dt.datetime.now():%H:%M:%S} {message}", flush=True)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench run")
    p.add_argument("--sizes", default="S,M", help="comma-separated: S, M, L (default S,M)")
    p.add_argument("--cap", type=float, default=120, help="seconds before a single render is stopped")
    p.add_argument("--repeats", type=int, default=5)
    p.add_argument("--budget", type=float, default=60, help="seconds of samples per phase before stopping early")
    p.add_argument("--concurrency", default="S", help="sizes with a concurrency run (default S; '' for none)")
    p.add_argument("--sessions", default="1,16")
    p.add_argument("--rounds", type=int, default=2)
    p.add_argument("--force-load", action="store_true", help="measure the uploads again and rebuild the stores")
    p.add_argument("--split-only", action="store_true", help="L: build its store from the split files only")
    p.add_argument("--skip", default="", help="steps to skip: pages, concurrency")
    p.add_argument("--date", default=None)
    args = p.parse_args(argv)
    skip = set(filter(None, args.skip.split(",")))
    sizes = [s.strip().upper() for s in args.sizes.split(",") if s.strip()]
    day = args.date or dt.date.today().isoformat()
    for size in sizes:
        steps: dict[str, float] = {}
        info = {"machine": machine(), "size": size}
        log(f"== size {size} (load average {info['machine']['loadavg']})")
        started = time.perf_counter()
        generate.generate(size, log=log)
        steps["generate"] = time.perf_counter() - started
        started = time.perf_counter()
        loaded = load.load(size, force=args.force_load, log=log, split_only=args.split_only and size == "L")
        steps["load" + (" (cached)" if loaded.get("cached") else "")] = time.perf_counter() - started
        if "pages" not in skip:
            from .pages import run_pages

            started = time.perf_counter()
            run_pages(size, Path(loaded["store"]), args.cap, args.repeats, args.budget, log=log)
            steps["pages"] = time.perf_counter() - started
        if size in args.concurrency.upper().split(",") and "concurrency" not in skip:
            from .concurrency import measure

            started = time.perf_counter()
            log(f"  [{size}] concurrency: sessions {args.sessions}, {args.rounds} rounds")
            measure(size, Path(loaded["store"]), [int(x) for x in args.sessions.split(",")], args.rounds, log=log)
            steps["concurrency"] = time.perf_counter() - started
        info["steps"] = {k: round(v, 1) for k, v in steps.items()}
        info["args"] = vars(args)
        out = CACHE / "results" / size / "run.json"
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(dumps(info))
        path = report.write(size, day)
        log(f"  [{size}] done in {sum(steps.values()):.0f} s: {path.relative_to(path.parent.parent.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
