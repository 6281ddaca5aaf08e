"""Post-moderation and trusted authors: which comments are published at once and reviewed afterwards."""

from datetime import UTC, datetime, timedelta

import pytest
from django.conf import settings as django_settings
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from wagtail.models import Site

from kiosk.comments import checks, selectors
from kiosk.comments import services as comment_services
from kiosk.comments.models import Comment
from kiosk.comments.tests.factories import CommenterFactory, CommentFactory
from kiosk.moderation import publishing, wagtail_hooks
from kiosk.moderation import selectors as desk_selectors
from kiosk.moderation import services as desk_services
from kiosk.moderation.models import AuditEntry
from kiosk.news.tests.factories import ArticlePageFactory, SectionPageFactory
from kiosk.newsroom.models import ModerationMode, NewsroomSettings

PRE, POST = ModerationMode.PRE, ModerationMode.POST
NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
THRESHOLDS = publishing.Thresholds(
    new_author=timedelta(days=7),
    clean=timedelta(days=90),
    min_approved=10,
    min_account_age=timedelta(days=30),
)
PUBLISH_AT_ONCE = "kiosk.moderation.checks.publish_at_once"


def _facts(mode=POST, *, trusted_publish=False, age=timedelta(days=60)):
    return publishing.Facts(mode=mode, trusted_publish=trusted_publish, joined=NOW - age)


def _record(approved=0, last_rejection=None):
    return publishing.AuthorRecord(approved=approved, last_rejection=last_rejection)


def _reason(facts, record=None):
    return publishing.publish_reason(facts, record or _record(), now=NOW, thresholds=THRESHOLDS)


# The rule, without the database -----------------------------------------------------


@pytest.mark.parametrize(
    ("article", "section", "site", "expected"),
    [
        ("", "", PRE, PRE),
        ("", "", POST, POST),
        ("", PRE, POST, PRE),
        ("", POST, PRE, POST),
        (PRE, POST, POST, PRE),
        (POST, PRE, PRE, POST),
        ("", "", "", PRE),  # a site row without a mode: reviewed first
    ],
)
def test_the_article_wins_over_its_section_and_the_section_over_the_site(article, section, site, expected):
    assert publishing.effective_mode(article=article, section=section, site=site) == expected


def test_pre_moderation_without_trusted_authors_needs_nothing_of_the_author():
    facts = _facts(PRE, trusted_publish=False)
    assert not publishing.needs_record(facts, now=NOW, thresholds=THRESHOLDS)
    assert _reason(facts, _record(approved=500)) is None


def test_a_post_moderated_article_publishes_a_known_authors_comment_at_once():
    assert publishing.needs_record(_facts(POST), now=NOW, thresholds=THRESHOLDS)
    assert _reason(_facts(POST)) is publishing.Reason.POST_MODERATED


def test_a_new_author_always_waits_even_on_a_post_moderated_article():
    almost_a_week = _facts(POST, age=timedelta(days=7) - timedelta(seconds=1))
    assert not publishing.needs_record(almost_a_week, now=NOW, thresholds=THRESHOLDS)
    assert _reason(almost_a_week) is None
    assert _reason(_facts(POST, age=timedelta(days=7))) is publishing.Reason.POST_MODERATED
    # New is new, however good the record looks: trusted authors too.
    assert _reason(_facts(PRE, trusted_publish=True, age=timedelta(days=6)), _record(approved=50)) is None


def test_a_rejection_in_the_last_90_days_sends_the_author_through_the_queue():
    exactly_90_days = _record(last_rejection=NOW - timedelta(days=90))
    assert _reason(_facts(POST), exactly_90_days) is None
    just_longer = _record(last_rejection=NOW - timedelta(days=90, seconds=1))
    assert _reason(_facts(POST), just_longer) is publishing.Reason.POST_MODERATED
    trusted = _facts(PRE, trusted_publish=True)
    assert _reason(trusted, _record(approved=50, last_rejection=NOW - timedelta(days=3))) is None


