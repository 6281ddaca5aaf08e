"""manage.py load_demo: the demo newsroom is complete and exact, loaded once, and never harms a newsroom.

The demo is loaded once for the class below (painting its pictures is the
slow part); each test starts from it as loaded and is rolled back.
"""

import json
from datetime import timedelta
from io import StringIO
from unittest import mock

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.db.models import Count, F
from django.test import TestCase, override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Page, Site

from kiosk.comments.models import Comment, Like, Report
from kiosk.comments.tests.factories import CommenterFactory, CommentFactory
from kiosk.demo import content, debate, desk, selectors
from kiosk.demo.checks import demo_installed_in_production
from kiosk.galleries.models import Gallery
from kiosk.images.models import KioskImage
from kiosk.moderation.models import Block, WordListEntry
from kiosk.news.models import ArticlePage, ContentPage, HomePage, Partner, SectionPage
from kiosk.news.selectors import next_story, related_articles
from kiosk.news.tests.factories import ArticlePageFactory, SectionPageFactory
from kiosk.newsroom.models import NewsroomSettings

REFERENCE_URL = "/wissen/raumfahrt/kleinsatellit-sendet-erste-bilder/"
SHARP_S = "\N{LATIN SMALL LETTER SHARP S}"  # Swiss Standard German writes "ss"


def load_demo(*args, **options) -> str:
    out = StringIO()
    call_command("load_demo", *args, stdout=out, **options)
    return out.getvalue()


def block_types(article: ArticlePage) -> list[str]:
    return [block.block_type for block in article.body]


def assert_newsroom(now) -> None:
    home = selectors.demo_home()
    site = Site.objects.get(is_default_site=True)
    assert site.root_page_id == home.pk
    assert site.site_name == "Kiosk"
    # Wagtail's welcome page is gone: the front page is the only page at the top.
    assert list(Page.objects.filter(depth=2)) == [home.page_ptr]

    sections = SectionPage.objects.child_of(home).live()
    assert sections.count() >= 3
    for section in sections:
        assert 1 <= SectionPage.objects.child_of(section).count() <= 2, section.title
    assert ArticlePage.objects.live().count() >= 20
    assert ArticlePage.objects.exclude(lead_image=None).count() >= 20
    assert Partner.objects.exclude(logo=None).count() == 2
    first_times = set(ArticlePage.objects.values_list("first_published_at", flat=True))
    assert len(first_times) == ArticlePage.objects.count()
    assert all(now - timedelta(days=30) < t < now for t in first_times)

    newsroom = NewsroomSettings.for_site(site)
    assert newsroom.publisher_name == "Kiosk"
    assert newsroom.support_email == "support@kiosk.example"
    assert newsroom.tagline

    editor = get_user_model().objects.get(username="redaktion")
    assert editor.is_staff
    assert editor.is_superuser
    assert editor.check_password("kiosk-demo")


def assert_reference_article(now) -> None:
    article = ArticlePage.objects.get(slug="kleinsatellit-sendet-erste-bilder")
    assert article.url == REFERENCE_URL
    assert article.kicker
    assert article.teaser_headline
    assert article.lead
    assert article.lead_image.credit == "Kiosk/Archiv"
    assert article.lead_image.description
    assert article.lead_image.caption
    assert article.partner
    assert article.source_line == "alpenpost/sda"
    assert article.authors

    types = block_types(article)
    assert types.count("subheading") == 2
    assert types.count("quote") >= 1
    inline = [block.value for block in article.body if block.block_type == "image"]
    assert len(inline) == 2
    assert all(image["image"].caption and image["image"].credit for image in inline)
    gallery = next(block.value for block in article.body if block.block_type == "gallery")
    slides = gallery.slides
    assert len(slides) == 8
    assert gallery.credit_line == "Alle Bilder: Hochschule Seeland"
    assert all(slide.title and slide.display_caption for slide in slides)

    assert abs(article.first_published_at - (now - timedelta(hours=3))) < timedelta(minutes=5)
    assert article.updated_at - article.first_published_at == timedelta(minutes=40)

    related = related_articles(article, tag_ids=article.tags.values_list("pk", flat=True))
    assert len(related) == 4
    following = next_story(article, avoid=[a.pk for a in related])
    assert following.first_published_at < article.first_published_at


