"""Factories for the page tree: pages are created as children, as Wagtail wants."""

import factory
from django.conf import settings
from django.utils import timezone
from factory.django import DjangoModelFactory
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page, Site

from kiosk.news.models import ArticleAuthor, ArticlePage, Author, HomePage, Partner, SectionPage


def make_home() -> HomePage:
    """A front page as the default site's root (replacing Wagtail's welcome page)."""
    root = Page.get_first_root_node()
    if root is None:
        # A transactional test starts from an empty database: Wagtail's root page is gone too.
        Locale.objects.get_or_create(
            language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE)
        )
        root = Page.add_root(instance=Page(title="Root", slug="root"))
    home = root.add_child(instance=HomePage(title="Kiosk", slug="kiosk-home"))
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "Kiosk"},
    )
    return home


class PageFactory(DjangoModelFactory):
    class Meta:
        abstract = True

    parent = None

    @classmethod
    def _create(cls, model_class, *args, parent=None, publish=True, **kwargs):
        page = model_class(*args, **kwargs)
        parent.add_child(instance=page)
        wanted = kwargs.get("slug")
        if wanted and page.slug != wanted:
            # A slug as pages had before Kiosk wrote Swiss ones («zürcher-…»), stored as given:
            # such pages keep their addresses, and the tests of umlaut URLs keep them too.
            url_path = page.url_path[: -len(page.slug) - 1] + f"{wanted}/"
            Page.objects.filter(pk=page.pk).update(slug=wanted, url_path=url_path)
            page.refresh_from_db()
        if publish:
            revision = page.save_revision()
            revision.publish()
            page.refresh_from_db()
        return page


class SectionPageFactory(PageFactory):
    class Meta:
        model = SectionPage

    title = factory.Sequence(lambda n: f"Ressort {n}")
    slug = factory.Sequence(lambda n: f"ressort-{n}")


class AuthorFactory(DjangoModelFactory):
    class Meta:
        model = Author

    name = factory.Faker("name", locale="de_CH")
    role = "Redaktorin"


class PartnerFactory(DjangoModelFactory):
    class Meta:
        model = Partner

    name = factory.Sequence(lambda n: f"Partnerverlag {n}")
    url = "https://partner.example"


class ArticlePageFactory(PageFactory):
    class Meta:
        model = ArticlePage

    title = factory.Sequence(lambda n: f"Schlagzeile Nummer {n}")
    slug = factory.Sequence(lambda n: f"artikel-{n}")
    lead = "Ein kurzer Lead, der in zwei Sätzen sagt, worum es geht. Er steht fett über dem Text."
    body = factory.LazyFunction(
        lambda: [
            ("paragraph", "<p>Ein erster Absatz mit etwas Text.</p>"),
            ("subheading", "Eine Zwischentitel"),
            ("paragraph", "<p>Ein zweiter Absatz.</p>"),
        ]
    )

    @classmethod
    def _create(cls, model_class, *args, published_at=None, **kwargs):
        page = super()._create(model_class, *args, **kwargs)
        if published_at is not None:
            ArticlePage.objects.filter(pk=page.pk).update(
                first_published_at=published_at, last_published_at=published_at
            )
            page.refresh_from_db()
        return page


def add_byline(article: ArticlePage, *authors: Author) -> None:
    """Put these authors in the article's byline, after any already there (as stored, no new revision)."""
    start = article.bylines.count()
    ArticleAuthor.objects.bulk_create(
        ArticleAuthor(article=article, author=author, sort_order=start + i)
        for i, author in enumerate(authors)
    )


def now():
    return timezone.now()
