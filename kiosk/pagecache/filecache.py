"""The embedded default cache: Django's FileBasedCache, shared by every process on the machine.

Without Redis, the server, the scheduler and a task worker must still see one
cache: a publish in one retires pages in all. Django's file cache does that
(each entry a file, written to a temporary name and renamed, so a reader
never sees half an entry). Four things it does not do well enough here:

- it compresses every entry; unpacking a 76 KB page costs more than the rest
  of a page-cache hit, so entries are stored as plain pickles, and read with
  one system call rather than through a buffered file (a request reads a
  few dozen entries);
- it lists the whole directory on every write to see whether to cull; here
  one write in ``CULL_CHECK_EVERY`` counts the files;
- it renames the new entry over the old one, which makes ext4 write the new
  file's data out first (``auto_da_alloc``): four to six times the cost of
  removing the old entry and then renaming. Version bumps and counts rewrite
  entries all the time, so here the old one goes first; a reader in between
  finds the entry missing, which a cache may always do;
- ``incr``/``decr``/``add`` read and write without a lock, so two processes
  counting a rate limit at once could lose a count; here they hold an
  exclusive lock on one of ``COUNTER_LOCKS`` files, chosen by the key.
  ``count_up`` starts or counts in one locked step (what a rate limit does
  on every attempt), where ``add`` and ``incr`` take two. A count, and a
  number set over one as long (a version bump), is written over the old
  entry in place: a third to a tenth of the cost of a new file renamed into
  place, and comments and likes write both.
"""

from __future__ import annotations

import contextlib
import io
import os
import pickle
import random
import tempfile
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.filebased import FileBasedCache
from django.core.files import locks

CULL_CHECK_EVERY = 200
COUNTER_LOCKS = 32


READ_SIZE = 1 << 17  # most entries, a whole page included, in one read


def _read_whole(fname: str) -> bytes | None:
    """The file's bytes, None if there is none: a quarter of the cost of open() and a buffered read."""
    try:
        fd = os.open(fname, os.O_RDONLY)
    except FileNotFoundError:
        return None
    try:
        chunks = [os.read(fd, READ_SIZE)]
        while len(chunks[-1]) == READ_SIZE:
            chunks.append(os.read(fd, READ_SIZE))
    finally:
        os.close(fd)
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)


class FileCache(FileBasedCache):
    cache_suffix = ".djcache"

    def validate_key(self, key):
        # Keys only name files here, through a hash: memcached's limits on keys do not apply,
        # and checking each character of every key costs a few per cent of a page.
        pass

    def get(self, key, default=None, version=None):
        fname = self._key_to_file(key, version)
        data = _read_whole(fname)
        if data is None:
            return default
        entry = io.BytesIO(data)
        try:
            expiry = pickle.load(entry)
            if expiry is None or expiry >= time.time():
                return pickle.load(entry)
        except (EOFError, pickle.UnpicklingError):
            pass  # written by another format (Django's compressed one): as good as absent
        self._delete(fname)
        return default

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        fname = self._key_to_file(key, version)
        expiry = self.get_backend_timeout(timeout)
        if type(value) is int and self._overwrite_number(fname, expiry, value):
            return
        self._createdir()  # the folder may be deleted at any time
        self._cull()
        self._replace(fname, expiry, value)

    def _overwrite_number(self, fname: str, expiry, value: int) -> bool:
        """Write a number over an entry of the same length in place (a version bump); False if there is none.

        A tenth of a new file's cost, and every comment bumps its author's
        version. One small write of the same length: a reader finds the old
        number or the new one, never a missing or shorter file.
        """
        data = pickle.dumps(expiry, self.pickle_protocol) + pickle.dumps(value, self.pickle_protocol)
        try:
            with open(fname, "r+b") as f:
                if os.fstat(f.fileno()).st_size != len(data):
                    return False
                f.write(data)
        except FileNotFoundError:
            return False
        return True

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        value = self.get(key, self, version)
        if value is self:
            return False
        self.set(key, value, timeout, version)
        return True

    def _cull(self):
        # Counting the files is cheaper than Django's listing of their paths, and rarely needed.
        if random.randrange(CULL_CHECK_EVERY) == 0 and len(os.listdir(self._dir)) >= self._max_entries:
            super()._cull()

    @contextlib.contextmanager
    def _counter_lock(self, fname: str):
        """One of a few lock files, so counts of different keys rarely wait for each other."""
        self._createdir()
        stripe = int(os.path.basename(fname)[:8], 16) % COUNTER_LOCKS
        with open(os.path.join(self._dir, f"counters-{stripe}.lock"), "a+b") as lock_file:
            locks.lock(lock_file, locks.LOCK_EX)
            try:
                yield
            finally:
                locks.unlock(lock_file)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        # Present now, present when asked: only creating needs the lock.
        if self.has_key(key, version):
            return False
        with self._counter_lock(self._key_to_file(key, version)):
            return super().add(key, value, timeout, version)

    def incr(self, key, delta=1, version=None):
        with self._counter_lock(fname := self._key_to_file(key, version)):
            value = self._add_to_count(fname, delta)
        if value is None:
            raise ValueError(f"Key '{key}' not found")
        return value

    def count_up(self, timeouts: dict[str, int]) -> dict[str, int]:
        """One more on each key's count, started at 1 with its timeout where missing or expired; the counts."""
        counts = {}
        for key, timeout in timeouts.items():
            with self._counter_lock(fname := self._key_to_file(key)):
                value = self._add_to_count(fname, 1)
                if value is None:
                    self._cull()
                    self._replace(fname, self.get_backend_timeout(timeout), value := 1)
            counts[key] = value
        return counts

    def _add_to_count(self, fname: str, delta: int) -> int | None:
        """The live count plus ``delta``, written in place; None if there is none. Hold the counter lock.

        The entry keeps its expiry: a rate-limit window must not grow with
        each count. The whole entry goes in one write over the old bytes, so
        a reader without the lock never finds the file missing or empty; a
        shorter count (255 after 256) leaves a byte of the old one behind the
        end of the pickle, where unpickling stops.
        """
        try:
            with open(fname, "r+b") as f:
                expiry = pickle.load(f)
                if expiry is not None and expiry < time.time():
                    value = None
                else:
                    value = pickle.loads(f.read()) + delta
                    f.seek(0)
                    f.write(
                        pickle.dumps(expiry, self.pickle_protocol) + pickle.dumps(value, self.pickle_protocol)
                    )
                    return value
        except (FileNotFoundError, EOFError, pickle.UnpicklingError):
            return None
        self._delete(fname)  # expired
        return value

    def _replace(self, fname: str, expiry, value) -> None:
        """Write the entry to a temporary file, remove the old one, rename the new one into place."""
        fd, tmp_path = tempfile.mkstemp(dir=self._dir)
        try:
            with open(fd, "wb") as f:
                f.write(pickle.dumps(expiry, self.pickle_protocol))
                f.write(pickle.dumps(value, self.pickle_protocol))
            with contextlib.suppress(FileNotFoundError):
                os.remove(fname)
            os.rename(tmp_path, fname)
        except BaseException:
            with contextlib.suppress(FileNotFoundError):
                os.remove(tmp_path)
            raise
