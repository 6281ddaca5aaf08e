"""Database side of the comment write benchmark, run as a subprocess against the bench database.

    python bench/comments_setup.py setup '{"clients": 16, "comments": 32}'
    python bench/comments_setup.py sessions '{"readers": [3, 4]}'
    python bench/comments_setup.py check '{"comments": [7, 8]}'

The environment (DATABASE_URL, REDIS_URL, DJANGO_SECRET_KEY) must be the
server's, so that the sessions made here are valid there. Prints one JSON
object as its last line.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def sessions(reader_ids: list[int]) -> list[str]:
    """A logged-in session per reader, as the value of its session cookie."""
    from django.conf import settings
    from django.test import Client

    from kiosk.accounts.models import User

    users = User.objects.in_bulk(reader_ids)
    values = []
    for pk in reader_ids:
        client = Client()
        client.force_login(users[pk])
        values.append(client.cookies[settings.SESSION_COOKIE_NAME].value)
    return values


def endpoints_available() -> dict[str, bool]:
    from django.urls import Resolver404, resolve

    found = {}
    for name, path in {
        "api_post": "/api/articles/1/comments",
        "api_like": "/api/comments/1/like",
        "api_session": "/api/session",
    }.items():
        try:
            resolve(path)
            found[name] = True
        except Resolver404:
            found[name] = False
    return found


def setup(*, clients: int, comments: int) -> dict:
    """Migrate, then a site, a section, an article published now, readers and published comments."""
    from django.conf import settings
    from django.contrib.auth.hashers import make_password
    from django.core.management import call_command
    from django.utils import timezone

    from bench import pages
    from kiosk.accounts.models import User
    from kiosk.comments import text as comment_text
    from kiosk.comments.models import Comment

    call_command("migrate", verbosity=0)
    _home, section = pages.newsroom()
    article = pages.article(section, title="Bench: ein Artikel zum Kommentieren", slug="bench-artikel")
    password = make_password(None)
    writers = 8
    users = User.objects.bulk_create(
        User(
            username=f"bench{i}",
            email=f"bench{i}@example.org",
            display_name=f"Bench-Leserin {i}",
            password=password,
        )
        for i in range(clients + writers)
    )
    readers, writers = users[:clients], users[clients:]
    now = timezone.now()
    seeded = Comment.objects.bulk_create(
        Comment(
            article=article,
            author=writers[i % len(writers)],
            text=(text := f"Ein Kommentar zum Liken, Nummer {i}."),
            html=comment_text.to_html(text),
            status=Comment.Status.PUBLISHED,
            created_at=now,
            published_at=now,
        )
        for i in range(comments)
    )
    return {
        "article_id": article.pk,
        "article_path": article.url,
        "readers": [u.pk for u in readers],
        "sessions": sessions([u.pk for u in readers]),
        "comments": [c.pk for c in seeded],
        "session_cookie": settings.SESSION_COOKIE_NAME,
        "csrf_cookie": settings.CSRF_COOKIE_NAME,
        "endpoints": endpoints_available(),
    }


def check(*, comments: list[int]) -> dict:
    """Every seeded comment's like_count against its Like rows, and how many comments there are."""
    from django.db.models import Count

    from kiosk.comments.models import Comment

    rows = (
        Comment.objects.filter(pk__in=comments)
        .annotate(rows=Count("likes"))
        .values_list("pk", "like_count", "rows")
    )
    return {
        "total": Comment.objects.count(),
        "likes": sum(r[2] for r in rows),
        "mismatches": [r for r in rows if r[1] != r[2]],
    }


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    from bench.scripts import script_main

    script_main({"setup": setup, "sessions": lambda readers: {"sessions": sessions(readers)}, "check": check})
