"""Who is using the dashboard and what they may see.

Until users are configured (the access-control issue), the app runs in local
mode: bound to 127.0.0.1, and whoever opens it is an administrator with every
cell in scope. The gate is already called by every page, so that logging in
will be enforced in one place.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class User:
    name: str
    role: str                          # viewer | editor | admin
    scope: frozenset[str] | None       # branch codes; None = every cell

    def can(self, action: str) -> bool:
        allowed = {"viewer": {"view"}, "editor": {"view", "upload"},
                   "admin": {"view", "upload", "undo", "names", "audit"}}
        return action in allowed.get(self.role, set())


LOCAL_USER = User(name="cục bộ", role="admin", scope=None)


def current_user() -> User | None:
    """The signed-in user, or None when the login form must be shown."""
    return LOCAL_USER
