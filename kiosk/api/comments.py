"""Readers' comments as JSON: the thread, the most liked, and a reader's writes.

Thin on purpose: each endpoint parses with a schema, calls one selector or
service from kiosk.comments and shapes the answer. Refusals are raised
(CommentError, RateLimited, NotFound) and answered by kiosk.api.errors.
"""

from __future__ import annotations

from typing import Annotated

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Path, Query, Router, Status

from kiosk.comments import checks, selectors, services
from kiosk.comments.models import Comment
from kiosk.news.models import ArticlePage
from kiosk.security.ratelimits import counted

from .auth import reader_auth
from .errors import NotFound
from .schemas import (
    MAX_ID,
    CommentDetail,
    CommentEdit,
    CommentIn,
    ErrorBody,
    InvalidInputBody,
    LikeState,
    ReportIn,
    ReportOut,
    Sort,
    Thread,
    Top,
)

router = Router(tags=["comments"])

# A page number beyond this is a client bug, not a reader paging through a debate.
MAX_PAGE = 100_000

READ_ERRORS = {404: ErrorBody, 422: InvalidInputBody}
WRITE_ERRORS = {
    400: ErrorBody,
    401: ErrorBody,
    403: ErrorBody,
    404: ErrorBody,
    413: ErrorBody,
    422: InvalidInputBody,
    429: ErrorBody,
}

ArticleId = Annotated[int, Path(..., ge=1, le=MAX_ID, description="The article's page id.")]
CommentId = Annotated[int, Path(..., ge=1, le=MAX_ID, description="The comment's id.")]


# Lookups ---------------------------------------------------------------------


def _article(article_id: int, *, for_writing: bool = False) -> ArticlePage:
    """The live article; for a write only what the write checks (selectors.commentable_article)."""
    if for_writing:
        article = selectors.commentable_article(article_id, **checks.read_with_article())
    else:
        article = ArticlePage.objects.live().filter(pk=article_id).first()
    if article is None:
        raise NotFound(_("This article does not exist or is not published."))
    return article


def _reader(request):
    user = request.user
    return user if user.is_authenticated else None


def _comment(request, comment_id: int, comments=None) -> Comment:
    """A comment this request may see: published, or the reader's own, on a live article."""
    comments = Comment.objects.select_related("article", "author") if comments is None else comments
    comment = comments.filter(pk=comment_id).first()
    reader = _reader(request)
    own = comment is not None and reader is not None and comment.author_id == reader.pk
    # Withdrawn shells show in threads, but have nothing to show on their own but to their author.
    if (
        comment is None
        or not comment.article.live
        or not comment.is_visible_to(reader)
        or (comment.is_withdrawn and not own)
    ):
        raise NotFound(_("This comment does not exist or is not visible to you."))
    return comment


# Shapes ----------------------------------------------------------------------


def _author(user) -> dict:
    return {
        "id": user.pk,
        "name": user.public_name,
        "avatar_url": user.avatar.url if user.avatar else None,
        "registered": user.date_joined,
        "profile_url": reverse("accounts:profile", args=[user.pk]),
    }


def _reply(comment: Comment) -> dict:
    withdrawn = comment.is_withdrawn
    return {
        "id": comment.pk,
        "parent_id": comment.parent_id,
        "author": None if withdrawn or comment.author_id is None else _author(comment.author),
        "html": "" if withdrawn else comment.html,
        "withdrawn": withdrawn,
        "created_at": comment.created_at,
        "like_count": comment.like_count,
        "permalink": reverse("comments:permalink", args=[comment.pk]),
    }


def _thread_comment(comment: Comment) -> dict:
    return {**_reply(comment), "replies": [_reply(reply) for reply in comment.published_replies]}


def _detail(comment: Comment, reader) -> dict:
    own = reader is not None and comment.author_id == reader.pk
    return {
        **_reply(comment),
        "article_id": comment.article_id,
        "status": comment.status,
        "text": comment.text if own else None,
        "edited_at": comment.edited_at,
        "rejection_note": comment.rejection_note if own and comment.is_rejected else None,
    }