def test_a_trusted_author_needs_ten_approved_comments_and_an_account_older_than_30_days():
    trusted = _facts(PRE, trusted_publish=True, age=timedelta(days=30, seconds=1))
    assert _reason(trusted, _record(approved=10)) is publishing.Reason.TRUSTED_AUTHOR
    assert _reason(trusted, _record(approved=9)) is None
    exactly_30_days = _facts(PRE, trusted_publish=True, age=timedelta(days=30))
    assert _reason(exactly_30_days, _record(approved=10)) is None
    # Without the site's leave the same record waits.
    assert _reason(_facts(PRE, age=timedelta(days=300)), _record(approved=100)) is None


def test_without_a_record_nothing_is_published_at_once():
    assert publishing.publish_reason(_facts(POST), None, now=NOW, thresholds=THRESHOLDS) is None


def _says(outcome, code):
    return lambda submission, *, now: checks.Verdict(outcome, code, code)


@pytest.mark.parametrize(
    ("order", "published"),
    [
        (["publish"], True),
        (["publish", "hold"], False),  # a check after the leave still holds it
        (["hold", "publish"], False),
        (["publish", "reject"], False),
        ([], False),
    ],
)
def test_a_leave_to_publish_counts_only_without_any_hold_or_rejection(order, published):
    kinds = {
        "publish": _says(checks.Outcome.PUBLISH, "published_at_once"),
        "hold": _says(checks.Outcome.HOLD, "suspect_words"),
        "reject": _says(checks.Outcome.REJECT, "banned_words"),
    }
    submission = checks.Submission(article=None, author=None, text="Ein Kommentar")
    said = checks.run(submission, now=NOW, checks=[kinds[kind] for kind in order])
    assert said.publish is published
    assert (said.publishing is not None) is ("publish" in order)


# With the database ---------------------------------------------------------------


def _newsroom(**fields) -> None:
    newsroom = NewsroomSettings.for_site(Site.objects.get(is_default_site=True))
    for name, value in fields.items():
        setattr(newsroom, name, value)
    newsroom.save()


@pytest.fixture
def author(db):
    """A reader who has been around for two months and never had a comment rejected."""
    return CommenterFactory(date_joined=timezone.now() - timedelta(days=60))


@pytest.fixture
def post_article(section):
    return ArticlePageFactory(
        parent=section, published_at=timezone.now() - timedelta(hours=1), comment_moderation=POST
    )


def _submit(article, author, text="Ein Gedanke, gleich sichtbar."):
    # As a write sees its article: from the shared cache (selectors.commentable_article).
    return comment_services.comment_submit(
        article=selectors.commentable_article(article.pk), author=author, text=text
    )


@pytest.mark.django_db
def test_on_a_post_moderated_article_a_comment_is_published_at_once_and_awaits_review(
    client, post_article, author
):
    comment = _submit(post_article, author)
    comment.refresh_from_db()
    assert comment.is_published
    assert comment.published_at == comment.created_at
    assert (comment.moderated_at, comment.moderated_by) == (None, None)
    assert Comment.objects.awaiting_review().filter(pk=comment.pk).exists()
    assert [note["code"] for note in comment.review_notes] == ["published_at_once"]
    assert comment.review_notes[0]["message"]
    assert comment.review_notes[0]["marks"] == []
    # In the thread for everyone, the shared page purged.
    thread = client.get(f"/api/articles/{post_article.pk}/comments").json()
    assert [shown["id"] for shown in thread["comments"]] == [comment.pk]
    assert "Ein Gedanke, gleich sichtbar." in client.get(post_article.url).content.decode()


@pytest.mark.django_db
def test_on_a_pre_moderated_article_the_same_author_waits(article, author):
    comment = _submit(article, author)
    assert comment.is_pending
    assert comment.review_notes == []
    assert Comment.objects.awaiting_review().filter(pk=comment.pk).exists()


