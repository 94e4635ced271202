"""Results kept in the server process for every session, under a key the caller makes.

What Streamlit's ``st.cache_resource`` / ``st.cache_data`` do, without their cost on a hit: they
hash every argument through their own hasher and inspect the function's signature on each call
(~1 ms a call, a dozen calls a page view: a fifth of a warm view, and all of it holding
Python's lock while 16 people open pages at once). Here the caller's key is a tuple it already
has (the query's name, its frozen parameters, the scope, the data version …), looked up in a
dict.

* One maker per key: readers of a key being made wait for it rather than make it again (the
  16 people who open the overview together read the store once).
* Bounded: the least recently read entries go first.
* ``shared=True`` hands every reader the very object (a frame the reader copies shallowly:
  pandas copies on write; what a page derives and only reads); ``shared=False`` keeps it pickled
  and gives each reader its own copy, for values a reader or Streamlit may change in place (a
  chart's spec: Streamlit patches legend titles in the dict it is given).
* ``clear_all`` forgets every kept result (a restore, the tests, the benchmark's cold runs).
"""

from __future__ import annotations

import pickle
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any

_ALL: list[Kept] = []


class Kept:
    def __init__(self, name: str, max_entries: int, shared: bool = True):
        self.name, self.max_entries, self.shared = name, max_entries, shared
        self._entries: OrderedDict[Hashable, Any] = OrderedDict()
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
                with self._lock:
                    self._entries[key] = kept
                    while len(self._entries) > self.max_entries:
                        self._entries.popitem(last=False)
            finally:
                with self._lock:
                    self._making.pop(key, None)
        return self._out(kept)

    def _out(self, kept: Any) -> Any:
        return kept if self.shared else pickle.loads(kept)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()

    def __len__(self) -> int:
        return len(self._entries)


def clear_all() -> None:
    """Forget every result kept in this process."""
    for kept in _ALL:
        kept.clear()
