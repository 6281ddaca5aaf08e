"""The cache at scale: django-redis, plus the one step a rate limit takes on every attempt.

Counting an attempt with ``add`` and ``incr`` costs two round trips per
scope (django-redis checks the key exists in a script before INCRBY); a
comment counted per account and per address paid four. ``count_up`` sends
them all in one pipeline.
"""

from __future__ import annotations

from django_redis.cache import RedisCache as DjangoRedisCache
from django_redis.cache import omit_exception
from django_redis.exceptions import ConnectionInterrupted
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError


class RedisCache(DjangoRedisCache):
    @omit_exception(return_value=None)
    def count_up(self, timeouts: dict[str, int]) -> dict[str, int] | None:
        """One more on each key's count, started at 1 with its timeout where missing; the counts.

        None when Redis cannot be reached and the cache ignores that (IGNORE_EXCEPTIONS).
        """
        client = self.client.get_client(write=True)
        pipe = client.pipeline(transaction=False)
        for key, timeout in timeouts.items():
            raw = self.client.make_key(key)
            # Plain integers, as django-redis stores them: get() and decr() read them back.
            pipe.set(raw, 0, ex=timeout, nx=True)
            pipe.incr(raw)
        try:
            replies = pipe.execute()
        except (RedisConnectionError, RedisTimeoutError) as error:
            raise ConnectionInterrupted(connection=client) from error
        return {key: replies[2 * i + 1] for i, key in enumerate(timeouts)}
