"""Shared pieces of the benchmark: paths, the fixed "today", child processes with limits, JSON.

Every measurement that needs its own memory figure or a time limit runs in a child process
started by ``run_child``: its peak resident memory comes from ``os.wait4`` (the kernel's
``ru_maxrss`` of that child alone), and a watchdog kills it (its whole process group) when it
goes over a wall-clock limit, over a memory limit, or stays silent for too long.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import platform
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
CACHE = BENCH / ".cache"
RESULTS = BENCH / "results"

# Every run pretends today is this day (the tests' day): overdue and stale flags, the
# overview's "as of today" cards and the month spines then give the same rows every day.
TODAY = dt.date(2026, 11, 26)
TODAY_SETTING = TODAY.strftime("%d/%m/%Y")

SIZES = ("S", "M", "L")


def bench_env(db: Path | None = None, **extra: str) -> dict[str, str]:
    """The environment of every child: the fixed day, no users file surprises, the store."""
    env = {**os.environ, "DASHBOARD_TODAY": TODAY_SETTING, "PYTHONPATH": str(ROOT),
           "PYTHONDONTWRITEBYTECODE": "1"}
    env.pop("DASHBOARD_READ_ONLY", None)
    if db is not None:
        env["DASHBOARD_DB"] = str(db)
    env.update(extra)
    return env


# ---------------------------------------------------------------- memory from /proc

def proc_status(pid: int | str = "self") -> dict[str, int]:
    """VmRSS, VmHWM … of a process in kB (empty when it is gone)."""
    out = {}
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith("Vm"):
                    key, value = line.split(":", 1)
                    out[key] = int(value.split()[0])
    except (FileNotFoundError, ProcessLookupError, ValueError):
        pass
    return out


def peak_rss_mb(pid: int | str = "self") -> float:
    return proc_status(pid).get("VmHWM", 0) / 1024


def tree_rss_mb(pid: int) -> float:
    """Resident memory of a process and all its descendants (for the memory watchdog)."""
    total, stack, seen = 0, [pid], set()
    while stack:
        p = stack.pop()
        if p in seen:
            continue
        seen.add(p)
        total += proc_status(p).get("VmRSS", 0)
        try:
            with open(f"/proc/{p}/task/{p}/children") as fh:
                stack.extend(int(c) for c in fh.read().split())
        except (FileNotFoundError, ProcessLookupError, ValueError):
            pass
    return total / 1024


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a running process (from /proc/PID/stat)."""
    try:
        with open(f"/proc/{pid}/stat") as fh:
            fields = fh.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (FileNotFoundError, ProcessLookupError, IndexError, ValueError):
        return 0.0


# ---------------------------------------------------------------- children with limits

@dataclass
class ChildResult:
    returncode: int | None
    seconds: float
    peak_rss_mb: float
    killed: str | None = None              # why the watchdog killed it: "time", "memory", "silent"
    lines: list[str] = field(default_factory=list)
    stderr: str = ""

    @property
    def ok(self) -> bool:
        return self.killed is None and self.returncode == 0

    def json_lines(self) -> list[dict]:
        out = []
        for line in self.lines:
            line = line.strip()
            if line.startswith("{"):
                try:
                    out.append(json.loads(line, object_hook=_decode))
                except json.JSONDecodeError:
                    pass
        return out


