"""Reports → Failed tasks in the Wagtail admin: what went wrong in the background, and what to do with it."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST, require_safe
from django_tasks_db.models import DBTaskResult

from . import failures, health


def _superuser_only(request) -> None:
    # Tracebacks show the system's insides, and a retry runs code again: superusers only.
    if not request.user.is_superuser:
        raise PermissionDenied


def failed_tasks(request):
    _superuser_only(request)
    return TemplateResponse(
        request,
        "background/failed_tasks.html",
        {
            "page_title": _("Failed tasks"),
            "header_icon": "warning",
            "keeps_results": failures.keeps_results(),
            "results": failures.needing_attention(now=timezone.now()),
        },
    )


@require_POST
def act(request, result_id: str):
    _superuser_only(request)
    action = request.POST.get("action")
    try:
        if action == "retry":
            failures.result_retry(result_id=result_id)
            messages.success(request, _("The task was queued again."))
        elif action == "dismiss":
            failures.result_dismiss(result_id=result_id)
            messages.success(request, _("The task was dismissed."))
        else:
            messages.error(request, _("Unknown action."))
    except (DBTaskResult.DoesNotExist, ValidationError, ValueError, ImportError):
        messages.error(request, _("This task can no longer be retried or dismissed."))
    return redirect("background_admin:failed")


@require_safe
@never_cache
def healthz(request):
    """The process answers: nothing else is checked (a load balancer restarts the process when not)."""
    return HttpResponse("ok\n", content_type="text/plain; charset=utf-8")


@require_safe
@never_cache
def readyz(request):
    """Database, Redis and a recent worker heartbeat: 200 when all hold, else 503 and which does not."""
    checks = health.readiness(now=timezone.now())
    ready = all(check.ok for check in checks)
    return JsonResponse(
        {
            "status": "ready" if ready else "not ready",
            "checks": {check.name: {"ok": check.ok, "detail": check.detail} for check in checks},
        },
        status=200 if ready else 503,
    )
