"""The embedded default cache: one cache for every process on the machine."""

import multiprocessing
import os
import pickle
import time
import zlib

import pytest

from kiosk.pagecache.filecache import FileCache


@pytest.fixture
def file_cache(tmp_path):
    return FileCache(str(tmp_path / "cache"), {"OPTIONS": {"MAX_ENTRIES": 100}})


def test_entries_round_trip_and_expire(file_cache):
    file_cache.set("page", {"content": b"<p>Hallo</p>"}, 1)
    assert file_cache.get("page") == {"content": b"<p>Hallo</p>"}
    assert file_cache.touch("page", 30)
    file_cache.set("gone", 1, -1)
    assert file_cache.get("gone", "absent") == "absent"


def test_an_entry_in_djangos_compressed_format_reads_as_absent(file_cache):
    file_cache.set("page", "x")
    path = file_cache._key_to_file("page")
    with open(path, "wb") as f:
        f.write(pickle.dumps(None))
        f.write(zlib.compress(pickle.dumps("x")))
    assert file_cache.get("page", "absent") == "absent"


def test_a_count_keeps_its_window(file_cache):
    file_cache.add("count", 0, 2)
    assert file_cache.incr("count") == 1
    time.sleep(2.1)
    with pytest.raises(ValueError, match="not found"):
        file_cache.incr("count")


def _count(location: str, times: int) -> None:
    cache = FileCache(location, {})
    for _ in range(times):
        cache.add("hits", 0, 60)
        cache.incr("hits")


def _count_up(location: str, times: int) -> None:
    cache = FileCache(location, {})
    for _ in range(times):
        cache.count_up({"hits": 60})


@pytest.mark.parametrize("count", [_count, _count_up], ids=["add and incr", "count_up"])
def test_counts_from_several_processes_add_up(tmp_path, count):
    location = str(tmp_path / "shared")
    workers = [multiprocessing.Process(target=count, args=(location, 200)) for _ in range(4)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=60)
    assert [worker.exitcode for worker in workers] == [0, 0, 0, 0]
    assert FileCache(location, {}).get("hits") == 800


def test_an_entry_written_by_one_process_is_read_by_another(tmp_path):
    location = str(tmp_path / "shared")
    writer = multiprocessing.Process(target=_write_version, args=(location,))
    writer.start()
    writer.join(timeout=60)
    assert FileCache(location, {}).get("version:page:1") == 42


def _write_version(location: str) -> None:
    FileCache(location, {}).set("version:page:1", 42, None)


def test_count_up_starts_a_count_with_its_window_and_keeps_it(file_cache):
    assert file_cache.count_up({"a": 2, "b": 60}) == {"a": 1, "b": 1}
    assert file_cache.count_up({"a": 2, "b": 60}) == {"a": 2, "b": 2}
    file_cache.decr("a")
    assert file_cache.get("a") == 1
    time.sleep(2.1)
    assert file_cache.count_up({"a": 2, "b": 60}) == {"a": 1, "b": 3}


def test_a_count_written_in_place_reads_right_when_it_gets_shorter(file_cache):
    file_cache.set("count", 256, 60)
    expiry_before = _expiry(file_cache, "count")
    assert file_cache.decr("count") == 255  # one byte shorter as a pickle: the old last byte stays behind
    assert file_cache.get("count") == 255
    assert file_cache.incr("count", 1000) == 1255
    assert _expiry(file_cache, "count") == expiry_before


def _expiry(cache: FileCache, key: str) -> float:
    with open(cache._key_to_file(key), "rb") as f:
        return pickle.load(f)


def test_a_reader_never_finds_a_count_missing_while_another_process_counts(tmp_path):
    location = str(tmp_path / "shared")
    reader = FileCache(location, {})
    reader.count_up({"hits": 60})
    writer = multiprocessing.Process(target=_count_up, args=(location, 500))
    writer.start()
    seen = []
    while writer.is_alive():
        seen.append(reader.get("hits"))
    writer.join(timeout=60)
    assert None not in seen
    assert seen == sorted(seen)
    assert reader.get("hits") == 501


def test_a_number_set_over_one_as_long_is_written_in_place(file_cache):
    file_cache.set("version:page:1", 1_700_000_000_000_000_000, None)
    inode = os.stat(file_cache._key_to_file("version:page:1")).st_ino
    file_cache.set("version:page:1", 1_700_000_000_000_000_001, None)
    assert os.stat(file_cache._key_to_file("version:page:1")).st_ino == inode
    assert file_cache.get("version:page:1") == 1_700_000_000_000_000_001
    file_cache.set("version:page:1", 7, None)  # shorter: a new file, nothing of the old left
    assert file_cache.get("version:page:1") == 7
    file_cache.set("version:page:1", 8, 60)  # an expiry now: longer, a new file again
    assert file_cache.get("version:page:1") == 8
    assert _expiry(file_cache, "version:page:1") > time.time()
