"""The desk in the Wagtail admin: the word lists (typed, pasted or uploaded), blocked readers, the audit log."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import permission_required
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html_join
from django.utils.http import urlencode
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST, require_safe

from kiosk.comments.models import Comment, HouseRule
from kiosk.comments.services import CommentError
from kiosk.security.redirects import safe_redirect_target

from . import services, tasks, words
from .dashboard import dashboard as desk_dashboard
from .forms import AuthorNoteForm, BlockForm, QueueFilterForm, WordListForm
from .models import AuditEntry, Block, QueueAlert, WordListEntry
from .selectors import QUEUE_TABS, queue_comments, queue_counts, queue_page_comments, queue_rows

PER_PAGE = 100
# How many refused lines a moderator is shown after adding a list; the rest are counted.
SHOWN_REFUSALS = 20

moderator_required = permission_required("comments.change_comment", raise_exception=True)


# The queue -------------------------------------------------------------------

QUEUE_PER_PAGE = 20
# The desk's script sends this header; it then gets the outcome as a status and a short text
# (or the rows alone) instead of a redirect to a whole page.
DESK_HEADER = "X-Kiosk-Desk"


def _from_desk(request) -> bool:
    return request.headers.get(DESK_HEADER) == "1"


def _done(request, message: str, *, status: int = 200):
    """A decision's outcome: for the desk's script a status and the message, else a message and back to the queue."""
    if _from_desk(request):
        return HttpResponse(message, status=status, content_type="text/plain; charset=utf-8")
    (messages.success if status < 400 else messages.error)(request, message)
    fallback = reverse("moderation_admin:queue")
    return redirect(safe_redirect_target(request, request.POST.get("next"), fallback=fallback))


@require_safe
@moderator_required
def queue(request):
    """The queue: tabs with counts, filters, one row per comment with what a moderator needs to decide."""
    form = QueueFilterForm(request.GET)
    if not form.is_valid():
        return TemplateResponse(
            request,
            "moderation/admin/queue.html",
            {"page_title": _("Comments"), "header_icon": "comment", "form": form, "invalid": True},
            status=400,
        )
    wanted = form.wanted()
    page = Paginator(queue_comments(wanted).values_list("pk", flat=True), QUEUE_PER_PAGE).get_page(
        request.GET.get("p")
    )
    narrow = {k: v for k, v in request.GET.items() if k in form.fields and k != "tab" and v}
    rules = list(HouseRule.objects.in_use())
    context = {
        "page_title": _("Comments"),
        "header_icon": "comment",
        "form": form,
        "wanted": wanted,
        "tabs": QUEUE_TABS,
        "counts": queue_counts(wanted),
        "page_obj": page,
        "rows": _with_urls(queue_rows(queue_page_comments(page.object_list), now=timezone.now())),
        "blocks_url": reverse("moderation_admin:blocks"),
        "rules": rules,
        "rule_options": _rule_options(rules),
        # The filters without the tab (for the tabs' links), and with it (for the pages').
        "narrow": urlencode(narrow),
        "filters": urlencode({**narrow, "tab": wanted.tab}),
        "here": request.get_full_path(),
        "poll_seconds": POLL_SECONDS,
        "bulk_max": services.BULK_MAX,
    }
    template = "moderation/admin/includes/queue_rows.html" if request.GET.get("rows") == "1" else None
    return TemplateResponse(request, template or "moderation/admin/queue.html", context)


POLL_SECONDS = 20
_ID = 987654321


def _rule_options(rules) -> str:
    """The house rules as a row's <option>s, numbered for their keys: built once, shown in every row."""
    return format_html_join(
        "",
        '<option value="{}"{} title="{}">{}. {}</option>',
        (
            (
                rule.code,
                mark_safe(" data-needs-note") if rule.needs_note else "",
                rule.text,
                number,
                rule.title,
            )
            for number, rule in enumerate(rules, start=1)
        ),
    )


def _with_urls(rows):
    """Each row's action URLs, reversed once per page rather than six times per row."""
    patterns = {
        name: reverse(f"moderation_admin:{name}", args=[_ID]) for name in ("approve", "reject", "feature")
    }
    note = reverse("moderation_admin:author_note", args=[_ID])
    articles: dict[int, str] = {}  # a page's comments share few articles
    for row in rows:
        row.urls = {
            name: pattern.replace(str(_ID), str(row.comment.pk)) for name, pattern in patterns.items()
        }
        row.urls["note"] = note.replace(str(_ID), str(row.comment.author_id)) if row.comment.author_id else ""
        article = row.comment.article
        row.urls["article"] = articles.setdefault(article.pk, article.url)
    return rows


