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


@register.simple_tag(takes_context=True)
def author_seo(context, author):
    """``{% author_seo author as seo %}``: the author page's canonical URL and Person JSON-LD."""
    request = context["request"]
    return {
        "canonical_url": seo.author_full_url(author, request=request),
        "jsonld": seo.person_jsonld(author, request=request, publisher=context.get("newsroom")),
    }


@register.simple_tag(takes_context=True)
def topic_canonical_url(context, tag):
    return seo.topic_full_url(tag, request=context["request"])
