import pytest
from django.test import Client, override_settings

from kiosk.comments.models import Comment, Like, Report
from kiosk.comments.tests.factories import CommentFactory, LikeFactory

pytestmark = pytest.mark.django_db

JSON = "application/json"


def post_comment(client, article, **body):
    return client.post(f"/api/articles/{article.pk}/comments", body, content_type=JSON)


def test_posted_comment_is_pending_and_invisible_to_others(client, reader_client, article, reader):
    response = post_comment(reader_client, article, text="Ein guter Punkt,\n\nfinde ich.")

    assert response.status_code == 201
    data = response.json()
    assert data["status"] == "pending"
    assert data["author"]["id"] == reader.pk
    assert data["text"] == "Ein guter Punkt,\n\nfinde ich."
    assert data["article_id"] == article.pk
    comment = Comment.objects.get(pk=data["id"])
    assert comment.is_pending
    assert client.get(f"/api/articles/{article.pk}/comments").json()["count"] == 0
    assert client.get(f"/api/comments/{comment.pk}").status_code == 404
    assert reader_client.get(f"/api/comments/{comment.pk}").json()["status"] == "pending"


def test_reply_to_a_reply_joins_the_thread(reader_client, article, other_reader):
    top = CommentFactory(article=article, author=other_reader)
    reply = CommentFactory(article=article, author=other_reader, parent=top)
    response = post_comment(reader_client, article, text="Darauf antworte ich.", parent_id=reply.pk)
    assert response.status_code == 201
    assert response.json()["parent_id"] == top.pk


def test_parent_from_another_article_is_refused(reader_client, article, closed_article):
    elsewhere = CommentFactory(article=closed_article)
    response = post_comment(reader_client, article, text="Antwort", parent_id=elsewhere.pk)
    assert response.status_code == 400
    assert response.json()["code"] == "bad_parent"
    assert not Comment.objects.filter(article=article).exists()


def test_closed_window_refuses_with_403_and_stores_nothing(reader_client, closed_article):
    response = post_comment(reader_client, closed_article, text="Zu spät?")
    assert response.status_code == 403
    assert response.json()["code"] == "comments_closed"
    assert response.json()["message"]
    assert not Comment.objects.exists()


@pytest.mark.parametrize("text", ["", "   ", "x" * 20000])
def test_empty_or_too_long_text_is_400(reader_client, article, text):
    response = post_comment(reader_client, article, text=text)
    assert response.status_code == 400
    assert set(response.json()) == {"message", "code"}
    assert not Comment.objects.exists()


def test_author_edits_pending_comment_only(reader_client, article, reader, other_reader):
    pending = CommentFactory(article=article, author=reader, status=Comment.Status.PENDING)
    published = CommentFactory(article=article, author=reader)
    theirs = CommentFactory(article=article, author=other_reader)
    url = "/api/comments/{}"

    edited = reader_client.patch(url.format(pending.pk), {"text": "Besser so."}, content_type=JSON)
    assert edited.status_code == 200
    assert edited.json()["html"] == "<p>Besser so.</p>"
    assert edited.json()["edited_at"]

    reviewed = reader_client.patch(url.format(published.pk), {"text": "Nachher"}, content_type=JSON)
    assert (reviewed.status_code, reviewed.json()["code"]) == (400, "not_editable")
    foreign = reader_client.patch(url.format(theirs.pk), {"text": "Fremd"}, content_type=JSON)
    assert (foreign.status_code, foreign.json()["code"]) == (403, "forbidden")
    theirs.refresh_from_db()
    assert theirs.text != "Fremd"


def test_author_deletes_own_comment(reader_client, article, reader, other_reader):
    mine = CommentFactory(article=article, author=reader)
    theirs = CommentFactory(article=article, author=other_reader)

    response = reader_client.delete(f"/api/comments/{mine.pk}")
    assert response.status_code == 204
    assert response.content == b""
    mine.refresh_from_db()
    assert mine.is_withdrawn
    assert reader_client.delete(f"/api/comments/{mine.pk}").status_code == 204
    assert reader_client.delete(f"/api/comments/{theirs.pk}").status_code == 403
    theirs.refresh_from_db()
    assert theirs.is_published


def test_like_unlike_and_like_twice_keep_the_count_exact(reader_client, article, other_reader, reader):
    comment = CommentFactory(article=article, author=other_reader)
    LikeFactory(comment=comment)
    Comment.objects.filter(pk=comment.pk).update(like_count=1)
    url = f"/api/comments/{comment.pk}/like"

    assert reader_client.post(url).json() == {"liked": True, "count": 2}
    assert reader_client.post(url).json() == {"liked": True, "count": 2}
    assert Like.objects.filter(comment=comment).count() == 2
    assert reader_client.delete(url).json() == {"liked": False, "count": 1}
    assert reader_client.delete(url).json() == {"liked": False, "count": 1}
    assert not Like.objects.filter(comment=comment, reader=reader).exists()


