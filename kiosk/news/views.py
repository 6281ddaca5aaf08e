from __future__ import annotations

import functools
from datetime import timedelta

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe
from wagtail.models import Site

from kiosk.newsroom.models import NewsroomSettings
from kiosk.newsroom.sites import absolute_url
from kiosk.pagecache.http import mark_cacheable

from .models import ArticlePage

NEWS_SITEMAP_WINDOW = timedelta(days=2)
# Google reads no more than this from one news sitemap.
NEWS_SITEMAP_LIMIT = 1000


def cacheable_view(view):
    """A function view whose successful answers anonymous readers share."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if request.method in ("GET", "HEAD") and response.status_code == 200:
            mark_cacheable(response)
        return response

    return wrapper


@require_safe
@cacheable_view
def news_sitemap(request):
    """Google News sitemap: indexable articles first published in the last two days."""
    site = Site.find_for_request(request)
    since = timezone.now() - NEWS_SITEMAP_WINDOW
    articles = ArticlePage.objects.for_listing().published_since(since).filter(noindex=False)
    if site:
        articles = articles.descendant_of(site.root_page, inclusive=True)
    entries = []
    for article in articles[:NEWS_SITEMAP_LIMIT]:
        url = article.get_full_url(request)
        # Copy whose canonical URL is the partner's belongs in the partner's sitemap.
        if article.canonical_url and article.canonical_url != url:
            continue
        entries.append({"url": url, "article": article})
    return render(
        request,
        "news/news_sitemap.xml",
        {
            "entries": entries,
            "publication": NewsroomSettings.cached_for_site(site).publisher_name if site else "Kiosk",
            # ISO 639 as Google News wants it: "de", not "de-ch".
            "language": settings.LANGUAGE_CODE.split("-")[0],
        },
        content_type="application/xml; charset=utf-8",
    )


@require_safe
@cacheable_view
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        f"Sitemap: {absolute_url('/sitemap.xml', request=request)}",
        f"Sitemap: {absolute_url('/sitemap-news.xml', request=request)}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