@pytest.mark.django_db
def test_a_new_author_waits_on_a_post_moderated_article(post_article, reader):
    assert reader.date_joined > timezone.now() - timedelta(days=1)
    assert _submit(post_article, reader).is_pending


@pytest.mark.django_db
def test_a_recently_rejected_author_waits_even_if_they_deleted_the_rejected_comment(
    post_article, author, moderator
):
    rejected = CommentFactory(article=post_article, author=author, status=Comment.Status.PENDING)
    comment_services.comment_reject(comment=rejected, moderator=moderator, reason="insult")
    comment_services.comment_withdraw(comment=rejected, author=author)
    assert _submit(post_article, author).is_pending


@pytest.mark.django_db
def test_a_comment_a_check_holds_waits_on_a_post_moderated_article(post_article, author, moderator, settings):
    desk_services.word_entries_add(lines="Sauhund", kind="suspect", moderator=moderator)
    held = _submit(post_article, author, text="So ein Sauhund, dieser Entscheid.")
    assert held.is_pending
    assert [note["code"] for note in held.review_notes] == ["suspect_words"]
    settings.KIOSK_COMMENT_MAX_LINKS = 0
    linked = _submit(post_article, author, text="Siehe https://example.org/quelle")
    assert linked.is_pending
    assert [note["code"] for note in linked.review_notes] == ["too_many_links"]


@pytest.mark.django_db
def test_a_rejection_by_the_checks_stays_one_on_a_post_moderated_article(post_article, author, moderator):
    desk_services.word_entries_add(lines="Sauhund", kind="banned", moderator=moderator)
    comment = _submit(post_article, author, text="So ein Sauhund.")
    assert comment.is_rejected
    # And it counts: the author's next comment waits.
    assert _submit(post_article, author, text="Ein ganz anderer Gedanke.").is_pending


@pytest.mark.django_db
def test_trusted_authors_publish_at_once_where_the_site_lets_them(home, section, article, author):
    other = ArticlePageFactory(parent=section, published_at=timezone.now() - timedelta(days=5))
    CommentFactory.create_batch(
        9, article=other, author=author, moderated_at=timezone.now() - timedelta(days=20)
    )
    _newsroom(trusted_authors_publish_at_once=True)
    assert _submit(article, author, text="Neun sind zu wenig.").is_pending
    CommentFactory(article=other, author=author, moderated_at=timezone.now() - timedelta(days=20))
    trusted = _submit(article, author, text="Zehn genügen.")
    assert trusted.is_published
    assert "10" in trusted.review_notes[0]["message"]
    _newsroom(trusted_authors_publish_at_once=False)
    assert _submit(article, author, text="Ohne die Erlaubnis der Redaktion.").is_pending


@pytest.mark.django_db
def test_comments_published_at_once_are_not_approvals(author, article):
    now = timezone.now()
    CommentFactory(article=article, author=author, moderated_at=now - timedelta(days=2))
    CommentFactory(article=article, author=author, moderated_at=None)  # published at once, not reviewed
    CommentFactory(
        article=article,
        author=author,
        status=Comment.Status.REJECTED,
        rejection_reason="spam",
        moderated_at=now - timedelta(days=40),
    )
    CommentFactory(  # rejected, then deleted by its author: still a rejection
        article=article,
        author=author,
        status=Comment.Status.WITHDRAWN,
        rejection_reason="insult",
        moderated_at=now - timedelta(days=10),
    )
    CommentFactory(article=article, status=Comment.Status.REJECTED, rejection_reason="spam", moderated_at=now)
    record = desk_selectors.author_record(author)
    assert record.approved == 1
    assert record.last_rejection == now - timedelta(days=10)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("site", "section", "subsection", "article", "published"),
    [
        (POST, "", "", "", True),
        (POST, PRE, "", "", False),
        (PRE, POST, "", "", True),  # a subsection without its own mode goes with the section above
        (PRE, PRE, POST, "", True),
        (PRE, POST, "", PRE, False),
        (POST, PRE, PRE, POST, True),
    ],
)
def test_the_mode_comes_from_the_article_its_sections_and_the_site(
    home, author, site, section, subsection, article, published
):
    _newsroom(comment_moderation=site)
    upper = SectionPageFactory(parent=home, comment_moderation=section)
    lower = SectionPageFactory(parent=upper, comment_moderation=subsection)
    page = ArticlePageFactory(
        parent=lower, published_at=timezone.now() - timedelta(hours=1), comment_moderation=article
    )
    assert _submit(page, author).is_published is published


