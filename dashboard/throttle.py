"""Sign-in attempts, throttled in this process's memory (a restart forgets them).

Per user name and source address, one attempt in flight per name, a global rate across every
name, and a bounded table; ``auth.sign_in`` is its one caller, ``auth.throttle`` its one instance.
"""

from __future__ import annotations

import math
import threading
import time
from collections import OrderedDict, deque
from pathlib import Path

FREE_ATTEMPTS = 5           # failed logins before the delay starts
BASE_DELAY_SECONDS = 5      # first delay, doubled at each further failure
MAX_DELAY_SECONDS = 15 * 60
MAX_LOGIN_CHARS = 64        # longer user names are refused, never kept
MAX_TRACKED = 10_000        # (user name, source) pairs remembered; the oldest go first
GLOBAL_ATTEMPTS = 60        # sign-in attempts checked across every name …
GLOBAL_WINDOW_SECONDS = 60  # … in this many seconds


class LoginThrottle:
    """Sign-in attempts, per (user name, source address), kept in this process's memory.

    ``begin`` is called before the password is checked and records the attempt as a
    failure at once; ``end`` clears it when the password was right. While one attempt
    for a name is being checked, other attempts for that name are refused ("busy"), so
    parallel attempts cannot all slip through before the first failure lands. After
    FREE_ATTEMPTS failures from a source, that source must wait longer and longer
    (5 s, 10 s, 20 s … 15 min) for that name; another source is not held back, so an
    attacker cannot keep the owner out. Across every name and source, at most
    ``global_attempts`` attempts are checked per ``window`` seconds, and at most
    ``max_entries`` pairs are remembered (the least recently used are forgotten).
    """

    def __init__(self, clock=time.time, max_entries: int = MAX_TRACKED, global_attempts: int = GLOBAL_ATTEMPTS,
                 window: float = GLOBAL_WINDOW_SECONDS):
        self._clock = clock
        self._lock = threading.Lock()
        self._failures: OrderedDict[tuple[str, str], tuple[int, float]] = OrderedDict()
        self._in_flight: set[str] = set()
        self._recent: deque[float] = deque()
        self._max_entries = max_entries
        self._global_attempts = global_attempts
        self._window = window
        self._unlocked: dict[str, float] = {}    # user name → when an administrator unlocked it
        self._unlock_seen: tuple | None = None
        self._started = clock()                  # unlock requests before it are of an earlier process

    @staticmethod
    def _key(login: str, source: str | None) -> tuple[str, str]:
        return login[:MAX_LOGIN_CHARS].lower(), str(source or "")[:64]

    def __len__(self) -> int:
        return len(self._failures)

    def keys(self) -> list[tuple[str, str]]:
        with self._lock:
            return list(self._failures)

    def _entry(self, key: tuple[str, str]) -> tuple[int, float]:
        """(failures, time of the last attempt) of a pair; forgets it if unlocked since (lock held)."""
        entry = self._failures.get(key)
        if entry is None:
            return 0, 0.0
        if self._unlocked.get(key[0], -math.inf) >= entry[1]:
            del self._failures[key]
            return 0, 0.0
        return entry

    def _record(self, key: tuple[str, str], count: int, at: float) -> None:
        self._failures[key] = (count, at)
        self._failures.move_to_end(key)
        while len(self._failures) > self._max_entries:
            self._failures.popitem(last=False)

    def _wait(self, count: int, last: float, now: float) -> float:
        delay = self.delay_after(count)
        return max(0.0, last + delay - now) if delay else 0.0

    @staticmethod
    def delay_after(failures: int) -> float:
        if failures < FREE_ATTEMPTS:
            return 0.0
        return float(min(MAX_DELAY_SECONDS, BASE_DELAY_SECONDS * 2 ** (failures - FREE_ATTEMPTS)))

    def wait_seconds(self, login: str, source: str | None = "") -> float:
        with self._lock:
            count, last = self._entry(self._key(login, source))
            return self._wait(count, last, self._clock())

    def failures(self, login: str, source: str | None = "") -> int:
        with self._lock:
            return self._entry(self._key(login, source))[0]

    def begin(self, login: str, source: str | None = "") -> tuple[str, float]:
        """("ok", 0) and the attempt recorded; or ("busy" | "throttled" | "rate", seconds to wait)."""
        with self._lock:
            now = self._clock()
            key = self._key(login, source)
            if key[0] in self._in_flight:
                return "busy", 1.0
            count, last = self._entry(key)
            wait = self._wait(count, last, now)
            if wait > 0:
                return "throttled", wait
            while self._recent and self._recent[0] <= now - self._window:
                self._recent.popleft()
            if len(self._recent) >= self._global_attempts:
                return "rate", self._recent[0] + self._window - now
            self._recent.append(now)
            self._in_flight.add(key[0])
            self._record(key, count + 1, now)   # a failure until the password proves otherwise
            return "ok", 0.0

    def end(self, login: str, source: str | None = "", ok: bool = False) -> int:
        """The attempt begun is over; the failures now counted for the pair."""
        with self._lock:
            key = self._key(login, source)
            self._in_flight.discard(key[0])
            if ok:
                self._failures.pop(key, None)
                return 0
            return self._entry(key)[0]

    def failed(self, login: str, source: str | None = "") -> int:
        """Record one failure at once (without an attempt in flight)."""
        with self._lock:
            key = self._key(login, source)
            count, _ = self._entry(key)
            self._record(key, count + 1, self._clock())
            return count + 1

    def succeeded(self, login: str, source: str | None = "") -> None:
        with self._lock:
            self._failures.pop(self._key(login, source), None)

    def unlock(self, login: str, at: float | None = None) -> bool:
        """Forget the failures of a user name from every source, up to ``at`` (default: now);
        whether that is later than its last unlock."""
        with self._lock:
            name = self._key(login, "")[0]
            at = self._clock() if at is None else at
            if at <= self._unlocked.get(name, -math.inf):
                return False
            self._unlocked[name] = at
            return True

    def sync_unlocks(self, path: Path) -> list[tuple[str, float, str]]:
        """Apply the unlock requests the command line wrote to ``path`` since it was last read;
        the requests new to this process, (user name, when asked, who asked), for the audit trail
        (the file keeps those of earlier processes, which a restart made moot). A line without a
        name, or whose time is not a time up to now (a half-written line, a hand-edited file), is
        left out."""
        try:
            stat = path.stat()
        except OSError:
            return []
        seen = (stat.st_mtime_ns, stat.st_size)
        if seen == self._unlock_seen:
            return []
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError):
            return []
        applied, latest = [], self._clock() + 60          # (a minute for clocks a little apart)
        for line in lines:
            at, _, rest = line.partition("\t")
            login, _, who = rest.partition("\t")
            try:
                when = float(at)
            except ValueError:
                continue
            if not login or not math.isfinite(when) or not 0 < when <= latest:
                continue
            if self.unlock(login, when) and when >= self._started:
                applied.append((login[:MAX_LOGIN_CHARS], when, who[:MAX_LOGIN_CHARS]))
        self._unlock_seen = seen
        return applied