def test_own_comment_cannot_be_liked(reader_client, article, reader):
    comment = CommentFactory(article=article, author=reader)
    response = reader_client.post(f"/api/comments/{comment.pk}/like")
    assert response.status_code == 403
    assert response.json()["code"] == "own_comment"
    assert not Like.objects.exists()


def test_likes_stop_when_the_window_closes(reader_client, closed_article, other_reader):
    comment = CommentFactory(article=closed_article, author=other_reader)
    response = reader_client.post(f"/api/comments/{comment.pk}/like")
    assert (response.status_code, response.json()["code"]) == (403, "comments_closed")


def test_hidden_comment_cannot_be_liked(reader_client, article, other_reader):
    comment = CommentFactory(article=article, author=other_reader, status=Comment.Status.PENDING)
    assert reader_client.post(f"/api/comments/{comment.pk}/like").status_code == 404


def test_report_once_then_409(reader_client, article, other_reader):
    comment = CommentFactory(article=article, author=other_reader)
    url = f"/api/comments/{comment.pk}/reports"

    first = reader_client.post(url, {"reason": "spam"}, content_type=JSON)
    assert first.status_code == 201
    assert first.json() == {"comment_id": comment.pk, "reason": "spam"}
    again = reader_client.post(url, {"reason": "insult"}, content_type=JSON)
    assert (again.status_code, again.json()["code"]) == (409, "already_reported")
    assert Report.objects.count() == 1
    comment.refresh_from_db()
    assert comment.report_count == 1


def test_report_needs_a_known_reason_and_a_note_for_other(reader_client, article, other_reader, reader):
    comment = CommentFactory(article=article, author=other_reader)
    url = f"/api/comments/{comment.pk}/reports"
    assert reader_client.post(url, {"reason": "boring"}, content_type=JSON).status_code == 422
    other = reader_client.post(url, {"reason": "other"}, content_type=JSON)
    assert (other.status_code, other.json()["code"]) == (400, "note_required")
    own = CommentFactory(article=article, author=reader)
    mine = reader_client.post(f"/api/comments/{own.pk}/reports", {"reason": "spam"}, content_type=JSON)
    assert (mine.status_code, mine.json()["code"]) == (403, "own_comment")
    assert not Report.objects.exists()


def test_anonymous_writes_are_401(client, article, other_reader):
    comment = CommentFactory(article=article, author=other_reader)
    attempts = [
        client.post(f"/api/articles/{article.pk}/comments", {"text": "Hallo"}, content_type=JSON),
        client.patch(f"/api/comments/{comment.pk}", {"text": "Hallo"}, content_type=JSON),
        client.delete(f"/api/comments/{comment.pk}"),
        client.post(f"/api/comments/{comment.pk}/like"),
        client.delete(f"/api/comments/{comment.pk}/like"),
        client.post(f"/api/comments/{comment.pk}/reports", {"reason": "spam"}, content_type=JSON),
    ]
    for response in attempts:
        assert response.status_code == 401
        assert response.json()["code"] == "login_required"
    assert Comment.objects.count() == 1
    assert not Like.objects.exists()
    assert not Report.objects.exists()


def test_inactive_account_cannot_write(article, reader):
    client = Client()
    client.force_login(reader)
    reader.is_active = False
    reader.save()
    assert post_comment(client, article, text="Hallo").status_code == 401


@override_settings(
    KIOSK_RATE_LIMITS={"comment": {"user": "2/60", "ip": "100/60"}, "like": {"user": "1/60"}, "report": {}}
)
def test_rate_limits_answer_429_with_retry_after(reader_client, article, other_reader):
    assert post_comment(reader_client, article, text="eins").status_code == 201
    assert post_comment(reader_client, article, text="zwei").status_code == 201
    response = post_comment(reader_client, article, text="drei")
    assert response.status_code == 429
    assert response.json()["code"] == "rate_limited"
    assert response.json()["message"]
    assert int(response["Retry-After"]) > 0
    assert Comment.objects.count() == 2

    comment = CommentFactory(article=article, author=other_reader)
    assert reader_client.post(f"/api/comments/{comment.pk}/like").status_code == 200
    limited = reader_client.delete(f"/api/comments/{comment.pk}/like")
    assert limited.status_code == 429
    assert int(limited["Retry-After"]) > 0