def run_child(args: list[str], env: dict[str, str] | None = None, timeout: float | None = None,
              max_rss_mb: float | None = None, silent_timeout: float | None = None,
              on_line=None, cwd: Path = ROOT) -> ChildResult:
    """Run a command, streaming its stdout lines; kill it (and its group) past a limit.

    ``silent_timeout``: kill when no stdout line came for this long (a worker prints a line
    before and after each step, so this is a per-step time limit).
    """
    started = time.perf_counter()
    proc = subprocess.Popen(args, env=env, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, bufsize=1, start_new_session=True)
    lines: list[str] = []
    err_chunks: list[str] = []
    last_line = [time.perf_counter()]
    killed: list[str] = []

    def read_out():
        for line in proc.stdout:
            lines.append(line)
            last_line[0] = time.perf_counter()
            if on_line is not None:
                on_line(line)

    def read_err():
        for chunk in proc.stderr:
            err_chunks.append(chunk)
            if sum(len(c) for c in err_chunks) > 2_000_000:
                del err_chunks[: len(err_chunks) // 2]

    readers = [threading.Thread(target=read_out, daemon=True), threading.Thread(target=read_err, daemon=True)]
    for t in readers:
        t.start()

    def kill(why: str):
        if not killed:
            killed.append(why)
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass

    rusage = None
    status = None
    while True:
        pid, st, ru = os.wait4(proc.pid, os.WNOHANG)
        if pid == proc.pid:
            status, rusage = st, ru
            break
        now = time.perf_counter()
        if timeout is not None and now - started > timeout:
            kill("time")
        elif silent_timeout is not None and now - last_line[0] > silent_timeout:
            kill("silent")
        elif max_rss_mb is not None and tree_rss_mb(proc.pid) > max_rss_mb:
            kill("memory")
        time.sleep(0.1)
    seconds = time.perf_counter() - started
    for t in readers:
        t.join(timeout=5)
    proc.returncode = os.waitstatus_to_exitcode(status)
    return ChildResult(returncode=proc.returncode, seconds=seconds,
                       peak_rss_mb=rusage.ru_maxrss / 1024 if rusage else 0.0,
                       killed=killed[0] if killed else None, lines=lines, stderr="".join(err_chunks))


# ---------------------------------------------------------------- JSON with dates

def _encode(value):
    if isinstance(value, dt.datetime):
        return {"__datetime__": value.isoformat()}
    if isinstance(value, dt.date):
        return {"__date__": value.isoformat()}
    if isinstance(value, (set, frozenset, tuple)):
        return list(value)
    if hasattr(value, "item"):          # numpy scalars
        return value.item()
    raise TypeError(f"not JSON: {type(value)}")


def _decode(obj):
    if "__date__" in obj and len(obj) == 1:
        return dt.date.fromisoformat(obj["__date__"])
    if "__datetime__" in obj and len(obj) == 1:
        return dt.datetime.fromisoformat(obj["__datetime__"])
    return obj


def dumps(value) -> str:
    return json.dumps(value, default=_encode, ensure_ascii=False)


def loads(text: str):
    return json.loads(text, object_hook=_decode)


def emit(**record) -> None:
    """One JSON line on stdout (workers talk to the orchestrator this way)."""
    sys.stdout.write(dumps(record) + "\n")
    sys.stdout.flush()


# ---------------------------------------------------------------- the machine

def machine() -> dict:
    from importlib.metadata import version

    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem_gb = 0.0
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                mem_gb = int(line.split()[1]) / 1024 / 1024
    except OSError:
        pass
    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                                text=True).stdout.strip()
        app_commit = subprocess.run(["git", "log", "-1", "--format=%h", "--", "dashboard", "pages", "queries", "app.py"],
                                    cwd=ROOT, capture_output=True, text=True).stdout.strip()
        dirty = bool(subprocess.run(["git", "status", "--porcelain", "--", "dashboard", "pages", "queries",
                                     "app.py"], cwd=ROOT, capture_output=True, text=True).stdout.strip())
    except OSError:
        commit, app_commit, dirty = "", "", False
    try:
        load = os.getloadavg()
    except OSError:
        load = (0.0, 0.0, 0.0)
    return {"cpus": os.cpu_count(), "affinity": len(os.sched_getaffinity(0)), "cpu": cpu,
            "memory_gb": round(mem_gb, 1), "python": platform.python_version(), "duckdb": version("duckdb"),
            "streamlit": version("streamlit"), "os": platform.platform(), "commit": commit, "app_commit": app_commit + ("+dirty" if dirty else ""),
            "loadavg": [round(x, 2) for x in load], "when": dt.datetime.now().isoformat(timespec="seconds")}


def calibrate() -> float:
    """Seconds for a fixed pure-Python workload (~0,1 s on an idle core): how busy the machine is."""
    import time as _time

    started = _time.perf_counter()
    total = 0
    for i in range(1_500_000):
        total += i * i % 7
    return round(_time.perf_counter() - started, 4)
