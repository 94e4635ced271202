"""Markdown tables from the benchmark's results, with pass/fail against the issue's targets.

    .venv/bin/python -m bench report --sizes S,M [--date 2026-11-30]

Reads ``bench/.cache/results/<size>/{load,pages,concurrency,run}.json`` and writes
``bench/results/<date>-<size>.md`` (committed, quoted by the README). Numbers are written the
Vietnamese way, like the README: 0,38 s; 1.705 rows.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import statistics
from pathlib import Path

from .common import CACHE, RESULTS, loads
from .pages import summarise

PAGE_NAMES = {"app.py": "Tổng quan", "pages/xep_hang.py": "Xếp hạng chi bộ",
              "pages/giai_phap.py": "Tiến độ giải pháp", "pages/sinh_hoat.py": "Sinh hoạt chi bộ",
              "pages/tai_len.py": "Tải dữ liệu lên", "pages/lich_su.py": "Lịch sử tải lên",
              "pages/han_che.py": "Hạn chế và khắc phục", "pages/danh_gia_cuoi_nam.py": "Đánh giá cuối năm",
              "pages/dang_vien.py": "Đảng viên"}
PHASES = ("first", "cold", "warm", "filter", "period")
# (first render = cold median, filter change) per size, in seconds; L adds RSS, naive and floor.
TARGETS = {"S": (0.5, 0.1), "M": (1.0, 0.2), "L": (2.0, 0.3)}
L_RSS_MB = 1024
NAIVE_RATIO, FLOOR_RATIO = 10.0, 2.0
CONCURRENCY_P95 = 1.0
UPLOAD_L = (60.0, 2048)


# ---------------------------------------------------------------- formatting

def num(x: float, digits: int = 2) -> str:
    text = f"{x:,.{digits}f}"
    return text.replace(",", "_").replace(".", ",").replace("_", ".")


def secs(x: float | None) -> str:
    if x is None:
        return "—"
    if x < 1:
        return f"{num(x * 1000, 0)} ms"
    return f"{num(x, 2 if x < 10 else 1)} s"


def cell(entry: dict | None, extra: float = 0.0, n: bool = True) -> str:
    if entry is None:
        return "—"
    if entry.get("timeout"):
        return f"> {num(entry['cap'], 0)} s"
    text = secs(entry["s"] + extra)
    if n and entry.get("n", 5) < 5:
        text += f" (n={entry['n']})"
    return text


def mb(x: float | None) -> str:
    return "—" if x is None else (f"{num(x / 1024, 2)} GB" if x >= 1024 else f"{num(x, 0)} MB")


def mark(ok: bool | None) -> str:
    return "—" if ok is None else ("✓" if ok else "✗")


# ---------------------------------------------------------------- figures

def page_figures(result: dict, variant: str, floor: dict, naive: dict) -> dict:
    """Summaries of one variant of a page (every cell, or one cell chosen), its floor and its peer."""
    page = summarise(result[variant])
    fl = summarise(floor[variant]) if variant in floor else {}
    nv = summarise(naive[variant]) if variant in naive else {}
    floor_figs = {}
    for ph in PHASES:
        if ph in fl and not fl[ph].get("timeout") and ph in page and not page[ph].get("timeout"):
            # the floor: the empty page + the page's own reads run bare; results of runs
            # before the view's reads were recorded fall back to the reads that missed the cache
            reads = page[ph].get("view_query_s") or page[ph]["new_query_s"]
            floor_figs[ph] = {"s": fl[ph]["s"] + reads, "n": 5, "empty": fl[ph]["s"], "queries": reads,
                              "strict": fl[ph]["s"] + page[ph]["new_query_s"]}
    return {"variant": variant, "page": page, "floor": floor_figs, "naive": nv,
            "peak_rss_mb": result[variant].get("peak_rss_mb") or 0, "errors": page["_errors"],
            "killed": result[variant].get("killed")}


def _measured(entry: dict | None) -> bool:
    return bool(entry) and not entry.get("timeout")


def ratios(f: dict, key: str = "s") -> tuple[float | None, float | None]:
    """(filter ÷ floor filter, naive filter ÷ filter) of one variant's figures; ``key="strict"``:
    the floor counting only the reads that missed the cache."""
    filt, fl, nv = f["page"].get("filter"), f["floor"], f["naive"]
    ratio_floor = ratio_naive = None
    if _measured(filt) and "filter" in fl and fl["filter"][key]:
        ratio_floor = filt["s"] / fl["filter"][key]
    if _measured(filt) and _measured(nv.get("filter")) and filt["s"]:
        ratio_naive = nv["filter"]["s"] / filt["s"]
    return ratio_floor, ratio_naive


def row_text(name: str, f: dict) -> str:
    p, fl, nv = f["page"], f["floor"], f["naive"]
    ratio_floor, ratio_naive = ratios(f)
    strict, _ = ratios(f, "strict")
    floor_text = " · ".join(cell(fl.get(ph), n=False) for ph in ("cold", "warm", "filter", "period"))
    naive_text = " · ".join(cell(nv.get(ph), n=False) for ph in ("cold", "filter"))
    errors = f["errors"] or ""
    if f["killed"]:
        errors = f"{errors} (worker killed: {f['killed']})".strip()
    return (f"| {name} | {cell(p.get('first'), n=False)} | {cell(p.get('cold'))} | {cell(p.get('warm'))} | "
            f"{cell(p.get('filter'))} | {cell(p.get('period'))} | {floor_text} | {naive_text} | "
            f"{'—' if ratio_floor is None else num(ratio_floor, 1) + '×'} | "
            f"{'—' if strict is None else num(strict, 1) + '×'} | "
            f"{'—' if ratio_naive is None else num(ratio_naive, 1) + '×'} | {mb(f['peak_rss_mb'])} | {errors} |")


def ok_s(entry: dict | None, limit: float) -> bool | None:
    if entry is None:
        return None
    if entry.get("timeout"):
        return False
    return entry["s"] <= limit


# ---------------------------------------------------------------- the document

def render(size: str, day: str) -> str:
    base = CACHE / "results" / size
    load = _read(base / "load.json")
    pages = _read(base / "pages.json")
    conc = _read(base / "concurrency.json")
    run = _read(base / "run.json") or {}
    machine = latest_machine(run, pages, conc)
    out = [f"# Benchmark, size {size} — {day}", ""]
    if machine:
        out += [f"Machine: {machine.get('cpus')} CPUs ({machine.get('cpu') or '?'}), {num(machine.get('memory_gb', 0), 1)} GB, "
                f"shared with other engineers (load average at the start {', '.join(num(x, 1) for x in machine.get('loadavg', []))}); "
                f"Python {machine.get('python')}, DuckDB {machine.get('duckdb')}, Streamlit {machine.get('streamlit')}; "
                f"app code as of commit `{machine.get('app_commit', machine.get('commit'))}` (benchmark at `{machine.get('commit')}`). "
                f"Timings are noisy; ratios count.", ""]
    if load:
        m = load.get("manifest", {})
        counts = m.get("counts", {})
        spec = m.get("spec") or {}
        what = (f"{num(spec['cells'], 0)} cells, {num(spec['members'], 0)} current members, {spec['years']} years"
                if spec else "the shipped sample (4 cells, 52 members)")
        out += [f"Data: {what}; {num(sum(counts.values()), 0)} rows "
                f"({', '.join(f'{k} {num(v, 0)}' for k, v in counts.items())}). Store: {num(load.get('store_mb', 0), 0)} MB.", ""]
    if pages:
        out += page_section(size, pages)
        out += query_section(pages)
    if load:
        out += upload_section(size, load)
    if conc:
        out += concurrency_section(conc)
    if run.get("steps") and run.get("machine") is machine:     # not a run older than the results shown
        out += ["## How long the benchmark took", "",
                " · ".join(f"{k} {secs(v)}" for k, v in run["steps"].items()) +
                f" — total {secs(sum(run['steps'].values()))}.", ""]
    return "\n".join(out)


def page_section(size: str, pages: dict) -> list[str]:
    first_t, filter_t = TARGETS[size]
    out = ["## Pages (AppTest, median of 5 after a warm-up unless n says otherwise)", "",
           "first = first render of a new process; cold = new session, caches cleared (the installed components found "
           "once per process, as a server does); warm = rerun; "
           "filter = another cell chosen; period = another period chosen (every cell). Floor = the same "
           "transition on an empty page with the same sidebar + the page's own queries for that view run "
           "bare (every query the page asks for, cached or not, over the cells shown, without the app's "
           "caches). ÷ strict = filter ÷ (the empty page + only the queries that missed the app's cache): "
           "what a perfect cache would still compute. Naive = `bench/naive.py` (whole tables in pandas "
           "on every rerun).", "",
           "| page | first | cold | warm | filter | period | floor cold · warm · filter · period | naive cold · filter "
           "| filter ÷ floor | ÷ strict | naive ÷ filter | peak RSS | errors |",
           "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    verdicts = []
    notes = []
    for page, result in pages["pages"].items():
        figures = {v: page_figures(result, v, pages["floor"], pages["naive"]) for v in ("all", "one") if v in result}
        for variant, f in figures.items():
            p, fl, nv = f["page"], f["floor"], f["naive"]
            name = PAGE_NAMES.get(page, page)
            if variant == "one":
                name += " — one cell ¹"
                if not notes:
                    notes.append("¹ A render over every cell did not finish within the cap: the page measured again "
                                 "with one cell chosen in the address (`?chi_bo=…`); first and cold are that view, "
                                 "filter = another single cell, period = another period with that cell.")
            out.append(row_text(name, f))
        all_f = figures["all"]
        one_f = figures.get("one")
        filt_f = all_f if _measured(all_f["page"].get("filter")) or one_f is None else one_f
        ratio_floor, ratio_naive = ratios(filt_f)
        cold_all = all_f["page"].get("cold") or (
            {"timeout": True, "cap": pages["cap"]} if all_f["page"].get("first", {}).get("timeout") or all_f["killed"] else None)
        v = {"page": PAGE_NAMES.get(page, page), "first": ok_s(cold_all, first_t),
             "filter": ok_s(filt_f["page"].get("filter"), filter_t),
             "errors": all(f["errors"] == 0 and not f["killed"] for f in figures.values())}
        if size == "L":
            v["rss"] = max(f["peak_rss_mb"] for f in figures.values()) <= L_RSS_MB
            v["naive"] = None if ratio_naive is None else ratio_naive >= NAIVE_RATIO
            v["floor"] = None if ratio_floor is None else ratio_floor <= FLOOR_RATIO
            if not _measured(filt_f["page"].get("filter")):
                v["naive"] = v["floor"] = False
        verdicts.append(v)
    out += [""] + notes + ([""] if notes else [])
    workers = [r for entry in pages["pages"].values() for r in entry.values()] + \
        [r for group in (pages["floor"], pages["naive"]) for r in group.values()]
    cal = [c for r in workers for c in r.get("calibration_s", [])]
    loads_seen = [x for r in workers for x in r.get("loadavg", [])]
    if cal:
        out += [f"Machine busy-ness during these runs: a fixed pure-Python loop took {secs(min(cal))}–{secs(max(cal))} "
                f"(median {secs(statistics.median(cal))}; about 0,1 s on an idle core); load average "
                f"{num(min(loads_seen), 1)}–{num(max(loads_seen), 1)} on {pages.get('cpus', 2)} cores.", ""]
    # pass/fail
    head = f"first render (cold) ≤ {secs(first_t)} | filter change ≤ {secs(filter_t)} | no error"
    cols = "|---|:---:|:---:|:---:|"
    if size == "L":
        head += f" | RSS ≤ 1 GB | ≥ {num(NAIVE_RATIO, 0)}× faster than naive | ≤ {num(FLOOR_RATIO, 0)}× floor (filter)"
        cols += ":---:|:---:|:---:|"
    out += [f"### Targets for {size}", "", f"| page | {head} |", cols]
    for v in verdicts:
        row = [mark(v["first"]), mark(v["filter"]), mark(v["errors"])]
        if size == "L":
            row += [mark(v["rss"]), mark(v["naive"]), mark(v["floor"])]
        out.append(f"| {v['page']} | " + " | ".join(row) + " |")
    passed = sum(all(x is not False for k, x in v.items() if k != "page") for v in verdicts)
    out += ["", f"{passed} of {len(verdicts)} pages meet every target for {size}.", ""]
    # the floor and the naive peer themselves
    for label, group in (("Floor (empty page, same sidebar)", pages["floor"]), ("Naive peer", pages["naive"])):
        for variant, r in group.items():
            s = summarise(r)
            out.append(f"- {label}{' — one cell' if variant == 'one' else ''}: " +
                       " · ".join(f"{ph} {cell(s.get(ph), n=ph != 'first')}" for ph in PHASES) + f"; peak {mb(r.get('peak_rss_mb'))}.")
    out += [""]
    return out


def query_label(q: dict) -> str:
    """A query's name; for queries read in one statement (``together:…``), their family and number."""
    inner = list((q.get("params") or {}).get("calls") or ()) if q["name"].startswith("together") else []
    if not inner:
        return f"`{q['name']}`"
    families = sorted({name.split(".")[0] for name in inner})
    return f"`{'`, `'.join(f + '.*' for f in families)}` ({len(inner)} queries in one statement)"


