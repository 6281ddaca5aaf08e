"""The reader's address, as the last proxy we trust saw it.

Behind nginx (or a load balancer) every request comes from the proxy's
address; the proxy appends the address it saw to ``X-Forwarded-For``. Only
the last ``KIOSK_TRUSTED_PROXY_COUNT`` entries were written by proxies of
ours; anything to their left is whatever the client claimed, so it is never
believed. Kiosk's rate limits and allauth's (through the account adapter)
both ask this one function.
"""

from __future__ import annotations

import ipaddress

from django.conf import settings


def _valid(value: str) -> str | None:
    value = value.strip()
    if value.startswith("[") and "]" in value:  # "[2001:db8::1]:443"
        value = value[1 : value.index("]")]
    try:
        return str(ipaddress.ip_address(value))
    except ValueError:
        return None


def client_ip(request) -> str:
    """The client's IP address: from X-Forwarded-For behind trusted proxies, else REMOTE_ADDR."""
    remote = _valid(request.META.get("REMOTE_ADDR", "")) or "unknown"
    trusted = settings.KIOSK_TRUSTED_PROXY_COUNT
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if trusted <= 0 or not forwarded:
        return remote
    hops = [hop for hop in forwarded.split(",") if hop.strip()]
    if not hops:
        return remote
    # With fewer entries than proxies, every entry was written by a proxy of ours.
    candidate = hops[-trusted] if len(hops) >= trusted else hops[0]
    return _valid(candidate) or remote


def rate_limit_bucket(ip: str) -> str:
    """The address a rate limit counts: IPv6 clients get a whole /64, as one household does."""
    try:
        address = ipaddress.ip_address(ip)
    except ValueError:
        return ip
    if address.version == 6:
        return str(ipaddress.ip_network(f"{address}/64", strict=False).network_address)
    return ip
