"""A sampling profiler for every thread (AppTest runs the page script in a thread of its own,
which cProfile in the calling thread would not see).

Every ``interval`` seconds a background thread reads ``sys._current_frames()`` and charges
the interval to each function on each other thread's stack (inclusive time, once per
function per sample) and to the innermost one (self time). While DuckDB works it releases the
GIL, so a query shows up as time in ``execute``/``df`` of the caller.

    with Sampler() as s:
        at.run()
    s.top(20)   # [(function, inclusive seconds, self seconds), ...]
"""

from __future__ import annotations

import sys
import threading
import time
from collections import Counter
from pathlib import Path

from .common import ROOT

SITE = "site-packages/"
APP_CODE = ("app.py", "pages/", "dashboard/", "bench/naive", "bench/.cache/floor-app")


def label(code) -> str:
    path = code.co_filename
    if str(ROOT) in path and ".venv" not in path:
        path = str(Path(path).relative_to(ROOT))
    elif SITE in path:
        path = path.split(SITE, 1)[1]
    else:
        path = Path(path).name
    return f"{path}:{code.co_name}"


class Sampler:
    def __init__(self, interval: float = 0.005):
        self.interval = interval
        self.inclusive: Counter = Counter()
        self.self_time: Counter = Counter()
        self.samples = 0
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def _run(self):
        me = threading.get_ident()
        last = time.perf_counter()
        while not self._stop.wait(self.interval):
            now = time.perf_counter()
            dt, last = now - last, now
            for tid, frame in sys._current_frames().items():
                if tid == me or tid == self._main:
                    continue
                names = []
                while frame is not None:
                    names.append(label(frame.f_code))
                    frame = frame.f_back
                if not any(n.startswith(APP_CODE) for n in names):
                    continue        # an idle Streamlit or DuckDB thread, not the page's script
                self.self_time[names[0]] += dt
                for name in set(names):
                    self.inclusive[name] += dt
            self.samples += 1

    def __enter__(self):
        self._main = threading.get_ident()
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()
        return False

    def top(self, n: int = 25, include=("dashboard/", "pages/", "app.py", "bench/", "duckdb", "pandas/",
                                        "altair/", "streamlit/", "pyarrow/", "narwhals/", "jsonschema/")) -> list:
        rows = [(name, secs, self.self_time.get(name, 0.0)) for name, secs in self.inclusive.items()
                if any(k in name for k in include) and "threading.py" not in name]
        rows.sort(key=lambda r: -r[1])
        return [(name, round(incl, 3), round(own, 3)) for name, incl, own in rows[:n]]

    def top_self(self, n: int = 15) -> list:
        return [(name, round(secs, 3)) for name, secs in self.self_time.most_common(n)]
