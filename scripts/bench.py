"""Benchmarks behind the README's performance figures.

    .venv/bin/python scripts/bench.py            # or: make bench

Measures, on the sample data: building the sample database through the real
ingest path, every named query (median of repeated runs), and each page
rendered by Streamlit's AppTest (first run, then a rerun served from cache).
Prints a Markdown table. Figures depend on the machine; the README says which.
"""

from __future__ import annotations

import datetime as dt
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dashboard import cli, queries, settings, store  # noqa: E402


def timed(fn, repeat: int = 1) -> float:
    """Median wall time of ``fn`` in milliseconds."""
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples)


def main() -> None:
    rows: list[tuple[str, float]] = []
    tmp = Path(tempfile.mkdtemp())
    db = tmp / "bench.duckdb"
    workbook = settings.path_setting("DASHBOARD_SAMPLE_WORKBOOK")
    rows.append(("build sample database (read + validate + commit)", timed(lambda: cli.build_sample(db, workbook))))

    cur = store.cursor(db)
    params = {"period": "2025", "year": 2025, "today": dt.date(2026, 11, 26),
              "compare": "previous", "quota_base": "httnv", "quota_pool": "dang_bo", "quota_rounding": "floor", "plan_days": 30, "periods": 3, "reports": 3, "kind": "year", "cell": "CB01"}
    for query in queries.load_all().values():
        args = {k: v for k, v in params.items() if k in query.params}
        rows.append((f"query {query.name}", timed(lambda: queries.run(query.name, cur=cur, **args), repeat=20)))
    store.close_all()

    os.environ["DASHBOARD_DB"] = str(db)
    from streamlit.testing.v1 import AppTest

    import streamlit as st
    for page in ("app.py", "pages/xep_hang.py", "pages/giai_phap.py", "pages/sinh_hoat.py",
                 "pages/tai_len.py", "pages/lich_su.py"):
        st.cache_data.clear()
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
        if page != "app.py":
            at.switch_page(page)
        first = timed(at.run)
        rerun = timed(at.run, repeat=10)
        assert not at.exception, page
        rows.append((f"page {page}: first run (cold cache)", first))
        rows.append((f"page {page}: rerun (cached)", rerun))

    print("| measurement | ms |\n|---|---:|")
    for name, ms in rows:
        print(f"| {name} | {ms:,.1f} |")


if __name__ == "__main__":
    main()
