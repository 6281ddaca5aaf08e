from datetime import timedelta

import pytest
from django.core import mail
from django.db import IntegrityError, connection
from django.utils import timezone

from kiosk.comments import services
from kiosk.comments.models import Comment, Like, Report
from kiosk.comments.services import CommentError
from kiosk.comments.tests.factories import CommenterFactory, CommentFactory
from kiosk.news.models import ArticlePage

pytestmark = pytest.mark.django_db


def test_a_new_comment_waits_for_review_and_is_rendered_safely(article, reader):
    comment = services.comment_submit(
        article=article, author=reader, text="Gut so <b>!</b>\n\nhttps://x.example"
    )
    assert comment.status == Comment.Status.PENDING
    assert comment.published_at is None
    assert "&lt;b&gt;" in comment.html
    assert 'rel="nofollow ugc noopener"' in comment.html
    assert not Comment.objects.published().exists()


def test_closed_window_refuses_comments_replies_and_likes_and_stores_nothing(
    closed_article, reader, other_reader
):
    existing = CommentFactory(article=closed_article, author=other_reader)
    for action in (
        lambda: services.comment_submit(article=closed_article, author=reader, text="Zu spät"),
        lambda: services.comment_submit(article=closed_article, author=reader, text="Auch", parent=existing),
        lambda: services.comment_like(comment=existing, reader=reader),
    ):
        with pytest.raises(CommentError) as error:
            action()
        assert error.value.code == "comments_closed"
        assert error.value.status == 403
    assert Comment.objects.count() == 1
    assert not Like.objects.exists()


@pytest.mark.parametrize(("mode", "code"), [("closed", "comments_closed"), ("off", "comments_off")])
def test_newsroom_can_close_or_switch_off_an_article(article, reader, mode, code):
    ArticlePage.objects.filter(pk=article.pk).update(comment_mode=mode)
    article.refresh_from_db()
    with pytest.raises(CommentError) as error:
        services.comment_submit(article=article, author=reader, text="Hallo")
    assert error.value.code == code


def test_section_window_is_used_and_now_decides(section, article, reader):
    section.comment_window_hours = 2
    section.save()
    later = timezone.now() + timedelta(hours=1, minutes=1)
    from kiosk.pagecache.fragments import bump_content_generation

    bump_content_generation()
    with pytest.raises(CommentError):
        services.comment_submit(article=article, author=reader, text="Hallo", now=later)
    services.comment_submit(article=article, author=reader, text="Hallo", now=timezone.now())


def test_reply_to_a_reply_joins_the_first_level(article, reader, other_reader):
    top = CommentFactory(article=article, author=other_reader)
    reply = CommentFactory(article=article, author=reader, parent=top)
    answer = services.comment_submit(article=article, author=other_reader, text="Genau", parent=reply)
    assert answer.parent == top


def test_reply_only_to_published_comments_of_the_same_article(article, section, reader, other_reader):
    from kiosk.news.tests.factories import ArticlePageFactory

    pending = CommentFactory(article=article, author=other_reader, status=Comment.Status.PENDING)
    elsewhere = CommentFactory(article=ArticlePageFactory(parent=section), author=other_reader)
    for parent in (pending, elsewhere):
        with pytest.raises(CommentError):
            services.comment_submit(article=article, author=reader, text="Antwort", parent=parent)


def test_author_edits_only_while_pending(article, reader, other_reader):
    comment = services.comment_submit(article=article, author=reader, text="Erster Entwurf")
    services.comment_edit(comment=comment, author=reader, text="Zweiter Entwurf")
    comment.refresh_from_db()
    assert comment.text == "Zweiter Entwurf"
    assert comment.edited_at is not None
    with pytest.raises(CommentError):
        services.comment_edit(comment=comment, author=other_reader, text="Fremd")
    services.comment_approve(comment=comment, moderator=other_reader)
    with pytest.raises(CommentError) as error:
        services.comment_edit(comment=comment, author=reader, text="Zu spät")
    assert error.value.code == "not_editable"


def test_withdrawing_keeps_replies(article, reader, other_reader):
    comment = CommentFactory(article=article, author=reader)
    reply = CommentFactory(article=article, author=other_reader, parent=comment)
    services.comment_withdraw(comment=comment, author=reader)
    comment.refresh_from_db()
    assert comment.status == Comment.Status.WITHDRAWN
    assert comment.text == ""
    assert Comment.objects.filter(pk=reply.pk).exists()
    assert list(Comment.objects.top_level().shown_in_thread()) == [comment]


