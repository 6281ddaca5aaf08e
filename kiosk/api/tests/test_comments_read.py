from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from kiosk.comments.models import Comment
from kiosk.comments.tests.factories import CommentFactory, published_debate
from kiosk.news.models import ArticlePage

pytestmark = pytest.mark.django_db


def thread_url(article, **query):
    params = "&".join(f"{key}={value}" for key, value in query.items())
    return f"/api/articles/{article.pk}/comments" + (f"?{params}" if params else "")


def test_thread_shows_published_comments_with_nested_replies(client, article, reader, other_reader):
    first = CommentFactory(article=article, author=reader, text="Erster Gedanke")
    reply = CommentFactory(article=article, author=other_reader, parent=first, text="Eine Antwort")
    CommentFactory(article=article, author=other_reader, parent=first, status=Comment.Status.PENDING)
    CommentFactory(article=article, author=other_reader, status=Comment.Status.PENDING, text="Geheim")
    CommentFactory(article=article, author=other_reader, status=Comment.Status.REJECTED, text="Abgelehnt")

    response = client.get(thread_url(article))

    assert response.status_code == 200
    data = response.json()
    assert data["count"] == 2
    assert (data["page"], data["pages"], data["sort"]) == (1, 1, "newest")
    assert data["window"]["open"] is True
    assert data["window"]["state"] == "open"
    assert data["window"]["closes_at"]
    [shown] = data["comments"]
    assert shown["id"] == first.pk
    assert shown["parent_id"] is None
    assert shown["html"] == "<p>Erster Gedanke</p>"
    assert shown["withdrawn"] is False
    assert shown["permalink"] == f"/kommentare/{first.pk}/"
    assert shown["author"] == {
        "id": reader.pk,
        "name": "Regula Leser",
        "avatar_url": None,
        "registered": shown["author"]["registered"],
        "profile_url": f"/leser/{reader.pk}/",
    }
    assert shown["author"]["registered"].startswith(reader.date_joined.strftime("%Y-%m-%d"))
    assert [r["id"] for r in shown["replies"]] == [reply.pk]
    assert shown["replies"][0]["parent_id"] == first.pk
    assert "Geheim" not in response.content.decode()
    assert "Abgelehnt" not in response.content.decode()


def test_thread_sorts_and_pages(client, article, settings):
    settings.KIOSK_COMMENTS_PER_PAGE = 20
    comments, _replies = published_debate(article, 45)

    newest = client.get(thread_url(article)).json()
    assert newest["pages"] == 3
    assert newest["count"] == 45 + 15
    assert [c["id"] for c in newest["comments"]] == [c.pk for c in reversed(comments)][:20]

    oldest = client.get(thread_url(article, sort="oldest", page=3)).json()
    assert oldest["page"] == 3
    assert [c["id"] for c in oldest["comments"]] == [c.pk for c in comments[40:]]

    liked = client.get(thread_url(article, sort="liked")).json()["comments"]
    counts = [c["like_count"] for c in liked]
    assert counts == sorted(counts, reverse=True)
    assert liked[0]["like_count"] == 6

    beyond = client.get(thread_url(article, page=99)).json()
    assert beyond["page"] == 3


def test_withdrawn_comment_with_replies_stays_as_a_placeholder(client, article, reader, other_reader):
    gone = CommentFactory(article=article, author=reader, status=Comment.Status.WITHDRAWN, text="", html="")
    CommentFactory(article=article, author=other_reader, parent=gone)
    [shown] = client.get(thread_url(article)).json()["comments"]
    assert shown["withdrawn"] is True
    assert shown["author"] is None
    assert shown["html"] == ""
    assert len(shown["replies"]) == 1


def test_bad_sort_is_refused_with_422(client, article):
    response = client.get(thread_url(article, sort="random"))
    assert response.status_code == 422
    data = response.json()
    assert data["code"] == "invalid_input"
    assert "query.sort" in data["message"]
    assert data["errors"][0]["field"] == "query.sort"