@pytest.mark.django_db
def test_a_sections_or_the_sites_new_mode_reaches_the_next_write(home, section, article, author):
    cached = selectors.commentable_article(article.pk)
    assert selectors.inherited_moderation(cached) == selectors.InheritedModeration("", PRE, False)
    section.comment_moderation = POST
    section.save_revision().publish()
    assert selectors.inherited_moderation(selectors.commentable_article(article.pk)).section == POST
    _newsroom(comment_moderation=POST, trusted_authors_publish_at_once=True)
    cached = selectors.commentable_article(article.pk)
    assert selectors.inherited_moderation(cached) == selectors.InheritedModeration(POST, POST, True)
    article.comment_moderation = PRE
    article.save_revision().publish()
    assert selectors.commentable_article(article.pk).comment_moderation == PRE


@pytest.mark.django_db
def test_pre_moderation_adds_no_query_to_a_post(settings, article, author, django_assert_num_queries):
    assert settings.KIOSK_COMMENT_CHECKS[-1] == PUBLISH_AT_ONCE
    with_check = list(settings.KIOSK_COMMENT_CHECKS)
    _submit(article, author, text="Zum Aufwärmen der Caches.")
    settings.KIOSK_COMMENT_CHECKS = [path for path in with_check if path != PUBLISH_AT_ONCE]
    with CaptureQueriesContext(connection) as without:
        _submit(article, author, text="Ohne die Prüfung.")
    settings.KIOSK_COMMENT_CHECKS = with_check
    with django_assert_num_queries(len(without)):
        assert _submit(article, author, text="Mit der Prüfung.").is_pending


@pytest.mark.django_db
def test_post_moderation_costs_one_query_for_the_authors_record(
    settings, post_article, author, django_assert_num_queries
):
    with_check = list(settings.KIOSK_COMMENT_CHECKS)
    _submit(post_article, author, text="Zum Aufwärmen der Caches.")
    settings.KIOSK_COMMENT_CHECKS = [path for path in with_check if path != PUBLISH_AT_ONCE]
    with CaptureQueriesContext(connection) as without:
        assert _submit(post_article, author, text="Ohne die Prüfung.").is_pending
    settings.KIOSK_COMMENT_CHECKS = with_check
    with django_assert_num_queries(len(without) + 1):
        assert _submit(post_article, author, text="Mit der Prüfung.").is_published


# What the author is told ---------------------------------------------------------


def _in_site_language(message: str) -> str:
    with translation.override(django_settings.LANGUAGE_CODE):
        return gettext(message)


@pytest.mark.django_db
def test_the_api_answers_published_and_the_thread_has_it(client, post_article, author):
    writer = Client()
    writer.force_login(author)
    response = writer.post(
        f"/api/articles/{post_article.pk}/comments",
        {"text": "Über die Schnittstelle."},
        content_type="application/json",
    )
    assert response.status_code == 201
    data = response.json()
    assert data["status"] == "published"
    assert data["permalink"] == reverse("comments:permalink", args=[data["id"]])
    thread = client.get(f"/api/articles/{post_article.pk}/comments").json()
    assert thread["count"] == 1
    assert [shown["id"] for shown in thread["comments"]] == [data["id"]]
    assert client.get(f"/api/comments/{data['id']}").json()["status"] == "published"