def _window(window) -> dict:
    return {"open": window.is_open, "state": str(window.state), "closes_at": window.closes_at}


# Reading ---------------------------------------------------------------------


@router.get(
    "/articles/{article_id}/comments",
    # 400: a query string with more fields than Django reads (DATA_UPLOAD_MAX_NUMBER_FIELDS).
    response={200: Thread, 400: ErrorBody, **READ_ERRORS},
    summary="An article's comment thread",
    description=(
        "One page of published top-level comments, each with its published replies (oldest first). "
        "A top-level comment its author deleted still appears, as `withdrawn` without author and text, "
        "while published replies hang from it. `count` counts every published comment, replies "
        "included. An unknown `sort` is refused with 422; a page beyond the last shows the last. "
        "An article that takes no comments answers an empty thread with window state `off`. "
        "Unknown or unpublished articles answer 404. Public; the number of queries does not grow "
        "with the number of comments."
    ),
)
def thread(
    request,
    article_id: ArticleId,
    sort: Annotated[Sort, Query(description="newest, oldest or liked (most likes first).")] = Sort.NEWEST,
    page: Annotated[int, Query(ge=1, le=MAX_PAGE, description="1 for the first page.")] = 1,
):
    article = _article(article_id)
    window = selectors.article_comment_window(article, now=timezone.now())
    if not window.shows_comments:
        return {"count": 0, "page": 1, "pages": 1, "sort": sort, "window": _window(window), "comments": []}
    shown = selectors.thread_page(article, sort=sort, page=page)
    return {
        "count": selectors.published_count(article),
        "page": shown.number,
        "pages": shown.paginator.num_pages,
        "sort": sort,
        "window": _window(window),
        "comments": [_thread_comment(comment) for comment in shown.object_list],
    }


@router.get(
    "/articles/{article_id}/comments/top",
    response={200: Top, **READ_ERRORS},
    summary="An article's most-liked comments",
    description=(
        "The three most-liked published comments (replies included) that have at least one like; "
        "of equal ones the earlier wins. Public."
    ),
)
def top(request, article_id: ArticleId):
    article = _article(article_id)
    if not selectors.article_comment_window(article, now=timezone.now()).shows_comments:
        return {"comments": []}
    return {"comments": [_reply(comment) for comment in selectors.most_liked(article)]}


@router.get(
    "/comments/{comment_id}",
    response={200: CommentDetail, **READ_ERRORS},
    summary="One comment",
    description=(
        "A published comment, or one of the logged-in reader's own in any state (with its `text`). "
        "Others' unpublished comments answer 404."
    ),
)
def comment_detail(request, comment_id: CommentId):
    return _detail(_comment(request, comment_id), _reader(request))


# Writing ---------------------------------------------------------------------


@router.post(
    "/articles/{article_id}/comments",
    auth=reader_auth,
    response={201: CommentDetail, 409: ErrorBody, **WRITE_ERRORS},
    summary="Write a comment or a reply",
    description=(
        "Stores the comment for review: it answers 201 with status `pending` and stays invisible to "
        "others until a moderator publishes it. Where the newsroom publishes at once (a post-moderated "
        "article, a trusted author) and no check held it, it answers status `published`: it is in the "
        "thread at once, and moderators review it afterwards. `parent_id` makes it a reply; a reply "
        "to a reply joins the top-level comment's thread. Refused with 403 (`comments_closed`, `comments_off`, "
        "`not_published`) when the comment window is not open, 400 for an empty or too long text or "
        "a bad parent, 409 `duplicate` when the reader sent the same text to this article within the "
        "last hour (a double click), 429 with Retry-After when the reader writes too fast. Needs a logged-in "
        "reader and the CSRF token."
    ),
)
def comment_post(request, payload: CommentIn, article_id: ArticleId):
    article = _article(article_id, for_writing=True)
    parent = services.reply_parent(article=article, parent_id=payload.parent_id, reader=request.auth)
    with counted("comment", request):
        comment = services.comment_submit(
            article=article, author=request.auth, text=payload.text, parent=parent
        )
    return Status(201, _detail(comment, request.auth))


