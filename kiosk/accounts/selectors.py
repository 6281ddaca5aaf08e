"""Reads about readers for their public pages."""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from kiosk.comments.models import Comment

from .models import User

PROFILE_COMMENT_COUNT = 20


def profile_comments(reader: User) -> QuerySet[Comment]:
    """The reader's latest published comments, each with its article."""
    return (
        Comment.objects.published()
        .by(reader)
        .select_related("article")
        .newest_first()[:PROFILE_COMMENT_COUNT]
    )


def reader_profile(pk: int) -> tuple[User, list[Comment]]:
    """An account's public profile: the reader and their latest published comments.

    Closed or banned (inactive) accounts have none, and neither have staff
    accounts that never commented: the newsroom's logins are not listed.
    """
    reader = get_object_or_404(User.objects.filter(is_active=True), pk=pk)
    comments = list(profile_comments(reader))
    if reader.is_staff and not comments:
        raise Http404
    return reader, comments
