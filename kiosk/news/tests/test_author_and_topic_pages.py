"""Author pages (/autoren/<slug>/) and topic pages (/themen/<slug>/): what they list, their errors, their cache."""

import json
import re
from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from kiosk.images.tests.factories import KioskImageFactory
from kiosk.news.models import SECTION_PAGE_SIZE, Author
from kiosk.news.tests.factories import (
    ArticlePageFactory,
    AuthorFactory,
    SectionPageFactory,
    make_home,
)

pytestmark = pytest.mark.django_db
BASE = "https://news.example"


@pytest.fixture(autouse=True)
def public_base_url(settings):
    settings.KIOSK_BASE_URL = BASE


@pytest.fixture
def desk():
    home = make_home()
    schweiz = SectionPageFactory(parent=home, title="Schweiz", slug="schweiz")
    anna = AuthorFactory(name="Anna Müller", role="Redaktorin Bern", bio="Schreibt über die Bundesstadt.")
    return home, schweiz, anna


def story(section, *, authors=(), tags=(), hours_ago=1, **kwargs):
    article = ArticlePageFactory(parent=section, publish=False, **kwargs)
    article.authors = list(authors)
    article.tags.add(*tags)
    article.save_revision().publish()
    published = timezone.now() - timedelta(hours=hours_ago)
    type(article).objects.filter(pk=article.pk).update(
        first_published_at=published, last_published_at=published
    )
    return article


def jsonld_of(response) -> list[dict]:
    return [
        json.loads(block)
        for block in re.findall(
            r'<script type="application/ld\+json">(.*?)</script>', response.content.decode(), re.S
        )
    ]


def titles(response) -> list[str]:
    return re.findall(r'class="teaser__title"[^>]*><a href="[^"]+">([^<]+)</a>', response.content.decode())


def test_an_authors_page_shows_who_they_are_and_their_articles_newest_first(client, desk):
    _, schweiz, anna = desk
    other = AuthorFactory(name="Beat Keller")
    story(schweiz, title="Ältere Geschichte", authors=[anna], hours_ago=5)
    story(schweiz, title="Neuere Geschichte", authors=[other, anna], hours_ago=1)
    story(schweiz, title="Nicht von Anna", authors=[other])

    assert anna.slug == "anna-mueller"
    response = client.get("/autoren/anna-mueller/")

    assert response.status_code == 200
    html = response.content.decode()
    assert '<h1 class="author-header__name">Anna Müller</h1>' in html
    assert "Redaktorin Bern" in html
    assert "Schreibt über die Bundesstadt." in html
    assert titles(response) == ["Neuere Geschichte", "Ältere Geschichte"]
    assert f'<link rel="canonical" href="{BASE}/autoren/anna-mueller/">' in html


def test_the_author_page_says_who_they_are_to_search_engines(client, desk):
    _, _, anna = desk
    anna.image = KioskImageFactory()
    anna.save()

    response = client.get("/autoren/anna-mueller/")

    (person,) = jsonld_of(response)
    assert person["@type"] == "Person"
    assert person["name"] == "Anna Müller"
    assert person["url"] == f"{BASE}/autoren/anna-mueller/"
    assert person["jobTitle"] == "Redaktorin Bern"
    assert person["image"].startswith(f"{BASE}/media/")
    assert person["worksFor"]["@type"] == "Organization"
    # The portrait, in the picture component's square renditions.
    assert '<div class="author-header__portrait"><picture>' in response.content.decode()


def test_an_author_without_articles_still_has_a_page(client, desk):
    response = client.get("/autoren/anna-mueller/")
    assert response.status_code == 200
    assert "Von dieser Person gibt es noch keine Artikel." in response.content.decode()


@pytest.mark.parametrize(
    "url",
    [
        "/autoren/niemand/",
        "/autoren/ANNA-MUELLER/",
        "/en/autoren/niemand/",
        "/themen/niemand/",
        "/autoren/",
        "/themen/",
        "/autoren/anna-mueller/feed/",
        "/autoren/a%00b/",
        "/themen/a%00b/",
        "/autoren/" + "x" * 5000 + "/",
        "/themen/%F0%9F%98%80/",
    ],
)
def test_unknown_authors_and_topics_are_404(client, desk, url):
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("page", ["0", "-1", "abc", "2", "99999999999999999999", "1.5", ""])
def test_a_bad_page_number_is_a_404_not_an_error(client, desk, page):
    _, schweiz, anna = desk
    story(schweiz, authors=[anna], tags=["Bern"])
    expected = 200 if page == "" else 404
    assert client.get(f"/autoren/anna-mueller/?page={page}").status_code == expected
    assert client.get(f"/themen/bern/?page={page}").status_code == expected


