"""The cache at scale: a rate limit's count in one round trip, against a real Redis."""

import os
import uuid

import pytest

from kiosk.pagecache.rediscache import RedisCache

REDIS_URL = os.environ.get("KIOSK_TEST_REDIS_URL", "redis://127.0.0.1:6379/13")


@pytest.fixture
def redis_cache():
    """Keys of this test's own under a fresh prefix, deleted afterwards; skipped without Redis."""
    import redis

    prefix = f"kiosk-test-{uuid.uuid4().hex}"
    client = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2)
    try:
        client.ping()
    except redis.ConnectionError as error:
        pytest.skip(f"no Redis at {REDIS_URL}: {error}")
    yield RedisCache(REDIS_URL, {"KEY_PREFIX": prefix})
    for key in client.scan_iter(f"{prefix}:*"):
        client.delete(key)


def test_count_up_counts_every_key_and_starts_its_window(redis_cache):
    assert redis_cache.count_up({"user": 60, "ip": 5}) == {"user": 1, "ip": 1}
    assert redis_cache.count_up({"user": 60, "ip": 5}) == {"user": 2, "ip": 2}
    client = redis_cache.client.get_client()
    assert 0 < client.ttl(redis_cache.client.make_key("ip")) <= 5
    assert 55 < client.ttl(redis_cache.client.make_key("user")) <= 60


def test_counts_read_and_give_back_as_django_redis_stores_them(redis_cache):
    redis_cache.add("user", 0, 60)
    assert redis_cache.count_up({"user": 60}) == {"user": 1}
    assert redis_cache.get("user") == 1
    assert redis_cache.decr("user") == 0
    assert redis_cache.get_many(["user"]) == {"user": 0}


def test_an_unreachable_redis_counts_nothing_when_the_cache_ignores_it():
    # Port 9 (discard) refuses connections on this machine and in CI.
    down = RedisCache(
        "redis://127.0.0.1:9/0",
        {"OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 1}},
    )
    assert down.count_up({"user": 60}) is None