def query_section(pages: dict, top: int = 10) -> list[str]:
    rows = [q for q in pages.get("queries", []) if q.get("median_s") is not None or q.get("timeout")]
    rows.sort(key=lambda q: -(q["median_s"] if q.get("median_s") is not None else 1e9))
    out = [f"## Named queries, {top} slowest (bare, median after a warm-up)", "",
           "Parameters of the query's first call in the pages; a query first called for one cell is also "
           "timed over every cell (the default view).", "",
           "| query | cells | time | rows | n | pages |", "|---|---:|---:|---:|---:|---|"]
    for q in rows[:top]:
        t = f"> {num(pages['cap'], 0)} s" if q.get("timeout") else secs(q["median_s"])
        cells = "—" if q.get("cells") is None else num(q["cells"], 0)
        out.append(f"| {query_label(q)} | {cells} | {t} | {num(q.get('rows', 0), 0)} | {q.get('n')} | "
                   f"{', '.join(PAGE_NAMES.get(p, p) for p in q.get('pages', []))} |")
    rest = rows[top:]
    if rest:
        out.append(f"\nThe other {len(rest)} queries: {secs(min(q['median_s'] for q in rest if q.get('median_s') is not None))}"
                   f"–{secs(max(q['median_s'] for q in rest if q.get('median_s') is not None))}.")
    failed = [q for q in pages.get("queries", []) if q.get("error")]
    if failed:
        out.append("\nFailed: " + "; ".join(f"`{q['name']}`: {q['error']}" for q in failed))
    if pages.get("page_errors"):
        out.append("\nError boxes the pages showed (the app writes one sentence; the exception behind it):")
        for e in pages["page_errors"]:
            out.append(f"- {PAGE_NAMES.get(e['page'], e['page'])} ({', '.join(sorted(e['phases']))}): `{e['error'][:300]}`")
    if pages.get("queries_not_run"):
        out.append("\nNot run by any page: " + ", ".join(f"`{n}`" for n in pages["queries_not_run"]) + ".")
    out.append("")
    return out


