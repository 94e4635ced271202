"""Results kept in the server process for every session, under a key the caller makes.

What Streamlit's ``st.cache_resource`` / ``st.cache_data`` do, without their cost on a hit: they
hash every argument through their own hasher and inspect the function's signature on each call
(~1 ms a call, a dozen calls a page view: a fifth of a warm view, and all of it holding
Python's lock while 16 people open pages at once). Here the caller's key is a tuple it already
has (the query's name, its frozen parameters, the scope, the data version …), looked up in a
dict.

* One maker per key: readers of a key being made wait for it rather than make it again (the
  16 people who open the overview together read the store once).
* Bounded by entries (each kind its own number) and by bytes (one budget for every kind,
  ``set_budget``): the least recently read entries go first (a frame measured by its arrays, a
  pickled value by its length; a value larger than the whole budget is handed out but not kept).
  One budget rather than a share per kind: at L the progress page's derived view alone is
  80 MB, and a fixed quarter of the budget dropped it on every rerun.
* ``shared=True`` hands every reader the very object (a frame the reader copies shallowly:
  pandas copies on write; what a page derives and only reads); ``shared=False`` keeps it pickled
  and gives each reader its own copy, for values a reader or Streamlit may change in place (a
  chart's spec: Streamlit patches legend titles in the dict it is given).
* ``clear_all`` forgets every kept result (a restore, the tests, the benchmark's cold runs).
"""

from __future__ import annotations

import pickle
import sys
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterable
from itertools import islice
from typing import Any

import pandas as pd

_ALL: list[Kept] = []
_LOCK = threading.Lock()        # one for every kept result: the byte budget is shared
_RECENT: OrderedDict[tuple[int, Hashable], Kept] = OrderedDict()   # every entry, least recently read first
_BUDGET: list[int | None] = [None]
_TOTAL = [0]
_OBJECT_GUESS = 64      # bytes per value of a column of Python objects, beyond its pointer
_SAMPLE = 1000          # parts of a container weighed one by one


def size_of(value: Any, depth: int = 0) -> int:
    """Bytes a kept value holds, near enough to bound a cache: a frame by its columns' buffers
    (Arrow strings included; a column of Python objects guessed), containers by their parts,
    anything else by ``sys.getsizeof``."""
    if isinstance(value, pd.Series):
        value = value.to_frame()
    if isinstance(value, pd.DataFrame):
        # the frame's own arrays (pandas is pinned): 5 µs where memory_usage(deep=True) takes
        # 0,5–2 ms and a walk of its columns 0,1 ms
        return value.index.nbytes + sum(
            array.nbytes + (_OBJECT_GUESS * array.size if array.dtype == object else 0)
            for array in value._mgr.arrays)
    if isinstance(value, (bytes, bytearray, str)):
        return len(value)
    if depth < 4:
        if isinstance(value, dict):
            return sys.getsizeof(value) + _parts(value.values(), len(value), depth)
        if isinstance(value, (list, tuple, set, frozenset)):
            return sys.getsizeof(value) + _parts(value, len(value), depth)
        if hasattr(value, "__dict__") and not isinstance(value, type):
            return sys.getsizeof(value) + size_of(vars(value), depth + 1)
    return sys.getsizeof(value)


def _parts(parts: Iterable[Any], n: int, depth: int) -> int:
    """The bytes of a container's parts: each part's up to ``_SAMPLE``; beyond, the first
    ``_SAMPLE`` parts' average times their number (60.000 members' names: 0,1 s walked whole)."""
    first = [size_of(v, depth + 1) for v in islice(parts, _SAMPLE)]
    return sum(first) if n <= _SAMPLE else sum(first) * n // len(first)


class Kept:
    def __init__(self, name: str, max_entries: int, shared: bool = True):
        self.name, self.max_entries, self.shared = name, max_entries, shared
        self._entries: OrderedDict[Hashable, Any] = OrderedDict()
        self._sizes: dict[Hashable, int] = {}
        self._making: dict[Hashable, threading.Lock] = {}
        self.bytes = 0
        _ALL.append(self)

    def get(self, key: Hashable, make: Callable[[], Any]) -> Any:
        """The value kept under ``key``, made by ``make()`` first if there is none."""
        with _LOCK:
            if key in self._entries:
                self._entries.move_to_end(key)
                _RECENT.move_to_end((id(self), key))
                return self._out(self._entries[key])
            making = self._making.setdefault(key, threading.Lock())
        with making:
            with _LOCK:       # made by another reader while this one waited
                if key in self._entries:
                    return self._out(self._entries[key])
            try:
                value = make()
                kept = value if self.shared else pickle.dumps(value, protocol=5)
                size = size_of(kept) if _BUDGET[0] is not None else 0
                with _LOCK:
                    if _BUDGET[0] is None or size <= _BUDGET[0]:
                        self._entries[key], self._sizes[key] = kept, size
                        _RECENT[(id(self), key)] = self
                        self.bytes += size
                        _TOTAL[0] += size
                    while len(self._entries) > self.max_entries:
                        self._drop(next(iter(self._entries)))
                    _shed()
            finally:
                with _LOCK:
                    self._making.pop(key, None)
        return self._out(kept)

    def has(self, key: Hashable) -> bool:
        """Whether a value is kept under ``key`` now (``get`` would not make it)."""
        with _LOCK:
            return key in self._entries

    def _drop(self, key: Hashable) -> None:
        """Forget one entry (the caller holds ``_LOCK``)."""
        del self._entries[key]
        size = self._sizes.pop(key)
        self.bytes -= size
        _TOTAL[0] -= size
        _RECENT.pop((id(self), key), None)

    def _out(self, kept: Any) -> Any:
        return kept if self.shared else pickle.loads(kept)

    def clear(self) -> None:
        with _LOCK:
            for key in list(self._entries):
                self._drop(key)

    def __len__(self) -> int:
        return len(self._entries)


def set_budget(max_bytes: int | None) -> None:
    """The bytes every kept result together may hold (None: bounded by entries only); the
    least recently read, of any kind, go first."""
    with _LOCK:
        _BUDGET[0] = max_bytes
        _shed()


def _shed() -> None:
    """The least recently read entries of any kind dropped until the budget holds (the caller
    holds ``_LOCK``)."""
    while _BUDGET[0] is not None and _TOTAL[0] > _BUDGET[0]:
        (_, oldest), owner = next(iter(_RECENT.items()))
        owner._drop(oldest)


def kept_bytes() -> int:
    return _TOTAL[0]


def clear_all() -> None:
    """Forget every result kept in this process."""
    for kept in _ALL:
        kept.clear()