def assert_no_sharp_s() -> None:
    for article in ArticlePage.objects.all():
        text = json.dumps(
            [article.title, article.lead, article.kicker, list(article.body.raw_data)], ensure_ascii=False
        )
        assert SHARP_S not in text, article.slug
    for image in KioskImage.objects.all():
        assert SHARP_S not in image.title + image.description + image.caption + image.credit
    for gallery in Gallery.objects.all():
        assert SHARP_S not in gallery.title + gallery.credit_line
        assert all(SHARP_S not in slide.title + slide.caption for slide in gallery.items.all())


def counts() -> dict[str, int]:
    return {
        "pages": Page.objects.count(),
        "images": KioskImage.objects.count(),
        "galleries": Gallery.objects.count(),
        "comments": Comment.objects.count(),
        "likes": Like.objects.count(),
        "accounts": get_user_model().objects.count(),
    }


def assert_counts_exact() -> None:
    """Every like and report count is the number of its rows."""
    wrong = Comment.objects.annotate(
        n_likes=Count("likes", distinct=True), n_reports=Count("reports", distinct=True)
    )
    assert not wrong.exclude(like_count=F("n_likes")).exists()
    assert not wrong.exclude(report_count=F("n_reports")).exists()


class TestLoadedDemo(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.now = timezone.now()
        with override_settings(DEBUG=True), cls.captureOnCommitCallbacks(execute=True):
            cls.output = load_demo()
        cls.mails = len(mail.outbox)
        cls.counts = counts()

    def test_the_newsroom_is_complete(self):
        assert "redaktion / kiosk-demo" in self.output
        assert_newsroom(self.now)
        assert_reference_article(self.now)
        assert_no_sharp_s()
        response = self.client.get(REFERENCE_URL)
        assert response.status_code == 200
        assert "Studentischer Kleinsatellit sendet erste Bilder" in response.content.decode()

    def test_the_imprint_and_the_privacy_policy_are_linked_in_the_footer(self):
        pages = ContentPage.objects.child_of(selectors.demo_home()).live().order_by("path")
        assert [(p.title, p.url, p.show_in_footer) for p in pages] == [
            ("Impressum", "/impressum/", True),
            ("Datenschutz", "/datenschutz/", True),
        ]
        html = self.client.get(REFERENCE_URL).content.decode()
        footer = html[html.index('<footer class="site-footer">') :]
        assert '<a href="/impressum/">Impressum</a>' in footer
        assert '<a href="/datenschutz/">Datenschutz</a>' in footer
        imprint = self.client.get("/impressum/").content.decode()
        assert "Kiosk Medien AG, Seestrasse 12, 8000 Zürich" in imprint
        privacy = self.client.get("/datenschutz/").content.decode()
        for fact in (
            "keine Tracker",
            "Stripe",
            "TWINT",
            "sessionid",
            "herunterladen",
            "selbst löschen",
        ):
            assert fact in privacy, fact
        for page in pages:
            text = json.dumps([page.title, page.lead, list(page.body.raw_data)], ensure_ascii=False)
            assert SHARP_S not in text
            assert "<ul>" in text or page.slug == "impressum"

    def test_the_debate_went_through_the_comment_services_and_every_count_is_exact(self):
        reference = ArticlePage.objects.get(slug=content.REFERENCE_SLUG)
        on_reference = Comment.objects.for_article(reference)
        assert on_reference.published().count() == 28
        assert on_reference.pending().count() == 3
        closed = Comment.objects.exclude(article=reference).filter(text__in=[r.text for r in debate.CLOSED])
        assert closed.count() == closed.published().count() == 2 * len(debate.CLOSED)
        assert_counts_exact()
        assert Like.objects.count() == sum(r.likes for r in debate.SHOWCASE) + 2 * sum(
            r.likes for r in debate.CLOSED
        )
        assert Report.objects.count() == sum(n for _i, reasons in desk.REPORTED for _r, n in reasons)
        # One level of replies, as comment_submit keeps it: the answer to a reply joins its thread.
        assert not Comment.objects.filter(parent__parent__isnull=False).exists()
        thanks = on_reference.get(text__startswith="Danke für die Antwort")
        assert thanks.parent.text.startswith("Gibt es die Bilder")
        # Reviewed before anyone answered, by the demo's moderators, and known to the authors long ago.
        moderators = get_user_model().objects.filter(
            username__in=[debate.MODERATOR_USERNAME, desk.NIGHT_MODERATOR_USERNAME]
        )
        published = Comment.objects.published()
        assert not published.exclude(moderated_by__in=moderators).exists()
        assert not published.filter(replies__created_at__lte=F("published_at")).exists()
        assert not published.filter(decision_seen=False).exists()
        assert all(c.created_at < c.published_at <= self.now for c in published)
        assert self.mails == 0
        assert not Comment.objects.filter(created_at__gt=self.now).exists()

    def test_the_desk_has_word_lists_to_work_with(self):
        assert sorted(WordListEntry.objects.values_list("kind", "text")) == sorted(
            [("suspect", word) for word in debate.SUSPECT_WORDS]
            + [("banned", word) for word in debate.BANNED_WORDS]
        )

    def test_the_desk_has_a_blocked_reader(self):
        [block] = Block.objects.standing(now=timezone.now())
        assert block.reason == debate.BLOCK_REASON
        assert block.reader.is_blocked(now=timezone.now())

    def test_loading_again_changes_nothing(self):
        with override_settings(DEBUG=True), CaptureQueriesContext(connection) as queries:
            output = load_demo()
        assert "already loaded" in output
        assert len(queries) == 1
        assert counts() == self.counts

    def test_reset_leaves_another_front_page_and_its_children_alone(self):
        other = Page.get_first_root_node().add_child(instance=HomePage(title="Seeländer Bote", slug="bote"))
        section = SectionPageFactory(parent=other, title="Biel", slug="biel")
        article = ArticlePageFactory(parent=section, slug="neue-bruecke")
        reader = CommenterFactory(email="leserin@bote.example")
        comment = CommentFactory(article=article, author=reader)
        own_site = Site.objects.create(hostname="bote.example", root_page=other, site_name="Bote")

        with (
            override_settings(DEBUG=True),
            pytest.raises(CommandError, match="outside the demo's front page"),
        ):
            load_demo("--reset", "--no-input")
        assert selectors.demo_home() is not None

        with override_settings(DEBUG=True):
            output = load_demo("--reset", "--no-input", "--force")
        assert "does not load again" in output
        assert selectors.demo_home() is None
        assert not selectors.demo_users().exists()
        assert not selectors.demo_images().exists()
        assert not Partner.objects.exists()
        assert not ContentPage.objects.exists()
        assert not WordListEntry.objects.exists()
        # The other newsroom, whole.
        assert list(Page.objects.descendant_of(other, inclusive=True).specific()) == [other, section, article]
        assert Comment.objects.get() == comment
        assert get_user_model().objects.get() == reader
        assert Site.objects.get() == own_site

    def test_reset_refuses_where_editors_added_to_the_demo_and_then_reloads_when_forced(self):
        section = SectionPage.objects.get(slug="raumfahrt")
        added = ArticlePageFactory(parent=section, slug="eine-eigene-meldung")
        reader = CommenterFactory(email="leserin@example.org")
        CommentFactory(article=ArticlePage.objects.get(slug=content.REFERENCE_SLUG), author=reader)

        with override_settings(DEBUG=True), pytest.raises(CommandError) as refused:
            load_demo("--reset", "--no-input")
        assert "1 page(s) below the demo's front page" in str(refused.value)
        assert "1 comment(s) on demo articles" in str(refused.value)
        assert ArticlePage.objects.filter(pk=added.pk).exists()

        with override_settings(DEBUG=True):
            output = load_demo("--reset", "--no-input", "--force")
        assert "Demo newsroom loaded" in output
        assert not ArticlePage.objects.filter(pk=added.pk).exists()
        assert get_user_model().objects.filter(pk=reader.pk).exists()  # not the demo's: it stays
        assert {k: v for k, v in counts().items() if k != "accounts"} == {
            k: v for k, v in self.counts.items() if k != "accounts"
        }
        assert counts()["accounts"] == self.counts["accounts"] + 1
        assert_counts_exact()

    def test_the_desk_has_a_week_of_decisions_by_two_moderators_and_a_queue_of_varied_risk(self):
        week = Comment.objects.filter(
            moderated_by__isnull=False, moderated_at__gte=timezone.now() - timedelta(days=8)
        )
        by = set(week.values_list("moderated_by__username", flat=True))
        assert by == {debate.MODERATOR_USERNAME, desk.NIGHT_MODERATOR_USERNAME}
        assert week.filter(status=Comment.Status.REJECTED).exclude(rejection_text="").exists()
        waiting = Comment.objects.pending().exclude(text__in=[r.text for r in debate.SHOWCASE])
        assert waiting.count() == len(desk.QUEUE)
        codes = {note["code"] for comment in waiting for note in comment.review_notes}
        assert {"suspect_words", "too_many_links"} <= codes
        assert set(waiting.values_list("risk", flat=True)) == {0, 10, 20}
        assert Comment.objects.filter(open_reports__gt=0).count() == len(desk.REPORTED)

    def test_the_desk_has_staffed_hours_around_the_clock_and_one_exception(self):
        from kiosk.moderation.models import StaffedException, StaffedSpan

        assert StaffedSpan.objects.count() == 7
        exception = StaffedException.objects.get()
        assert exception.date >= timezone.localdate() + timedelta(days=31)
        assert (exception.date.month, exception.date.day) == desk.HOURS_EXCEPTION_DAY

    def test_reset_asks_first(self):
        with (
            override_settings(DEBUG=True),
            mock.patch("builtins.input", return_value="nein") as asked,
            pytest.raises(CommandError, match="nothing was deleted"),
        ):
            load_demo("--reset")
        assert "27 articles and 241 comments" in asked.call_args.args[0]
        assert counts() == self.counts


@pytest.mark.django_db
def test_refuses_with_debug_off_and_says_what_would_happen(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError) as refused:
        load_demo()
    message = str(refused.value)
    assert "DEBUG is off" in message
    assert "--force" in message
    assert "no demo account gets a usable password" in message
    assert not HomePage.objects.exists()
    assert not get_user_model().objects.exists()
    with pytest.raises(CommandError, match="DEBUG is off"):
        load_demo("--reset", "--no-input")


@pytest.mark.django_db
def test_forced_with_debug_off_no_demo_account_has_a_usable_password(settings):
    settings.DEBUG = False
    output = load_demo("--force")
    assert "kiosk-demo" not in output
    assert "changepassword redaktion" in output
    accounts = list(selectors.demo_users())
    assert len(accounts) == len(selectors.demo_usernames())
    assert not any(account.has_usable_password() for account in accounts)
    assert not any(account.check_password(debate.READER_PASSWORD) for account in accounts)
    editor = get_user_model().objects.get(username=content.EDITOR_USERNAME)
    assert editor.is_superuser  # the demo's editor, who logs in once someone gives them a password


@pytest.mark.django_db
def test_takes_over_no_account(settings):
    settings.DEBUG = True
    editor = get_user_model().objects.create_user(
        username="redaktion", email="chef@zeitung.example", password="ihr-eigenes-passwort"
    )
    with pytest.raises(CommandError, match="«redaktion» is not the demo's"):
        load_demo()
    editor.refresh_from_db()
    assert editor.check_password("ihr-eigenes-passwort")
    assert not editor.is_superuser
    assert not HomePage.objects.exists()
    assert not KioskImage.objects.exists()


@pytest.mark.django_db
def test_does_not_load_beside_a_newsroom_of_its_own(settings):
    settings.DEBUG = True
    home = Page.get_first_root_node().add_child(instance=HomePage(title="Bote", slug="bote"))
    output = load_demo()
    assert "newsroom of its own" in output
    assert list(HomePage.objects.all()) == [home]
    assert not get_user_model().objects.exists()


def test_check_deploy_warns_when_the_demo_is_installed_with_debug_off(settings):
    settings.DEBUG = False
    assert [w.id for w in demo_installed_in_production(None)] == ["kiosk.demo.W001"]
    settings.DEBUG = True
    assert demo_installed_in_production(None) == []
