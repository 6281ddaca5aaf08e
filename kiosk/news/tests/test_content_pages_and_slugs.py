"""Plain content pages in the footer, Swiss slugs for new pages, and bylines chosen in the admin."""

import pytest
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from kiosk.news.models import ArticleAuthor, ArticlePage, Author, ContentPage, SectionPage
from kiosk.news.tests.factories import ArticlePageFactory, AuthorFactory, SectionPageFactory

pytestmark = pytest.mark.django_db


def content_page(home, *, title, slug, footer=True, publish=True, **kwargs):
    page = home.add_child(instance=ContentPage(title=title, slug=slug, show_in_footer=footer, **kwargs))
    if publish:
        page.save_revision().publish()
    return page


def footer_of(response) -> str:
    html = response.content.decode()
    return html[html.index('<footer class="site-footer">') :]


def test_a_content_page_shows_its_title_lead_and_body(client, home):
    content_page(
        home,
        title="Impressum",
        slug="impressum",
        lead="Wer hinter Kiosk steht.",
        body=[("subheading", "Herausgeberin"), ("paragraph", "<p>Kiosk Medien AG, Seestrasse 12</p>")],
    )

    response = client.get("/impressum/")

    assert response.status_code == 200
    html = response.content.decode()
    assert '<h1 id="content-page-title" class="content-page__title">Impressum</h1>' in html
    assert "Wer hinter Kiosk steht." in html
    assert "Herausgeberin" in html
    assert "Kiosk Medien AG, Seestrasse 12" in html
    assert "s-maxage" in response["Cache-Control"]
    assert client.get("/en/impressum/").status_code == 200


def test_pages_marked_for_the_footer_are_linked_on_every_page_in_tree_order(client, home, section, article):
    content_page(home, title="Impressum", slug="impressum")
    content_page(home, title="Datenschutz", slug="datenschutz")
    content_page(home, title="Über uns", slug="ueber-uns", footer=False)
    content_page(home, title="Entwurf", slug="entwurf", publish=False, live=False)

    for url in ("/", section.url, article.url, "/impressum/", "/en/"):
        footer = footer_of(client.get(url))
        prefix = "/en" if url.startswith("/en/") else ""
        assert f'<a href="{prefix}/impressum/">Impressum</a>' in footer, url
        assert footer.index("Impressum") < footer.index("Datenschutz")
        assert "Über uns" not in footer
        assert "Entwurf" not in footer


def test_a_new_footer_page_reaches_every_cached_page_and_leaving_the_footer_too(client, home, article):
    client.get(article.url)
    assert client.get(article.url)["X-Kiosk-Cache"] == "hit"

    page = content_page(home, title="Datenschutz", slug="datenschutz")

    assert "Datenschutz" in footer_of(client.get(article.url))
    page.show_in_footer = False
    page.save_revision().publish()
    assert "Datenschutz" not in footer_of(client.get(article.url))
    page.show_in_footer = True
    page.save_revision().publish()
    page.unpublish()
    assert "Datenschutz" not in footer_of(client.get(article.url))


def test_content_pages_belong_below_the_front_page_only(home, section):
    assert ContentPage in home.specific_class.creatable_subpage_models()
    assert ContentPage not in SectionPage.creatable_subpage_models()


# -------------------------------------------------------------------- slugs


def add_page(client, parent, model, **fields):
    """The admin's create form as an editor sends it, with the publish button."""
    data = nested_form_data(
        {"seo_title": "", "search_description": "", "go_live_at": "", "expire_at": "", **fields}
    )
    data["action-publish"] = "action-publish"
    url = reverse("wagtailadmin_pages:add", args=[model._meta.app_label, model._meta.model_name, parent.pk])
    return client.post(url, data)


def section_fields(title, slug):
    return {"title": title, "slug": slug, "intro": "", "comment_window_hours": "", "comment_moderation": ""}


def test_a_page_made_in_the_admin_gets_a_swiss_slug(client, home, moderator):
    client.force_login(moderator)
    # As Wagtail's script types it from the title (WAGTAIL_ALLOW_UNICODE_SLUGS keeps the ü).
    response = add_page(
        client, home, SectionPage, **section_fields("Zürcher Über-Grönland", "zürcher-über-grönland")
    )

    assert response.status_code == 302, response.context["form"].errors
    page = SectionPage.objects.get(title="Zürcher Über-Grönland")
    assert page.slug == "zuercher-ueber-groenland"
    assert client.get("/zuercher-ueber-groenland/").status_code == 200


def test_a_swiss_slug_taken_by_a_sibling_is_refused_not_an_error(client, home, moderator):
    SectionPageFactory(parent=home, title="Zürich", slug="zuerich")
    client.force_login(moderator)

    response = add_page(client, home, SectionPage, **section_fields("Zürich", "zürich"))

    assert response.status_code == 200
    assert "slug" in response.context["form"].errors


def test_a_new_page_without_a_slug_gets_one_from_its_title_numbered_past_its_siblings(home):
    first = home.add_child(instance=SectionPage(title="Über uns"))
    second = home.add_child(instance=SectionPage(title="Über uns"))
    assert (first.slug, second.slug) == ("ueber-uns", "ueber-uns-2")


def test_existing_pages_keep_their_slugs_and_addresses(client, home, moderator):
    old = SectionPageFactory(parent=home, title="Zürich", slug="zuerich")
    # As made before Kiosk wrote Swiss slugs.
    Page.objects.filter(pk=old.pk).update(slug="zürich", url_path="/kiosk-home/zürich/")
    old = SectionPage.objects.get(pk=old.pk)
    old.title = "Zürich und Umgebung"
    old.save_revision().publish()
    old.refresh_from_db()

    assert old.slug == "zürich"
    assert client.get("/z%C3%BCrich/").status_code == 200


