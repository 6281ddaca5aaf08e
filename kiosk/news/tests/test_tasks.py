from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.models import PageLogEntry

from kiosk.galleries.tests.factories import GalleryFactory
from kiosk.images.models import KioskRendition
from kiosk.images.tests.factories import KioskImageFactory
from kiosk.news.models import ArticlePage
from kiosk.news.tasks import publish_due, publish_scheduled, warm_article_renditions
from kiosk.news.tests.factories import ArticlePageFactory, PartnerFactory, SectionPageFactory, make_home

pytestmark = pytest.mark.django_db


@pytest.fixture
def section():
    return SectionPageFactory(parent=make_home())


def scheduled(section, *, minutes_ago: int) -> ArticlePage:
    """An article an editor published with "go live at" a time that has now passed."""
    article = ArticlePageFactory(parent=section, publish=False)
    article.go_live_at = timezone.now() + timedelta(hours=1)
    article.save_revision().publish()  # scheduled: approved to go live in an hour
    article.refresh_from_db()
    assert not article.live
    # Time passes: the go-live time is now ``minutes_ago`` behind us.
    go_live_at = timezone.now() - timedelta(minutes=minutes_ago)
    revision = article.revisions.get(approved_go_live_at__isnull=False)
    revision.content["go_live_at"] = go_live_at.isoformat()
    revision.approved_go_live_at = go_live_at
    revision.save()
    ArticlePage.objects.filter(pk=article.pk).update(go_live_at=go_live_at)
    return article


def test_a_due_article_is_published_once_even_if_the_task_runs_twice(section):
    article = scheduled(section, minutes_ago=1)

    first = publish_scheduled.enqueue()
    second = publish_scheduled.enqueue()

    assert first.return_value == {"unpublished": 0, "published": 1}
    assert second.return_value == {"unpublished": 0, "published": 0}
    article.refresh_from_db()
    assert article.live
    assert PageLogEntry.objects.filter(page=article, action="wagtail.publish.scheduled").count() == 1


def test_an_article_not_yet_due_waits(section):
    article = scheduled(section, minutes_ago=-5)
    assert publish_due(now=timezone.now())["published"] == 0
    article.refresh_from_db()
    assert not article.live


def test_an_expired_article_is_unpublished_once(section):
    article = ArticlePageFactory(parent=section)
    ArticlePage.objects.filter(pk=article.pk).update(expire_at=timezone.now() - timedelta(minutes=1))

    assert publish_due(now=timezone.now()) == {"unpublished": 1, "published": 0}
    assert publish_due(now=timezone.now()) == {"unpublished": 0, "published": 0}
    article.refresh_from_db()
    assert (article.live, article.expired) == (False, True)


def test_one_article_that_fails_does_not_hold_up_the_others_and_the_task_fails(section, monkeypatch):
    from wagtail.models import Revision

    broken, fine = scheduled(section, minutes_ago=2), scheduled(section, minutes_ago=1)
    real_publish = Revision.publish

    def publish(revision, *args, **kwargs):
        if revision.object_id == str(broken.pk):
            raise ValueError("broken revision")
        return real_publish(revision, *args, **kwargs)

    monkeypatch.setattr(Revision, "publish", publish)
    result = publish_scheduled.enqueue()

    assert result.status == "FAILED"
    fine.refresh_from_db()
    broken.refresh_from_db()
    assert (fine.live, broken.live) == (True, False)


def article_with_images(section) -> ArticlePage:
    return ArticlePageFactory(
        parent=section,
        lead_image=KioskImageFactory(),
        partner=PartnerFactory(logo=KioskImageFactory()),
        body=[
            ("paragraph", "<p>Absatz</p>"),
            ("image", {"image": KioskImageFactory(), "caption": "", "credit": ""}),
            ("gallery", GalleryFactory(images=2)),
        ],
    )


def test_rendition_warm_up_makes_what_the_templates_use_once(section):
    article = article_with_images(section)
    KioskRendition.objects.all().delete()

    made = warm_article_renditions.enqueue(article.pk).return_value

    specs = set(KioskRendition.objects.values_list("filter_spec", flat=True))
    assert "fill-320x213|format-webp" in specs  # the teaser
    assert "width-1200|format-jpeg" in specs  # lead, inline and gallery
    assert "width-240|format-png" in specs  # the partner's logo
    count = KioskRendition.objects.count()
    assert made == count
    assert warm_article_renditions.enqueue(article.pk).return_value == count
    assert KioskRendition.objects.count() == count


def test_publishing_an_article_warms_its_renditions(section, django_capture_on_commit_callbacks):
    article = article_with_images(section)
    KioskRendition.objects.all().delete()
    with django_capture_on_commit_callbacks(execute=True):
        article.save_revision().publish()
    assert KioskRendition.objects.filter(image=article.lead_image).exists()


def test_an_unpublished_article_is_not_warmed(section):
    article = article_with_images(section)
    article.unpublish()
    KioskRendition.objects.all().delete()
    assert warm_article_renditions.enqueue(article.pk).return_value == 0
    assert not KioskRendition.objects.exists()