def test_long_lists_are_paginated(client, desk):
    _, schweiz, anna = desk
    for i in range(SECTION_PAGE_SIZE + 1):
        story(schweiz, title=f"Meldung {i:02d}", authors=[anna], hours_ago=i + 1)

    first, second = client.get("/autoren/anna-mueller/"), client.get("/autoren/anna-mueller/?page=2")

    assert len(titles(first)) == SECTION_PAGE_SIZE
    assert titles(first)[0] == "Meldung 00"
    assert titles(second) == [f"Meldung {SECTION_PAGE_SIZE:02d}"]
    assert 'rel="next" href="?page=2"' in first.content.decode()
    assert f'<link rel="canonical" href="{BASE}/autoren/anna-mueller/?page=2">' in second.content.decode()


def test_only_what_readers_may_read_is_listed(client, desk):
    home, schweiz, anna = desk
    story(schweiz, title="Sichtbar", authors=[anna], tags=["Bern"])
    draft = ArticlePageFactory(parent=schweiz, title="Entwurf", publish=False, live=False)
    draft.authors = [anna]
    draft.tags.add("Bern")
    draft.save()
    unpublished = story(schweiz, title="Zurückgezogen", authors=[anna], tags=["Bern"])
    unpublished.unpublish()
    expired = story(schweiz, title="Abgelaufen", authors=[anna], tags=["Bern"])
    type(expired).objects.filter(pk=expired.pk).update(expire_at=timezone.now() - timedelta(minutes=1))
    private = SectionPageFactory(parent=home, title="Intern", slug="intern")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    story(private, title="Nur intern", authors=[anna], tags=["Bern"])

    assert titles(client.get("/autoren/anna-mueller/")) == ["Sichtbar"]
    assert titles(client.get("/themen/bern/")) == ["Sichtbar"]


def test_bylines_and_tags_on_the_article_link_to_their_pages(client, desk):
    _, schweiz, anna = desk
    beat = AuthorFactory(name="Beat Keller")
    article = story(schweiz, authors=[beat, anna], tags=["Grönland"])

    html = client.get(article.url).content.decode()

    # In the editor's order, not alphabetical.
    assert (
        '<a href="/autoren/beat-keller/" rel="author">Beat Keller</a>, '
        '<a href="/autoren/anna-mueller/" rel="author">Anna Müller</a>'
    ) in html
    tag = article.tags.get()
    assert f'<a href="/themen/{tag.slug}/">Grönland</a>' in html
    assert client.get(f"/themen/{tag.slug}/").status_code == 200
    english = client.get("/en" + article.url).content.decode()
    assert '<a href="/en/autoren/anna-mueller/" rel="author">' in english
    data = next(d for d in jsonld_of(client.get(article.url)) if d["@type"] == "NewsArticle")
    assert [a["url"] for a in data["author"]] == [
        f"{BASE}/autoren/beat-keller/",
        f"{BASE}/autoren/anna-mueller/",
    ]


def test_a_topic_page_lists_the_tags_articles(client, desk):
    _, schweiz, _ = desk
    story(schweiz, title="Wahl in Bern", tags=["Wahlen 2027"], hours_ago=3)
    story(schweiz, title="Wahl in Zürich", tags=["wahlen 2027"], hours_ago=1)  # tags ignore case
    story(schweiz, title="Anderes", tags=["Wetter"])

    response = client.get("/themen/wahlen-2027/")

    assert response.status_code == 200
    assert titles(response) == ["Wahl in Zürich", "Wahl in Bern"]
    assert '<h1 class="section-header__title" lang="de-CH">Wahlen 2027</h1>' in response.content.decode()
    assert client.get("/en/themen/wahlen-2027/").status_code == 200


def test_author_and_topic_pages_are_shared_with_anonymous_readers(client, desk):
    _, schweiz, anna = desk
    story(schweiz, authors=[anna], tags=["Bern"])
    for url in ("/autoren/anna-mueller/", "/themen/bern/", "/en/autoren/anna-mueller/"):
        first = client.get(url)
        assert "public" in first["Cache-Control"]
        assert "s-maxage" in first["Cache-Control"]
        assert client.get(url)["X-Kiosk-Cache"] == "hit"
    assert "s-maxage" not in client.get("/autoren/niemand/").get("Cache-Control", "")


