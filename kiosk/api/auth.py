"""Who may write: readers logged in through the site, proving the request came from a page of ours."""

from __future__ import annotations

from django.utils.translation import gettext as _
from ninja.errors import HttpError
from ninja.security import SessionAuth
from ninja.utils import check_csrf


class CsrfCheckError(HttpError):
    def __init__(self) -> None:
        super().__init__(
            403,
            _(
                "The CSRF check failed. Send the token from GET /api/session in the X-CSRFToken header,"
                " together with the csrftoken cookie."
            ),
        )


class ReaderSession(SessionAuth):
    """Django's session login, with Django's CSRF check for writes.

    Ninja's SessionAuth checks CSRF before it knows who asks; this one asks
    first, so an anonymous client hears "log in" (401) rather than a CSRF
    refusal, and a logged-in one without a token gets 403 ``csrf_failed``.
    """

    def __call__(self, request):
        user = request.user
        if not user.is_authenticated:
            return None
        if self.csrf and not getattr(request, "_ninja_csrf_exempt", False) and check_csrf(request):
            raise CsrfCheckError
        return user


reader_auth = ReaderSession()
