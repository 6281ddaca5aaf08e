"""The review queue in the Wagtail admin: every comment waits here until a moderator decides."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kiosk.security.redirects import safe_redirect_target

from . import services
from .forms import RejectForm
from .models import Comment

PER_PAGE = 50
TABS = {
    "pending": Comment.Status.PENDING,
    "published": Comment.Status.PUBLISHED,
    "rejected": Comment.Status.REJECTED,
}

moderator_required = permission_required("comments.change_comment", raise_exception=True)


def _back_to_queue(request):
    """To the queue page the moderator came from (a posted ``next`` of ours), else the queue."""
    queue_url = reverse("comments_admin:queue")
    return redirect(safe_redirect_target(request, request.POST.get("next"), fallback=queue_url))


@moderator_required
def queue(request):
    tab = request.GET.get("status") if request.GET.get("status") in TABS else "pending"
    comments = (
        Comment.objects.filter(status=TABS[tab])
        .select_related("author", "article", "parent__author", "moderated_by")
        .order_by("created_at" if tab == "pending" else "-moderated_at")
    )
    page = Paginator(comments, PER_PAGE).get_page(request.GET.get("p"))
    return TemplateResponse(
        request,
        "comments/admin/queue.html",
        {
            "page_title": _("Comments"),
            "header_icon": "comment",
            "tab": tab,
            "tabs": [(key, Comment.Status(status).label) for key, status in TABS.items()],
            "page_obj": page,
            "pending_count": Comment.objects.pending().count(),
            "reject_form": RejectForm(),
        },
    )


@require_POST
@moderator_required
def approve(request, pk: int):
    comment = get_object_or_404(Comment, pk=pk)
    try:
        services.comment_approve(comment=comment, moderator=request.user)
    except services.CommentError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Comment by %(author)s published.") % {"author": comment.author_name})
    return _back_to_queue(request)


@require_POST
@moderator_required
def reject(request, pk: int):
    comment = get_object_or_404(Comment, pk=pk)
    try:
        services.comment_reject(
            comment=comment,
            moderator=request.user,
            reason=request.POST.get("reason", ""),
            note=request.POST.get("note", ""),
        )
    except services.CommentError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Comment by %(author)s rejected.") % {"author": comment.author_name})
    return _back_to_queue(request)
