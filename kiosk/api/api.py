"""The API object: routers, error handlers, and JSON for what ninja answers outside them."""

from __future__ import annotations

import json
from functools import wraps

from django.http import HttpResponseNotAllowed, JsonResponse
from django.shortcuts import render
from django.urls import URLPattern, re_path
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from ninja import NinjaAPI, Swagger

from . import comments, errors, search, session


class Docs(Swagger):
    """Swagger UI from ninja's own static files, sending the CSRF token with "Try it out"."""

    def render_page(self, request, api, **kwargs):
        # Ninja adds the token only when the whole API needs it; ours needs it for writes.
        self.settings["url"] = self.get_openapi_url(api, kwargs)
        context = {"swagger_settings": json.dumps(self.settings, indent=1), "api": api, "add_csrf": True}
        return render(request, self.template, context)


def _json_view(view):
    """Ninja answers an unsupported method in plain text; clients get the same JSON as for any error."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if isinstance(response, HttpResponseNotAllowed):
            allowed = response["Allow"]
            response = JsonResponse(
                errors.error_body(_("This method is not allowed here."), "method_not_allowed"), status=405
            )
            response["Allow"] = allowed
        # Answers depend on the reader; only their browser may keep them.
        patch_cache_control(response, private=True)
        return response

    return wrapper


def _unknown_path(request, *args, **kwargs):
    return JsonResponse(errors.error_body(_("Not found."), "not_found"), status=404)


class KioskAPI(NinjaAPI):
    @property
    def urls(self):
        patterns, app_name, namespace = super().urls
        wrapped = [
            URLPattern(p.pattern, _json_view(p.callback), p.default_args, p.name)
            if isinstance(p, URLPattern)
            else p
            for p in patterns
        ]
        return [*wrapped, re_path(r"", _unknown_path)], app_name, namespace


api = KioskAPI(
    title="Kiosk API",
    version="1",
    description=(
        "Readers' comments on Kiosk articles, and headline suggestions for the search box. Reading is "
        "public. Writing needs a reader logged in on "
        "the site (the session cookie) and Django's CSRF token: GET /api/session sets the `csrftoken` "
        "cookie and returns the token; send it as the `X-CSRFToken` header. Every error is JSON "
        '`{"message": ..., "code": ...}`.'
    ),
    urls_namespace="api",
    docs=Docs(settings={"validatorUrl": None}),
)
errors.register(api)
api.add_router("", session.router)
api.add_router("", comments.router)
api.add_router("", search.router)
