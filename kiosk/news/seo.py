"""What search engines and social networks read: descriptions, canonical URLs, images and JSON-LD.

Article text is German whatever language the reader's interface uses, so
canonical URLs point at the unprefixed (default-language) address and the
content language is the site's default language, not the active one.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.core.serializers.json import DjangoJSONEncoder
from django.utils import translation
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from wagtail.images.models import SourceImageIOError
from wagtail.models import Page

from kiosk.newsroom.formatting import NEWSROOM_TZ
from kiosk.newsroom.sites import absolute_url, site_version

from .models import AUTHORS_PATH, TOPICS_PATH, ArticlePage, Author

logger = logging.getLogger(__name__)

DESCRIPTION_LENGTH = 160
PORTRAIT_SPEC = "fill-400x400|format-jpeg"
# Google shows no more of a NewsArticle headline.
HEADLINE_LENGTH = 110
# 1200 px wide in the shapes Google Discover and the networks crop to; the
# first is the one Open Graph and X show.
SOCIAL_IMAGE_SPECS = (
    "fill-1200x675|format-jpeg",
    "fill-1200x900|format-jpeg",
    "fill-1200x1200|format-jpeg",
)
PUBLISHER_LOGO_SPEC = "max-600x600|format-png"
PUBLISHER_LOGO_KEY = "seo:publisher-logo:{image_id}:{site}"

# Keep a JSON-LD block from ending its <script> or opening markup, as json_script does.
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@dataclass(frozen=True)
class SocialImage:
    url: str
    width: int
    height: int
    alt: str


@dataclass(frozen=True)
class ArticleSeo:
    """Everything the article's <head> tells machines about it."""

    description: str
    canonical_url: str
    published: datetime | None
    modified: datetime | None
    images: list[SocialImage] = field(default_factory=list)
    jsonld: dict[str, Any] = field(default_factory=dict)

    @property
    def image(self) -> SocialImage | None:
        return self.images[0] if self.images else None


def shorten(text: str, limit: int) -> str:
    """The text on one line, cut at a word boundary to at most ``limit`` characters."""
    text = " ".join((text or "").split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:.–-") + "…"


def content_language() -> str:
    """The language articles are written in, as BCP 47 (``de-CH``)."""
    return translation.to_locale(settings.LANGUAGE_CODE).replace("_", "-")


def og_locale() -> str:
    """The content language as Open Graph wants it (``de_CH``)."""
    return translation.to_locale(settings.LANGUAGE_CODE)


def iso_datetime(value: datetime | None) -> str | None:
    """ISO 8601 with the Zurich UTC offset, as schema.org and Open Graph expect."""
    return value.astimezone(NEWSROOM_TZ).isoformat(timespec="seconds") if value else None


def x_handle(value: str) -> str:
    """``@kiosk`` from ``kiosk`` or ``@kiosk``; empty when unset."""
    value = (value or "").strip().lstrip("@")
    return f"@{value}" if value else ""


def page_full_url(page: Page, *, request) -> str:
    """The page's absolute address without a reader-language prefix."""
    with translation.override(settings.LANGUAGE_CODE):
        return page.get_full_url(request) or ""


def canonical_url(article: ArticlePage, *, request) -> str:
    """The original's address for syndicated copy, else the article's own."""
    return article.canonical_url or page_full_url(article, request=request)


def article_description(article: ArticlePage) -> str:
    return shorten(article.search_description or article.lead, DESCRIPTION_LENGTH)


def social_images(article: ArticlePage, *, request) -> list[SocialImage]:
    """The lead image in every social shape, at most one query; empty when its file is unreadable."""
    image = article.lead_image
    if image is None:
        return []
    try:
        renditions = image.get_renditions(*SOCIAL_IMAGE_SPECS)
    except (SourceImageIOError, OSError, ValueError):
        logger.warning("Image %s has no readable file; the article's metadata goes without it.", image.pk)
        return []
    return [
        SocialImage(
            url=absolute_url(rendition.url, request=request),
            width=rendition.width,
            height=rendition.height,
            alt=image.default_alt_text,
        )
        for rendition in renditions.values()
    ]


def site_root_url(request) -> str:
    """The front page's public address (KIOSK_BASE_URL for the default site), not the Host header's."""
    return absolute_url("/", request=request)


def publisher_logo(publisher, *, request) -> dict[str, Any] | None:
    """The logo as an ImageObject, cached until the settings change (saving the logo image bumps them too)."""
    image_id = getattr(publisher, "publisher_logo_id", None)
    if not image_id:
        return None
    key = PUBLISHER_LOGO_KEY.format(image_id=image_id, site=site_version())
    logo = cache.get(key)
    if logo is None:
        try:
            rendition = publisher.publisher_logo.get_rendition(PUBLISHER_LOGO_SPEC)
        except (SourceImageIOError, OSError, ValueError):
            logger.warning("Publisher logo %s has no readable file.", image_id)
            logo = {}
        else:
            logo = {"url": rendition.url, "width": rendition.width, "height": rendition.height}
        cache.set(key, logo, 60 * 60)
    if not logo:
        return None
    return {"@type": "ImageObject", **logo, "url": absolute_url(logo["url"], request=request)}


def publisher_organization(publisher, *, request) -> dict[str, Any]:
    organization = {
        "@type": "Organization",
        "name": getattr(publisher, "publisher_name", "") or "Kiosk",
        "url": site_root_url(request),
    }
    logo = publisher_logo(publisher, request=request)
    if logo:
        organization["logo"] = logo
    return organization


def author_full_url(author: Author, *, request) -> str:
    """The author page's address on the reader's site, without a language prefix."""
    return absolute_url(f"/{AUTHORS_PATH}/{author.slug}/", request=request)


def topic_full_url(tag, *, request) -> str:
    return absolute_url(f"/{TOPICS_PATH}/{tag.slug}/", request=request)


def person_jsonld(author: Author, *, request, publisher) -> dict[str, Any]:
    """schema.org Person for the author page: who writes here, for whom."""
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Person",
        "name": author.name,
        "url": author_full_url(author, request=request),
    }
    if author.role:
        data["jobTitle"] = author.role
    if author.bio:
        data["description"] = shorten(author.bio, DESCRIPTION_LENGTH * 2)
    if author.image is not None:
        try:
            rendition = author.image.get_rendition(PORTRAIT_SPEC)
        except (SourceImageIOError, OSError, ValueError):
            logger.warning(
                "Portrait %s has no readable file; the author's metadata goes without it.", author.image_id
            )
        else:
            data["image"] = absolute_url(rendition.url, request=request)
    data["worksFor"] = publisher_organization(publisher, request=request)
    return data


