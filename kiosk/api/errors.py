"""Every refusal as ``{"message", "code"}`` JSON with its status, never a bare 500 for bad input."""

from __future__ import annotations

import logging

from django.core.exceptions import RequestDataTooBig, SuspiciousOperation
from django.http import Http404, HttpRequest, HttpResponse, RawPostDataException
from django.http.multipartparser import MultiPartParserError
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError

from kiosk.comments.services import CommentError
from kiosk.security.ratelimits import RateLimited

from .auth import CsrfCheckError

logger = logging.getLogger(__name__)


class NotFound(Http404):
    """A 404 whose message is meant for the reader (others get a plain "Not found.")."""


CODES = {
    400: "bad_request",
    401: "login_required",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    413: "too_large",
    422: "invalid_input",
    429: "rate_limited",
}


def error_body(message: str, code: str, **extra) -> dict:
    return {"message": str(message), "code": code, **extra}


def _field(loc) -> str:
    return ".".join(str(part) for part in loc)


def register(api: NinjaAPI) -> None:
    """Install Kiosk's handlers in place of ninja's (which answer ``{"detail": ...}`` or raise)."""

    def answer(request, status: int, message: str, code: str, **extra) -> HttpResponse:
        return api.create_response(request, error_body(message, code, **extra), status=status)

    @api.exception_handler(CommentError)
    def comment_error(request: HttpRequest, exc: CommentError) -> HttpResponse:
        return answer(request, exc.status, exc.message, exc.code)

    @api.exception_handler(RateLimited)
    def rate_limited(request: HttpRequest, exc: RateLimited) -> HttpResponse:
        response = answer(request, 429, exc.message, "rate_limited")
        response["Retry-After"] = str(exc.retry_after)
        return response

    @api.exception_handler(ValidationError)
    def invalid(request: HttpRequest, exc: ValidationError) -> HttpResponse:
        errors = [
            {"field": _field(error.get("loc", ())), "message": error.get("msg", "")} for error in exc.errors
        ]
        summary = "; ".join(f"{error['field']}: {error['message']}" for error in errors[:3])
        message = _("The request is not valid: %(problems)s") % {"problems": summary}
        return answer(request, 422, message, "invalid_input", errors=errors)

    @api.exception_handler(Http404)
    def not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
        message = str(exc) if isinstance(exc, NotFound) else _("Not found.")
        return answer(request, 404, message, "not_found")

    @api.exception_handler(AuthenticationError)
    def login_required(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
        return answer(request, 401, _("Please log in first."), "login_required")

    @api.exception_handler(CsrfCheckError)
    def csrf_failed(request: HttpRequest, exc: CsrfCheckError) -> HttpResponse:
        return answer(request, 403, exc.message, "csrf_failed")

    @api.exception_handler(HttpError)
    def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
        # Ninja raises these for bodies it cannot parse (400) and for its own checks.
        message = _("The request body is not valid JSON.") if exc.status_code == 400 else exc.message
        return answer(request, exc.status_code, message, CODES.get(exc.status_code, "error"))

    @api.exception_handler(RequestDataTooBig)
    def too_big(request: HttpRequest, exc: RequestDataTooBig) -> HttpResponse:
        return answer(request, 413, _("The request is too large."), "too_large")

    @api.exception_handler(RawPostDataException)
    @api.exception_handler(MultiPartParserError)
    def unreadable_form(request: HttpRequest, exc: Exception) -> HttpResponse:
        # A multipart body without (or with a broken) boundary; the API speaks JSON anyway.
        return answer(request, 400, _("The request body could not be read. Send JSON."), "bad_request")

    @api.exception_handler(SuspiciousOperation)
    def suspicious(request: HttpRequest, exc: SuspiciousOperation) -> HttpResponse:
        # Too many fields, a bad host and the like: Django's own views answer these with 400 too.
        return answer(request, 400, _("The request is not valid."), "bad_request")

    @api.exception_handler(Exception)
    def server_error(request: HttpRequest, exc: Exception) -> HttpResponse:
        logger.exception("API error on %s %s", request.method, request.path)
        return answer(
            request, 500, _("Something went wrong on our side. Please try again later."), "server_error"
        )
