"""Reader actions on comments as plain form posts that redirect back to the article.

They work without JavaScript; kiosk.js does the same in place through the
JSON API (kiosk.api), the site's one JSON interface.
"""

from __future__ import annotations

from functools import wraps

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from kiosk.security.ratelimits import RateLimited, counted
from kiosk.security.redirects import safe_redirect_target

from . import checks, selectors, services
from .forms import CommentForm, ReportForm
from .models import Comment


def comment_url(request, comment: Comment, *, sort: str | None = None) -> str:
    """The comment in the full thread: its page and its anchor."""
    sort = selectors.parse_sort(sort)
    page = selectors.page_of(comment, sort=sort) if comment.is_published or comment.is_withdrawn else 1
    query = "&".join(
        part for part in (selectors.sort_query(sort), f"page={page}" if page > 1 else "") if part
    )
    url = comment.article.get_url(request)
    return f"{url}{'?' + query if query else ''}#{comment.anchor}"


def reader_required(view):
    """Logged-in readers only; others go to the login and come back to the article."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            back = safe_redirect_target(
                request, request.META.get("HTTP_REFERER"), fallback=request.get_full_path()
            )
            return redirect_to_login(back)
        return view(request, *args, **kwargs)

    return wrapper


def _done(request, message: str, redirect_to: str):
    messages.success(request, message)
    return HttpResponseRedirect(redirect_to)


def _refused(
    request,
    message: str,
    *,
    status: int,
    template: str | None = None,
    context=None,
    back: str = "/",
):
    """A refusal: the form again with the reader's input kept.

    Without a form to show, the reader goes back to the page they came from,
    if it is one of ours, else to ``back``.
    """
    if template:
        return render(request, template, {**(context or {}), "error": message}, status=status)
    messages.error(request, message)
    return HttpResponseRedirect(
        safe_redirect_target(request, request.META.get("HTTP_REFERER"), fallback=back)
    )


def _refused_by(request, error: RateLimited | services.CommentError, **how):
    """A refusal raised by a rule or a rate limit; ``how`` as for _refused."""
    if isinstance(error, RateLimited):
        response = _refused(request, error.message, status=429, **how)
        response["Retry-After"] = str(error.retry_after)
        return response
    return _refused(request, error.message, status=error.status, **how)


def _commentable(article_id: int):
    article = selectors.commentable_article(article_id, **checks.read_with_article())
    if article is None:
        raise Http404
    return article


def _reader_comment(request, pk: int, comments=None) -> Comment:
    """A comment on a live article that this reader may see; anything else is a 404, whether it exists or not."""
    if comments is None:
        comments = Comment.objects.select_related("article", "author")
    comment = get_object_or_404(comments, pk=pk)
    if not comment.article.live or not comment.is_visible_to(request.user):
        raise Http404
    return comment


@require_POST
@reader_required
def post_comment(request, article_id: int):
    article = _commentable(article_id)
    form = CommentForm(request.POST)
    context = {"form": form, "article": article}
    form.is_valid()  # the text's rules and messages are the service's; the form checks the parent's id
    try:
        if "parent" in form.errors:
            raise services.CommentError(_("The comment you answered no longer exists."), code="bad_parent")
        parent = services.reply_parent(
            article=article, parent_id=form.cleaned_data.get("parent") or None, reader=request.user
        )
        context["parent"] = parent
        with counted("comment", request):
            comment = services.comment_submit(
                article=article, author=request.user, text=request.POST.get("text", ""), parent=parent
            )
    except (RateLimited, services.CommentError) as error:
        return _refused_by(request, error, template="comments/comment_form.html", context=context)
    if comment.is_rejected:  # banned words: decided at once, and the author told why
        message = _("Your comment was not published: %(reason)s") % {"reason": comment.rejection_note}
    elif comment.is_published:  # published at once (post-moderation, a trusted author): in its thread
        return _done(request, _("Thank you! Your comment is published."), comment_url(request, comment))
    else:
        message = _("Thank you! Your comment is awaiting review.")
    return _done(request, message, f"{article.get_url(request)}#{comment.anchor}")


@require_POST
@reader_required
def decisions_seen(request, article_id: int):
    """The reader dismisses the notice that their comments are published."""
    article = _commentable(article_id)
    services.comment_decisions_seen(article=article, reader=request.user)
    return HttpResponseRedirect(f"{article.get_url(request)}#comments")


@require_GET
def permalink(request, pk: int):
    """“Zum Kommentar”: to the thread page that shows the comment."""
    comment = _reader_comment(request, pk)
    own = request.user.is_authenticated and comment.author_id == request.user.pk
    if not (comment.is_published or own):
        raise Http404(_("This comment is not published."))
    return HttpResponseRedirect(comment_url(request, comment, sort=request.GET.get("sort")))


@require_http_methods(["GET", "POST"])
@reader_required
def edit_comment(request, pk: int):
    comment = _reader_comment(request, pk)
    if comment.author_id != request.user.pk:
        raise Http404
    form = CommentForm(request.POST or None, initial={"text": comment.text})
    context = {"form": form, "article": comment.article, "comment": comment, "editing": True}
    if request.method == "POST":
        try:
            services.comment_edit(comment=comment, author=request.user, text=request.POST.get("text", ""))
        except services.CommentError as error:
            return _refused_by(request, error, template="comments/comment_form.html", context=context)
        return _done(
            request, _("Your changes are saved."), f"{comment.article.get_url(request)}#{comment.anchor}"
        )
    if not comment.is_pending:
        context["error"] = _("This comment has already been reviewed and can no longer be edited.")
    return render(request, "comments/comment_form.html", context)


@require_http_methods(["GET", "POST"])
@reader_required
def delete_comment(request, pk: int):
    comment = _reader_comment(request, pk)
    if comment.author_id != request.user.pk:
        raise Http404
    if request.method == "POST":
        services.comment_withdraw(comment=comment, author=request.user)
        return _done(request, _("Your comment is deleted."), f"{comment.article.get_url(request)}#comments")
    return render(request, "comments/comment_delete.html", {"comment": comment, "article": comment.article})


@require_POST
@reader_required
def like_comment(request, pk: int):
    """One button: like, or take the like back."""
    comment = _reader_comment(request, pk, Comment.objects.for_reacting())
    back = f"{comment.article.get_url(request)}#{comment.anchor}"
    try:
        with counted("like", request):
            if request.POST.get("action") == "unlike":
                liked = False
                services.comment_unlike(comment=comment, reader=request.user)
            elif request.POST.get("action") == "like":
                liked = True
                services.comment_like(comment=comment, reader=request.user)
            else:
                liked, _count = services.toggle_like(comment=comment, reader=request.user)
    except (RateLimited, services.CommentError) as error:
        return _refused_by(request, error, back=back)
    message = _("You like this comment.") if liked else _("You no longer like this comment.")
    return _done(request, message, back)


@require_http_methods(["GET", "POST"])
@reader_required
def report_comment(request, pk: int):
    comment = _reader_comment(request, pk)
    form = ReportForm(request.POST or None)
    context = {"form": form, "comment": comment, "article": comment.article}
    if request.method == "GET":
        return render(request, "comments/report_form.html", context)
    try:
        with counted("report", request):
            services.comment_report(
                comment=comment,
                reporter=request.user,
                reason=request.POST.get("reason", ""),
                note=request.POST.get("note", ""),
            )
    except (RateLimited, services.CommentError) as error:
        return _refused_by(request, error, template="comments/report_form.html", context=context)
    return _done(
        request,
        _("Thank you. The newsroom will look at this comment."),
        f"{comment.article.get_url(request)}#{comment.anchor}",
    )
