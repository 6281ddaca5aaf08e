"""The debate renders once and is shared (kiosk.comments.debate); each logged-in reader gets their own part."""

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from kiosk.accounts import services as account_services
from kiosk.accounts.forms import ProfileForm
from kiosk.comments import services
from kiosk.comments.models import Comment
from kiosk.comments.selectors import NEWLY_PUBLISHED_SHOWN, OWN_UNPUBLISHED_SHOWN
from kiosk.comments.tests.factories import CommenterFactory, CommentFactory, LikeFactory, ReportFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_page_cache")]


@pytest.fixture
def no_page_cache(settings):
    settings.KIOSK_PAGE_CACHE_ENABLED = False


def _page(client, article, query="") -> str:
    response = client.get(article.url + query)
    assert response.status_code == 200
    return response.content.decode()


def _like_button(html: str, comment: Comment) -> str:
    """The like form of one comment in the thread (not its copy among the top comments)."""
    thread = html.split('id="thread-heading"', 1)[1]
    return thread.split(f'data-like-form data-comment="{comment.pk}"', 1)[1].split("</form>", 1)[0]


def _thread_queries(captured) -> list[str]:
    return [q["sql"] for q in captured.captured_queries if 'FROM "comments_comment"' in q["sql"]]


def test_a_second_reader_gets_the_shared_debate_without_its_queries(client, article, reader, other_reader):
    CommentFactory.create_batch(3, article=article)
    client.force_login(reader)
    _page(client, article)
    other = Client()
    other.force_login(other_reader)
    with CaptureQueriesContext(connection) as captured:
        html = _page(other, article)
    # Only the reader's own comments are read from the comment table (those under review or rejected,
    # those newly published); count, top and thread are shared.
    assert len(_thread_queries(captured)) == 2
    assert html.count('class="comment"') == 3


def test_each_reader_sees_their_own_likes_and_reports_only(client, article, reader, other_reader):
    liked, reported, plain = CommentFactory.create_batch(3, article=article)
    LikeFactory(comment=liked, reader=reader)
    liked.like_count = 1
    liked.save(update_fields=["like_count"])
    ReportFactory(comment=reported, reporter=reader)
    client.force_login(reader)
    mine = _page(client, article)
    other = Client()
    other.force_login(other_reader)
    theirs = _page(other, article)

    assert 'aria-pressed="true"' in _like_button(mine, liked)
    assert 'aria-pressed="false"' in _like_button(mine, plain)
    assert 'aria-pressed="false"' in _like_button(theirs, liked)
    # The count is the same for both: it is part of the shared HTML.
    assert "<span data-like-count>1</span>" in _like_button(mine, liked)
    assert "<span data-like-count>1</span>" in _like_button(theirs, liked)
    reported_part = mine.split(f'id="comment-{reported.pk}"', 1)[1].split("</article>", 1)[0]
    assert "comment__reported" in reported_part
    assert f'data-report-form data-comment="{reported.pk}"' not in mine
    assert f'data-report-form data-comment="{reported.pk}"' in theirs


def test_a_readers_own_published_comment_offers_no_like_and_no_report(client, article, reader, other_reader):
    own = CommentFactory(article=article, author=reader)
    client.force_login(reader)
    mine = _page(client, article)
    assert f'data-like-form data-comment="{own.pk}"' not in mine
    assert f'data-report-form data-comment="{own.pk}"' not in mine
    other = Client()
    other.force_login(other_reader)
    assert f'data-like-form data-comment="{own.pk}"' in _page(other, article)


def test_nothing_of_one_reader_reaches_another_or_the_anonymous(client, article, reader, other_reader):
    CommentFactory(article=article)
    pending = CommentFactory(
        article=article, author=reader, status=Comment.Status.PENDING, text="Nur für mich"
    )
    client.force_login(reader)
    mine = _page(client, article)
    assert "Nur für mich" in mine
    assert f'id="{pending.anchor}"' in mine
    other = Client()
    other.force_login(other_reader)
    theirs = _page(other, article)
    anonymous = _page(Client(), article)
    for html in (theirs, anonymous):
        assert "Nur für mich" not in html
        assert reader.public_name not in html
    # Anonymous readers get no form and no token, only the ways to log in.
    assert "csrfmiddlewaretoken" not in anonymous
    assert "data-like-form" not in anonymous
    assert 'class="comments__login"' in anonymous
    # No gap marker is ever left in a page.
    for html in (mine, theirs, anonymous):
        assert not re.search(r"kiosk[0-9a-f]{16}(slot|csrf)", html)


