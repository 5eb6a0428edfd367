"""A bounded, least-recently-used memo for the validators' in-memory caches.

A language server validates for hours against whatever schemas its
workspaces name; a plain dict keyed by schema digest or vocabulary would grow
with every one of them.  Each cache is an :class:`LruCache` with a size stated
where it is made, and ``clear()`` resets it (tests, ``clear_cache``).  A lock
makes each step atomic: the language server validates off its event loop, in
threads.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Hashable
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class LruCache(Generic[K, V]):
    """At most ``limit`` entries; adding one more forgets the least recently used.

    >>> cache = LruCache(2)
    >>> cache.put("a", 1); cache.put("b", 2); cache.get("a")
    1
    >>> cache.put("c", 3); sorted(cache.keys())  # "b" was the least recently used
    ['a', 'c']
    """

    def __init__(self, limit: int) -> None:
        if limit < 1:
            raise ValueError(f"an LRU cache holds at least one entry, not {limit}")
        self.limit = limit
        self._entries: OrderedDict[K, V] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: K) -> V | None:
        """The value for ``key`` (now the most recently used), or None."""
        with self._lock:
            value = self._entries.get(key)
            if value is not None:
                self._entries.move_to_end(key)
            return value

    def put(self, key: K, value: V) -> None:
        """Keep ``value`` for ``key``, forgetting the oldest entries beyond the limit."""
        with self._lock:
            self._entries[key] = value
            self._entries.move_to_end(key)
            while len(self._entries) > self.limit:
                self._entries.popitem(last=False)

    def keys(self) -> list[K]:
        with self._lock:
            return list(self._entries)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()

    def __len__(self) -> int:
        return len(self._entries)