def _comment(pk: int) -> Comment:
    return get_object_or_404(Comment.objects.select_related("author", "article"), pk=pk)


@require_POST
@moderator_required
def approve(request, pk: int):
    comment = _comment(pk)
    try:
        services.decision_approve(comment=comment, moderator=request.user)
    except CommentError as error:
        return _done(request, error.message, status=409)
    return _done(request, _("Comment by %(author)s published.") % {"author": comment.author_name})


@require_POST
@moderator_required
def reject(request, pk: int):
    comment = _comment(pk)
    try:
        services.decision_reject(
            comment=comment,
            moderator=request.user,
            reason=request.POST.get("reason", "")[:100],
            note=request.POST.get("note", "")[:2000],
        )
    except CommentError as error:
        return _done(request, error.message, status=400 if error.code != "withdrawn" else 409)
    return _done(request, _("Comment by %(author)s rejected.") % {"author": comment.author_name})


@require_POST
@moderator_required
def feature(request, pk: int):
    comment = _comment(pk)
    wanted = request.POST.get("featured") != "0"
    try:
        services.comment_feature_set(comment=comment, moderator=request.user, featured=wanted)
    except CommentError as error:
        return _done(request, error.message, status=409)
    message = (
        _("Comment by %(author)s is featured.")
        if wanted
        else _("Comment by %(author)s is no longer featured.")
    )
    return _done(request, message % {"author": comment.author_name})


@require_POST
@moderator_required
def bulk(request):
    """Approve or reject the comments ticked, or every comment the filters show (at most BULK_MAX)."""
    action = request.POST.get("action")
    if action not in ("approve", "reject"):
        return _done(request, _("Choose approve or reject."), status=400)
    if request.POST.get("scope") == "filtered":
        form = QueueFilterForm(request.POST)
        if not form.is_valid():
            return _done(request, _("The filters are not valid."), status=400)
        comments = queue_comments(form.wanted()).select_related("author", "article")
    else:
        ids = [int(v) for v in request.POST.getlist("comment") if v.isdigit() and len(v) < 10][
            : services.BULK_MAX + 1
        ]
        if not ids:
            return _done(request, _("Tick the comments to decide on first."), status=400)
        comments = Comment.objects.filter(pk__in=ids).select_related("author", "article").order_by("pk")
    try:
        result = services.decisions_bulk(
            comments=comments,
            moderator=request.user,
            approve=action == "approve",
            reason=request.POST.get("reason", "")[:100],
            note=request.POST.get("note", "")[:2000],
        )
    except (CommentError, services.ModerationError) as error:
        return _done(request, error.message, status=400)
    message = (
        ngettext("%(count)d comment published.", "%(count)d comments published.", result.done)
        if action == "approve"
        else ngettext("%(count)d comment rejected.", "%(count)d comments rejected.", result.done)
    ) % {"count": result.done}
    if result.refused:
        message += " " + ngettext(
            "%(count)d could not be decided (deleted by its author meanwhile).",
            "%(count)d could not be decided (deleted by their authors meanwhile).",
            len(result.refused),
        ) % {"count": len(result.refused)}
    return _done(request, message)


@require_POST
@moderator_required
def author_note(request, author_id: int):
    author = get_object_or_404(get_user_model(), pk=author_id)
    form = AuthorNoteForm(request.POST)
    if not form.is_valid():
        return _done(request, _("Please keep the note under 1000 characters."), status=400)
    try:
        services.author_note_set(author=author, moderator=request.user, text=form.cleaned_data["text"])
    except services.ModerationError as error:
        return _done(request, error.message, status=400)
    return _done(request, _("Note on %(author)s saved.") % {"author": author.public_name})


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
    form = BlockForm(request.POST or None, initial={"reader": request.GET.get("reader", "")[:254]})
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


@require_safe
@moderator_required
def dashboard(request):
    """The desk at a glance: the queue, how fast it decides, who decided, when readers write."""
    return TemplateResponse(
        request,
        "moderation/admin/dashboard.html",
        {
            "page_title": _("Moderation dashboard"),
            "header_icon": "tasks",
            "dashboard": desk_dashboard(now=timezone.now()),
        },
    )