def test_a_new_article_reaches_its_authors_and_topics_cached_pages(client, desk):
    _, schweiz, anna = desk
    story(schweiz, title="Erste", authors=[anna], tags=["Bern"])
    for url in (
        "/autoren/anna-mueller/",
        "/en/autoren/anna-mueller/",
        "/themen/bern/",
        "/autoren/anna-mueller/?page=1",
    ):
        client.get(url)
        assert client.get(url)["X-Kiosk-Cache"] == "hit"

    story(schweiz, title="Zweite", authors=[anna], tags=["Bern"])

    for url in (
        "/autoren/anna-mueller/",
        "/en/autoren/anna-mueller/",
        "/themen/bern/",
        "/autoren/anna-mueller/?page=1",
    ):
        response = client.get(url)
        assert response["X-Kiosk-Cache"] == "miss", url
        assert "Zweite" in titles(response)


def test_an_article_taken_off_an_author_or_a_topic_leaves_their_pages(client, desk):
    _, schweiz, anna = desk
    beat = AuthorFactory(name="Beat Keller")
    article = story(schweiz, title="Umstritten", authors=[anna], tags=["Bern"])
    for url in ("/autoren/anna-mueller/", "/themen/bern/"):
        client.get(url)

    article.authors = [beat]
    article.tags.set(["Zürich"])
    article.save_revision().publish()

    assert titles(client.get("/autoren/anna-mueller/")) == []
    # No article has the tag any more: no topic page either.
    assert client.get("/themen/bern/").status_code == 404
    assert titles(client.get("/autoren/beat-keller/")) == ["Umstritten"]


def test_unpublishing_takes_the_article_off_the_listings(client, desk):
    _, schweiz, anna = desk
    article = story(schweiz, title="Bald weg", authors=[anna], tags=["Bern"])
    client.get("/autoren/anna-mueller/")
    client.get("/themen/bern/")

    article.unpublish()

    assert titles(client.get("/autoren/anna-mueller/")) == []
    assert titles(client.get("/themen/bern/")) == []


def test_an_author_change_reaches_their_page_and_a_new_slug_retires_the_old_address(client, desk):
    _, schweiz, anna = desk
    article = story(schweiz, authors=[anna])
    client.get("/autoren/anna-mueller/")
    client.get(article.url)

    anna.bio = "Neu in Zürich."
    anna.save()
    assert "Neu in Zürich." in client.get("/autoren/anna-mueller/").content.decode()

    anna.slug = "anna-mueller-zh"
    anna.save()
    assert client.get("/autoren/anna-mueller/").status_code == 404
    assert client.get("/autoren/anna-mueller-zh/").status_code == 200
    assert 'href="/autoren/anna-mueller-zh/"' in client.get(article.url).content.decode()


def test_a_renamed_tag_moves_its_topic_page_and_the_articles_print_the_new_name(client, desk):
    _, schweiz, _ = desk
    article = story(schweiz, title="Wahlsonntag", tags=["Wahlen"])
    client.get("/themen/wahlen/")
    client.get(article.url)
    tag = article.tags.get()

    tag.name, tag.slug = "Abstimmungen", "abstimmungen"
    tag.save()

    assert client.get("/themen/wahlen/").status_code == 404
    assert titles(client.get("/themen/abstimmungen/")) == ["Wahlsonntag"]
    assert '<a href="/themen/abstimmungen/">Abstimmungen</a>' in client.get(article.url).content.decode()


def test_author_slugs_are_swiss_and_unique():
    make_home()
    first = Author.objects.create(name="Zoë Grüter")
    second = Author.objects.create(name="Zoe Grueter")
    third = Author.objects.create(name="Zoë  Grüter")
    nameless = Author.objects.create(name="——")

    assert [first.slug, second.slug, third.slug] == ["zoe-grueter", "zoe-grueter-2", "zoe-grueter-3"]
    assert nameless.slug == "autor"
    # Renaming keeps the address; an editor changes it on purpose.
    first.name = "Zoë Grüter-Meier"
    first.save()
    first.refresh_from_db()
    assert first.slug == "zoe-grueter"


def test_author_listing_queries_do_not_grow_with_articles(client, desk, settings):
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    settings.KIOSK_PAGE_CACHE_ENABLED = False
    _, schweiz, anna = desk
    story(schweiz, authors=[anna], lead_image=KioskImageFactory())

    def count():
        client.get("/autoren/anna-mueller/")
        cache.clear()
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/autoren/anna-mueller/").status_code == 200
        return len(captured)

    few = count()
    for _ in range(5):
        story(schweiz, authors=[anna], lead_image=KioskImageFactory())
    assert count() == few
