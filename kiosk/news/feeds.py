"""RSS 2.0 feeds: one site-wide, one per section."""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.translation import gettext as _
from wagtail.models import Site

from kiosk.newsroom.formatting import NEWSROOM_TZ
from kiosk.newsroom.sites import public_root_url

from .models import ArticlePage, limit_lifetime_to_expiry

FEED_LENGTH = 30


class ArticleFeed(Feed):
    feed_type = Rss201rev2Feed
    # The articles are German whatever language the interface around them speaks.
    language = settings.LANGUAGE_CODE
    item_guid_is_permalink = False

    def __init__(self, page):
        super().__init__()
        self.page = page

    def get_object(self, request, *args, **kwargs):
        self.request = request
        self.site = Site.find_for_request(request)
        return self.page

    @property
    def site_name(self) -> str:
        return (self.site.site_name if self.site else "") or settings.WAGTAIL_SITE_NAME

    def link(self, page):
        return page.get_full_url(self.request)

    def feed_url(self, page):
        # Django would make it from the request's Host header.
        return page.get_full_url(self.request) + "feed/"

    def item_title(self, article):
        return article.teaser_title

    def item_description(self, article):
        return article.lead

    def item_link(self, article):
        return article.get_full_url(self.request)

    def item_guid(self, article):
        # A tag URI (RFC 4151) stays the same when the article moves, changes
        # its slug or is read through a language prefix; its URL would not.
        host = urlsplit(public_root_url(self.site, request=self.request)).hostname
        return f"tag:{host},{article.first_published_at:%Y-%m-%d}:article-{article.pk}"

    def item_pubdate(self, article):
        return timezone.localtime(article.first_published_at, NEWSROOM_TZ)

    def item_updateddate(self, article):
        return article.updated_at

    def item_author_name(self, article):
        names = ", ".join(a.name for a in article.authors)
        return names or (article.partner.name if article.partner else None)

    def item_categories(self, article):
        return [tag.name for tag in article.tags.all()]

    def base_queryset(self):
        return ArticlePage.objects.for_listing().prefetch_related("bylines__author", "tags")

    def newest(self, page) -> list[ArticlePage]:
        """The feed's articles; the cached feed lives no longer than the first of them."""
        articles = list(self.base_queryset().descendant_of(page)[:FEED_LENGTH])
        limit_lifetime_to_expiry(self.request, articles, now=timezone.now())
        return articles


class SiteFeed(ArticleFeed):
    def title(self, page):
        return self.site_name

    def description(self, page):
        return _("The newest articles")

    def items(self, page):
        return self.newest(page)


class SectionFeed(ArticleFeed):
    def title(self, page):
        return f"{page.title} – {self.site_name}"

    def description(self, page):
        return page.intro or _("The newest articles in %(section)s") % {"section": page.title}

    def items(self, page):
        return self.newest(page)
