"""Who is asking, and the CSRF token that API clients send with their writes."""

from __future__ import annotations

from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.utils.cache import patch_cache_control
from ninja import Router

from .schemas import Session

router = Router(tags=["session"])


@router.get(
    "/session",
    response=Session,
    summary="The logged-in reader and a CSRF token",
    description=(
        "Public. Sets the `csrftoken` cookie if it is missing. Writes need the session cookie of a "
        "reader logged in on the site, the `csrftoken` cookie and its token (the cookie's value or "
        "`csrf_token` from here) in the `X-CSRFToken` header; over HTTPS also a `Referer` or "
        "`Origin` of this site."
    ),
)
def session(request, response: HttpResponse):
    patch_cache_control(response, private=True, no_store=True)
    user = request.user
    reader = user if user.is_authenticated else None
    return {
        "authenticated": reader is not None,
        "id": reader.pk if reader else None,
        "name": reader.public_name if reader else None,
        "csrf_token": get_token(request),
    }
