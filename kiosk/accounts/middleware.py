"""Who gets into the Wagtail admin once logged in."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext as _

from .staff import has_authenticator_app, may_open_admin

ADMIN_PREFIX = "/admin/"
# Reachable without the admin's rules: leaving, and the old login that now only redirects.
ADMIN_OPEN_PATHS = frozenset({"/admin/logout/", "/admin/login/"})


class StaffTwoFactorMiddleware:
    """Guards /admin/ for logged-in users; readers' pages are never looked at.

    A logged-in reader gets 403: Wagtail would send them to the login, and
    allauth's login sends a logged-in user straight back. With
    KIOSK_STAFF_REQUIRE_2FA on, staff without an authenticator app are sent to
    set one up first; the 2FA pages live under /konto/, outside this guard.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        path = request.path_info
        if path.startswith(ADMIN_PREFIX) and path not in ADMIN_OPEN_PATHS:
            refusal = admin_refusal(request)
            if refusal is not None:
                return refusal
        return self.get_response(request)


def admin_refusal(request: HttpRequest) -> HttpResponse | None:
    """Why this logged-in user may not see the admin now, as a response; None lets Wagtail decide."""
    user = request.user
    if not user.is_authenticated:
        return None  # Wagtail sends them to the login.
    if not may_open_admin(user):
        raise PermissionDenied
    if settings.KIOSK_STAFF_REQUIRE_2FA and not has_authenticator_app(user):
        if request.headers.get("x-requested-with") == "XMLHttpRequest":
            raise PermissionDenied
        messages.warning(
            request,
            _(
                "The admin asks for two-factor authentication. Set up an authenticator app "
                "for your account; then the admin opens."
            ),
        )
        return HttpResponseRedirect(reverse("mfa_activate_totp"))
    return None