@pytest.mark.parametrize("slug", ["autoren", "themen", "feed"])
def test_the_front_pages_own_addresses_are_not_page_slugs(client, home, moderator, slug):
    client.force_login(moderator)
    response = add_page(client, home, SectionPage, **section_fields("Reserviert", slug))
    assert response.status_code == 200
    assert "slug" in response.context["form"].errors


# ----------------------------------------------------------------- bylines


def article_fields(article, bylines, initial=0):
    return {
        "title": article.title,
        "slug": article.slug,
        "kicker": "",
        "teaser_headline": "",
        "lead": article.lead,
        "lead_image": "",
        "body": streamfield([]),
        "bylines": inline_formset(
            [b if isinstance(b, dict) else {"author": b.pk} for b in bylines], initial=initial
        ),
        "partner": "",
        "source_line": "",
        "tags": "",
        "canonical_url": "",
        "comment_mode": "default",
        "comment_window_hours": "",
        "comment_moderation": "",
    }


def edit_article(client, article, bylines, initial=0):
    data = nested_form_data(
        {
            "seo_title": "",
            "search_description": "",
            "go_live_at": "",
            "expire_at": "",
            **article_fields(article, bylines, initial),
        }
    )
    data["action-publish"] = "action-publish"
    return client.post(reverse("wagtailadmin_pages:edit", args=[article.pk]), data)


def test_the_editor_sets_the_bylines_order_in_the_admin(client, section, moderator):
    article = ArticlePageFactory(parent=section)
    zora, anna = AuthorFactory(name="Zora Zünd"), AuthorFactory(name="Anna Aebi")
    client.force_login(moderator)

    response = edit_article(client, article, [zora, anna])

    assert response.status_code == 302, response.context["form"].errors
    article = ArticlePage.objects.get(pk=article.pk)
    assert [a.name for a in article.authors] == ["Zora Zünd", "Anna Aebi"]
    assert [a.name for a in article.get_latest_revision_as_object().authors] == ["Zora Zünd", "Anna Aebi"]
    # Dragged into the other order, as the admin sends it: the rows it shows, renumbered.
    rows = list(ArticleAuthor.objects.filter(article=article).order_by("sort_order"))
    response = edit_article(
        client,
        article,
        [
            {"id": rows[0].pk, "author": zora.pk, "ORDER": "2"},
            {"id": rows[1].pk, "author": anna.pk, "ORDER": "1"},
        ],
        initial=2,
    )
    assert response.status_code == 302, response.context["form"].errors
    assert [a.name for a in ArticlePage.objects.get(pk=article.pk).authors] == ["Anna Aebi", "Zora Zünd"]


def test_removing_an_author_and_adding_them_again_in_one_edit_keeps_one_byline(client, section, moderator):
    article = ArticlePageFactory(parent=section)
    anna = AuthorFactory(name="Anna Aebi")
    client.force_login(moderator)
    assert edit_article(client, article, [anna]).status_code == 302
    (row,) = ArticleAuthor.objects.filter(article=article)

    response = edit_article(
        client, article, [{"id": row.pk, "author": anna.pk, "DELETE": "1"}, {"author": anna.pk}], initial=1
    )

    assert response.status_code in (200, 302)
    assert [a.name for a in ArticlePage.objects.get(pk=article.pk).authors] == ["Anna Aebi"]


def test_the_same_author_twice_in_one_byline_is_refused(client, section, moderator):
    article = ArticlePageFactory(parent=section)
    anna = AuthorFactory(name="Anna Aebi")
    client.force_login(moderator)

    response = edit_article(client, article, [anna, anna])

    assert response.status_code == 200
    assert ArticleAuthor.objects.filter(article=article).count() == 0


def test_the_article_form_offers_the_author_chooser(client, section, moderator):
    article = ArticlePageFactory(parent=section)
    client.force_login(moderator)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[article.pk])).content.decode()
    assert "bylines-TOTAL_FORMS" in html
    assert reverse("wagtailsnippetchoosers_news_author:choose") in html


def test_the_author_chooser_searches_and_creates_authors(
    client, moderator, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):  # the search index follows on commit
        AuthorFactory(name="Anna Aebi")
        AuthorFactory(name="Beat Brunner")
    client.force_login(moderator)

    found = client.get(reverse("wagtailsnippetchoosers_news_author:choose_results"), {"q": "Anna"})
    assert "Anna Aebi" in found.content.decode()
    assert "Beat Brunner" not in found.content.decode()

    chooser = client.get(reverse("wagtailsnippetchoosers_news_author:choose"))
    assert 'name="name"' in chooser.json()["html"]  # the «Add a new author» tab
    created = client.post(
        reverse("wagtailsnippetchoosers_news_author:create"),
        {"name": "Chiara Bernasconi", "role": "Kulturredaktorin", "email": "", "bio": "", "image": ""},
    )
    assert created.status_code == 200
    assert created.json()["step"] == "chosen"
    assert Author.objects.get(name="Chiara Bernasconi").slug == "chiara-bernasconi"


def test_a_reader_cannot_use_the_author_chooser(client, reader):
    client.force_login(reader)
    response = client.get(reverse("wagtailsnippetchoosers_news_author:choose"))
    assert response.status_code in (302, 403)
    assert not Page.objects.filter(title="x").exists()
