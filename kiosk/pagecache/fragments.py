"""Fragment caching of rendered page parts, retired by a content generation.

A rendered article body also shows other content (partner, gallery, image
credits, related articles, settings), so its key carries one generation
number that every publish or edit of such content bumps. Keys that fall
out of use simply expire. With several processes, the cache must be shared
(Redis) for a bump to reach them all, as for the page cache.
"""

from __future__ import annotations

import time

from django.core.cache import cache

GENERATION_KEY = "fragments:generation"
FRAGMENT_SECONDS = 60 * 60


def content_generation() -> int:
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        generation = time.time_ns()
        cache.set(GENERATION_KEY, generation, None)
    return generation


def bump_content_generation() -> None:
    cache.set(GENERATION_KEY, time.time_ns(), None)
