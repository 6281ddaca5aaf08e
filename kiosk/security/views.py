"""Content-Security-Policy violation reports from browsers, logged one line each.

Anyone can post here, so nothing a report says is trusted: the body is read
up to a few kilobytes, every field is cut short and logged as JSON (no line
breaks an attacker could use to forge log lines), the query string of URLs is
dropped (it may hold someone's token), and each address may send only so many
reports before the rest are dropped unlogged.
"""

from __future__ import annotations

import json
import logging
from urllib.parse import urlsplit, urlunsplit

from django.http import HttpResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from .clientip import client_ip, rate_limit_bucket
from .ratelimits import RateLimited, hit

logger = logging.getLogger("kiosk.security")

# report-uri sends application/csp-report, the Reporting API (report-to)
# application/reports+json with a list of reports.
REPORT_TYPES = ("application/csp-report", "application/reports+json")
MAX_REPORT_BYTES = 8 * 1024
# A real batch from one page holds a handful; the rest of a long one is not logged.
MAX_REPORTS_PER_REQUEST = 10
MAX_FIELD_CHARS = 200

# What a log line keeps, and where each spelling of a report has it: report-uri's
# hyphenated names (violated-directive in older browsers) and the Reporting API's.
FIELDS = {
    "document": ("document-uri", "documentURL"),
    "directive": ("effective-directive", "violated-directive", "effectiveDirective"),
    "blocked": ("blocked-uri", "blockedURL"),
    "source": ("source-file", "sourceFile"),
    "line": ("line-number", "lineNumber"),
    "sample": ("script-sample", "sample"),
    "disposition": ("disposition",),
}
URL_FIELDS = {"document", "blocked", "source"}


class MalformedReportError(ValueError):
    pass


def _without_query(value: str) -> str:
    try:
        parts = urlsplit(value)
    except ValueError:
        return value
    if not parts.scheme:
        return value  # "inline", "eval", "data"
    return urlunsplit((parts.scheme, parts.netloc, parts.path, "", ""))


def summarize(report: dict) -> dict[str, str]:
    """The fields worth a log line, cut short, from either spelling of a report."""
    summary = {}
    for field, names in FIELDS.items():
        value = next((report[name] for name in names if name in report), None)
        if value is None or isinstance(value, dict | list):
            continue
        value = str(value)
        if field in URL_FIELDS:
            value = _without_query(value)
        summary[field] = value[:MAX_FIELD_CHARS]
    return summary


def reports_in(content_type: str, body: bytes) -> list[dict]:
    """The violation reports a body holds; MalformedReportError when it is not one of the two formats."""
    try:
        data = json.loads(body)
    except (ValueError, RecursionError) as exc:  # UnicodeDecodeError is a ValueError
        raise MalformedReportError("not JSON") from exc
    if content_type == "application/csp-report":
        if not isinstance(data, dict) or not isinstance(data.get("csp-report"), dict):
            raise MalformedReportError("no csp-report object")
        return [data["csp-report"]]
    if not isinstance(data, list):
        raise MalformedReportError("not a list of reports")
    return [
        item["body"]
        for item in data
        if isinstance(item, dict)
        and item.get("type") == "csp-violation"
        and isinstance(item.get("body"), dict)
    ]


@csrf_exempt
@require_POST
def csp_report(request):
    """Log the violations a browser reports: 204, or a 4xx for what is not a report."""
    if request.content_type not in REPORT_TYPES:
        return HttpResponse(status=415)
    try:
        declared = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return HttpResponse(status=400)
    if declared > MAX_REPORT_BYTES:
        return HttpResponse(status=413)
    try:
        hit("csp_report", ip=rate_limit_bucket(client_ip(request)))
    except RateLimited:
        # Answered like any report, so a flood learns nothing and fills no log.
        return HttpResponse(status=204)
    try:
        body = request.read(MAX_REPORT_BYTES + 1)
    except OSError:  # the client went away mid-body
        return HttpResponse(status=400)
    if len(body) > MAX_REPORT_BYTES:
        return HttpResponse(status=413)
    try:
        reports = reports_in(request.content_type, body)
    except MalformedReportError:
        return HttpResponse(status=400)
    for report in reports[:MAX_REPORTS_PER_REQUEST]:
        logger.warning("csp violation %s", json.dumps(summarize(report), sort_keys=True))
    return HttpResponse(status=204)
