"""RSS 2.0 feeds: one site-wide, one per section."""

from __future__ import annotations

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.translation import gettext as _

from .models import ArticlePage

FEED_LENGTH = 30


class ArticleFeed(Feed):
    feed_type = Rss201rev2Feed

    def __init__(self, page):
        super().__init__()
        self.page = page

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return self.page

    def link(self, page):
        return page.get_full_url(self.request)

    def item_title(self, article):
        return article.teaser_title

    def item_description(self, article):
        return article.lead

    def item_link(self, article):
        return article.get_full_url(self.request)

    def item_guid(self, article):
        return f"{article.get_full_url(self.request)}#{article.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, article):
        return article.first_published_at

    def item_updateddate(self, article):
        return article.updated_at

    def item_author_name(self, article):
        return ", ".join(a.name for a in article.authors.all()) or None

    def item_categories(self, article):
        return [tag.name for tag in article.tags.all()]

    def base_queryset(self):
        return ArticlePage.objects.for_listing().prefetch_related("authors", "tags")


class SiteFeed(ArticleFeed):
    def title(self, page):
        return page.get_site().site_name or page.title

    def description(self, page):
        return _("The newest articles")

    def items(self, page):
        return self.base_queryset().descendant_of(page)[:FEED_LENGTH]


class SectionFeed(ArticleFeed):
    def title(self, page):
        return f"{page.title} – {page.get_site().site_name}"

    def description(self, page):
        return page.intro or _("The newest articles in %(section)s") % {"section": page.title}

    def items(self, page):
        return self.base_queryset().descendant_of(page)[:FEED_LENGTH]
