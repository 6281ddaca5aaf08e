"""The Content-Security-Policy on every response: strict for readers, widened only for the Wagtail admin."""

from __future__ import annotations

import functools
from dataclasses import asdict

from csp.constants import HEADER
from csp.middleware import CheckableLazyObject, CSPMiddleware, PolicyParts
from csp.utils import build_policy
from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.urls import NoReverseMatch, reverse

# The name the policy's report-to directive gives the endpoint.
REPORT_GROUP = "csp"


# What a response may carry that makes its policy its own (django-csp's decorators).
OWN_POLICY_ATTRIBUTES = (
    "_csp_config",
    "_csp_update",
    "_csp_replace",
    "_csp_exempt",
    "_csp_config_ro",
    "_csp_update_ro",
    "_csp_replace_ro",
    "_csp_exempt_ro",
)


@functools.cache
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
        if not report_only and _in_admin(request):
            update = dict(parts.update or {})
            for directive, sources in settings.KIOSK_CSP_ADMIN_ALLOWANCES.items():
                update[directive] = [*update.get(directive, ()), *sources]
            parts.update = update
        return parts

    def process_response(self, request, response):
        if _plain(request, response):
            # Almost every response: the same policy as the last one, built once per process.
            response[HEADER] = _policy(in_admin=_in_admin(request))
            # As django-csp does: a nonce asked for now would not be in the header.
            request.csp_nonce = CheckableLazyObject(self._csp_nonce_post_response)
        else:
            response = super().process_response(request, response)
        # The Reporting API's endpoint for the policy's report-to; browsers
        # without it use report-uri.
        if HEADER in response and "Reporting-Endpoints" not in response:
            response["Reporting-Endpoints"] = f'{REPORT_GROUP}="{settings.KIOSK_CSP_REPORT_URL}"'
        return response


def _in_admin(request) -> bool:
    prefix = admin_prefix()
    return bool(prefix) and request.path_info.startswith(prefix)


def _plain(request, response) -> bool:
    """No nonce, no per-view policy, no report-only policy, nothing django-csp would treat apart."""
    return (
        getattr(request, "_csp_nonce", None) is None
        and HEADER not in response
        and not any(hasattr(response, name) for name in OWN_POLICY_ATTRIBUTES)
        and not getattr(settings, "CONTENT_SECURITY_POLICY_REPORT_ONLY", None)
        and not settings.CONTENT_SECURITY_POLICY.get("EXCLUDE_URL_PREFIXES")
        and not (settings.DEBUG and response.status_code in (404, 500))
    )


@functools.cache
def _policy(*, in_admin: bool) -> str:
    update = dict(settings.KIOSK_CSP_ADMIN_ALLOWANCES) if in_admin else None
    return build_policy(**asdict(PolicyParts(update=update)))


@receiver(setting_changed)
def _forget_policies(setting, **kwargs):
    if setting in {"CONTENT_SECURITY_POLICY", "KIOSK_CSP_ADMIN_ALLOWANCES", "ROOT_URLCONF"}:
        _policy.cache_clear()
        admin_prefix.cache_clear()
