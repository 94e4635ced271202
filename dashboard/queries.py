"""Named queries: SQL kept in ``queries/``, loaded by name, parameters bound.

A file holds one or more queries, each under a header line ``-- name: NAME``
followed by comment lines that serve as its docstring. The query's full name is
``<file stem>.<NAME>`` (``rankings.leaderboard``). Parameters are written
``$name`` and always bound by DuckDB, never formatted into the SQL.

Two sets. ``queries/*.sql`` serve the pages through ``run``. ``queries/internal/*.sql``
are the statements the library runs for itself (the ingest's lookups, commit and undo,
the store's bookkeeping, the audit trail, backups, the command line), reads and writes
alike, through ``execute``; no page can reach them with ``run``. Only the SQL that is
generated per table from the contract (staging, diff, commit, undo, backup copies)
is written in Python. Every run and every statement is timed against
DASHBOARD_QUERY_BUDGET_MS.

Every page query that reads branch data takes ``$branches`` (a list of branch
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
import warnings
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd
import pyarrow as pa

from . import settings
from .grouping import is_in

log = logging.getLogger(__name__)

QUERIES_DIR = settings.ROOT / "queries"
INTERNAL_DIR = QUERIES_DIR / "internal"
_HEADER = re.compile(r"^--\s*name:\s*([a-z][a-z0-9_]*)\s*$", re.M)
_PARAM = re.compile(r"\$([a-z_][a-z0-9_]*)")
_STRIP = re.compile(r"'(?:[^']|'')*'|--[^\n]*|/\*.*?\*/", re.S)

SCOPE_PARAM = "branches"
NAMES_PARAM = "show_names"
CELLS_PARAM = "caller_cells"
ALL_PARAM = "caller_sees_all"
COMMITTEE_PARAM = "include_committee"
CALLER_PARAMS = (NAMES_PARAM, CELLS_PARAM, ALL_PARAM, COMMITTEE_PARAM)
# A docstring line that starts so marks a query whose rows each belong to one cell (its
# ``branch_code``, the Đảng ủy's own rows under theirs), or name the cells they belong to (a
# ``branches`` list; none: everyone's), and do not depend on which other cells ``$branches``
# holds: a page runs it once for every cell in scope and keeps the chosen cells' rows
# (``PageContext.query``), so a change of the cell filter reads the cache. A test checks
# the promise for every query that makes it.
PER_CELL_TAG = "Per cell:"


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
    internal: bool = False
    per_cell: bool = False


    @property
    def scoped(self) -> bool:
        return SCOPE_PARAM in self.params


def parse_file(path: Path, internal: bool = False) -> list[Query]:
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
        per_cell = any(line.startswith(PER_CELL_TAG) for line in doc_lines)
        found.append(Query(f"{path.stem}.{match.group(1)}", " ".join(doc_lines), sql, params, path, internal,
                           per_cell))
    return found


def _load(directory: Path, internal: bool) -> dict[str, Query]:
    queries: dict[str, Query] = {}
    for path in sorted(directory.glob("*.sql")):
        for query in parse_file(path, internal):
            if query.name in queries:
                raise QueryError(f"query {query.name} is defined twice")
            queries[query.name] = query
    return queries


@lru_cache(maxsize=1)
def load_all(directory: Path = QUERIES_DIR) -> dict[str, Query]:
    """The page queries (``queries/*.sql``)."""
    return _load(directory, internal=False)


@lru_cache(maxsize=1)
def load_internal(directory: Path = INTERNAL_DIR) -> dict[str, Query]:
    """The library's own statements (``queries/internal/*.sql``); no name is also a page query's."""
    found = _load(directory, internal=True)
    both = found.keys() & load_all().keys()
    if both:
        raise QueryError(f"query {sorted(both)[0]} is defined twice")
    return found


def get(name: str) -> Query:
    query = load_all().get(name) or load_internal().get(name)
    if query is None:
        raise QueryError(f"unknown query: {name}")
    return query


# Counts page query runs and the library's statements (tests use the runs to prove that a
# logged-out page queries nothing).
_stats_lock = threading.Lock()
stats = {"runs": 0, "statements": 0}


def _cursor():
    from . import store   # store runs its own statements through this module
    return store.cursor()


def _bind(query: Query, params: dict) -> None:
    missing = query.params - params.keys()
    if missing:
        raise QueryError(f"query {query.name} needs parameters: {', '.join(sorted(missing))}")
    extra = params.keys() - query.params
    if extra:
        raise QueryError(f"query {query.name} takes no parameters: {', '.join(sorted(extra))}")


def _timed(query: Query, cur, params: dict, counter: str, fetch=lambda result: result):
    """Execute ``query`` on ``cur`` (and ``fetch``); slower than the budget is logged as a warning."""
    started = time.perf_counter()
    result = fetch(cur.execute(query.sql, params) if params else cur.execute(query.sql))
    elapsed_ms = (time.perf_counter() - started) * 1000
    with _stats_lock:
        stats[counter] += 1
    budget = settings.get("DASHBOARD_QUERY_BUDGET_MS")
    if elapsed_ms > budget:
        log.warning("query %s took %.0f ms (budget %s ms)", query.name, elapsed_ms, budget)
    return result


def execute(name: str, /, *, cur=None, **params: object):
    """Run one of the library's statements (or a page query that takes no cell or caller
    parameters) and return the cursor, to fetch from: ``execute("cells.all").fetchall()``.

    No scope is applied: these are the library's own reads and writes, never a page's.
    """
    query = get(name)
    if query.scoped or query.params & set(CALLER_PARAMS):
        raise QueryError(f"query {name} reads cells for a page: use run")
    _bind(query, params)
    return _timed(query, cur if cur is not None else _cursor(), params, "statements")


def all_cells(cur) -> list[str]:
    return [r[0] for r in execute("cells.all", cur=cur).fetchall()]


def committee_included(cur, scope: frozenset[str] | None, branches) -> bool:
    """Whether the Đảng ủy's own rows count (``$include_committee``): for a caller who may see
    every cell and looks at every active one."""
    if scope is not None:
        return False
    active = {r[0] for r in execute("cells.active", cur=cur).fetchall()}
    return active <= set(branches)


def narrow(frame: pd.DataFrame, branches, committee: bool) -> pd.Series:
    """Which rows of a per-cell query's result over every cell in scope belong to ``branches``:
    the cells' own rows, and the Đảng ủy's when ``committee`` (what ``committee_included`` says
    of a query over ``branches``)."""
    from .contract import COMMITTEE_CODE

    keep = set(branches) | ({COMMITTEE_CODE} if committee else set())
    if "branch_code" not in frame.columns:   # rows naming their cells in a list (none: everyone's)
        return pd.Series([cells is None or len(cells) == 0 or not keep.isdisjoint(cells)
                          for cells in frame["branches"]], index=frame.index, dtype=bool)
    return is_in(frame["branch_code"], keep)


def run(name: str, /, *, cur=None, scope: frozenset[str] | None = None, names_allowed: bool = False,
        **params: object) -> pd.DataFrame:
    """Run a named query and return its rows as a DataFrame.

    ``scope`` is the set of branch codes the caller may see (None: all). For a
    scoped query, ``branches=None`` means every branch in scope; a list is
    intersected with the scope. ``names_allowed`` alone decides ``$show_names``
    (members' names are personal data): a caller cannot pass it as a parameter.
    """
    cur = cur if cur is not None else _cursor()
    query = _prepared(name, params, cur, scope, names_allowed)
    return _timed(query, cur, params, "runs", fetch=frame)


def run_together(calls: dict[str, dict[str, object]], /, *, cur=None, scope: frozenset[str] | None = None,
                 names_allowed: bool = False) -> dict[str, pd.DataFrame]:
    """Named queries of the same columns (the rules': one row per finding) read in one
    statement, ``{name: params}`` → ``{name: rows}``, each query's rows in its own order, with
    the scope and parameters ``run`` gives each. A parameter two of them take must have one value.

    One statement rather than a dozen: each read costs ~2 ms of planning and ~1,5 ms of making
    its frame whatever its size, and the sample's overview read the rules' eleven queries
    (76 → 37 ms read one after the other; at sector scale 308 → 297 ms). The columns shared
    get one type (a whole number read with fractions is a float); a column a query's rows leave
    empty is Python's None, as ``frame`` gives a column of NULLs only."""
    cur = cur if cur is not None else _cursor()
    names, parts, bound = list(calls), [], {}
    for i, name in enumerate(names):
        params = dict(calls[name])
        query = _prepared(name, params, cur, scope, names_allowed)
        for key, value in params.items():
            if key in bound and bound[key] != value:
                raise QueryError(f"query {name}: ${key} differs from another query's read with it")
            bound[key] = value
        # each query's rows numbered in the order its ORDER BY gives them, kept by the outer sort
        parts.append(f"SELECT {i} AS _part, row_number() OVER () AS _row, * FROM (\n{query.sql}\n)")
    sql = "\nUNION ALL BY NAME\n".join(parts) + "\nORDER BY _part, _row"
    rows = _timed(Query("+".join(names), "read together", sql, frozenset(bound), Path(__file__)), cur, bound, "runs",
                  fetch=frame)
    out = {}
    for i, name in enumerate(names):
        part = rows[rows["_part"] == i].drop(columns=["_part", "_row"]).reset_index(drop=True)
        for column in part.columns[part.isna().all().to_numpy()]:
            part[column] = pd.Series([None] * len(part), dtype=object)
        out[name] = part
    return out


def _prepared(name: str, params: dict, cur, scope: frozenset[str] | None, names_allowed: bool) -> Query:
    """The page query ``name`` and ``params`` completed for ``run``: the caller's scope and
    rights set, the cells intersected with the scope; an error for parameters that do not fit."""
    query = get(name)
    if query.internal:
        raise QueryError(f"query {name} is the library's own statement: use execute")
    for reserved in CALLER_PARAMS:
        if reserved in params:
            raise QueryError(f"{reserved} is set from the user's role and scope, not by the caller")
    if NAMES_PARAM in query.params:
        params[NAMES_PARAM] = bool(names_allowed)
    if ALL_PARAM in query.params:
        params[ALL_PARAM] = scope is None
    if CELLS_PARAM in query.params:
        params[CELLS_PARAM] = all_cells(cur) if scope is None else sorted(scope)
    if query.scoped:
        branches = params.get(SCOPE_PARAM)
        if branches is None:
            branches = all_cells(cur)
        branches = [b for b in branches if scope is None or b in scope]
        params[SCOPE_PARAM] = sorted(set(branches))
        if COMMITTEE_PARAM in query.params:
            params[COMMITTEE_PARAM] = committee_included(cur, scope, branches)
    _bind(query, params)
    return query


# DuckDB warns that a cursor's result read as Arrow is copied once more than a relation's; the
# copy is columnar, and a relation (which would not warn) binds its parameters again: 0,3 ms
# more a query than the cursor.
warnings.filterwarnings("ignore", message="Arrow output on a DB-API result", category=UserWarning)


_STR = pd.StringDtype("pyarrow", na_value=float("nan"))   # pandas' own "str"
_NULLABLE_INT = {pa.int8(): pd.Int8Dtype(), pa.int16(): pd.Int16Dtype(), pa.int32(): pd.Int32Dtype(),
                 pa.int64(): pd.Int64Dtype(), pa.uint8(): pd.UInt8Dtype(), pa.uint16(): pd.UInt16Dtype(),
                 pa.uint32(): pd.UInt32Dtype(), pa.uint64(): pd.UInt64Dtype()}


# The column kinds read through Arrow as df() reads them (checked by tests/test_queries.py); a
# result with any other kind (intervals, times, maps, lists of numbers, ...) or with two columns
# of one name is read by df() itself.
_THROUGH_ARROW = {"BOOLEAN", "TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT", "USMALLINT", "UINTEGER",
                  "UBIGINT", "DOUBLE", "DATE", "TIMESTAMP", "TIMESTAMP_S", "TIMESTAMP_MS", "TIMESTAMP_NS",
                  "VARCHAR", "JSON", "VARCHAR[]", '"NULL"'}


def frame(result) -> pd.DataFrame:
    """An executed query's rows as the DataFrame DuckDB's ``df()`` gives, read through Arrow.

    ``df()`` makes a Python object of every text and pandas then makes Arrow strings of them
    again (0,47 s of the sector's 120.060 actions, a third of the progress page's first view);
    through Arrow the texts stay Arrow strings (0,19 s). The columns get ``df()``'s dtypes, on
    which the pages rely: texts as ``str`` (a column of NULLs only, or of no row: objects), dates as
    datetime64[us], decimals as float64, whole numbers and booleans with a NULL as pandas'
    nullable Int/boolean (numpy's without), a NULL list as pandas' NA. A result with a column of
    another kind, or two columns of one name, is read by ``df()``."""
    described = result.description or []
    names = [d[0] for d in described]
    if len(set(names)) < len(names) or not all(str(d[1]) in _THROUGH_ARROW or str(d[1]).startswith("DECIMAL(")
                                               for d in described):
        return result.df()
    table = result.to_arrow_table()
    columns, types = {}, {}
    for name, column in zip(table.column_names, table.columns):
        kind = column.type
        if pa.types.is_date32(kind):
            column = column.cast(pa.timestamp("us"))
        elif pa.types.is_decimal(kind):
            column = column.cast(pa.float64())
        elif pa.types.is_string(kind) or pa.types.is_large_string(kind):
            if column.null_count == len(column):       # no text at all (or no row)
                types[name] = object
        elif column.null_count:
            if pa.types.is_nested(kind):            # lists, structs: NULL as pandas' NA
                types[name] = "nested"
            elif kind in _NULLABLE_INT:
                types[name] = _NULLABLE_INT[kind]
            elif pa.types.is_boolean(kind):
                types[name] = pd.BooleanDtype()
        columns[name] = column
    out = pa.table(columns).to_pandas(types_mapper=_arrow_dtype)
    for name, dtype in types.items():
        if dtype is object:
            out[name] = pd.Series([None] * len(out), dtype=object)
        elif dtype == "nested":
            out[name] = out[name].where(out[name].notna(), pd.NA)
        else:
            out[name] = pd.Series(dtype.__from_arrow__(columns[name]), index=out.index)
    return out


def _arrow_dtype(kind: pa.DataType):
    return _STR if kind in (pa.string(), pa.large_string()) else None
