"""Retiring cached pages, fragments and lookups when what they show changes, and warming renditions (no domain logic here).

Each change bumps the shared versions of what shows it (kiosk.pagecache.fragments
names them) and purges the URLs that show it (Kiosk's page cache and the
proxy in front): an article's publish retires that article, its sections,
the front page and their feeds, and the teasers of other articles; its
removal (unpublish, move, delete) retires every cached page, since any page
may tease it. The README's cache table lists them all.
"""

from __future__ import annotations

import copy
from functools import partial

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete, pre_save
from django.dispatch import receiver
from django.utils import translation
from taggit.models import Tag
from wagtail.models import Page, PageViewRestriction, ReferenceIndex, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from kiosk import cacheversions
from kiosk.galleries.models import Gallery
from kiosk.images.models import KioskImage
from kiosk.newsroom.models import NewsroomSettings
from kiosk.newsroom.sites import forget_sites
from kiosk.pagecache.backends import purge_urls
from kiosk.pagecache.fragments import ARTICLES, SECTIONS, page_version_name
from kiosk.pagecache.store import EVERY_PAGE

from .models import AUTHORS_PATH, TOPICS_PATH, ArticlePage, Author, ContentPage, Partner, SectionPage
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


def listing_paths(article: Page) -> list[str]:
    """The author and topic pages (below the front page) that list this article, as stored now."""
    if article.specific_class is not ArticlePage:
        return []
    slugs = Author.objects.filter(bylines__article_id=article.pk).values_list("slug", flat=True)
    tags = ArticlePage.tags.through.objects.filter(content_object_id=article.pk).values_list(
        "tag__slug", flat=True
    )
    return [f"{AUTHORS_PATH}/{slug}/" for slug in slugs] + [f"{TOPICS_PATH}/{slug}/" for slug in tags]


def _urls_showing(page: Page) -> list[str]:
    urls: list[str] = []
    listings = listing_paths(page)
    # Specific pages: their URLs are on the public address (KIOSK_BASE_URL), which the
    # proxy caches them under, not on the Site record's host.
    for shown in [page.specific_deferred, *Page.objects.ancestor_of(page).filter(depth__gt=1).specific()]:
        url = shown.get_full_url()
        if not url:
            continue
        urls.append(url)
        if shown.specific_class in (SectionPage,) or shown.depth == 2:
            urls.append(url + "feed/")
        if shown.depth == 2:
            urls.extend(url + path for path in (*SITE_WIDE_PATHS, *listings))
    return [variant for url in urls for variant in language_variants(url)]


def language_variants_of(page: Page) -> list[str]:
    with translation.override(settings.LANGUAGE_CODE):
        url = page.get_full_url()
    return language_variants(url) if url else []


def _is_tree_page(page: Page) -> bool:
    """A section or a front page: its title and place show on every page below it and in the navigation.

    A content page too: it may be linked in the footer of every page (cached with the navigation).
    """
    return page.specific_class in (SectionPage, ContentPage) or page.depth == 2


def retire_page(page: Page, *, removed: bool) -> None:
    """The page's own versions and those of what shows it; broad ones first (see kiosk.news.routing)."""
    names = []
    if removed:
        names.append(EVERY_PAGE)
    if page.specific_class is ArticlePage:
        names.append(ARTICLES)
    if _is_tree_page(page):
        names += [EVERY_PAGE, SECTIONS, ARTICLES]
    names.append(page_version_name(page.pk))
    cacheversions.bump(*dict.fromkeys(names))
    if page.depth == 2:
        # Sites are cached with their front page.
        forget_sites()


@receiver(page_published)
def page_was_published(sender, instance, **kwargs):
    retire_page(instance, removed=False)
    purge_urls(urls_showing(instance))


@receiver(page_unpublished)
def page_was_unpublished(sender, instance, **kwargs):
    retire_page(instance, removed=True)
    purge_urls(urls_showing(instance))


@receiver(post_page_move)
def page_was_moved(sender, instance, url_path_before, url_path_after, parent_page_before=None, **kwargs):
    if url_path_before == url_path_after:
        return
    retire_page(instance, removed=True)
    if not instance.live:
        return
    # The old address and the sections it left (for the proxy: Kiosk's own copies
    # went with EVERY_PAGE), and the new ones. Pages below a moved section keep
    # their old addresses in the proxy until they expire there.
    before = copy.copy(instance)
    before.url_path = url_path_before
    urls = [*language_variants_of(before), *urls_showing(instance)]
    if parent_page_before is not None:
        urls += urls_showing(parent_page_before)
    purge_urls(urls)


@receiver(pre_save, sender=ArticlePage)
def article_will_change(sender, instance, update_fields=None, **kwargs):
    """Author and topic pages that list a live article as it was: a publish may take it off them.

    Wagtail publishes with a full save (drafts save only a few fields); the pages that
    list it afterwards are purged when ``page_published`` follows.
    """
    if instance.pk is None or update_fields is not None:
        return
    before = Page.objects.filter(pk=instance.pk, live=True).first()
    if before is None:
        return
    with translation.override(settings.LANGUAGE_CODE):
        home = Page.objects.ancestor_of(before).filter(depth=2).first()
        root = home.specific.get_full_url() if home else None
    if root:
        purge_urls([variant for path in listing_paths(before) for variant in language_variants(root + path)])


@receiver(pre_save, sender=Author)
def author_may_move(sender, instance, **kwargs):
    """A new slug leaves the old author page behind: a 404 from now on, not a cached copy."""
    if instance.pk is None:
        return
    old_slug = Author.objects.filter(pk=instance.pk).values_list("slug", flat=True).first()
    if old_slug and old_slug != instance.slug:
        purge_urls(_author_page_urls(old_slug))