def upload_section(size: str, load: dict) -> list[str]:
    out = ["## Upload (each case in its own process on a fresh store; peak = that process's maximum resident memory)", "",
           "| upload | files | rows | read | validate | count changes | commit | total | peak memory | result |",
           "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|"]
    for c in load["cases"]:
        ph = c.get("phases", {})
        total = c.get("seconds", c.get("wall_s"))
        if c.get("killed"):
            result = f"stopped by the watchdog ({'memory over 10 GB' if c['killed'] == 'memory' else 'over 15 min' if c['killed'] == 'time' else c['killed']})"
        elif c.get("ok"):
            result = "loaded" + (f" (warnings: {num(c.get('warnings', 0), 0)})" if c.get("warnings") else "")
        else:
            result = "refused: " + "; ".join(c.get("first_errors") or []) if c.get("first_errors") else "failed"
        if c.get("inflated_mb") and not c.get("ok"):
            result += f" (the workbook inflates to {num(c['inflated_mb'], 0)} MB)"
        if c.get("env"):
            result += " — " + ", ".join(f"{k}={v}" for k, v in c["env"].items())
        out.append(f"| {c['label']} | {c['files']} | {num(c.get('rows') or 0, 0)} | {secs(ph.get('read_file'))} | "
                   f"{secs(ph.get('validate'))} | {secs(ph.get('count_changes'))} | {secs(ph.get('commit'))} | "
                   f"{secs(total)} | {mb(c.get('peak_rss_mb'))} | {result} |")
        if c.get("per_upload_s"):
            per = c["per_upload_s"]
            out.append(f"|   per upload: median {secs(statistics.median(per))}, slowest {secs(max(per))} | | | | | | | | | |")
    if size == "L":
        one = [c for c in load["cases"] if "one workbook" in c["label"]]
        ok = any(c.get("ok") and not c.get("patched_inflate_limit") and c.get("seconds", 1e9) <= UPLOAD_L[0]
                 and c.get("peak_rss_mb", 1e9) <= UPLOAD_L[1] for c in one)
        out += ["", f"Target: the whole L set in one workbook ≤ 60 s and ≤ 2 GB peak: {mark(ok)}."]
    out.append("")
    return out


