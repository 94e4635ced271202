"""N people opening the data pages at once: one real server, N websocket sessions in Chromium.

    .venv/bin/python -m bench concurrency --size S [--sessions 1,16] [--rounds 2]

Starts ``streamlit run app.py`` on a free loopback port against a copy of the size's store
(no users configured: local mode), then one headless Chromium (``/usr/bin/chromium``,
Playwright) with one browser context per session. Every session first opens the overview
(its "first load": the page, the JavaScript and a new websocket session), waits at a
barrier until all sessions have loaded, then clicks through the data pages in the sidebar —
Xếp hạng chi bộ, Tiến độ giải pháp, Sinh hoạt chi bộ, Tổng quan — ``--rounds`` times.

A view is timed from the click to the moment the new page is complete: the app reports no
script running (``data-test-script-state="notRunning"``), the page's title is the new one,
no element is stale and every Vega-Lite chart has drawn its canvas or SVG. A view counts as
an error when it shows an exception or the app's error sentence, when the browser reports a
script error, or when it takes longer than 60 s.

First one session goes once over the data pages, untimed, to warm the server's caches (an
office's server is warm after its first visitor); then the runs, from the fewest sessions to
the most (default 1, then 16). Reported per run:
p50, p95 and max per view, errors, the server's CPU seconds and peak resident memory. The
browser shares the machine's two cores with the server: its CPU time is reported too.
"""

from __future__ import annotations

import asyncio
import os
import resource
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from .common import CACHE, ROOT, bench_env, cpu_seconds, dumps, proc_status

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]
# (page file, sidebar link label, page title)
ROUTE = (("pages/xep_hang.py", "Xếp hạng chi bộ", "Xếp hạng chi bộ"),
         ("pages/giai_phap.py", "Tiến độ giải pháp", "Tiến độ thực hiện giải pháp"),
         ("pages/sinh_hoat.py", "Sinh hoạt chi bộ", "Sinh hoạt chi bộ"),
         ("app.py", "Tổng quan", "Tổng quan"))
VIEW_TIMEOUT_MS = 60_000
ERROR_TEXT = "Đã xảy ra lỗi khi hiển thị trang"

DONE = """(title) => {
  const app = document.querySelector('[data-testid=stApp]');
  if (!app || app.getAttribute('data-test-script-state') !== 'notRunning') return false;
  const h1 = document.querySelector('[data-testid=stMain] h1');
  if (!h1 || !h1.textContent.includes(title)) return false;
  if (document.querySelector('[data-testid=stMain] [data-stale=true]')) return false;
  const charts = [...document.querySelectorAll('[data-testid=stMain] [data-testid=stVegaLiteChart]')];
  return charts.every(c => c.querySelector('canvas, svg'));
}"""
PROBLEMS = """(errorText) => {
  const exceptions = document.querySelectorAll('[data-testid=stException]').length;
  const alerts = [...document.querySelectorAll('[data-testid=stAlert]')].filter(a => a.textContent.includes(errorText)).length;
  return exceptions + alerts;
}"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, db: Path, log_path: Path):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = log_path.open("w")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.port", str(self.port),
             "--server.address", "127.0.0.1", "--server.headless", "true"],
            cwd=ROOT, env=bench_env(db), stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(self.url + "/_stcore/health", timeout=2) as response:
                    if response.status == 200:
                        return
            except OSError:
                time.sleep(0.2)
            if self.proc.poll() is not None:
                raise RuntimeError("streamlit exited: " + log_path.read_text()[-2000:])
        raise RuntimeError("streamlit did not become healthy: " + log_path.read_text()[-2000:])

    def cpu(self) -> float:
        return cpu_seconds(self.proc.pid)

    def peak_rss_mb(self) -> float:
        return proc_status(self.proc.pid).get("VmHWM", 0) / 1024

    def stop(self):
        try:
            os.killpg(self.proc.pid, signal.SIGTERM)
            self.proc.wait(timeout=15)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            os.killpg(self.proc.pid, signal.SIGKILL)
        self.log.close()


def children_cpu() -> float:
    """CPU seconds of this process's finished children and theirs (Playwright's driver and Chromium)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


