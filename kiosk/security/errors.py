"""The answer to a request Django refuses before any view runs (a Host we do not serve, too many fields)."""

from __future__ import annotations

from django.http import JsonResponse
from django.utils.translation import gettext as _
from django.views import defaults


def bad_request(request, exception):
    """handler400: JSON under /api/, as every other API error, Django's plain page elsewhere.

    Nothing here may ask for the host or the site: the host may be what was refused.
    """
    if request.path.startswith("/api/"):
        return JsonResponse({"message": _("The request is not valid."), "code": "bad_request"}, status=400)
    return defaults.bad_request(request, exception)