def concurrency_section(conc: dict) -> list[str]:
    client = "Chromium sessions" if conc.get("client") == "chromium" else "websocket sessions"
    out = [f"## Concurrency (one `streamlit run app.py` server, {client} opening the data pages in turn)", "",
           "| sessions | views | p50 | p95 | max | errors | first load p50 | server CPU | client CPU | server peak RSS |",
           "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for run in conc["runs"]:
        out.append(f"| {run['sessions']} | {run['views']} | {secs(run['p50'])} | {secs(run['p95'])} | {secs(run['max'])} | "
                   f"{run['errors']} | {secs(run.get('first_load_p50'))} | {secs(run.get('server_cpu_s'))} | "
                   f"{secs(run.get('client_cpu_s', run.get('browser_cpu_s')))} | "
                   f"{mb(run.get('server_peak_rss_mb'))} |")
    big = [r for r in conc["runs"] if r["sessions"] >= 16]
    if big:
        r = big[-1]
        out += ["", f"Target: {r['sessions']} sessions, p95 ≤ 1 s per view, no error: "
                    f"{mark(r['p95'] <= CONCURRENCY_P95 and r['errors'] == 0)}."]
        per_page = r.get("per_page") or {}
        if per_page:
            out += ["", "Per page at " + str(r["sessions"]) + " sessions: " + "; ".join(
                f"{PAGE_NAMES.get(k, k)} p50 {secs(v['p50'])}, p95 {secs(v['p95'])}" for k, v in per_page.items()) + "."]
    if conc.get("note"):
        out += ["", conc["note"]]
    out.append("")
    return out


def latest_machine(*results: dict | None) -> dict:
    """The machine and commit of the newest of the results (``when``): a ``make bench`` run
    writes ``run.json``, and a later ``bench pages`` alone does not, so the run's record would
    name a commit the pages were not measured at."""
    machines = [r["machine"] for r in results if r and r.get("machine")]
    return max(machines, key=lambda m: m.get("when") or "", default={})


def _read(path: Path):
    return loads(path.read_text()) if path.exists() else None


def write(size: str, day: str | None = None, replace: bool = False) -> Path:
    """Write ``<day>-<size>.md``. An earlier report of that day and size that says something else
    is kept, renamed after the commit it measured (``<day>-<size>-<commit>.md``), unless
    ``replace``: a second session on the same day does not overwrite the first's results."""
    day = day or dt.date.today().isoformat()
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"{day}-{size}.md"
    text = render(size, day)
    if path.exists() and not replace:
        earlier = path.read_text(encoding="utf-8")
        if earlier != text:
            measured = re.search(r"app code as of commit `([0-9a-f]+)(?:\+dirty)?`", earlier)
            tag = measured.group(1) if measured else "earlier"
            kept, n = RESULTS / f"{day}-{size}-{tag}.md", 1
            while kept.exists():
                n += 1
                kept = RESULTS / f"{day}-{size}-{tag}-{n}.md"
            path.rename(kept)
    path.write_text(text, encoding="utf-8")
    return path


def main(argv: list[str] | None = None) -> int:
    import argparse

    p = argparse.ArgumentParser(prog="python -m bench report")
    p.add_argument("--sizes", default="S,M")
    p.add_argument("--date", default=None)
    p.add_argument("--replace", action="store_true",
                   help="overwrite the day's report rather than keep it under the commit it measured")
    args = p.parse_args(argv)
    for size in args.sizes.split(","):
        path = write(size.strip(), args.date, replace=args.replace)
        print(path.read_text())
    return 0
