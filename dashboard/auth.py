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

Sign-in attempts are throttled (dashboard/throttle.py) in this process's memory (a restart forgets them):
per user name and source address, one attempt in flight per name, a global rate
across every name, and a bounded table. ``python -m dashboard unlock NAME`` asks
the running app to forget a name's failures (through a small file beside the
database, read at the next attempt).
"""

from __future__ import annotations

import ipaddress
import time
import tomllib
from dataclasses import dataclass
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from . import settings
from .throttle import (FREE_ATTEMPTS, MAX_LOGIN_CHARS,  # noqa: F401  (read by the login form and tests)
                       LoginThrottle)

ROLES = ("viewer", "editor", "admin")
PERMISSIONS = {"viewer": {"view"}, "editor": {"view", "upload"},
               "admin": {"view", "upload", "undo", "names", "audit", "backup",
                         "decide"}}   # issue 14: records the Đảng ủy's year-end decisions
MAX_PASSWORD_CHARS = 1024
USER_KEYS = ("name", "role", "branches", "password_hash")

_hasher = PasswordHasher()
# Compared against when the user name is unknown, so both cases take the same time. Written out
# rather than hashed at import (argon2 by design takes ~170 ms: a sixth of every process's first
# page); a test checks it carries the hasher's own parameters, so verifying it costs the same.
_DUMMY_HASH = "$argon2id$v=19$m=65536,t=3,p=4$ZlQDNRToHznXI0ifiV+9ZQ$mRvt8xZh2wHaI3bRpW8bargt5kVYCmx3sdONxML0U8c"


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
        data = settings.read_toml(path)     # read again when the file changes
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


throttle = LoginThrottle()


def unlock_file(db: Path | None = None) -> Path:
    """Where ``python -m dashboard unlock`` leaves its requests: beside the database."""
    db = db if db is not None else settings.path_setting("DASHBOARD_DB")
    return Path(str(db) + ".unlock")


def request_unlock(login: str, db: Path | None = None, now: float | None = None, who: str = "") -> Path:
    """Ask the running app (at its next sign-in attempt) to forget the failures of ``login``;
    ``who`` asked (recorded in the audit trail when the app applies it)."""
    path = unlock_file(db)
    who = " ".join(str(who).split())[:MAX_LOGIN_CHARS]     # one field of one line
    with path.open("a", encoding="utf-8") as fh:
        fh.write(f"{time.time() if now is None else now}\t{login}\t{who}\n")
    return path


@dataclass(frozen=True)
class SignIn:
    """What became of one sign-in attempt."""
    outcome: str                 # ok | failed | too_long | busy | throttled | rate
    user: "User | None" = None
    wait: float = 0.0            # seconds to wait (busy, throttled, rate)
    failures: int = 0            # failures counted for the name from this source (failed)
    login: str = ""              # the name as it may be recorded (at most MAX_LOGIN_CHARS)
    unlocked: tuple[tuple[str, float, str], ...] = ()   # unlock requests applied now: (name, when, who asked)


def sign_in(login: str, password: str, source: str | None, users: dict[str, dict],
            throttle: LoginThrottle | None = None) -> SignIn:
    """One sign-in attempt: throttle first (the attempt counts before the password is checked)."""
    gate = throttle if throttle is not None else globals()["throttle"]
    unlocked = tuple(gate.sync_unlocks(unlock_file()))
    shown = login[:MAX_LOGIN_CHARS]
    verdict, wait = gate.begin(shown, source)
    if verdict != "ok":
        return SignIn(verdict, wait=wait, login=shown, unlocked=unlocked)
    user = None
    try:
        if len(login) > MAX_LOGIN_CHARS or len(password) > MAX_PASSWORD_CHARS:
            return SignIn("too_long", login=shown, unlocked=unlocked)
        user = authenticate(login, password, users)
    finally:
        failures = gate.end(shown, source, ok=user is not None)
    if user is None:
        return SignIn("failed", failures=failures, login=shown, unlocked=unlocked)
    return SignIn("ok", user=user, login=shown, unlocked=unlocked)


def authenticate(login: str, password: str, users: dict[str, dict] | None = None) -> User | None:
    """The user if the password matches (constant time whether or not the name exists)."""
    users = load_users() if users is None else users
    entry = users.get(login)
    ok = verify_password(entry["password_hash"] if entry else _DUMMY_HASH, password)
    if entry is None or not ok:
        return None
    return user_from_entry(login, entry)
