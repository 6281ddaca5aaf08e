"""The pages the comment benchmarks write to, made the way an editor publishes them (not from test factories)."""

from __future__ import annotations

BODY = [
    ("paragraph", "<p>Ein erster Absatz mit etwas Text.</p>"),
    ("subheading", "Ein Zwischentitel"),
    ("paragraph", "<p>Ein zweiter Absatz.</p>"),
]


def published(parent, page):
    """``page`` below ``parent``, published through a revision."""
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def newsroom():
    """A front page as the default site's root, with one section: (home, section)."""
    from wagtail.models import Page, Site

    from kiosk.news.models import HomePage, SectionPage

    home = Page.get_first_root_node().add_child(instance=HomePage(title="Kiosk", slug="kiosk-bench"))
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "Kiosk"},
    )
    return home, published(home, SectionPage(title="Bench", slug="bench"))


def article(section, *, title: str, slug: str):
    from kiosk.news.models import ArticlePage

    lead = "Ein kurzer Lead, der in zwei Sätzen sagt, worum es geht. Er steht fett über dem Text."
    return published(section, ArticlePage(title=title, slug=slug, lead=lead, body=BODY))
