"""Results kept in the server process for every session, under a key the caller makes.

What Streamlit's ``st.cache_resource`` / ``st.cache_data`` do, without their cost on a hit: they
hash every argument through their own hasher and inspect the function's signature on each call
(~1 ms a call, a dozen calls a page view: a fifth of a warm view, and all of it holding
Python's lock while 16 people open pages at once). Here the caller's key is a tuple it already
has (the query's name, its frozen parameters, the scope, the data version …), looked up in a
dict.

* One maker per key: readers of a key being made wait for it rather than make it again (the
  16 people who open the overview together read the store once).
* Bounded by entries and by bytes: the least recently read entries go first, past ``max_entries``
  or past ``max_bytes`` (a frame measured by pandas, a pickled value by its length; a value too
  large for the bound is handed out but not kept).
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
from collections.abc import Callable, Hashable
from typing import Any

import pandas as pd

_ALL: list[Kept] = []
_OBJECT_GUESS = 64      # bytes per value of a column of Python objects, beyond its pointer


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
            return sys.getsizeof(value) + sum(size_of(v, depth + 1) for v in value.values())
        if isinstance(value, (list, tuple, set, frozenset)):
            return sys.getsizeof(value) + sum(size_of(v, depth + 1) for v in value)
        if hasattr(value, "__dict__") and not isinstance(value, type):
            return sys.getsizeof(value) + size_of(vars(value), depth + 1)
    return sys.getsizeof(value)


class Kept:
    def __init__(self, name: str, max_entries: int, shared: bool = True, max_bytes: int | None = None):
        self.name, self.max_entries, self.shared, self.max_bytes = name, max_entries, shared, max_bytes
        self._entries: OrderedDict[Hashable, Any] = OrderedDict()
        self._sizes: dict[Hashable, int] = {}
        self.bytes = 0
        self._making: dict[Hashable, threading.Lock] = {}
        self._lock = threading.Lock()
        _ALL.append(self)

    def get(self, key: Hashable, make: Callable[[], Any]) -> Any:
        """The value kept under ``key``, made by ``make()`` first if there is none."""
        with self._lock:
            if key in self._entries:
                self._entries.move_to_end(key)
                return self._out(self._entries[key])
            making = self._making.setdefault(key, threading.Lock())
        with making:
            with self._lock:       # made by another reader while this one waited
                if key in self._entries:
                    return self._out(self._entries[key])
            try:
                value = make()
                kept = value if self.shared else pickle.dumps(value, protocol=5)
                size = size_of(kept) if self.max_bytes is not None else 0
                with self._lock:
                    if self.max_bytes is None or size <= self.max_bytes:
                        self._entries[key], self._sizes[key] = kept, size
                        self.bytes += size
                    while len(self._entries) > self.max_entries or (
                            self.max_bytes is not None and self.bytes > self.max_bytes):
                        old, _ = self._entries.popitem(last=False)
                        self.bytes -= self._sizes.pop(old)
            finally:
                with self._lock:
                    self._making.pop(key, None)
        return self._out(kept)

    def _out(self, kept: Any) -> Any:
        return kept if self.shared else pickle.loads(kept)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
            self._sizes.clear()
            self.bytes = 0

    def __len__(self) -> int:
        return len(self._entries)


def clear_all() -> None:
    """Forget every result kept in this process."""
    for kept in _ALL:
        kept.clear()
