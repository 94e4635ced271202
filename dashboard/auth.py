"""Who is using the dashboard and what they may see and do.

Users and roles live in ``.streamlit/secrets.toml`` (or the TOML file named by
the ``DASHBOARD_USERS_FILE`` setting)::

    [users.thuky_cb02]
    name = "Thư ký Chi bộ Khối Hình sự"
    role = "editor"                 # viewer | editor | admin
    branches = ["CB02"]             # optional: the cells this user may see and upload
    password_hash = "$argon2id$v=19$..."   # python -m dashboard hash-password

Passwords are kept only as argon2 hashes and checked in constant time. With no
users configured the app runs in local mode: everyone is an administrator, and
the app refuses to serve on anything but the loopback address. A users file with
a key it does not know refuses to serve rather than guess (a typo such as
``[user.x]`` or ``branch = …`` must never open the app up).

Sign-in attempts are throttled in this process's memory (a restart forgets them):
per user name and source address, one attempt in flight per name, a global rate
across every name, and a bounded table. ``python -m dashboard unlock NAME`` asks
the running app to forget a name's failures (through a small file beside the
database, read at the next attempt).
"""

from __future__ import annotations

import ipaddress
import math
import threading
import time
import tomllib
from collections import OrderedDict, deque
from dataclasses import dataclass
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from . import settings

ROLES = ("viewer", "editor", "admin")
PERMISSIONS = {"viewer": {"view"}, "editor": {"view", "upload"},
               "admin": {"view", "upload", "undo", "names", "audit", "backup"}}
FREE_ATTEMPTS = 5           # failed logins before the delay starts
BASE_DELAY_SECONDS = 5      # first delay, doubled at each further failure
MAX_DELAY_SECONDS = 15 * 60
MAX_LOGIN_CHARS = 64        # longer user names are refused, never kept
MAX_PASSWORD_CHARS = 1024
MAX_TRACKED = 10_000        # (user name, source) pairs remembered; the oldest go first
GLOBAL_ATTEMPTS = 60        # sign-in attempts checked across every name …
GLOBAL_WINDOW_SECONDS = 60  # … in this many seconds
USER_KEYS = ("name", "role", "branches", "password_hash")

_hasher = PasswordHasher()
# Compared against when the user name is unknown, so both cases take the same time.
_DUMMY_HASH = _hasher.hash("không có người dùng này")


@dataclass(frozen=True)
class User:
    name: str                          # login name
    role: str                          # viewer | editor | admin
    scope: frozenset[str] | None       # branch codes; None = every cell
    display: str = ""

    def can(self, action: str) -> bool:
        return action in PERMISSIONS.get(self.role, set())


LOCAL_USER = User(name="cục bộ", role="admin", scope=None, display="Quản trị (chế độ cục bộ)")


class PermissionDenied(Exception):
    """The user's role does not allow this action."""


# ---------------------------------------------------------------- configuration

def users_file() -> Path:
    configured = settings.get("DASHBOARD_USERS_FILE")
    if configured:
        return settings.path_setting("DASHBOARD_USERS_FILE")
    return settings.ROOT / ".streamlit" / "secrets.toml"


class UsersFileError(Exception):
    """The users file is named but missing, unreadable, or not valid: refuse to serve (fail closed).

    ``key`` names the offending key (``user``, ``users.thuky.branch``) when one is to blame.
    """

    def __init__(self, message: str, key: str | None = None):
        super().__init__(message)
        self.key = key


def _allowed_top_level(named: bool) -> set[str]:
    """Top-level keys a users file may hold: [users], and in secrets.toml the settings too."""
    if named:
        return {"users"}
    return {"users"} | {s.name for s in settings.SETTINGS}


def load_users() -> dict[str, dict]:
    """The configured users (login name → entry); empty means local mode.

    Local mode needs both: no DASHBOARD_USERS_FILE setting and no [users] in
    .streamlit/secrets.toml. A named file that is missing, a file that does
    not parse, or a [users] table with a bad entry raises UsersFileError, so
    a typo can never turn the login off.
    """
    path = users_file()
    named = bool(settings.get("DASHBOARD_USERS_FILE"))
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except FileNotFoundError:
        if named:
            raise UsersFileError(f"users file not found: {path}") from None
        return {}
    except (tomllib.TOMLDecodeError, OSError, UnicodeDecodeError) as exc:
        raise UsersFileError(f"users file unreadable: {path}: {exc}") from None
    for key in data:
        if key not in _allowed_top_level(named):
            raise UsersFileError(f"unknown key {key!r} in {path} (users are [users.NAME] tables)", key=key)
    users = data.get("users")
    if users is None:
        if named:
            raise UsersFileError(f"no [users] table in {path}", key="users")
        return {}
    if not isinstance(users, dict) or not users:
        raise UsersFileError(f"[users] in {path} is empty or not a table", key="users")
    for login, entry in users.items():
        if not isinstance(entry, dict):
            raise UsersFileError(f"user {login!r} in {path} is not a table", key=f"users.{login}")
        for key in entry:
            if key not in USER_KEYS:
                raise UsersFileError(f"user {login!r} in {path} has an unknown key {key!r} "
                                     f"(known: {', '.join(USER_KEYS)})", key=f"users.{login}.{key}")
        if not str(entry.get("password_hash", "")).startswith("$argon2"):
            raise UsersFileError(f"user {login!r} in {path} has no argon2 password_hash",
                                 key=f"users.{login}.password_hash")
        if entry.get("role", "viewer") not in ROLES:
            raise UsersFileError(f"user {login!r} in {path} has an unknown role {entry.get('role')!r}",
                                 key=f"users.{login}.role")
        branches = entry.get("branches")
        if branches is not None and (not isinstance(branches, list) or not branches
                                     or not all(isinstance(b, str) and b.strip() for b in branches)):
            # A string would be read letter by letter, an empty list as "every cell": refuse both.
            raise UsersFileError(f"user {login!r} in {path}: branches must be a non-empty list of cell codes",
                                 key=f"users.{login}.branches")
    return {str(k): v for k, v in users.items()}