@router.post(
    "/articles/{article_id}/comments/seen",
    auth=reader_auth,
    response={204: None, **WRITE_ERRORS},
    summary="Dismiss the notice of newly published comments",
    description=(
        "The article page tells readers once which of their comments the newsroom has published; "
        "this marks those notices on this article as read. Repeating it changes nothing (204)."
    ),
)
def decisions_seen(request, article_id: ArticleId):
    article = _article(article_id, for_writing=True)
    services.comment_decisions_seen(article=article, reader=request.auth)
    return Status(204, None)


@router.patch(
    "/comments/{comment_id}",
    auth=reader_auth,
    response={200: CommentDetail, **WRITE_ERRORS},
    summary="Rewrite one's own comment",
    description=(
        "Authors may change their comment while it awaits review and the window is open; "
        "otherwise 400 `not_editable` or 403. Others' comments answer 403 (published) or 404."
    ),
)
def comment_patch(request, payload: CommentEdit, comment_id: CommentId):
    comment = _comment(request, comment_id)
    comment = services.comment_edit(comment=comment, author=request.auth, text=payload.text)
    return _detail(comment, request.auth)


@router.delete(
    "/comments/{comment_id}",
    auth=reader_auth,
    response={204: None, **WRITE_ERRORS},
    summary="Delete one's own comment",
    description=(
        "The author withdraws the comment: its text is gone, published replies to it stay. "
        "Deleting again changes nothing (204). Others' comments answer 403 (published) or 404."
    ),
)
def comment_delete(request, comment_id: CommentId):
    comment = _comment(request, comment_id)
    services.comment_withdraw(comment=comment, author=request.auth)
    return Status(204, None)


@router.post(
    "/comments/{comment_id}/like",
    auth=reader_auth,
    response={200: LikeState, **WRITE_ERRORS},
    summary="Like a comment",
    description=(
        "One like per reader: liking again changes nothing and answers the same count. Not for "
        "one's own comments (403 `own_comment`) nor once the window is closed (403). "
        "No request body."
    ),
)
def like(request, comment_id: CommentId):
    comment = _comment(request, comment_id, Comment.objects.for_reacting())
    with counted("like", request):
        count = services.comment_like(comment=comment, reader=request.auth)
    return {"liked": True, "count": count}


@router.delete(
    "/comments/{comment_id}/like",
    auth=reader_auth,
    response={200: LikeState, **WRITE_ERRORS},
    summary="Take a like back",
    description="Answers the new count; without a like it changes nothing. Refused once the window is closed.",
)
def unlike(request, comment_id: CommentId):
    comment = _comment(request, comment_id, Comment.objects.for_reacting())
    with counted("like", request):
        count = services.comment_unlike(comment=comment, reader=request.auth)
    return {"liked": False, "count": count}


@router.post(
    "/comments/{comment_id}/reports",
    auth=reader_auth,
    response={201: ReportOut, 409: ErrorBody, **WRITE_ERRORS},
    summary="Report a comment to the newsroom",
    description=(
        "Once per reader and comment (again: 409 `already_reported`); not one's own (403). "
        "Reason `other` needs a note of at most 500 characters."
    ),
)
def report(request, payload: ReportIn, comment_id: CommentId):
    comment = _comment(request, comment_id, Comment.objects.for_reacting())
    with counted("report", request):
        reported = services.comment_report(
            comment=comment, reporter=request.auth, reason=payload.reason, note=payload.note
        )
    return Status(201, {"comment_id": comment.pk, "reason": reported.reason})