def test_approval_publishes_and_mails_the_author(
    article, reader, moderator, django_capture_on_commit_callbacks
):
    comment = services.comment_submit(article=article, author=reader, text="Bitte freigeben")
    with django_capture_on_commit_callbacks(execute=True):
        services.comment_approve(comment=comment, moderator=moderator)
    comment.refresh_from_db()
    assert comment.is_published
    assert comment.published_at is not None
    assert comment.moderated_by == moderator
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [reader.email]
    assert "Bitte freigeben" in mail.outbox[0].body


def test_rejection_needs_a_reason_and_respects_the_opt_out(
    article, reader, moderator, django_capture_on_commit_callbacks
):
    reader.comment_notifications = False
    reader.save()
    comment = services.comment_submit(article=article, author=reader, text="Unfreundlich")
    with pytest.raises(CommentError):
        services.comment_reject(comment=comment, moderator=moderator, reason="")
    with pytest.raises(CommentError):
        services.comment_reject(comment=comment, moderator=moderator, reason="other", note=" ")
    with django_capture_on_commit_callbacks(execute=True):
        services.comment_reject(comment=comment, moderator=moderator, reason="insult", note="Bitte sachlich.")
    comment.refresh_from_db()
    assert comment.is_rejected
    assert comment.rejection_note == "Bitte sachlich."
    assert mail.outbox == []


def test_like_once_toggle_and_exact_counts(article, reader, other_reader):
    comment = CommentFactory(article=article, author=other_reader)
    assert services.comment_like(comment=comment, reader=reader) == 1
    assert services.comment_like(comment=comment, reader=reader) == 1
    assert services.toggle_like(comment=comment, reader=reader) == (False, 0)
    assert services.toggle_like(comment=comment, reader=reader) == (True, 1)
    assert Like.objects.count() == 1


def test_authors_cannot_like_or_report_themselves(article, reader):
    comment = CommentFactory(article=article, author=reader)
    with pytest.raises(CommentError):
        services.comment_like(comment=comment, reader=reader)
    with pytest.raises(CommentError):
        services.comment_report(comment=comment, reporter=reader, reason="spam")


def test_report_once_with_a_reason(article, reader, other_reader):
    comment = CommentFactory(article=article, author=other_reader)
    with pytest.raises(CommentError):
        services.comment_report(comment=comment, reporter=reader, reason="nonsense")
    with pytest.raises(CommentError):
        services.comment_report(comment=comment, reporter=reader, reason="other", note="")
    services.comment_report(comment=comment, reporter=reader, reason="other", note="Falsche Zahlen")
    with pytest.raises(CommentError) as error:
        services.comment_report(comment=comment, reporter=reader, reason="spam")
    assert error.value.status == 409
    comment.refresh_from_db()
    assert comment.report_count == 1
    # Reports stay possible after the window closed: moderation goes on.
    assert Report.objects.count() == 1


def test_the_database_holds_one_like_and_one_report_per_reader(article, reader, other_reader):
    comment = CommentFactory(article=article, author=other_reader)
    Like.objects.create(comment=comment, reader=reader)
    with pytest.raises(IntegrityError):
        Like.objects.create(comment=comment, reader=reader)


def test_inactive_accounts_cannot_comment(article):
    blocked = CommenterFactory(is_active=False)
    with pytest.raises(CommentError):
        services.comment_submit(article=article, author=blocked, text="Hallo")


@pytest.mark.skipif(connection.vendor != "sqlite", reason="reads SQLite's query plan")
def test_thread_looks_up_replies_by_index(article):
    """Whether a withdrawn comment still shows depends on its replies: found by index, not by a scan.

    With the status index instead, every pending or rejected comment made
    SQLite read all published ones: seconds for a debate of 10,000 comments.
    """
    threads = Comment.objects.for_article(article).top_level().shown_in_thread()
    sql, params = threads.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
        plan = " ".join(str(row[-1]) for row in cursor.fetchall())
    assert "INDEX comment_replies (parent_id=? AND status=?)" in plan, plan


def test_an_unlike_on_a_count_gone_wrong_stays_at_zero(article, reader, other_reader):
    comment = CommentFactory(article=article, author=other_reader)
    Like.objects.create(comment=comment, reader=reader)  # past the services: the count says 0
    assert services.comment_unlike(comment=comment, reader=reader) == 0
    assert not Like.objects.filter(comment=comment).exists()