def partner_organization(partner) -> dict[str, Any]:
    organization = {"@type": "Organization", "name": partner.name}
    if partner.url:
        organization["url"] = partner.url
    return organization


def news_article_jsonld(
    article: ArticlePage,
    *,
    request,
    publisher,
    images: list[SocialImage] | None = None,
    authors=None,
    tags=None,
    section: Page | None = None,
) -> dict[str, Any]:
    """schema.org NewsArticle for Google's article rich results.

    Authors, tags, section and images are what the page has already loaded;
    left out, they are fetched here.
    """
    if images is None:
        images = social_images(article, request=request)
    if authors is None:
        authors = article.authors
    if tags is None:
        tags = list(article.tags.all())
    if section is None:
        section = article.section
    own_url = page_full_url(article, request=request)
    organization = publisher_organization(publisher, request=request)
    partner = article.partner

    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": shorten(article.title, HEADLINE_LENGTH),
    }
    if article.teaser_headline and article.teaser_headline != article.title:
        data["alternativeHeadline"] = article.teaser_headline
    data["description"] = article_description(article)
    if images:
        data["image"] = [image.url for image in images]
    data["datePublished"] = iso_datetime(article.published_at)
    data["dateModified"] = iso_datetime(article.updated_at or article.published_at)
    if authors:
        data["author"] = [
            {"@type": "Person", "name": author.name, "url": author_full_url(author, request=request)}
            for author in authors
        ]
    elif partner:
        data["author"] = [partner_organization(partner)]
    else:
        data["author"] = [organization]
    data["publisher"] = organization
    data["mainEntityOfPage"] = {"@type": "WebPage", "@id": own_url}
    data["url"] = own_url
    if section:
        data["articleSection"] = section.title
    if tags:
        data["keywords"] = [tag.name for tag in tags]
    data["inLanguage"] = content_language()
    data["isAccessibleForFree"] = True
    if partner:
        if article.canonical_url:
            data["isBasedOn"] = article.canonical_url
        data["sourceOrganization"] = partner_organization(partner)
    return data


def article_seo(
    article: ArticlePage, *, request, publisher, authors=None, tags=None, section: Page | None = None
) -> ArticleSeo:
    """What the article's <head> shows: one rendition lookup for Open Graph and JSON-LD together."""
    images = social_images(article, request=request)
    return ArticleSeo(
        description=article_description(article),
        canonical_url=canonical_url(article, request=request),
        published=article.published_at,
        modified=article.updated_at or article.published_at,
        images=images,
        jsonld=news_article_jsonld(
            article,
            request=request,
            publisher=publisher,
            images=images,
            authors=authors,
            tags=tags,
            section=section,
        ),
    )


def jsonld_script(data: dict[str, Any]) -> SafeString:
    """``<script type="application/ld+json">`` with <, > and & escaped, as in json_script."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(JSON_SCRIPT_ESCAPES)
    # Safe: with <, > and & escaped, nothing in the JSON can close the script or open markup.
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))
