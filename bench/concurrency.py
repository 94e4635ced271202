"""N people opening the data pages at once: one real server, N websocket sessions.

    .venv/bin/python -m bench concurrency --size S [--sessions 1,16] [--rounds 2] [--client ws|chromium]

Starts ``streamlit run app.py`` on a free loopback port against a copy of the size's store
(no users configured: local mode), then N sessions. Every session first opens the overview
(its "first load": a new websocket session and the overview's first run), waits at a barrier
until all sessions have loaded, then opens the data pages in turn with no pause between them —
Xếp hạng chi bộ, Tiến độ giải pháp, Sinh hoạt chi bộ, Tổng quan — ``--rounds`` times.

Two clients:

* ``ws`` (the default): each session speaks Streamlit's own protocol over its websocket, as the
  browser does (``BackMsg.rerun_script`` with the page's script hash; the page is done when the
  server sends ``script_finished``). The people in a meeting room each have their own machine
  and browser: this measures the one thing they share, the server, without 16 browsers taking
  the same two cores from it. A view counts as an error when it draws an exception or the
  app's error sentence, when the run does not finish successfully, or after 60 s.
* ``chromium``: one headless Chromium (``/usr/bin/chromium``, Playwright), a browser context
  per session, clicking the sidebar's links; a view ends when the app reports no script
  running, the title is the new page's, nothing is stale and every Vega-Lite chart has drawn.
  The browsers run on the server's two cores: their CPU time is reported beside it.

First one session goes once over the data pages, untimed, to warm the server's caches (an
office's server is warm after its first visitor); then the runs, from the fewest sessions to
the most (default 1, then 16). Reported per run: p50, p95 and max per view, errors, the
server's CPU seconds and peak resident memory.
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


def client_cpu(client: str) -> float:
    """CPU seconds of the client: this process (websocket sessions), or its finished children and
    theirs (Playwright's driver and Chromium)."""
    usage = resource.getrusage(resource.RUSAGE_SELF if client == "ws" else resource.RUSAGE_CHILDREN)
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


async def _ws_run(ws, page_hash: str, page_name: str) -> tuple[list, int]:
    """One script run asked for as the browser asks; returns (the app's pages, problems shown)."""
    from streamlit.proto.BackMsg_pb2 import BackMsg
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    ask = BackMsg()
    ask.rerun_script.query_string = ""
    ask.rerun_script.page_script_hash = page_hash
    ask.rerun_script.page_name = page_name
    await ws.send(ask.SerializeToString())
    pages, problems = [], 0
    while True:
        msg = ForwardMsg()
        msg.ParseFromString(await ws.recv())
        kind = msg.WhichOneof("type")
        if kind == "navigation":
            pages = [(p.page_script_hash, p.url_pathname, p.page_name) for p in msg.navigation.app_pages]
        elif kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
            element = msg.delta.new_element
            shown = element.WhichOneof("type")
            problems += shown == "exception" or (shown == "alert" and ERROR_TEXT in element.alert.body)
        elif kind == "script_finished":
            if msg.script_finished != msg.ScriptFinishedStatus.FINISHED_SUCCESSFULLY:
                problems += 1
            return pages, problems


async def one_ws_session(url: str, rounds: int, barrier: asyncio.Barrier, index: int) -> dict:
    import websockets

    views, first_load, load_error = [], None, None
    stream = url.replace("http://", "ws://") + "/_stcore/stream"
    async with websockets.connect(stream, subprotocols=["streamlit"], max_size=None) as ws:
        try:
            started = time.perf_counter()
            pages, problems = await asyncio.wait_for(_ws_run(ws, "", ""), VIEW_TIMEOUT_MS / 1000)
            first_load = time.perf_counter() - started
            by_path = {path: (page_hash, name) for page_hash, path, name in pages}
            if problems:
                load_error = f"{problems} error box(es)"
        except Exception as exc:       # noqa: BLE001 - a failed session is reported, not raised
            load_error = str(exc)[:300] or type(exc).__name__
        await barrier.wait()
        if load_error is None:
            for r in range(rounds):
                for path, _, _ in ROUTE:
                    page_hash, name = by_path[_url_path(path)]
                    started, error = time.perf_counter(), None
                    try:
                        _, problems = await asyncio.wait_for(_ws_run(ws, page_hash, name), VIEW_TIMEOUT_MS / 1000)
                        error = f"{problems} error box(es)" if problems else None
                    except Exception as exc:   # noqa: BLE001
                        error = "timeout" if isinstance(exc, TimeoutError) else str(exc)[:200]
                    views.append({"session": index, "round": r, "page": path,
                                  "s": round(time.perf_counter() - started, 4), "error": error})
    return {"session": index, "first_load": first_load, "load_error": load_error, "views": views}


def _url_path(page_file: str) -> str:
    """A page's address as Streamlit's navigation names it (pages/xep_hang.py: xep_hang; the main one: "")."""
    return "" if page_file == "app.py" else Path(page_file).stem


async def run_ws_sessions(url: str, sessions: int, rounds: int) -> list[dict]:
    barrier = asyncio.Barrier(sessions)
    return await asyncio.gather(*(one_ws_session(url, rounds, barrier, i) for i in range(sessions)))


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


def measure(size: str, store: Path, sessions: list[int], rounds: int, log=print, client: str = "ws") -> dict:
    work = CACHE / "work"
    work.mkdir(parents=True, exist_ok=True)
    db = work / f"{size}-server.duckdb"
    for leftover in (db, Path(str(db) + ".wal")):
        leftover.unlink(missing_ok=True)
    shutil.copy(store, db)
    server = Server(db, work / f"{size}-server.log")
    run_all = run_ws_sessions if client == "ws" else run_sessions
    runs = []
    try:
        log("    warming the server's caches: one session, one round over the data pages (not counted)")
        asyncio.run(run_all(server.url, 1, 1))
        for n in sessions:
            cpu_before, client_before = server.cpu(), client_cpu(client)
            started = time.perf_counter()
            results = asyncio.run(run_all(server.url, n, rounds))
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
            run = {"sessions": n, "rounds": rounds, "client": client, "views": len(views), "p50": percentile(times, 0.5),
                   "p95": percentile(times, 0.95), "max": max(times) if times else None, "errors": len(errors),
                   "error_samples": [e.get("error") or e.get("load_error") for e in errors[:5]],
                   "first_load_p50": statistics.median(loads) if loads else None, "wall_s": round(wall, 1),
                   "server_cpu_s": round(server.cpu() - cpu_before, 2),
                   "client_cpu_s": round(client_cpu(client) - client_before, 2),
                   "server_peak_rss_mb": round(server.peak_rss_mb()), "per_page": per_page, "raw": views}
            runs.append(run)
            log(f"    {n} session(s): {len(views)} views, p50 {run['p50']:.2f} s, p95 {run['p95']:.2f} s, "
                f"max {run['max'] or 0:.2f} s, {len(errors)} errors; server CPU {run['server_cpu_s']} s, "
                f"client CPU {run['client_cpu_s']} s")
    finally:
        server.stop()
    note = ("Websocket sessions speaking Streamlit's protocol, as a browser does: the server's time only "
            "(each person's browser runs on their own machine)." if client == "ws" else
            "The Chromium sessions run on the same two cores as the server: the browser CPU column says how "
            "much of the machine they took.")
    result = {"size": size, "client": client, "runs": runs, "note": note}
    out = CACHE / "results" / size / ("concurrency.json" if client == "ws" else "concurrency-chromium.json")
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
    p.add_argument("--client", choices=("ws", "chromium"), default="ws")
    args = p.parse_args(argv)
    loaded = load(args.size)
    measure(args.size, Path(loaded["store"]), [int(x) for x in args.sessions.split(",")], args.rounds,
            client=args.client)
    return 0