def local_mode() -> bool:
    return not load_users()


def is_loopback(address: str | None) -> bool:
    if not address:
        return False  # empty means every interface
    if address == "localhost":
        return True
    try:
        return ipaddress.ip_address(address).is_loopback
    except ValueError:
        return False


def user_from_entry(login: str, entry: dict) -> User:
    role = entry.get("role", "viewer")
    if role not in ROLES:
        role = "viewer"
    branches = entry.get("branches")
    scope = frozenset(str(b).strip().upper() for b in branches) if branches else None
    return User(name=login, role=role, scope=scope, display=str(entry.get("name") or login))


def within_scope(login: str, scope: frozenset[str], users: dict[str, dict]) -> bool:
    """Whether ``login`` is a configured user whose cells all lie within ``scope``."""
    entry = users.get(login)
    if entry is None:
        return False
    theirs = user_from_entry(login, entry).scope
    return theirs is not None and theirs <= scope


# ---------------------------------------------------------------- passwords

def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(stored_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(stored_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


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

    def unlock(self, login: str, at: float | None = None) -> None:
        """Forget the failures of a user name from every source, up to ``at`` (default: now)."""
        with self._lock:
            name = self._key(login, "")[0]
            self._unlocked[name] = max(self._unlocked.get(name, -math.inf), self._clock() if at is None else at)

    def sync_unlocks(self, path: Path) -> None:
        """Apply the unlock requests the command line wrote to ``path`` since it was last read."""
        try:
            stat = path.stat()
        except OSError:
            return
        seen = (stat.st_mtime_ns, stat.st_size)
        if seen == self._unlock_seen:
            return
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError):
            return
        for line in lines:
            at, _, login = line.partition("\t")
            try:
                self.unlock(login, float(at))
            except ValueError:
                continue
        self._unlock_seen = seen


throttle = LoginThrottle()


def unlock_file(db: Path | None = None) -> Path:
    """Where ``python -m dashboard unlock`` leaves its requests: beside the database."""
    db = db if db is not None else settings.path_setting("DASHBOARD_DB")
    return Path(str(db) + ".unlock")


def request_unlock(login: str, db: Path | None = None, now: float | None = None) -> Path:
    """Ask the running app (at its next sign-in attempt) to forget the failures of ``login``."""
    path = unlock_file(db)
    with path.open("a", encoding="utf-8") as fh:
        fh.write(f"{time.time() if now is None else now}\t{login}\n")
    return path


@dataclass(frozen=True)
class SignIn:
    """What became of one sign-in attempt."""
    outcome: str                 # ok | failed | too_long | busy | throttled | rate
    user: "User | None" = None
    wait: float = 0.0            # seconds to wait (busy, throttled, rate)
    failures: int = 0            # failures counted for the name from this source (failed)
    login: str = ""              # the name as it may be recorded (at most MAX_LOGIN_CHARS)


def sign_in(login: str, password: str, source: str | None, users: dict[str, dict],
            throttle: LoginThrottle | None = None) -> SignIn:
    """One sign-in attempt: throttle first (the attempt counts before the password is checked)."""
    gate = throttle if throttle is not None else globals()["throttle"]
    gate.sync_unlocks(unlock_file())
    shown = login[:MAX_LOGIN_CHARS]
    verdict, wait = gate.begin(shown, source)
    if verdict != "ok":
        return SignIn(verdict, wait=wait, login=shown)
    user = None
    try:
        if len(login) > MAX_LOGIN_CHARS or len(password) > MAX_PASSWORD_CHARS:
            return SignIn("too_long", login=shown)
        user = authenticate(login, password, users)
    finally:
        failures = gate.end(shown, source, ok=user is not None)
    if user is None:
        return SignIn("failed", failures=failures, login=shown)
    return SignIn("ok", user=user, login=shown)


def authenticate(login: str, password: str, users: dict[str, dict] | None = None) -> User | None:
    """The user if the password matches (constant time whether or not the name exists)."""
    users = load_users() if users is None else users
    entry = users.get(login)
    ok = verify_password(entry["password_hash"] if entry else _DUMMY_HASH, password)
    if entry is None or not ok:
        return None
    return user_from_entry(login, entry)
