"""The versions that rendered parts of pages and small lookups are cached under.

Each is a shared version (kiosk.cacheversions) bumped by what changes it
(kiosk.news.signals), so a change reaches every process and retires only
what shows it:

- ``page:<id>``   the page itself and what only it shows (its images,
                  gallery, partner, authors): its article fragments and
                  its routing entry;
- ``articles``    which articles are live and how their teasers look: the
                  related-articles and next-story fragments;
- ``sections``    the section tree: navigation, breadcrumbs, comment-window
                  overrides;
- ``site``        the Site records and newsroom settings (kiosk.newsroom.sites).

Fragments live an hour at most (``FRAGMENT_SECONDS``); keys that fall out of
use simply expire.
"""

from __future__ import annotations

from dataclasses import dataclass

from kiosk import cacheversions

FRAGMENT_SECONDS = 60 * 60
ARTICLES = "articles"
SECTIONS = "sections"
SITE = "site"


def page_version_name(page_id: int) -> str:
    return f"page:{page_id}"


@dataclass(frozen=True)
class ArticleVersions:
    """What an article page's fragments are keyed by, besides the article and the language."""

    content: str  # head and body: the live revision, the page, sections, site
    teasers: str  # related articles, support box and next story


def article_versions(article) -> ArticleVersions:
    """One read of the shared versions for all fragments of an article page."""
    page, articles, sections, site = cacheversions.current(
        page_version_name(article.pk), ARTICLES, SECTIONS, SITE
    )
    # The live revision is read with the article's row, so a correction is a new key even
    # where the shared version was read a moment after the rows.
    return ArticleVersions(
        content=f"{article.live_revision_id}.{page}.{sections}.{site}",
        teasers=f"{articles}.{sections}.{site}",
    )


def layout_version() -> str:
    """For caches of what the section tree and the site settings decide (navigation, comment windows)."""
    sections, site = cacheversions.current(SECTIONS, SITE)
    return f"{sections}.{site}"


# The name callers outside this app knew before per-page versions; it now changes
# only with the sections and the site settings, which is what its users read.
content_generation = layout_version


def bump_layout_version() -> None:
    """After a change to the section tree that no publish announces (a test's plain save)."""
    cacheversions.bump(SECTIONS)


bump_content_generation = bump_layout_version
