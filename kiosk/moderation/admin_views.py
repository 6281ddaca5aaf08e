"""The desk in the Wagtail admin: the word lists (typed, pasted or uploaded), blocked readers, the audit log."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import permission_required
from django.core.paginator import Paginator
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST, require_safe

from . import services, tasks, words
from .forms import BlockForm, WordListForm
from .models import AuditEntry, Block, QueueAlert, WordListEntry

PER_PAGE = 100
# How many refused lines a moderator is shown after adding a list; the rest are counted.
SHOWN_REFUSALS = 20

moderator_required = permission_required("comments.change_comment", raise_exception=True)


@moderator_required
def word_lists(request):
    if request.method == "POST":
        form = WordListForm(request.POST, request.FILES)
        if form.is_valid():
            _add(request, form)
            return redirect(reverse("moderation_admin:word_lists") + f"?kind={form.cleaned_data['kind']}")
    else:
        form = WordListForm(initial={"kind": request.GET.get("kind") or words.Kind.SUSPECT.value})
    kind = request.GET.get("kind") if request.GET.get("kind") in {k.value for k in words.Kind} else ""
    query = (request.GET.get("q") or "")[:200]
    entries = WordListEntry.objects.select_related("added_by").in_order()
    if kind:
        entries = entries.of_kind(words.Kind(kind))
    if folded := words.fold(query):
        entries = entries.filter(folded__contains=folded)
    page = Paginator(entries, PER_PAGE).get_page(request.GET.get("p"))
    counts = dict(WordListEntry.objects.values_list("kind").annotate(n=Count("pk")).values_list("kind", "n"))
    return TemplateResponse(
        request,
        "moderation/admin/word_lists.html",
        {
            "page_title": _("Word lists"),
            "header_icon": "list-ul",
            "form": form,
            "page_obj": page,
            "kind": kind,
            "query": query,
            "filters": urlencode({k: v for k, v in {"kind": kind, "q": query}.items() if v}),
            "kinds": [(value, label, counts.get(value, 0)) for value, label in WordListEntry.KIND_CHOICES],
        },
        status=400 if form.errors else 200,
    )


def _add(request, form: WordListForm) -> None:
    try:
        listed = services.word_entries_add(
            lines=form.all_lines,
            kind=form.cleaned_data["kind"],
            note=form.cleaned_data["note"],
            moderator=request.user,
        )
    except services.ModerationError as error:
        messages.error(request, error.message)
        return
    messages.success(
        request,
        ngettext("%(count)d entry added", "%(count)d entries added", len(listed.added))
        % {"count": len(listed.added)}
        + (
            "; "
            + ngettext(
                "%(count)d was listed already", "%(count)d were listed already", len(listed.already_listed)
            )
            % {"count": len(listed.already_listed)}
            if listed.already_listed
            else ""
        )
        + ".",
    )
    for line, reason in listed.refused[:SHOWN_REFUSALS]:
        messages.warning(request, f"«{line[:80]}»: {reason}")
    if len(listed.refused) > SHOWN_REFUSALS:
        rest = len(listed.refused) - SHOWN_REFUSALS
        messages.warning(
            request,
            ngettext("and %(count)d more line refused", "and %(count)d more lines refused", rest)
            % {"count": rest},
        )


@require_POST
@moderator_required
def word_lists_remove(request):
    ids = [int(value) for value in request.POST.getlist("entry") if value.isdigit() and len(value) < 19]
    removed = services.word_entries_remove(entry_ids=ids, moderator=request.user)
    messages.success(
        request,
        ngettext("%(count)d entry removed.", "%(count)d entries removed.", removed) % {"count": removed},
    )
    return redirect(reverse("moderation_admin:word_lists"))


@require_safe
@moderator_required
def audit_log(request):
    """Every moderator action, newest first; filtered by action and moderator, never changed here."""
    action = request.GET.get("action") if request.GET.get("action") in AuditEntry.Action.values else ""
    actor = (request.GET.get("moderator") or "")[:150]
    entries = AuditEntry.objects.newest_first()
    if action:
        entries = entries.filter(action=action)
    if actor:
        entries = entries.filter(actor_name=actor)
    return TemplateResponse(
        request,
        "moderation/admin/audit_log.html",
        {
            "page_title": _("Audit log"),
            "header_icon": "history",
            "page_obj": Paginator(entries, PER_PAGE).get_page(request.GET.get("p")),
            "actions": AuditEntry.Action.choices,
            "action": action,
            "moderators": AuditEntry.objects.order_by("actor_name")
            .values_list("actor_name", flat=True)
            .distinct(),
            "moderator": actor,
            "filters": urlencode({k: v for k, v in {"action": action, "moderator": actor}.items() if v}),
        },
    )


@moderator_required
def blocks(request):
    """The readers blocked now, and blocking one more."""
    now = timezone.now()
    form = BlockForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        reader = form.cleaned_data["reader"]
        try:
            services.reader_block(
                reader=reader,
                moderator=request.user,
                reason=form.cleaned_data["reason"],
                until=form.cleaned_data["until"],
                reject_waiting=form.cleaned_data["reject_waiting"],
                now=now,
            )
        except services.ModerationError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("%(reader)s is blocked.") % {"reader": reader.get_username()})
            return redirect("moderation_admin:blocks")
    standing = Block.objects.standing(now=now).select_related("reader", "blocked_by").order_by("-at")
    return TemplateResponse(
        request,
        "moderation/admin/blocks.html",
        {
            "page_title": _("Blocked readers"),
            "header_icon": "lock",
            "form": form,
            "page_obj": Paginator(standing, PER_PAGE).get_page(request.GET.get("p")),
        },
        status=400 if form.errors else 200,
    )


@require_POST
@moderator_required
def unblock(request, reader_id: int):
    reader = get_object_or_404(get_user_model(), pk=reader_id)
    if services.reader_unblock(reader=reader, moderator=request.user):
        messages.success(request, _("%(reader)s may take part again.") % {"reader": reader.get_username()})
    return redirect("moderation_admin:blocks")


@moderator_required
def queue_alerts(request):
    """A moderator's own e-mail alerts when the queue grows too long or too old."""
    if request.method == "POST":
        wanted = request.POST.get("alerts") == "on"
        services.queue_alert_set(moderator=request.user, wanted=wanted)
        messages.success(request, _("Queue alerts are on.") if wanted else _("Queue alerts are off."))
        return redirect("moderation_admin:queue_alerts")
    limits = tasks.alert_limits()
    return TemplateResponse(
        request,
        "moderation/admin/queue_alerts.html",
        {
            "page_title": _("Queue alerts"),
            "header_icon": "mail",
            "subscribed": QueueAlert.objects.filter(moderator=request.user).exists(),
            "limits": limits,
            "wait_minutes": int(limits.max_wait.total_seconds() // 60) if limits.max_wait else None,
        },
    )
