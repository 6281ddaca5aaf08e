from django import template
from django.conf import settings
from django.utils import translation

from kiosk.newsroom.middleware import PREFIXED_LANGUAGES, language_from_path
from kiosk.pagecache import fragments

from ..navigation import cached_top_sections

register = template.Library()

LANGUAGE_NAMES = {"de-ch": "Deutsch", "en": "English", "fr": "Français"}


@register.inclusion_tag("components/main_navigation.html", takes_context=True)
def main_navigation(context):
    """The top-level sections, cached until a section is published."""
    sections = cached_top_sections(translation.get_language())
    page = context.get("page")
    path = getattr(page, "path", "")
    current = [item.pk for item in sections if path.startswith(item.path)]
    return {"sections": sections, "current_ids": current}


@register.filter
def language_links(request):
    """(code, url, name, is_current) for the same page in every reader language."""
    path = request.path
    current = language_from_path(path)
    bare = path
    if current in PREFIXED_LANGUAGES:
        bare = path[len(current) + 1 :] or "/"
    links = []
    for code, _name in settings.LANGUAGES:
        url = bare if code == settings.LANGUAGE_CODE else f"/{code}{bare}"
        links.append((code, url, LANGUAGE_NAMES.get(code, code), code == current))
    return links


@register.simple_tag(takes_context=True)
def prefetch_article_renditions(context):
    """Fetch, in one query, the renditions of every image the article shows."""
    from ..selectors import prefetch_article_renditions as prefetch

    prefetch(context["page"], context)
    return ""


@register.simple_tag(takes_context=True)
def prefetch_teaser_renditions(context):
    """The teasers' renditions in one query, unless the article's own fragment fetched them already."""
    from ..selectors import prefetch_teaser_renditions as prefetch

    prefetch(context)
    return ""


@register.simple_tag(takes_context=True)
def article_versions(context, article):
    """What the article's fragments are keyed by (read once per request, before they render)."""
    request = context.get("request")
    memo = getattr(request, "_kiosk_article_versions", None) if request is not None else None
    if memo is None or memo[0] != article.pk:
        memo = (article.pk, fragments.article_versions(article))
        if request is not None:
            request._kiosk_article_versions = memo
    return memo[1]


@register.filter
def hostname(url):
    """``www.example.com`` from a URL: names an embed's provider to the reader."""
    from urllib.parse import urlsplit

    return urlsplit(str(url)).hostname or url