@pytest.mark.parametrize("page", ["0", "-1", "abc", "1.5", "99999999999999999999"])
def test_bad_page_is_refused_with_422(client, article, page):
    response = client.get(thread_url(article, page=page))
    assert response.status_code == 422
    assert response.json()["code"] == "invalid_input"


def test_unknown_and_unpublished_articles_are_404(client, article):
    assert client.get("/api/articles/999999/comments").json()["code"] == "not_found"
    ArticlePage.objects.filter(pk=article.pk).update(live=False)
    response = client.get(thread_url(article))
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"
    assert client.get(f"/api/articles/{article.pk}/comments/top").status_code == 404


def test_article_without_comments_answers_an_empty_thread(client, article):
    CommentFactory(article=article)
    ArticlePage.objects.filter(pk=article.pk).update(comment_mode="off")
    data = client.get(thread_url(article)).json()
    assert data["comments"] == []
    assert data["count"] == 0
    assert data["window"] == {"open": False, "state": "off", "closes_at": None}


def test_closed_article_still_shows_its_comments(client, closed_article):
    CommentFactory(article=closed_article)
    data = client.get(thread_url(closed_article)).json()
    assert data["window"]["open"] is False
    assert data["window"]["state"] == "elapsed"
    assert len(data["comments"]) == 1


def test_thread_costs_the_same_queries_for_30_and_300_comments(
    client, article, section, django_assert_num_queries
):
    from kiosk.news.tests.factories import ArticlePageFactory

    small = article
    large = ArticlePageFactory(parent=section, published_at=timezone.now() - timedelta(hours=1))
    published_debate(small, 30)
    published_debate(large, 300)
    # The first requests fill the caches (the site, the window's hours).
    for shown in (small, large, small, large):
        client.get(thread_url(shown))
    counts = {}
    for label, shown in (("small", small), ("large", large)):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(thread_url(shown, sort="liked"))
        assert response.status_code == 200
        assert len(response.json()["comments"]) == 20
        counts[label] = len(queries)
    assert counts["small"] == counts["large"]
    with django_assert_num_queries(5):
        client.get(thread_url(large, page=5))


def test_top_lists_the_three_most_liked(client, article):
    early = CommentFactory(article=article, text="früh")
    CommentFactory(article=article, text="ohne Likes")
    late = CommentFactory(article=article, text="spät")
    most = CommentFactory(article=article, text="am meisten")
    fourth = CommentFactory(article=article, text="vierter")
    Comment.objects.filter(pk__in=[early.pk, late.pk]).update(like_count=5)
    Comment.objects.filter(pk=most.pk).update(like_count=9)
    Comment.objects.filter(pk=fourth.pk).update(like_count=1)

    response = client.get(f"/api/articles/{article.pk}/comments/top")

    assert response.status_code == 200
    assert [c["id"] for c in response.json()["comments"]] == [most.pk, early.pk, late.pk]


def test_one_comment_published_or_own(client, reader_client, article, reader, other_reader):
    published = CommentFactory(article=article, author=other_reader)
    mine = CommentFactory(article=article, author=reader, status=Comment.Status.PENDING, text="Mein Text")
    theirs = CommentFactory(article=article, author=other_reader, status=Comment.Status.PENDING)

    data = client.get(f"/api/comments/{published.pk}").json()
    assert data["status"] == "published"
    assert data["text"] is None
    assert client.get(f"/api/comments/{mine.pk}").status_code == 404
    own = reader_client.get(f"/api/comments/{mine.pk}").json()
    assert (own["status"], own["text"]) == ("pending", "Mein Text")
    assert reader_client.get(f"/api/comments/{theirs.pk}").status_code == 404
    assert client.get("/api/comments/987654").status_code == 404


def test_reading_is_never_stored_in_the_page_cache(client, article):
    CommentFactory(article=article)
    first = client.get(thread_url(article))
    second = client.get(thread_url(article))
    assert "X-Kiosk-Cache" not in first
    assert "X-Kiosk-Cache" not in second
    assert "private" in second["Cache-Control"]
