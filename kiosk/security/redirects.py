"""Where a form may send the reader afterwards: only to our own pages."""

from __future__ import annotations

from django.utils.http import url_has_allowed_host_and_scheme


def safe_redirect_target(request, candidate: str | None, *, fallback: str) -> str:
    """``candidate`` if it stays on this site (a path, or a URL of this host), else ``fallback``.

    A posted ``next`` or a ``Referer`` is whatever the client sent: left
    unchecked, it makes our redirect a link to anywhere (``//evil.example/``).
    """
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return fallback
