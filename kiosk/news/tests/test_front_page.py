"""The front page: the top story, pinned stories, «Neueste», the sections; their queries and cache lifetime."""

import re
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from kiosk.images.tests.factories import KioskImageFactory
from kiosk.news.models import ArticlePage, HomePage, PinnedStory
from kiosk.news.selectors import front_page
from kiosk.news.tests.factories import ArticlePageFactory, SectionPageFactory, make_home

pytestmark = pytest.mark.django_db


@pytest.fixture
def newsroom():
    """Two sections; stories an hour apart, the newest without a lead image."""
    home = make_home()
    schweiz = SectionPageFactory(parent=home, title="Schweiz", slug="schweiz")
    kultur = SectionPageFactory(parent=home, title="Kultur", slug="kultur")
    now = timezone.now()
    stories = {}
    for hours, (key, section, image) in enumerate(
        [
            ("ohne-bild", schweiz, False),
            ("mit-bild", kultur, True),
            ("bahn", schweiz, True),
            ("wahlen", schweiz, True),
            ("kino", kultur, False),
        ]
    ):
        stories[key] = ArticlePageFactory(
            parent=section,
            title=f"Meldung {key}",
            lead_image=KioskImageFactory() if image else None,
            published_at=now - timedelta(hours=hours, minutes=5),
        )
    return home, stories


def pin(home: HomePage, *articles: ArticlePage, publish: bool = True) -> HomePage:
    """As an editor does in the admin: choose the stories, then publish the front page."""
    home = HomePage.objects.get(pk=home.pk)
    home.pinned_stories = [PinnedStory(article=a, sort_order=i) for i, a in enumerate(articles)]
    revision = home.save_revision()
    if publish:
        revision.publish()
    return home


def titles(articles) -> list[str]:
    return [a.title for a in articles]


def test_without_pins_the_newest_lead_story_is_the_top_story(newsroom):
    home, stories = newsroom
    front = front_page(home, now=timezone.now())

    # The newest story has no lead image: the next one leads.
    assert front.top_story == stories["mit-bild"]
    assert front.pinned == []
    assert titles(front.latest) == titles([stories[k] for k in ("ohne-bild", "bahn", "wahlen", "kino")])
    shown_in_sections = [a for s in front.sections for a in s.stories]
    assert stories["mit-bild"] not in shown_in_sections  # once above the sections is enough
    assert stories["kino"] in shown_in_sections


def test_pinned_stories_lead_in_the_editors_order(newsroom):
    home, stories = newsroom
    pin(home, stories["wahlen"], stories["ohne-bild"], stories["bahn"])

    front = front_page(home, now=timezone.now())

    assert front.top_story == stories["wahlen"]
    assert titles(front.pinned) == ["Meldung ohne-bild", "Meldung bahn"]
    assert titles(front.latest) == ["Meldung mit-bild", "Meldung kino"]
    in_sections = {a.title for s in front.sections for a in s.stories}
    assert in_sections == {"Meldung mit-bild", "Meldung kino"}


def test_a_pin_saved_as_a_draft_changes_nothing_until_published(newsroom):
    home, stories = newsroom
    pin(home, stories["wahlen"], publish=False)
    assert front_page(home, now=timezone.now()).top_story == stories["mit-bild"]


def test_expired_and_unpublished_pins_drop_out_silently(newsroom):
    home, stories = newsroom
    pin(home, stories["wahlen"], stories["bahn"])
    now = timezone.now()
    # Past its expiry, before the scheduler has unpublished it.
    ArticlePage.objects.filter(pk=stories["wahlen"].pk).update(expire_at=now - timedelta(minutes=1))

    front = front_page(home, now=now)
    assert front.top_story == stories["bahn"]
    assert front.pinned == []

    ArticlePage.objects.get(pk=stories["bahn"].pk).unpublish()
    front = front_page(home, now=now)
    assert front.top_story == stories["mit-bild"]  # back to the newest lead story
    assert stories["wahlen"] not in front.stories
    assert stories["bahn"] not in front.stories


def test_a_front_page_without_stories(db):
    home = make_home()
    front = front_page(home, now=timezone.now())
    assert (front.top_story, front.pinned, front.latest, front.sections) == (None, [], [], [])


