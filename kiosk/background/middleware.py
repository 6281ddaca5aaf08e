"""The load balancer's probes, answered before any other middleware runs."""

from __future__ import annotations

from . import views


class ProbeMiddleware:
    """``/healthz`` and ``/readyz`` ahead of everything else.

    Nothing that could fail for other reasons runs before them: no HTTPS redirect (probes
    come over plain HTTP from inside), no host check (they ask by the server's address),
    no page cache, session or site lookup (``/healthz`` keeps answering while the database
    is down, so the process is not restarted for it).
    """

    PROBES = {"/healthz": views.healthz, "/readyz": views.readyz}

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        probe = self.PROBES.get(request.path_info)
        if probe is None:
            return self.get_response(request)
        return probe(request)