@pytest.mark.django_db
def test_the_form_says_published_and_leads_to_the_comment_in_its_thread(client, post_article, author):
    client.force_login(author)
    response = client.post(reverse("comments:post", args=[post_article.pk]), {"text": "Ohne Skript, sofort."})
    comment = Comment.objects.get()
    assert comment.is_published
    assert response.status_code == 302
    assert response["Location"] == f"{post_article.url}#comment-{comment.pk}"
    page = client.get(post_article.url).content.decode()
    told = _in_site_language("Thank you! Your comment is published.")
    assert f'<p class="message message--success">{told}</p>' in page
    assert f'id="comment-{comment.pk}"' in page
    # kiosk.js shows the next one in the thread the same way, from the page's template of it.
    assert 'data-fresh-comment data-id="999999999" data-status="published"' in page
    assert "data-published-message=" in page
    anonymous = Client().get(post_article.url).content.decode()
    assert "Ohne Skript, sofort." in anonymous


def test_the_article_page_says_whether_comments_appear_at_once(client, article, post_article, author):
    assert "Kommentare erscheinen sofort" in client.get(post_article.url).content.decode()
    assert "Kommentare erscheinen sofort" not in client.get(article.url).content.decode()
    comment = comment_services.comment_submit(article=post_article, author=author, text="Gleich sichtbar.")
    with pytest.raises(comment_services.CommentError) as refused:
        comment_services.comment_edit(comment=comment, author=author, text="Doch anders.")
    assert "veröffentlicht" in refused.value.message


# Changes to the moderation mode are in the desk's audit log --------------------------


def test_changing_the_sites_moderation_mode_in_the_settings_is_in_the_audit_log(client, admin_user, home):
    site = Site.objects.get(is_default_site=True)
    newsroom = NewsroomSettings.for_site(site)
    url = reverse("wagtailsettings:edit", args=["newsroom", "newsroomsettings", site.pk])
    client.force_login(admin_user)
    form = client.get(url).context["form"]
    data = {name: value for name, value in form.initial.items() if value is not None}
    data.update(comment_moderation=POST, trusted_authors_publish_at_once="on")
    response = client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors
    newsroom.refresh_from_db()
    assert newsroom.comment_moderation == POST
    entry = AuditEntry.objects.get(action=AuditEntry.Action.MODERATION_CHANGED)
    assert entry.actor == admin_user
    assert "→" in entry.summary
    assert entry.summary.count(";") == 1

    # Saving again without a change to the mode logs nothing more.
    data["support_heading"] = "Fragen?"
    client.post(url, data)
    assert AuditEntry.objects.filter(action=AuditEntry.Action.MODERATION_CHANGED).count() == 1


def test_publishing_an_article_with_another_moderation_mode_is_in_the_audit_log(rf, admin_user, article):
    request = rf.post("/")
    request.user = admin_user
    article.comment_moderation = POST
    wagtail_hooks.remember_page_moderation(request, article)
    article.save_revision(user=admin_user).publish()
    wagtail_hooks.log_page_moderation(request, type(article).objects.get(pk=article.pk))
    entry = AuditEntry.objects.get(action=AuditEntry.Action.MODERATION_CHANGED)
    assert article.title in entry.summary
    assert str(dict(type(article)._meta.get_field("comment_moderation").flatchoices)[POST]) in entry.summary

    # Published again unchanged: nothing more.
    request = rf.post("/")
    request.user = admin_user
    wagtail_hooks.remember_page_moderation(request, article)
    article.save_revision(user=admin_user).publish()
    wagtail_hooks.log_page_moderation(request, type(article).objects.get(pk=article.pk))
    assert AuditEntry.objects.filter(action=AuditEntry.Action.MODERATION_CHANGED).count() == 1
