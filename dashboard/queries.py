"""Named queries: SQL kept in ``queries/*.sql``, loaded by name, parameters bound.

A file holds one or more queries, each under a header line ``-- name: NAME``
followed by comment lines that serve as its docstring. The query's full name is
``<file stem>.<NAME>`` (``rankings.leaderboard``). Parameters are written
``$name`` and always bound by DuckDB, never formatted into the SQL.

Every query that reads branch data takes ``$branches`` (a list of branch
codes). ``run`` fills it and intersects it with the caller's scope, so that
access control is imposed on all queries in this one place. Four parameters
describe the caller and are set by ``run`` alone, never by a page:
``$show_names`` (members' names may be shown), ``$caller_cells`` (every cell the
caller may see: ranks are computed among them, so a rank never depends on a cell
the caller cannot see), ``$caller_sees_all`` (the caller has no cell scope) and
``$include_committee`` (the Đảng ủy's own actions count only for a caller who
may see every cell and looks at all of them).
"""

from __future__ import annotations

import logging
import re
import threading
import time
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd

from . import settings, store

log = logging.getLogger(__name__)

QUERIES_DIR = settings.ROOT / "queries"
_HEADER = re.compile(r"^--\s*name:\s*([a-z][a-z0-9_]*)\s*$", re.M)
_PARAM = re.compile(r"\$([a-z_][a-z0-9_]*)")
_STRIP = re.compile(r"'(?:[^']|'')*'|--[^\n]*|/\*.*?\*/", re.S)

SCOPE_PARAM = "branches"
NAMES_PARAM = "show_names"
CELLS_PARAM = "caller_cells"
ALL_PARAM = "caller_sees_all"
COMMITTEE_PARAM = "include_committee"
CALLER_PARAMS = (NAMES_PARAM, CELLS_PARAM, ALL_PARAM, COMMITTEE_PARAM)


class QueryError(KeyError):
    """An unknown query, or parameters that do not fit it."""

    def __str__(self) -> str:  # KeyError quotes its message; keep it readable
        return str(self.args[0]) if self.args else ""


@dataclass(frozen=True)
class Query:
    name: str
    doc: str
    sql: str
    params: frozenset[str]
    file: Path

    @property
    def scoped(self) -> bool:
        return SCOPE_PARAM in self.params


def parse_file(path: Path) -> list[Query]:
    text = path.read_text(encoding="utf-8")
    headers = list(_HEADER.finditer(text))
    if not headers:
        raise QueryError(f"{path.name}: no '-- name:' header")
    found = []
    for i, match in enumerate(headers):
        body = text[match.end(): headers[i + 1].start() if i + 1 < len(headers) else len(text)]
        lines = body.strip("\n").splitlines()
        doc_lines = []
        while lines and lines[0].lstrip().startswith("--"):
            doc_lines.append(lines.pop(0).lstrip()[2:].strip())
        sql = "\n".join(lines).strip().rstrip(";").strip()
        if not sql:
            raise QueryError(f"{path.name}: query {match.group(1)} has no SQL")
        if not doc_lines:
            raise QueryError(f"{path.name}: query {match.group(1)} has no docstring comment")
        params = frozenset(_PARAM.findall(_STRIP.sub(" ", sql)))
        found.append(Query(f"{path.stem}.{match.group(1)}", " ".join(doc_lines), sql, params, path))
    return found


@lru_cache(maxsize=1)
def load_all(directory: Path = QUERIES_DIR) -> dict[str, Query]:
    queries: dict[str, Query] = {}
    for path in sorted(directory.glob("*.sql")):
        for query in parse_file(path):
            if query.name in queries:
                raise QueryError(f"query {query.name} is defined twice")
            queries[query.name] = query
    return queries


def get(name: str) -> Query:
    try:
        return load_all()[name]
    except KeyError:
        raise QueryError(f"unknown query: {name}") from None


# Counts query executions (tests use it to prove a logged-out page queries nothing).
_stats_lock = threading.Lock()
stats = {"runs": 0}


def all_branch_codes(cur) -> list[str]:
    return [r[0] for r in cur.execute("SELECT branch_code FROM v_branches ORDER BY branch_code").fetchall()]


def run(name: str, *, cur=None, scope: frozenset[str] | None = None, names_allowed: bool = False,
        **params: object) -> pd.DataFrame:
    """Run a named query and return its rows as a DataFrame.

    ``scope`` is the set of branch codes the caller may see (None: all). For a
    scoped query, ``branches=None`` means every branch in scope; a list is
    intersected with the scope. ``names_allowed`` alone decides ``$show_names``
    (members' names are personal data): a caller cannot pass it as a parameter.
    """
    query = get(name)
    for reserved in CALLER_PARAMS:
        if reserved in params:
            raise QueryError(f"{reserved} is set from the user's role and scope, not by the caller")
    if NAMES_PARAM in query.params:
        params[NAMES_PARAM] = bool(names_allowed)
    cur = cur if cur is not None else store.cursor()
    if ALL_PARAM in query.params:
        params[ALL_PARAM] = scope is None
    if CELLS_PARAM in query.params:
        params[CELLS_PARAM] = all_branch_codes(cur) if scope is None else sorted(scope)
    if query.scoped:
        branches = params.get(SCOPE_PARAM)
        if branches is None:
            branches = all_branch_codes(cur)
        branches = [b for b in branches if scope is None or b in scope]
        params[SCOPE_PARAM] = sorted(set(branches))
        if COMMITTEE_PARAM in query.params:
            active = {r[0] for r in cur.execute("SELECT branch_code FROM v_branches WHERE active").fetchall()}
            params[COMMITTEE_PARAM] = scope is None and active <= set(branches)
    missing = query.params - params.keys()
    if missing:
        raise QueryError(f"query {name} needs parameters: {', '.join(sorted(missing))}")
    extra = params.keys() - query.params
    if extra:
        raise QueryError(f"query {name} takes no parameters: {', '.join(sorted(extra))}")
    started = time.perf_counter()
    frame = cur.execute(query.sql, params).df()
    elapsed_ms = (time.perf_counter() - started) * 1000
    with _stats_lock:
        stats["runs"] += 1
    if elapsed_ms > settings.get("DASHBOARD_QUERY_BUDGET_MS"):
        log.warning("query %s took %.0f ms (budget %s ms)", name, elapsed_ms,
                    settings.get("DASHBOARD_QUERY_BUDGET_MS"))
    return frame


def execute(name: str, *, cur, **params: object) -> None:
    """Run a named statement that writes (inside the caller's transaction); scope does not apply."""
    query = get(name)
    missing, extra = query.params - params.keys(), params.keys() - query.params
    if missing or extra:
        raise QueryError(f"statement {name}: missing {sorted(missing)}, unexpected {sorted(extra)}")
    cur.execute(query.sql, params)
