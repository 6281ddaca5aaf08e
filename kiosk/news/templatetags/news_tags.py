from django import template
from django.conf import settings
from django.core.cache import cache
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


@register.simple_tag
def article_versions(article):
    """What the article's fragments are keyed by (each version read once per request)."""
    return fragments.article_versions(article)


class PageFragmentNode(template.Node):
    def __init__(self, name: str, nodelist) -> None:
        self.name, self.nodelist = name, nodelist

    def render(self, context) -> str:
        page, request = context.get("page"), context.get("request")
        site = getattr(request, "_wagtail_site", None)
        if getattr(page, "pk", None) is None or site is None:
            return self.nodelist.render(context)
        language = translation.get_language()
        key = f"news:page-fragment:{self.name}:{site.pk}:{page.pk}:{language}:{fragments.layout_version()}"
        html = cache.get(key)
        if html is None:
            html = self.nodelist.render(context)
            cache.set(key, html, fragments.FRAGMENT_SECONDS)
        return html


@register.tag
def page_fragment(parser, token):
    """``{% page_fragment "name" %}…{% endpage_fragment %}``: the header's and footer's shared parts.

    Cached per site, page, language and layout (sections and site settings) on
    the newsroom's pages, a bounded set of keys; rendered afresh elsewhere, so
    made-up URLs (404s) cannot fill the cache with one entry each. What is
    inside may show the page's path and section, never who reads it.
    """
    try:
        _tag, name = token.split_contents()
    except ValueError:
        raise template.TemplateSyntaxError("page_fragment takes one name") from None
    nodelist = parser.parse(("endpage_fragment",))
    parser.delete_first_token()
    return PageFragmentNode(name.strip("\"'"), nodelist)


@register.filter
def hostname(url):
    """``www.example.com`` from a URL: names an embed's provider to the reader."""
    from urllib.parse import urlsplit

    return urlsplit(str(url)).hostname or url