async def one_session(browser, url: str, rounds: int, barrier: asyncio.Barrier, index: int) -> dict:
    context = await browser.new_context(viewport={"width": 1366, "height": 768}, locale="vi-VN")
    page = await context.new_page()
    script_errors: list[str] = []
    page.on("pageerror", lambda e: script_errors.append(str(e)))
    views, first_load, load_error = [], None, None
    try:
        started = time.perf_counter()
        await page.goto(url + "/", wait_until="domcontentloaded", timeout=VIEW_TIMEOUT_MS)
        await page.wait_for_function(DONE, arg="Tổng quan", timeout=VIEW_TIMEOUT_MS, polling=25)
        first_load = time.perf_counter() - started
    except Exception as exc:       # noqa: BLE001 - a failed session is reported, not raised
        load_error = str(exc)[:300]
    await barrier.wait()
    if load_error is None:
        for r in range(rounds):
            for path, label, title in ROUTE:
                before = len(script_errors)
                started = time.perf_counter()
                error = None
                try:
                    link = page.locator("[data-testid=stSidebar] a[data-testid=stPageLink-NavLink]", has_text=label)
                    await link.first.click(timeout=VIEW_TIMEOUT_MS)
                    await page.wait_for_function(DONE, arg=title, timeout=VIEW_TIMEOUT_MS, polling=25)
                except Exception as exc:   # noqa: BLE001
                    error = "timeout" if "Timeout" in type(exc).__name__ else str(exc)[:200]
                seconds = time.perf_counter() - started
                if error is None:
                    shown = await page.evaluate(PROBLEMS, ERROR_TEXT)
                    if shown:
                        error = f"{shown} error box(es)"
                    elif len(script_errors) > before:
                        error = "browser: " + script_errors[-1][:200]
                views.append({"session": index, "round": r, "page": path, "s": round(seconds, 4), "error": error})
    await context.close()
    return {"session": index, "first_load": first_load, "load_error": load_error, "views": views}


async def run_sessions(url: str, sessions: int, rounds: int) -> list[dict]:
    from playwright.async_api import async_playwright

    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        barrier = asyncio.Barrier(sessions)
        try:
            return await asyncio.gather(*(one_session(browser, url, rounds, barrier, i) for i in range(sessions)))
        finally:
            await browser.close()


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    k = (len(ordered) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def measure(size: str, store: Path, sessions: list[int], rounds: int, log=print) -> dict:
    work = CACHE / "work"
    work.mkdir(parents=True, exist_ok=True)
    db = work / f"{size}-server.duckdb"
    for leftover in (db, Path(str(db) + ".wal")):
        leftover.unlink(missing_ok=True)
    shutil.copy(store, db)
    server = Server(db, work / f"{size}-server.log")
    runs = []
    try:
        log("    warming the server's caches: one session, one round over the data pages (not counted)")
        asyncio.run(run_sessions(server.url, 1, 1))
        for n in sessions:
            cpu_before, browser_before = server.cpu(), children_cpu()
            started = time.perf_counter()
            results = asyncio.run(run_sessions(server.url, n, rounds))
            wall = time.perf_counter() - started
            views = [v for r in results for v in r["views"]]
            times = [v["s"] for v in views]
            errors = [v for v in views if v["error"]] + [r for r in results if r["load_error"]]
            loads = [r["first_load"] for r in results if r["first_load"] is not None]
            per_page = {}
            for path, _, _ in ROUTE:
                mine = [v["s"] for v in views if v["page"] == path]
                if mine:
                    per_page[path] = {"p50": percentile(mine, 0.5), "p95": percentile(mine, 0.95)}
            run = {"sessions": n, "rounds": rounds, "views": len(views), "p50": percentile(times, 0.5),
                   "p95": percentile(times, 0.95), "max": max(times) if times else None, "errors": len(errors),
                   "error_samples": [e.get("error") or e.get("load_error") for e in errors[:5]],
                   "first_load_p50": statistics.median(loads) if loads else None, "wall_s": round(wall, 1),
                   "server_cpu_s": round(server.cpu() - cpu_before, 2),
                   "browser_cpu_s": round(children_cpu() - browser_before, 2),
                   "server_peak_rss_mb": round(server.peak_rss_mb()), "per_page": per_page, "raw": views}
            runs.append(run)
            log(f"    {n} session(s): {len(views)} views, p50 {run['p50']:.2f} s, p95 {run['p95']:.2f} s, "
                f"max {run['max'] or 0:.2f} s, {len(errors)} errors; server CPU {run['server_cpu_s']} s, "
                f"browser CPU {run['browser_cpu_s']} s")
    finally:
        server.stop()
    result = {"size": size, "runs": runs,
              "note": "The 16 Chromium sessions run on the same two cores as the server: the browser CPU "
                      "column says how much of the machine they took."}
    out = CACHE / "results" / size / "concurrency.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(dumps(result))
    return result


def main(argv: list[str] | None = None) -> int:
    import argparse

    from .load import load

    p = argparse.ArgumentParser(prog="python -m bench concurrency")
    p.add_argument("--size", default="S")
    p.add_argument("--sessions", default="1,16")
    p.add_argument("--rounds", type=int, default=2)
    args = p.parse_args(argv)
    loaded = load(args.size)
    measure(args.size, Path(loaded["store"]), [int(x) for x in args.sessions.split(",")], args.rounds)
    return 0
