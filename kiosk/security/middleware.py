"""The Content-Security-Policy on every response: strict for readers, widened only for the Wagtail admin."""

from __future__ import annotations

from csp.constants import HEADER
from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.urls import NoReverseMatch, reverse

# The name the policy's report-to directive gives the endpoint.
REPORT_GROUP = "csp"


def admin_prefix() -> str | None:
    """Where the Wagtail admin lives (``/admin/``), as the URLconf says."""
    try:
        return reverse("wagtailadmin_home")
    except NoReverseMatch:
        return None


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """settings.CONTENT_SECURITY_POLICY everywhere; under the admin, KIOSK_CSP_ADMIN_ALLOWANCES added to it.

    Sits outside the page cache, so a page replayed from the cache is sent with
    the policy of today's settings, not the one it was stored with.
    """

    def get_policy_parts(self, request, response, report_only: bool = False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        prefix = admin_prefix()
        if not report_only and prefix and request.path_info.startswith(prefix):
            update = dict(parts.update or {})
            for directive, sources in settings.KIOSK_CSP_ADMIN_ALLOWANCES.items():
                update[directive] = [*update.get(directive, ()), *sources]
            parts.update = update
        return parts

    def process_response(self, request, response):
        response = super().process_response(request, response)
        # The Reporting API's endpoint for the policy's report-to; browsers
        # without it use report-uri.
        if HEADER in response and "Reporting-Endpoints" not in response:
            response["Reporting-Endpoints"] = f'{REPORT_GROUP}="{settings.KIOSK_CSP_REPORT_URL}"'
        return response