def _author_page_urls(slug: str) -> list[str]:
    with translation.override(settings.LANGUAGE_CODE):
        roots = [home.get_full_url() for home in Page.objects.filter(depth=2).live().specific()]
    return [
        variant for root in roots if root for variant in language_variants(f"{root}{AUTHORS_PATH}/{slug}/")
    ]


@receiver(post_save, sender=Author)
@receiver(pre_delete, sender=Author)
def purge_author_page(sender, instance, **kwargs):
    purge_urls(_author_page_urls(instance.slug))


def _front_page_urls(path: str) -> list[str]:
    with translation.override(settings.LANGUAGE_CODE):
        roots = [home.get_full_url() for home in Page.objects.filter(depth=2).live().specific()]
    return [variant for root in roots if root for variant in language_variants(f"{root}{path}")]


@receiver(pre_save, sender=Tag)
def tag_may_move(sender, instance, **kwargs):
    """A renamed tag's old topic page goes; the articles that print it are retired once it is saved."""
    if instance.pk is None:
        return
    old_slug = Tag.objects.filter(pk=instance.pk).values_list("slug", flat=True).first()
    if old_slug and old_slug != instance.slug:
        purge_urls(_front_page_urls(f"{TOPICS_PATH}/{old_slug}/"))


@receiver(post_save, sender=Tag)
@receiver(pre_delete, sender=Tag)
def purge_pages_with_tag(sender, instance, created=False, **kwargs):
    if created:
        return  # a new tag is shown by no article yet: the article that adds it is published next
    page_ids = sorted(
        ArticlePage.tags.through.objects.filter(tag_id=instance.pk).values_list(
            "content_object_id", flat=True
        )
    )
    urls = _front_page_urls(f"{TOPICS_PATH}/{instance.slug}/")
    if page_ids:
        cacheversions.bump(ARTICLES, *(page_version_name(pk) for pk in page_ids))
        urls += [url for page in Page.objects.live().filter(pk__in=page_ids) for url in urls_showing(page)]
    purge_urls(urls)


@receiver(post_delete, sender=Page)
def page_was_deleted(sender, instance, **kwargs):
    # Wagtail unpublishes a live page first; a draft may still be remembered by its URL path.
    cacheversions.bump(EVERY_PAGE, page_version_name(instance.pk))


@receiver(post_save, sender=Site)
@receiver(post_delete, sender=Site)
def sites_changed(sender, **kwargs):
    forget_sites()
    cacheversions.bump(EVERY_PAGE)


@receiver(post_save, sender=NewsroomSettings)
def newsroom_settings_changed(sender, created=False, **kwargs):
    """The publisher's name, logo and support text are on every page (the settings' own cache follows the site).

    Settings created with their defaults, as the first page renders, change nothing shown.
    """
    if not created:
        cacheversions.bump(EVERY_PAGE)


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def restrictions_changed(sender, instance, **kwargs):
    """A private section must leave every cache at once, listings and teasers included."""
    forget_restricted_paths()
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        purge_urls(urls_showing(page))


# Snippets and images a page shows: found through Wagtail's reference index
# (foreign keys, StreamField blocks, gallery items), one step further for
# what shows them in turn (an image in a gallery, a partner's logo).
SHOWN_THROUGH = (Gallery, Partner, Author)


def pages_showing(instance, *, further: bool = True) -> tuple[set[int], bool]:
    """(ids of pages that show ``instance``, whether the site settings show it)."""
    page_ids: set[int] = set()
    in_settings = False
    if isinstance(instance, Author):
        # Bylines are the article's child rows, which the reference index records under the byline.
        page_ids.update(instance.bylines.values_list("article_id", flat=True))
    rows = (
        ReferenceIndex.get_references_to(instance).values_list("base_content_type_id", "object_id").distinct()
    )
    for content_type_id, object_id in rows:
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is None:
            continue
        if issubclass(model, Page):
            page_ids.add(int(object_id))
        elif issubclass(model, NewsroomSettings):
            in_settings = True
        elif further and model in SHOWN_THROUGH:
            shown = model.objects.filter(pk=object_id).first()
            if shown is not None:
                more, more_in_settings = pages_showing(shown, further=False)
                page_ids |= more
                in_settings = in_settings or more_in_settings
    return page_ids, in_settings


@receiver(post_save, sender=Gallery)
@receiver(post_save, sender=KioskImage)
@receiver(post_save, sender=Author)
@receiver(post_save, sender=Partner)
@receiver(pre_delete, sender=Gallery)
@receiver(pre_delete, sender=KioskImage)
@receiver(pre_delete, sender=Author)
@receiver(pre_delete, sender=Partner)
def purge_pages_using(sender, instance, **kwargs):
    """A corrected caption or credit must reach the pages that print it, and only those."""
    page_ids, in_settings = pages_showing(instance)
    if in_settings:
        forget_sites()
        cacheversions.bump(EVERY_PAGE)
    if not page_ids:
        return
    cacheversions.bump(ARTICLES, *(page_version_name(pk) for pk in sorted(page_ids)))
    pages = Page.objects.live().filter(pk__in=page_ids)
    purge_urls([url for page in pages for url in urls_showing(page)])


@receiver(page_published, sender=ArticlePage)
def warm_renditions(sender, instance, **kwargs):
    """Renditions are a cache too: the worker makes them after publish, no reader waits for one."""
    # Robust: the article is published whether or not its warm-up could be queued.
    transaction.on_commit(partial(warm_article_renditions.enqueue, instance.pk), robust=True)
