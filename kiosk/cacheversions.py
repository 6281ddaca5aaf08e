"""Version numbers that retire cached entries in every process at once.

A cache key carries the versions of what its entry shows; a change bumps
them, and every process builds new keys from then on (old entries expire
unread). The numbers live in the shared cache, never in a process's memory.

Two rules make this safe while other processes keep rendering:

- read a version *before* the rows it stands for, so an entry filled from
  rows older than a change lands under the old number;
- bump now *and* once the change is committed: between the two, another
  process may still read the old rows under the first new number.

New numbers come from the clock in nanoseconds, never reused: a version lost
from the cache (culled, evicted) can only retire entries, never bring back
old ones. Used below the page cache too (sites, settings), hence not an app.

Within ``read_once()`` (each request, kiosk.pagecache.middleware) a version
is read from the cache the first time it is asked for and then remembered
until the block ends: a page asks for the same few versions a dozen times.
That keeps the first rule (the number is only ever read earlier), and a bump
in the same block is seen at once.
"""

from __future__ import annotations

import contextlib
import time
from contextvars import ContextVar

from django.core.cache import cache
from django.db import connection, transaction

PREFIX = "version:"


def _key(name: str) -> str:
    return PREFIX + name


# The versions read so far in this request; None outside read_once().
_read: ContextVar[dict[str, int] | None] = ContextVar("kiosk_versions_read", default=None)


@contextlib.contextmanager
def read_once():
    """Read each version from the cache once in this block (a request), not every time it is asked for."""
    token = _read.set({})
    try:
        yield
    finally:
        _read.reset(token)


def current(*names: str) -> tuple[int, ...]:
    """The versions of these names, in order; a missing one is started."""
    keys = [_key(name) for name in names]
    read = _read.get()
    found = {} if read is None else {key: read[key] for key in keys if key in read}
    if missing := [key for key in keys if key not in found]:
        found.update(cache.get_many(missing))
        for key in missing:
            if key not in found:
                started = time.time_ns()
                found[key] = started if cache.add(key, started, None) else cache.get(key, started)
        if read is not None:
            read.update((key, found[key]) for key in missing)
    return tuple(found[key] for key in keys)


# Entries read along with another (``entry(..., also_entries=)``), kept in read_once's dict under this prefix.
_ALONG = "along:"


def entry(
    key: str,
    *names: str,
    start_missing: bool = True,
    also: tuple[str, ...] = (),
    also_entries: tuple[str, ...] = (),
) -> tuple[tuple[int | None, ...], object]:
    """(versions, value) of an entry stored by ``store_entry`` under these versions, in one read of the cache.

    For entries read on every request or write (a reader's row, the site, the
    article a comment is for): the versions and the entry come in one round
    trip rather than one after the other. The value is None when there is
    none or it was stored under other versions; store it then with the
    versions returned, read before its rows. With ``start_missing`` off, a
    version the cache does not have yet stays None (nothing is stored under
    it), for keys sent by strangers (ids at random) that must leave nothing
    behind; ``start`` it once the rows show there is something to keep.
    ``also`` names versions the request will ask for next (a comment's
    checks): read in the same round trip and remembered in ``read_once``;
    ``also_entries`` likewise names further entries, each used once by the
    next ``entry`` call for it in this request.
    """
    version_keys = [_key(name) for name in names]
    read = _read.get()
    known = {} if read is None else {k: read[k] for k in version_keys if k in read}
    along = [] if read is None else [k for k in map(_key, also) if k not in read and k not in version_keys]
    along_entries = [] if read is None else [k for k in also_entries if _ALONG + k not in read and k != key]
    earlier = None if read is None else read.pop(_ALONG + key, None)
    own = [] if earlier is not None else [key]
    wanted = [k for k in version_keys if k not in known] + along + along_entries + own
    found = cache.get_many(wanted) if wanted else {}
    if read is not None:
        read.update((k, found[k]) for k in along if k in found)
        read.update((_ALONG + k, (found.get(k),)) for k in along_entries)
    if earlier is not None:
        found[key] = earlier[0]
    versions = []
    for name, version_key in zip(names, version_keys, strict=True):
        version = known.get(version_key, found.get(version_key))
        if version is None and start_missing:
            (version,) = current(name)
        elif version is not None and read is not None:
            read[version_key] = version
        versions.append(version)
    versions = tuple(versions)
    stored = found.get(key)
    if stored is not None and None not in versions and stored[0] == versions:
        return versions, stored[1]
    return versions, None


def store_entry(key: str, versions: tuple[int, ...], value, timeout: int) -> None:
    cache.set(key, (versions, value), timeout)


def peek(*names: str) -> tuple[int | None, ...]:
    """The versions of these names as the cache has them now, None where there is none yet.

    Never from what this request read before: callers peek to learn whether a version
    changed while they read rows.
    """
    keys = [_key(name) for name in names]
    found = cache.get_many(keys)
    return tuple(found.get(key) for key in keys)


def start(name: str) -> int | None:
    """Start a version that ``peek`` found missing; None if another process got there first."""
    started = time.time_ns()
    return started if cache.add(_key(name), started, None) else None


def bump(*names: str) -> None:
    """Retire every entry keyed by these names: now, and again when the transaction commits.

    Names are bumped in the order given: a cache filled by reading a broad
    version before its rows and a narrow one after them (the routing cache)
    needs the broad one bumped first.
    """
    _set(names)
    if connection.in_atomic_block:
        transaction.on_commit(lambda: _set(names))


def _set(names) -> None:
    read = _read.get()
    for name in names:
        cache.set(_key(name), time.time_ns(), None)
        if read is not None:
            read.pop(_key(name), None)
