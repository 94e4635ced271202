"""What a page knows once set up (``PageContext``), and cached access to the store.

Query results, rule findings and chart specs are cached per data version: a commit or undo
bumps the version, so every page shows new data on its next view, and nothing is recomputed
on a rerun otherwise. The user's scope and right to names are part of every key, so two users
with different rights never share an entry.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import importlib
import logging
import pickle
import threading
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .. import auth, charts, grouping, i18n, periods, queries, rules, settings, store, summary
from ..contract import COMMITTEE_CODE
from . import cancel, kept, url, warm

log = logging.getLogger(__name__)


@dataclass
class PageContext:
    page: str
    lang: str
    user: auth.User
    version: int
    is_sample: bool
    cell_options: pd.DataFrame                               # the cells in the user's scope
    selected_cells: list[str] = field(default_factory=list)  # empty = all
    period: str | None = None
    today: dt.date = field(default_factory=lambda: today())
    notices: list[str] = field(default_factory=list)
    # Lookups (labels, names, citations) built once per rerun, not one frame filter per row.
    _memo: dict = field(default_factory=dict, repr=False, compare=False)

    def t(self, key: str, **params: object) -> str:
        return i18n.t(key, self.lang, **params)

    @property
    def cells(self) -> list[str]:
        """The cells to show: the selection, or every cell in scope."""
        if self.selected_cells:
            return list(self.selected_cells)
        return self._every_cell()

    @property
    def all_cells(self) -> bool:
        return not self.selected_cells

    def cell_name(self, code: str) -> str:
        if code == COMMITTEE_CODE:
            return self.t("committee")
        names = self._once(("cell_names",), lambda: dict(zip(self.cell_options["branch_code"],
                                                              self.cell_options["branch_name"])))
        return names.get(code, code)

    def query(self, name: str, **params: object) -> pd.DataFrame:
        """A named query's rows, cached until the data changes (scoped queries: the cells shown).

        A query whose rows each belong to one cell (``queries.PER_CELL_TAG``) is read for every
        cell in scope and narrowed to the cells shown: changing the cell filter reads the cache.
        """
        key, narrow = self._query_key(name, params)
        _, frozen, scope, _, db, names_allowed = key
        warm.remember_query(name, frozen, scope, db, names_allowed)
        frame = _cached_query(*key)
        if narrow is not None:
            # The Đảng ủy's rows count for a user of every cell who chose every active cell
            # (queries.committee_included; the options are the active cells in scope).
            committee = self.user.scope is None and set(narrow) >= self._once(
                ("every_cell_set",), lambda: set(self._every_cell()))
            keep = queries.narrow(frame, narrow, committee)
            return frame[keep].reset_index(drop=True)
        return frame.copy(deep=False)

    def _query_key(self, name: str, params: dict) -> tuple[tuple, list[str] | None]:
        """``_cached_query``'s arguments for a query of the page, and the cells to narrow its
        rows to (a per-cell query read for every cell in scope), or None."""
        query, narrow = queries.get(name), None
        if query.scoped and "branches" not in params:
            if query.per_cell and self.selected_cells:
                narrow = list(self.selected_cells)
                params["branches"] = self._every_cell_key()
            else:
                params["branches"] = self.cells
        frozen = tuple(sorted((k, _frozen(v)) for k, v in params.items()))
        return (name, frozen, self._scope(), self.version, str(db_path()), self.user.can("names")), narrow

    def query_many(self, *calls) -> list:
        """Several named queries, each read as ``query`` reads it, side by side: each read not
        kept yet in its own thread on its own cursor (DuckDB works without Python's lock), so
        the overview's reads take the longest of them rather than their sum (62 → 34 ms on the
        sample's four cells, two cores). A call is ``(name, params)``, or a function of no
        arguments: Python work done in the page's thread meanwhile (wording the limitation and
        rule findings, which may wait for their own reads started earlier), with the kept reads —
        in threads, their pandas work only fought for Python's lock.
        The results come back in the order of the calls."""
        def one(call):
            return call() if callable(call) else self.query(call[0], **dict(call[1]))

        def kept(call) -> bool:
            return callable(call) or _QUERIES.has(self._query_key(call[0], dict(call[1]))[0])

        results: list = [None] * len(calls)
        apart = [i for i, call in enumerate(calls) if not kept(call)]
        if len(calls) < 2 or not apart:
            return [one(call) for call in calls]
        from streamlit.runtime.scriptrunner_utils.script_run_context import add_script_run_ctx

        failed: list[BaseException] = []

        def read(i: int) -> None:
            try:
                results[i] = one(calls[i])
            except BaseException as exc:    # raised again in the page's thread
                failed.append(exc)

        threads = [add_script_run_ctx(threading.Thread(target=read, args=(i,), daemon=True)) for i in apart]
        for thread in threads:
            thread.start()
        for i, call in enumerate(calls):
            if i not in apart:
                read(i)
        for thread in threads:
            thread.join()
        if failed:
            raise failed[0]
        return results

    def query_together(self, calls: dict[str, dict]) -> dict[str, pd.DataFrame]:
        """Named queries of the same columns read in one statement (``queries.run_together``:
        the rules'), ``{name: params}`` → ``{name: rows}``, kept as one entry until the data
        changes. Each query's cells are given (no narrowing of a per-cell read)."""
        return {name: frame.copy(deep=False) for name, frame in _cached_together(*self._together_key(calls)).items()}

    def _together_key(self, calls: dict[str, dict]) -> tuple:
        frozen = tuple((name, tuple(sorted((k, _frozen(v)) for k, v in params.items()))) for name, params in calls.items())
        return frozen, self._scope(), self.version, str(db_path()), self.user.can("names")

    def prefetch(self, name: str, **params: object) -> None:
        """Start reading a query the page will ask for later (``query`` with the same name and
        parameters), in a thread, while the page draws what comes before: the later ``query``
        waits for this read rather than starting its own (``kept``). Nothing is started when
        the result is kept already; a failure here is left for the later ``query`` to raise."""
        if _QUERIES.has(self._query_key(name, dict(params))[0]):
            return
        self._in_thread(lambda: self.query(name, **params), name)

    @staticmethod
    def _in_thread(read, what: str) -> None:
        """``read()`` started in a thread of the page's run; a failure is left for the page's own
        read of the same to raise, in its thread."""
        from streamlit.runtime.scriptrunner_utils.script_run_context import add_script_run_ctx

        def guarded() -> None:
            try:
                read()
            except Exception:      # noqa: BLE001 - the page's own read raises it again
                log.debug("prefetch of %s failed; the page's own read will tell", what, exc_info=True)

        add_script_run_ctx(threading.Thread(target=guarded, daemon=True)).start()

    def query_since(self, marker: object, name: str, **params: object) -> pd.DataFrame:
        """A named query of a table the data version does not cover (the audit trail), kept until
        ``marker`` (a cheap reading of that table's last change) moves as well."""
        (name, frozen, scope, version, db, names_allowed), _ = self._query_key(name, params)
        return _cached_query(name, frozen, scope, (version, marker), db, names_allowed).copy(deep=False)

    def of_cells_shown(self, frame: pd.DataFrame, dang_bo: bool = False) -> pd.DataFrame:
        """The rows of ``frame`` (read over every cell in scope: findings) whose ``branch_code`` is
        a cell shown, and with ``dang_bo`` those of no cell (the Đảng bộ's). Every cell shown:
        nothing to look up (the rows are of cells in scope)."""
        cells = frame["branch_code"]
        if self.all_cells:
            return frame if dang_bo else frame[cells.notna()]
        keep = grouping.is_in(cells, self.cells)
        return frame[keep | cells.isna()] if dang_bo else frame[keep]

    def findings(self, years: set[int] | None = None, topics: set[str] | None = None,
                 only: set[str] | None = None) -> pd.DataFrame:
        """Rule findings (of the given years and topics, and rules: ``only``) over every cell in
        scope (the quota is about the whole Đảng bộ), kept per data version: writing a dozen
        rules' sentences again cost a third of a rerun."""
        return self.findings_later(years, topics, only)()

    def findings_later(self, years: set[int] | None = None, topics: set[str] | None = None,
                       only: set[str] | None = None) -> Callable[[], pd.DataFrame]:
        """``findings`` with the reads they need started now, in threads (the rules' queries in
        one statement, the levels, sources and names their sentences cite), and their rows made
        when the function returned is called: a page words them while its other reads run."""
        key = (str(db_path()), self._every_cell_key(), self._scope(), self.today, self.lang,
               tuple(sorted(years)) if years else None, self.user.can("names"),
               tuple(sorted(topics)) if topics else None, tuple(sorted(only)) if only else None)
        warm.remember_findings(self, key)
        if not _FINDINGS.has((self.version, *key)):
            branches = _thawed(key[1])
            calls = rules.reads(branches, self.today, topics=topics, only=only)
            if len(calls) > 1 and not _QUERIES.has(("together", *self._together_key(calls))):
                self._in_thread(lambda: self.query_together(calls), "the rules' queries")
            for name, params in rules.reference_reads(branches).items():
                self.prefetch(name, **params)
            if self.user.can("names"):      # the names of the members they name (member_names_of)
                self.prefetch("uploads.member_names", branches=branches)
        return lambda: _cached_findings(self, self.version, *key).copy(deep=False)   # kept for every reader

    def overview(self, ranked: bool) -> "summary.Figures":
        """Every figure of the overview of the period for the cells shown (``summary.overview_figures``),
        kept per view (``kept``): a rerun or another reader of the same view reads it back."""
        def make() -> "summary.Figures":
            # Rules over every cell in scope (the 20 % quota is about the whole Đảng bộ), then the
            # Đảng bộ-wide findings and those of the cells shown: their reads start now, and they
            # are worded while the overview's other reads run.
            every = self.findings_later(years={periods.parse_period(self.period).year})

            def findings() -> pd.DataFrame:
                return self.of_cells_shown(every(), dang_bo=True)

            return summary.overview_figures(self.query, query_many=self.query_many, prefetch=self.prefetch,
                                            period=self.period, today=self.today, lang=self.lang,
                                            board=self.overview_board(),
                                            findings=findings, cell_name=self.cell_name,
                                            limitation_title=self.limitation, ranked=ranked,
                                            cells_in_scope=len(self.cell_options))

        return self.kept("overview", make, ranked)

    def overview_board(self) -> pd.DataFrame:
        """The period's ranking, compared with the previous period (the overview's board)."""
        return self.query("rankings.leaderboard", period=self.period, compare="previous")

    def kept(self, name: str, make, *choices: Hashable, store: kept.Kept | None = None):
        """What a page derives from its reads (``make()``, reading through this context), kept for
        every reader of the same view until the data changes. The key holds what the reads
        depend on (the data version, the store, the user's scope and right to names, the cells
        shown and whether they are every cell by default — the words "Đảng bộ" or "the cells
        shown" follow it —, the period, the day, the language) and the page's own ``choices``
        (settings, a focus). The value is shared by its readers: a page reads it and never
        changes it. ``store``: another ``kept.Kept`` than the pages' derived views."""
        key = (self.page, name, self.version, str(db_path()), self._scope(), self.user.can("names"),
               _frozen(self.cells), self.all_cells, self.period, self.today, self.lang, choices)
        return (_DERIVED if store is None else store).get(key, make)

    def chart(self, builder, *args) -> dict:
        """A chart's Vega-Lite spec (a builder of ``dashboard.charts``), built and validated once
        per input and kept: reruns reuse it. Every page's charts go through here."""
        return _cached_chart(builder.__module__, builder.__name__, args)

    def label(self, domain: str, code: str | None, short: bool = False) -> str:
        """The reader's word for a coded value (a level, a status, a meeting kind …)."""
        if code is None or code == "" or (isinstance(code, float) and pd.isna(code)):
            return "—"
        return str(self.labels(domain, short).get(code, code))

    def labels(self, domain: str, short: bool = False) -> dict[str, str]:
        """Every coded value of a domain (an action's status …) → the reader's word for it
        (built once per rerun: a page labels thousands of rows)."""
        def build() -> dict[str, str]:
            frame = self.query("reference.enum_labels")
            frame = frame[frame["domain"] == domain]
            return dict(zip(frame["code"], frame[("short_" if short else "name_") + self._suffix()]))
        return self._once(("labels", domain, short), build)

    def level_names(self, short: bool = True) -> dict[str, str]:
        """Every level, best first (``reference.levels``): code → its name in the reader's language."""
        frame = self.query("reference.levels")
        return dict(zip(frame["code"], frame[("short_" if short else "name_") + self._suffix()]))

    def citation(self, source: str) -> str:
        """How a source (a regulation, guidance, or the office's own framework) is cited."""
        return self._reference_text("reference.sources", "source", source, "citation")

    def limitation(self, code: str, full: bool = False) -> str:
        """A limitation the Đảng ủy named, by its short title (or its published sentence)."""
        return self._reference_text("reference.limitations", "code", code, "title" if full else "short")

    def solution_titles(self, full: bool = False) -> dict[int, str]:
        """Solution number → its short title (or the Đảng ủy's published wording)."""
        frame = self.query("reference.solutions")
        column = ("title_" if full else "short_") + self._suffix()
        return {int(n): str(text) for n, text in zip(frame["solution"], frame[column])}

    def member_names(self, every_cell: bool = False) -> dict[str, str]:
        """Members' names for administrators (of the cells shown, or of ``every_cell`` in scope);
        empty for everyone else (personal data)."""
        if not self.user.can("names"):
            return {}

        def build() -> dict[str, str]:    # once per rerun: 66.000 members at sector scale
            frame = self.query("uploads.member_names",
                               **({"branches": self._every_cell()} if every_cell else {}))
            return _names(frame)
        return self._once(("member_names", every_cell), build)

    def member_names_of(self, codes: set[str]) -> dict[str, str]:
        """The names of the members ``codes`` (of every cell in scope) for administrators: the
        few a list of findings names, looked up in the kept read rather than made into a
        mapping of every member (66.000 at sector scale: 36 ms, three times that beside the
        page's other reads)."""
        if not self.user.can("names"):
            return {}
        # read (or waited for: findings_later started it) even for no code, so that no read of
        # this view runs on into the next
        frame = self.query("uploads.member_names", branches=self._every_cell())
        return _names(frame[grouping.is_in(frame["member_code"], codes)])

    def periods_with_scores(self, cells: list[str]) -> list[str]:
        """The periods that have scores for ``cells`` (every cell in scope when none), newest
        first, years before the halves and quarters of a year, as ``reference.periods`` orders
        them: each cell's periods read once per data version and put together here, so a cell
        chosen runs no query."""
        every = self._every_cell()

        def by_cell() -> dict[str, frozenset[str]]:
            frame = self.query("reference.cell_periods", branches=every)
            return {code: frozenset(found) for code, found in zip(frame["branch_code"], frame["periods"])}

        key = ("cell_periods", self.version, str(db_path()), self._scope(), self._every_cell_key())
        found = _DERIVED.get(key, by_cell)
        chosen = set().union(*(found.get(code, ()) for code in (cells or every)))
        return sorted(chosen, key=periods.newest_first)

    def period_label(self, code: str | None = None) -> str:
        code = code or self.period
        return periods.label(code, self.lang) if code else "—"

    def link_params(self) -> dict[str, str]:
        """The shared filters as address parameters (what the menu's links carry)."""
        params = {}
        if self.selected_cells:
            params[url.P_CELLS] = ",".join(self.selected_cells)
        if self.period:
            params[url.P_PERIOD] = self.period
        if self.lang != settings.get("DASHBOARD_LANG"):
            params[url.P_LANG] = self.lang
        return params

    def _suffix(self) -> str:
        return "vi" if self.lang == "vi" else "en"

    def _scope(self) -> tuple[str, ...] | None:
        return tuple(sorted(self.user.scope)) if self.user.scope is not None else None

    def _reference_text(self, query: str, key_column: str, key: object, column: str) -> str:
        def build() -> dict:
            frame = self.query(query)
            return dict(zip(frame[key_column], frame[f"{column}_{self._suffix()}"]))
        texts = self._once(("reference", query, key_column, column), build)
        return str(texts[key]) if key in texts else str(key)

    def _every_cell(self) -> list[str]:
        """Every cell in scope (a copy: the caller may change it; reading the options each time
        cost 8 ms at 2.000 cells)."""
        return list(self._once(("every_cell",), lambda: list(self.cell_options["branch_code"])))

    def _every_cell_key(self) -> object:
        """Every cell in scope as a query's cells go into the cache key (``_frozen``), made once
        per run: at 2.000 cells, listing and joining them cost ~2 ms at every key made."""
        return self._once(("every_cell_key",), lambda: _frozen(self._every_cell()))

    def _once(self, key: tuple, build):
        if key not in self._memo:
            self._memo[key] = build()
        return self._memo[key]


def today() -> dt.date:
    """Today, or the DASHBOARD_TODAY setting (dd/mm/yyyy or yyyy-mm-dd) for demonstrations and tests."""
    fixed = settings.get("DASHBOARD_TODAY")
    if fixed:
        from ..ingest.parse import parse_date
        try:
            return parse_date(fixed)
        except ValueError:
            log.warning("DASHBOARD_TODAY=%r is not a date; using the real date", fixed)
    return dt.date.today()


def db_path() -> Path:
    return settings.path_setting("DASHBOARD_DB")


_JOINED = "\x1f"   # the unit separator: joins a list of codes into one string for a cache key


@dataclass(frozen=True)
class _Codes:
    """A list of codes (the cells of a query) as one string: Streamlit hashes a tuple of 2.000
    cell codes item by item (7,6 ms, at every query call of every rerun at sector scale), a
    string at once (0,05 ms)."""
    joined: str

    def codes(self) -> list[str]:
        return self.joined.split(_JOINED) if self.joined else []


def _frozen(value: object) -> object:
    """A query parameter as it goes into the cache key."""
    if isinstance(value, list):
        if all(isinstance(v, str) and _JOINED not in v for v in value):
            return _Codes(_JOINED.join(value))
        return tuple(value)
    return value


def _thawed(value: object) -> object:
    """A parameter of the cache key as the query takes it (``_frozen`` undone)."""
    if isinstance(value, _Codes):
        return value.codes()
    return list(value) if isinstance(value, tuple) else value


kept.set_budget(settings.get("DASHBOARD_CACHE_MB") * 2**20)
_QUERIES = kept.Kept("queries", max_entries=1024)
_FINDINGS = kept.Kept("findings", max_entries=256)
_CHARTS = kept.Kept("charts", max_entries=256, shared=False)
_DERIVED = kept.Kept("derived", max_entries=256)   # shared: the pages read, never change, them
_SHOWN = kept.Kept("shown", max_entries=512)       # tables as shown (downloads.table): many and small


def _cached_query(name: str, params: tuple, scope: tuple | None, version: object, db: str,
                  names_allowed: bool = False) -> pd.DataFrame:
    # version, db, scope and names_allowed are all part of the cache key: a commit or undo
    # bumps the version, and two users with different rights never share an entry.
    # One frame kept and handed to every reader (``PageContext.query`` gives each a shallow copy;
    # pandas copies on write, so no reader's change reaches it): Streamlit's data cache kept the
    # frame pickled and unpickled a whole copy at every read (a 120.000-row frame at sector scale
    # on each rerun of each reader, kept twice in memory meanwhile).
    def read() -> pd.DataFrame:
        kwargs = {k: _thawed(v) for k, v in params}
        cur = store.cursor(Path(db))
        with cancel.watch(cur):   # stopped if the reader's session goes away meanwhile
            return queries.run(name, cur=cur, scope=frozenset(scope) if scope is not None else None,
                               names_allowed=names_allowed, **kwargs)

    return _QUERIES.get((name, params, scope, version, db, names_allowed), read)


def _cached_together(calls: tuple, scope: tuple | None, version: object, db: str,
                     names_allowed: bool) -> dict[str, pd.DataFrame]:
    """``_cached_query`` for queries read together (``queries.run_together``): one entry."""
    def read() -> dict[str, pd.DataFrame]:
        cur = store.cursor(Path(db))
        with cancel.watch(cur):
            return queries.run_together({name: {k: _thawed(v) for k, v in params} for name, params in calls},
                                        cur=cur, scope=frozenset(scope) if scope is not None else None,
                                        names_allowed=names_allowed)

    return _QUERIES.get(("together", calls, scope, version, db, names_allowed), read)


def _names(frame: pd.DataFrame) -> dict[str, str]:
    """``uploads.member_names``' rows as code → name, the members with a name."""
    return {c: n for c, n in zip(frame["member_code"].tolist(), frame["full_name"].tolist())
            if isinstance(n, str) and n}


def cell_options(user: auth.User, version: int) -> pd.DataFrame:
    """The cells in the user's scope, with their names."""
    scope = tuple(sorted(user.scope)) if user.scope is not None else None
    return _cached_query("reference.branch_options", (("branches", None),), scope, version, str(db_path())
                         ).copy(deep=False)


def data_status(version: int) -> pd.Series:
    """What the sidebar says of the store's data at ``version``: sample or not, its last change."""
    return _cached_query("reference.data_status", (), None, version, str(db_path())).iloc[0]


def clear_query_cache() -> None:
    """Forget every kept result (after a restore: the store's data version may go back)."""
    kept.clear_all()


def _cached_findings(ctx: PageContext, version: int, db: str, cells: _Codes | tuple, scope: tuple | None,
                     today: dt.date, lang: str, years: tuple[int, ...] | None, names_allowed: bool,
                     topics: tuple[str, ...] | None = None, only: tuple[str, ...] | None = None) -> pd.DataFrame:
    return _FINDINGS.get(
        (version, db, cells, scope, today, lang, years, names_allowed, topics, only),
        lambda: rules.collect(ctx.query, _thawed(cells), today, lang, years=set(years) if years else None,
                              together=ctx.query_together,
                              # kept for every choice of cells: the names of every cell in scope
                              member_names=ctx.member_names_of if names_allowed else None,
                              topics=set(topics) if topics else None, only=set(only) if only else None))


def _frame_digest(frame: pd.DataFrame) -> bytes:
    """A chart's frame as its cache key: the digest of its pickle (values, dtypes, labels, index),
    20 times cheaper than Streamlit's own hashing of a frame, column by column (1,6 ms for a
    ranking's eight columns, on every chart of every rerun), and exact at every size (Streamlit
    hashes a sample of 10.000 rows of a larger frame)."""
    return hashlib.blake2b(pickle.dumps(frame, protocol=5), digest_size=20).digest()


def _arg_key(value: object) -> Hashable:
    """A chart builder's argument as part of its cache key: frames by their digest, containers
    by their items, each value with its type (1, 1.0 and True draw different charts)."""
    if isinstance(value, pd.DataFrame | pd.Series):
        return (type(value).__name__, _frame_digest(value))
    if isinstance(value, dict):
        return ("dict", tuple((_arg_key(k), _arg_key(v)) for k, v in value.items()))
    if isinstance(value, list | tuple):
        return (type(value).__name__, tuple(_arg_key(v) for v in value))
    if isinstance(value, set | frozenset):
        return (type(value).__name__, tuple(sorted(map(repr, value))))
    try:
        hash(value)
    except TypeError:
        return ("pickled", hashlib.blake2b(pickle.dumps(value, protocol=5), digest_size=20).digest())
    return (type(value).__name__, value)


def _cached_chart(module: str, name: str, args: tuple) -> dict:
    # The datasets kept as Arrow bytes, the form Streamlit sends them in: left as rows, Streamlit
    # converted them again on every draw (a third of a rerun of the rankings page), and for every
    # reader. The chart's downloads read them back (documents.charts.prepared).
    return _CHARTS.get((module, name, _arg_key(args)),
                       lambda: charts.kept_spec(getattr(importlib.import_module(module), name)(*args)))
