from typing import NamedTuple

from django import template
from django.conf import settings
from django.core.cache import cache
from django.utils import translation
from django.utils.safestring import mark_safe

from kiosk.newsroom.middleware import PREFIXED_LANGUAGES, language_from_path
from kiosk.pagecache import fragments
from kiosk.pagecache.http import logged_in_reader

from .. import slots
from ..models import topic_url as _topic_url
from ..navigation import cached_footer_pages, cached_top_sections

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
def topic_url(tag):
    """``{{ tag|topic_url }}``: the tag's topic page in the reader's language."""
    return _topic_url(tag)


@register.simple_tag
def footer_pages():
    """The newsroom's own pages linked at the foot of every page (imprint, privacy), in tree order."""
    return cached_footer_pages(translation.get_language())


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


class PageShell(NamedTuple):
    header: str
    footer: str


HEADER, FOOTER = "components/site_header.html", "components/site_footer.html"
# A logged-in reader's account links, put into the shared header for each request.
ACCOUNT_PART = "components/header_account_part.html"
ACCOUNT_MARK = "<!--kiosk:header-account-->"


def _render(context, name: str, **extra) -> str:
    with context.push(**extra):
        return context.template.engine.get_template(name).render(context)


@register.simple_tag(takes_context=True)
def page_shell(context) -> PageShell:
    """``{% page_shell as shell %}``: the site's header and footer around a page.

    On the newsroom's pages (a bounded set of keys) both are cached together
    per site, page, language, layout (sections and site settings) and kind of
    reader; a logged-in reader's account links are put into the shared header
    afresh. Elsewhere, e.g. on a 404 for a made-up URL, they are rendered
    afresh, so no URL anyone invents adds a cache entry. What the shared part
    shows may depend on the page's path and section, never on who reads it.
    """
    request, page = context.get("request"), context.get("page")
    site = getattr(request, "_wagtail_site", None)
    reader = logged_in_reader(request) if request is not None else None
    if getattr(page, "pk", None) is None or site is None:
        return PageShell(_render(context, HEADER), _render(context, FOOTER))
    kind = "reader" if reader else "anonymous"
    language = translation.get_language()
    key = f"news:page-shell:{site.pk}:{page.pk}:{language}:{kind}:{fragments.layout_version()}"
    shell = cache.get(key)
    if shell is None:
        header = _render(context, HEADER, account_part=mark_safe(ACCOUNT_MARK) if reader else "")
        shell = PageShell(header, _render(context, FOOTER))
        cache.set(key, shell, fragments.FRAGMENT_SECONDS)
    if reader:
        shell = shell._replace(header=shell.header.replace(ACCOUNT_MARK, _render(context, ACCOUNT_PART)))
    return PageShell(mark_safe(shell.header), mark_safe(shell.footer))


@register.simple_tag(takes_context=True)
def article_slot(context, name: str) -> str:
    """What the apps registered for this place on the article page (kiosk.news.slots), in order."""
    engine = context.template.engine
    return mark_safe(
        "".join(engine.get_template(slot.template).render(context) for slot in slots.registered(name))
    )


@register.filter
def hostname(url):
    """``www.example.com`` from a URL: names an embed's provider to the reader."""
    from urllib.parse import urlsplit

    return urlsplit(str(url)).hostname or url
