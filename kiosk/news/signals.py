"""Cache purging and warming when what a page shows changes (no domain logic here)."""

from __future__ import annotations

from functools import partial

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils import translation
from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache
from wagtail.models import Page, PageViewRestriction, ReferenceIndex, Site
from wagtail.signals import page_published, page_unpublished

from kiosk.galleries.models import Gallery
from kiosk.images.models import KioskImage
from kiosk.newsroom.models import NewsroomSettings
from kiosk.newsroom.sites import forget_sites
from kiosk.pagecache.fragments import bump_content_generation

from .models import ArticlePage, Author, Partner, SectionPage
from .navigation import forget_navigation
from .routing import forget_restricted_paths
from .tasks import warm_article_renditions

SITE_WIDE_PATHS = ("sitemap.xml", "sitemap-news.xml")


def language_variants(url: str) -> list[str]:
    """The URL as each reader language serves it: /x/, /en/x/, /fr/x/."""
    scheme, rest = url.split("://", 1)
    host, _, path = rest.partition("/")
    prefixes = [""] + [f"{code}/" for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
    return [f"{scheme}://{host}/{prefix}{path}" for prefix in prefixes]


def urls_showing(page: Page) -> list[str]:
    """Every public URL whose content depends on this page."""
    # Editors publish from an admin in their own language; the URLs to
    # purge are built unprefixed and then varied per reader language.
    with translation.override(settings.LANGUAGE_CODE):
        return _urls_showing(page)


def _urls_showing(page: Page) -> list[str]:
    urls: list[str] = []
    for shown in [page, *Page.objects.ancestor_of(page).filter(depth__gt=1)]:
        url = shown.get_full_url()
        if not url:
            continue
        urls.append(url)
        if shown.specific_class in (SectionPage,) or shown.depth == 2:
            urls.append(url + "feed/")
        if shown.depth == 2:
            urls.extend(url + path for path in SITE_WIDE_PATHS)
    return [variant for url in urls for variant in language_variants(url)]


@receiver(page_published)
@receiver(page_unpublished)
def purge_page_and_listings(sender, instance, **kwargs):
    if isinstance(instance, SectionPage) or instance.depth == 2:
        forget_navigation()
    if instance.depth == 2:
        forget_sites()
    if isinstance(instance, (ArticlePage, SectionPage)) or instance.depth == 2:
        bump_content_generation()
        purge_urls_from_cache(urls_showing(instance))


@receiver(post_save, sender=Site)
@receiver(post_delete, sender=Site)
def sites_changed(sender, **kwargs):
    forget_sites()


@receiver(post_save, sender=NewsroomSettings)
def newsroom_settings_changed(sender, **kwargs):
    """The publisher's name, logo and support text are in every rendered article."""
    bump_content_generation()


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def restrictions_changed(sender, **kwargs):
    forget_restricted_paths()


@receiver(post_save, sender=Gallery)
@receiver(post_save, sender=KioskImage)
@receiver(post_save, sender=Author)
@receiver(post_save, sender=Partner)
def purge_pages_using(sender, instance, **kwargs):
    """A corrected caption or credit must reach the pages that print it."""
    bump_content_generation()
    page_ids = (
        ReferenceIndex.get_references_to(instance)
        .filter(base_content_type__model="page")
        .values_list("object_id", flat=True)
    )
    pages = Page.objects.live().filter(pk__in=[int(pk) for pk in page_ids])
    purge_urls_from_cache([url for page in pages for url in urls_showing(page)])


@receiver(page_published, sender=ArticlePage)
def warm_renditions(sender, instance, **kwargs):
    """Renditions are a cache too: the worker makes them after publish, no reader waits for one."""
    # Robust: the article is published whether or not its warm-up could be queued.
    transaction.on_commit(partial(warm_article_renditions.enqueue, instance.pk), robust=True)
