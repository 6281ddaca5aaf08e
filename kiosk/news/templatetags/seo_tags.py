"""Template access to kiosk.news.seo: metadata for search engines and social networks."""

from django import template

from .. import seo

register = template.Library()


@register.simple_tag(takes_context=True)
def article_seo(context):
    """``{% article_seo as seo %}``: description, canonical URL, images and JSON-LD of ``page``.

    Reuses the authors, tags and section the article page has loaded.
    """
    return seo.article_seo(
        context["page"],
        request=context["request"],
        publisher=context.get("newsroom"),
        authors=context.get("authors"),
        tags=context.get("tags"),
        section=context.get("section"),
    )


@register.simple_tag(takes_context=True)
def canonical_url(context, page):
    """The page's address without a reader-language prefix (articles: their canonical URL)."""
    request = context["request"]
    if getattr(page, "canonical_url", ""):
        return page.canonical_url
    return seo.page_full_url(page, request=request)


@register.simple_tag
def og_locale():
    return seo.og_locale()


@register.filter
def x_handle(value):
    return seo.x_handle(value)


@register.filter
def jsonld(data):
    """A dict as ``<script type="application/ld+json">``, safe inside HTML."""
    return seo.jsonld_script(data) if data else ""
