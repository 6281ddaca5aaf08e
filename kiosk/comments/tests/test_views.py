import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from kiosk.comments.models import Comment, Like
from kiosk.comments.tests.factories import CommentFactory, LikeFactory, published_debate

pytestmark = pytest.mark.django_db


def test_anonymous_page_shows_count_top_three_and_window(client, article, reader, other_reader):
    first = CommentFactory(article=article, author=reader, text="Früh und beliebt")
    CommentFactory(article=article, author=other_reader, text="Noch niemand mag das")
    tie = CommentFactory(article=article, author=other_reader, text="Gleich beliebt, aber später")
    Comment.objects.filter(pk__in=[first.pk, tie.pk]).update(like_count=5)
    CommentFactory(article=article, author=reader, status=Comment.Status.PENDING, text="Geheim")
    response = client.get(article.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "3 Kommentare" in html
    assert "Top-Kommentare" in html
    top = html.split("top-comments-heading", 1)[1].split("</section>", 1)[0]
    assert top.index("Früh und beliebt") < top.index("Gleich beliebt")
    assert "Noch niemand mag das" not in top
    assert "Zum Kommentar" in top
    assert "Geheim" not in html
    assert f"registriert {reader.date_joined.strftime('%Y')}" not in html  # month name first
    assert re.search(r"registriert \w+ \d{4}", html)
    assert "Kommentieren ist bis" in html
    assert 'name="csrfmiddlewaretoken"' not in html
    assert "public" in response["Cache-Control"].split(", ")


def test_logged_in_page_is_private_and_shows_own_pending_comment(client, article, reader):
    CommentFactory(article=article, author=reader, status=Comment.Status.PENDING, text="Mein Entwurf")
    client.force_login(reader)
    response = client.get(article.url)
    html = response.content.decode()
    assert "private" in response["Cache-Control"]
    assert "Mein Entwurf" in html
    assert "wartet auf Freigabe" in html
    assert 'name="csrfmiddlewaretoken"' in html


def test_closed_article_explains_why_and_refuses_posts(client, closed_article, reader, other_reader):
    comment = CommentFactory(article=closed_article, author=other_reader, text="Alt, aber lesbar")
    client.force_login(reader)
    html = client.get(closed_article.url).content.decode()
    assert "Alt, aber lesbar" in html
    assert "geschlossen" in html
    assert "von Hand" in html
    assert "data-comment-form" not in html
    response = client.post(reverse("comments:post", args=[closed_article.pk]), {"text": "Trotzdem"})
    assert response.status_code == 403
    assert "Trotzdem" in response.content.decode()  # the form comes back with the text
    like = client.post(reverse("comments:like", args=[comment.pk]))
    assert like.status_code == 302
    assert "geschlossen" in client.get(like["Location"]).content.decode()
    assert Comment.objects.count() == 1
    assert not Like.objects.exists()


def test_post_without_javascript_redirects_to_the_pending_comment(client, article, reader):
    client.force_login(reader)
    response = client.post(reverse("comments:post", args=[article.pk]), {"text": "Ohne Skript"})
    comment = Comment.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"{article.url}#comment-{comment.pk}"
    page = client.get(article.url).content.decode()
    assert "Dein Kommentar wartet auf Freigabe" in page


@override_settings(KIOSK_COMMENT_MAX_LENGTH=20)
def test_too_long_comment_comes_back_with_the_text_and_a_message(client, article, reader):
    client.force_login(reader)
    text = "Das ist viel zu lang für das Limit"
    response = client.post(reverse("comments:post", args=[article.pk]), {"text": text})
    assert response.status_code == 400
    html = response.content.decode()
    assert text in html
    assert "zu lang" in html
    assert not Comment.objects.exists()


def test_the_form_views_answer_html_even_when_asked_for_json(client, article, reader):
    """One JSON interface: scripts use /api/; the form views only redirect or show the form."""
    client.force_login(reader)
    response = client.post(
        reverse("comments:post", args=[article.pk]), {"text": "Mit Skript"}, HTTP_ACCEPT="application/json"
    )
    assert response.status_code == 302
    assert not response["Content-Type"].startswith("application/json")


def test_anonymous_post_goes_to_login(client, article):
    response = client.post(reverse("comments:post", args=[article.pk]), {"text": "Anonym"})
    assert response.status_code == 302
    assert "/konto/login/" in response["Location"]
    assert not Comment.objects.exists()


def test_like_toggle_and_report_without_javascript(client, article, reader, other_reader):
    comment = CommentFactory(article=article, author=other_reader)
    client.force_login(reader)
    url = reverse("comments:like", args=[comment.pk])
    assert client.post(url, {"action": "like"}).status_code == 302
    assert client.post(url, {"action": "like"}).status_code == 302
    comment.refresh_from_db()
    assert comment.like_count == 1
    assert client.post(url, {"action": "unlike"}).status_code == 302
    comment.refresh_from_db()
    assert comment.like_count == 0
    report_url = reverse("comments:report", args=[comment.pk])
    bad = client.post(report_url, {"reason": "other", "note": ""})
    assert bad.status_code == 400
    assert client.post(report_url, {"reason": "spam"}).status_code == 302
    again = client.post(report_url, {"reason": "spam"})
    assert again.status_code == 409


@override_settings(KIOSK_RATE_LIMITS={"comment": {"user": "2/60", "ip": "100/60"}, "like": {}, "report": {}})
def test_rate_limit_answers_429_and_keeps_the_text(client, article, reader):
    client.force_login(reader)
    url = reverse("comments:post", args=[article.pk])
    client.post(url, {"text": "eins"})
    client.post(url, {"text": "zwei"})
    response = client.post(url, {"text": "drei"})
    assert response.status_code == 429
    assert "drei" in response.content.decode()
    assert int(response["Retry-After"]) > 0
    assert Comment.objects.count() == 2


def test_zum_kommentar_finds_the_page_of_an_older_comment(client, article):
    comments, _replies = published_debate(article, 45)
    oldest = comments[0]
    response = client.get(reverse("comments:permalink", args=[oldest.pk]))
    assert response.status_code == 302
    assert response["Location"] == f"{article.url}?page=3#comment-{oldest.pk}"
    page = client.get(f"{article.url}?page=3").content.decode()
    assert f'id="comment-{oldest.pk}"' in page
    liked = client.get(reverse("comments:permalink", args=[oldest.pk]) + "?sort=oldest")
    assert liked["Location"] == f"{article.url}?sort=oldest#comment-{oldest.pk}"


def test_permalink_of_a_pending_comment_is_not_public(client, article, reader):
    pending = CommentFactory(article=article, author=reader, status=Comment.Status.PENDING)
    assert client.get(reverse("comments:permalink", args=[pending.pk])).status_code == 404


@pytest.mark.parametrize("sort", ["newest", "oldest", "liked"])
def test_thread_sorts(client, article, sort):
    comments, _ = published_debate(article, 6)
    html = client.get(f"{article.url}?sort={sort}").content.decode()
    thread = html.split('id="thread-heading"', 1)[1]
    positions = [thread.index(f'id="comment-{c.pk}"') for c in comments]
    if sort == "newest":
        assert positions == sorted(positions, reverse=True)
    elif sort == "oldest":
        assert positions == sorted(positions)
    else:
        by_likes = sorted(comments, key=lambda c: (-c.like_count, c.created_at))
        assert [thread.index(f'id="comment-{c.pk}"') for c in by_likes] == sorted(positions)


@pytest.mark.parametrize("bad", ["0", "-1", "abc", "99999", "1.5"])
def test_bad_thread_page_numbers_show_a_page_not_an_error(client, article, bad):
    published_debate(article, 3)
    assert client.get(f"{article.url}?page={bad}").status_code == 200


def _article_queries(client, article) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(article.url).status_code == 200
    return len(captured.captured_queries)


@override_settings(KIOSK_PAGE_CACHE_ENABLED=False)
def test_query_count_does_not_grow_with_1000_comments(client, article, section, reader):
    from kiosk.news.tests.factories import ArticlePageFactory

    small = ArticlePageFactory(parent=section, published_at=timezone.now() - timedelta(hours=1))
    published_debate(small, 5)
    comments, _ = published_debate(article, 1000)
    LikeFactory(comment=comments[-1], reader=reader)
    client.force_login(reader)
    for page in (small, article, small, article):  # warm the fragment and routing caches
        client.get(page.url)
    # Exact, so that a new query per page view shows: none. The session, the reader's row
    # (kiosk.accounts.backends), the page, the published debate and the reader's own part of
    # it (kiosk.comments.debate) come from the cache, for anonymous readers too.
    assert _article_queries(client, small) == _article_queries(client, article) == 0
    client.logout()
    for page in (small, article):  # the anonymous readers' shared debate
        client.get(page.url)
    assert _article_queries(client, small) == _article_queries(client, article) == 0


def test_approving_purges_the_cached_page_for_anonymous_readers(
    client, article, reader, moderator, django_capture_on_commit_callbacks
):
    from kiosk.comments import services

    comment = CommentFactory(
        article=article, author=reader, status=Comment.Status.PENDING, text="Bald sichtbar"
    )
    first = client.get(article.url)
    assert "Bald sichtbar" not in first.content.decode()
    assert client.get(article.url)["X-Kiosk-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        services.comment_approve(comment=comment, moderator=moderator)
    again = client.get(article.url)
    assert again["X-Kiosk-Cache"] == "miss"
    assert "Bald sichtbar" in again.content.decode()


def test_staff_approve_and_reject_in_the_admin(client, article, reader, other_reader, moderator):
    waiting = CommentFactory(article=article, author=reader, status=Comment.Status.PENDING, text="Warte")
    rude = CommentFactory(article=article, author=other_reader, status=Comment.Status.PENDING, text="Frech")
    client.force_login(moderator)
    queue = client.get(reverse("moderation_admin:queue"))
    assert queue.status_code == 200
    assert "Warte" in queue.content.decode()
    client.post(reverse("moderation_admin:approve", args=[waiting.pk]))
    client.post(
        reverse("moderation_admin:reject", args=[rude.pk]), {"reason": "insult", "note": "Bitte sachlich"}
    )
    waiting.refresh_from_db()
    rude.refresh_from_db()
    assert waiting.is_published
    assert rude.is_rejected
    assert rude.rejection_note == "Bitte sachlich"


def test_readers_cannot_reach_the_admin_queue(client, reader):
    client.force_login(reader)
    response = client.get(reverse("moderation_admin:queue"))
    assert response.status_code in (302, 403)


def test_article_with_comments_off_shows_no_section(client, article):
    from kiosk.news.models import ArticlePage

    ArticlePage.objects.filter(pk=article.pk).update(comment_mode="off")
    assert 'id="comments"' not in client.get(article.url).content.decode()