def test_the_tokens_in_the_shared_forms_are_the_readers_own(article, reader, other_reader):
    comment = CommentFactory(article=article, author=other_reader)
    client = Client(enforce_csrf_checks=True)
    client.force_login(reader)
    html = _page(client, article)
    section = html.split('id="comments"', 1)[1]
    # One token throughout the shared section, in the forms of every comment.
    tokens = set(re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', section))
    assert len(tokens) == 1
    response = client.post(
        reverse("comments:like", args=[comment.pk]),
        {"action": "like", "csrfmiddlewaretoken": tokens.pop()},
    )
    assert response.status_code == 302
    assert comment.likes.filter(reader=reader).exists()


def test_a_decision_reaches_logged_in_readers_at_once(client, article, reader, other_reader, moderator):
    client.force_login(other_reader)
    assert "Frisch freigegeben" not in _page(client, article)
    comment = CommentFactory(
        article=article, author=reader, status=Comment.Status.PENDING, text="Frisch freigegeben"
    )
    services.comment_approve(comment=comment, moderator=moderator)
    assert "Frisch freigegeben" in _page(client, article)


def test_a_like_reaches_every_readers_count(client, article, reader, other_reader):
    comment = CommentFactory(article=article)
    client.force_login(other_reader)
    assert "<span data-like-count>0</span>" in _like_button(_page(client, article), comment)
    services.comment_like(comment=comment, reader=reader)
    html = _page(client, article)
    assert "<span data-like-count>1</span>" in _like_button(html, comment)
    assert 'aria-pressed="false"' in _like_button(html, comment)


def test_a_new_public_name_reaches_the_debates(client, article, reader, django_capture_on_commit_callbacks):
    CommentFactory(article=article, author=reader)
    assert reader.public_name in _page(client, article)
    form = ProfileForm({"display_name": "Ganz Neuer Name", "comment_notifications": True}, instance=reader)
    assert form.is_valid(), form.errors
    with django_capture_on_commit_callbacks(execute=True):
        account_services.settings_save(form=form)
    assert "Ganz Neuer Name" in _page(client, article)


def test_the_window_is_part_of_the_key(client, article, other_reader):
    from kiosk.news.models import ArticlePage

    CommentFactory(article=article)
    client.force_login(other_reader)
    assert "data-comment-form" in _page(client, article)
    # Closed without any signal (as the clock closes a window): the shared HTML must follow.
    ArticlePage.objects.filter(pk=article.pk).update(comment_mode="closed")
    from kiosk import cacheversions
    from kiosk.pagecache.fragments import page_version_name

    cacheversions.bump(page_version_name(article.pk))  # the page row itself is cached with its route
    html = _page(client, article)
    assert "data-comment-form" not in html
    assert "data-like-form" not in html


@override_settings(KIOSK_COMMENTS_PER_PAGE=2)
@pytest.mark.parametrize(("asked", "shown"), [("2", 2), ("0", 3), ("99", 3), ("abc", 1), ("", 1)])
def test_thread_pages_are_chosen_as_the_paginator_would(client, article, asked, shown):
    CommentFactory.create_batch(6, article=article)
    html = _page(client, article, f"?page={asked}")
    assert f"Seite {shown} von 3" in html


def test_comment_text_cannot_pose_as_a_gap(client, article, reader):
    text = "kiosk0123456789abcdefslot0end kiosk0123456789abcdefcsrf"
    CommentFactory(article=article, author=CommenterFactory(), text=text)
    client.force_login(reader)
    assert text in _page(client, article)


def test_a_readers_like_and_report_show_on_their_next_view(client, article, reader):
    liked, reported = CommentFactory.create_batch(2, article=article)
    client.force_login(reader)
    html = _page(client, article)
    assert 'aria-pressed="false"' in _like_button(html, liked)
    services.comment_like(comment=liked, reader=reader)
    services.comment_report(comment=reported, reporter=reader, reason="spam")
    html = _page(client, article)
    assert 'aria-pressed="true"' in _like_button(html, liked)
    assert f'data-report-form data-comment="{reported.pk}"' not in html
    services.comment_unlike(comment=liked, reader=reader)
    assert 'aria-pressed="false"' in _like_button(_page(client, article), liked)


def test_a_sent_comment_and_its_decision_show_to_its_author_at_once(client, article, reader, moderator):
    client.force_login(reader)
    _page(client, article)
    comment = services.comment_submit(article=article, author=reader, text="Gleich zu sehen")
    html = _page(client, article)
    assert "Gleich zu sehen" in html.split("data-own-comments", 1)[1]
    services.comment_approve(comment=comment, moderator=moderator)
    html = _page(client, article)
    assert "comments__notice" in html
    assert 'class="comments__own"' not in html


def test_a_reader_who_wrote_a_lot_sees_their_newest_few_and_how_many_more(client, article, reader):
    # A page costs the same however much one reader wrote on the article.
    start = timezone.now() - timedelta(hours=1)
    rejected = [
        CommentFactory(
            article=article,
            author=reader,
            status=Comment.Status.REJECTED,
            created_at=start + timedelta(minutes=i),
        )
        for i in range(OWN_UNPUBLISHED_SHOWN + 2)
    ]
    published = [
        CommentFactory(article=article, author=reader, created_at=start + timedelta(minutes=30 + i))
        for i in range(NEWLY_PUBLISHED_SHOWN + 4)
    ]
    client.force_login(reader)
    html = _page(client, article)
    own = html.split('class="comments__own"', 1)[1].split("</section>", 1)[0]
    newest_first = [f"comment-{c.pk}" for c in reversed(rejected)]
    assert (
        re.findall(r'<article class="comment comment--own[^"]*" id="([^"]+)"', own)
        == newest_first[:OWN_UNPUBLISHED_SHOWN]
    )
    assert "2 ältere Kommentare von dir sind hier nicht aufgeführt" in own
    notice = html.split('class="comments__notice"', 1)[1].split("</div>", 1)[0]
    newest_first = [f"#{c.anchor}" for c in reversed(published)]
    assert re.findall(r'href="(#[^"]+)"', notice) == newest_first[:NEWLY_PUBLISHED_SHOWN]
    assert "4 weitere deiner Kommentare hier sind jetzt veröffentlicht." in notice


def test_a_reader_with_few_comments_gets_no_count_of_more(client, article, reader):
    CommentFactory(article=article, author=reader, status=Comment.Status.PENDING)
    CommentFactory(article=article, author=reader)
    client.force_login(reader)
    html = _page(client, article)
    assert 'class="comments__own"' in html
    assert 'class="comments__notice"' in html
    assert "nicht aufgeführt" not in html
    assert "weitere deiner Kommentare" not in html
