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
the app refuses to serve on anything but the loopback address.
"""

from __future__ import annotations

import ipaddress
import threading
import time
import tomllib
from dataclasses import dataclass
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from . import settings

ROLES = ("viewer", "editor", "admin")
PERMISSIONS = {"viewer": {"view"}, "editor": {"view", "upload"},
               "admin": {"view", "upload", "undo", "names", "audit"}}
FREE_ATTEMPTS = 5           # failed logins before the delay starts
BASE_DELAY_SECONDS = 5      # first delay, doubled at each further failure
MAX_DELAY_SECONDS = 15 * 60

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
    """The users file is named but missing, unreadable, or not valid: refuse to serve (fail closed)."""


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
    users = data.get("users")
    if users is None:
        if named:
            raise UsersFileError(f"no [users] table in {path}")
        return {}
    if not isinstance(users, dict) or not users:
        raise UsersFileError(f"[users] in {path} is empty or not a table")
    for login, entry in users.items():
        if not isinstance(entry, dict) or not str(entry.get("password_hash", "")).startswith("$argon2"):
            raise UsersFileError(f"user {login!r} in {path} has no argon2 password_hash")
        if entry.get("role", "viewer") not in ROLES:
            raise UsersFileError(f"user {login!r} in {path} has an unknown role {entry.get('role')!r}")
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


# ---------------------------------------------------------------- passwords

def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(stored_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(stored_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


class LoginThrottle:
    """After FREE_ATTEMPTS failures for a user name, each attempt must wait longer (5 s, 10 s, 20 s …)."""

    def __init__(self, clock=time.monotonic):
        self._clock = clock
        self._lock = threading.Lock()
        self._failures: dict[str, tuple[int, float]] = {}

    def wait_seconds(self, login: str) -> float:
        with self._lock:
            count, last = self._failures.get(login.lower(), (0, 0.0))
        delay = self.delay_after(count)
        return max(0.0, last + delay - self._clock()) if delay else 0.0

    @staticmethod
    def delay_after(failures: int) -> float:
        if failures < FREE_ATTEMPTS:
            return 0.0
        return float(min(MAX_DELAY_SECONDS, BASE_DELAY_SECONDS * 2 ** (failures - FREE_ATTEMPTS)))

    def failed(self, login: str) -> int:
        with self._lock:
            count, _ = self._failures.get(login.lower(), (0, 0.0))
            self._failures[login.lower()] = (count + 1, self._clock())
            return count + 1

    def succeeded(self, login: str) -> None:
        with self._lock:
            self._failures.pop(login.lower(), None)


throttle = LoginThrottle()


def authenticate(login: str, password: str, users: dict[str, dict] | None = None) -> User | None:
    """The user if the password matches (constant time whether or not the name exists)."""
    users = load_users() if users is None else users
    entry = users.get(login)
    ok = verify_password(entry["password_hash"] if entry else _DUMMY_HASH, password)
    if entry is None or not ok:
        return None
    return user_from_entry(login, entry)