@pytest.mark.parametrize(("pinned", "queries"), [(True, 6), (False, 7)])
def test_the_selection_runs_a_fixed_number_of_queries(newsroom, django_assert_num_queries, pinned, queries):
    home, stories = newsroom
    if pinned:
        pin(home, stories["wahlen"], stories["bahn"])
    for n in range(6):
        ArticlePageFactory(
            parent=stories["kino"].get_parent(), lead_image=KioskImageFactory(), title=f"Mehr {n}"
        )
    home = HomePage.objects.get(pk=home.pk)
    front_page(home, now=timezone.now())  # the private sections' paths are cached from then on
    # pinned stories, (the newest lead story,) «Neueste», the sections (ids and types, then
    # the pages), their stories, the renditions
    with django_assert_num_queries(queries):
        front_page(home, now=timezone.now())


def front_page_queries(client) -> int:
    client.get("/")
    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        assert client.get("/").status_code == 200
    return len(captured)


def test_the_front_page_queries_do_not_grow_with_pins_or_stories(client, newsroom, settings):
    settings.KIOSK_PAGE_CACHE_ENABLED = False
    home, stories = newsroom
    pin(home, stories["wahlen"])
    few = front_page_queries(client)
    more = [
        ArticlePageFactory(parent=stories["bahn"].get_parent(), lead_image=KioskImageFactory())
        for _ in range(4)
    ]
    pin(home, stories["wahlen"], *more)
    assert front_page_queries(client) == few


def test_the_page_shows_the_top_story_pinned_ones_and_the_newest_with_relative_times(client, newsroom):
    home, stories = newsroom
    pin(home, stories["wahlen"], stories["bahn"])
    html = client.get("/").content.decode()

    top = html[html.index("data-front-top") : html.index("data-front-latest")]
    assert top.index("Meldung wahlen") < top.index("Meldung bahn")
    assert "teaser--large" in top
    latest = html[html.index("data-front-latest") : html.index('class="front-section"')]
    assert "Meldung ohne-bild" in latest
    # «vor 5 Minuten» in the markup, the absolute time in the title, ISO in datetime.
    assert re.search(
        r'<time datetime="[\d-]+T[\d:]+\+0[12]:00" title="\d\d\.\d\d\.\d{4}, \d\d:\d\d" data-relative'
        r' data-relative-hours="12" data-just-now="[^"]+">vor 5 Minuten</time>',
        latest,
    )
    assert "vor 3 Stunden" in top  # wahlen: 3 h 5 min ago
    assert html.index("data-front-latest") < html.index('class="front-section"')


def test_the_strip_speaks_english_and_french(client, newsroom):
    assert "5 minutes ago" in client.get("/en/").content.decode()
    assert "il y a 5 minutes" in client.get("/fr/").content.decode()


def shared_lifetime(response) -> int:
    return int(re.search(r"s-maxage=(\d+)", response["Cache-Control"]).group(1))


def test_relative_times_keep_the_shared_copy_to_the_minute(client, newsroom, settings):
    settings.KIOSK_PAGE_CACHE_SECONDS = 3600
    # The newest story is 5 minutes old: "vor 5 Minuten" turns into 6 within a minute.
    assert shared_lifetime(client.get("/")) <= 60


def test_an_expiring_pinned_story_limits_the_front_pages_lifetime(client, newsroom, settings):
    settings.KIOSK_PAGE_CACHE_SECONDS = 3600
    home, stories = newsroom
    # Only old stories, so no relative time shortens the lifetime.
    old = timezone.now() - timedelta(days=2)
    ArticlePage.objects.update(first_published_at=old, last_published_at=old)
    assert shared_lifetime(client.get("/")) == 3600

    ArticlePage.objects.filter(pk=stories["wahlen"].pk).update(
        expire_at=timezone.now() + timedelta(minutes=10)
    )
    pin(home, stories["wahlen"])
    response = client.get("/")
    assert "Meldung wahlen" in response.content.decode()
    assert 500 < shared_lifetime(response) <= 600


def test_publishing_the_front_page_with_new_pins_purges_its_cached_copy(client, newsroom):
    home, stories = newsroom
    client.get("/")
    assert client.get("/")["X-Kiosk-Cache"] == "hit"

    pin(home, stories["kino"])

    response = client.get("/")
    assert response["X-Kiosk-Cache"] == "miss"
    html = response.content.decode()
    assert "Meldung kino" in html[html.index("data-front-top") : html.index("data-front-latest")]
