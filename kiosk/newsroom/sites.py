"""The Wagtail site answering a request, without a query per request."""

from __future__ import annotations

from django.core.cache import cache
from django.http.request import split_domain_port
from wagtail.models import Site

CACHE_KEY = "newsroom:site:{version}:{host}:{port}"
VERSION_KEY = "newsroom:site-version"
CACHE_SECONDS = 300


def site_for_request(request) -> Site | None:
    host = split_domain_port(request._get_raw_host())[0]
    port = request.get_port()
    version = cache.get_or_set(VERSION_KEY, 1, None)
    key = CACHE_KEY.format(version=version, host=host, port=port)
    site = cache.get(key)
    if site is None:
        site = Site._find_for_request(request)
        if site is not None:
            # The specific root page comes along, so routing starts without a query.
            site.root_page = site.root_page.specific
        cache.set(key, site or False, CACHE_SECONDS)
    return site or None


def forget_sites() -> None:
    """After a site or its front page changed."""
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 1, None)
