"""Reads that span several models: what each news page shows.

Every function here runs a fixed number of queries, however many blocks,
images, tags or related articles a page has.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Case, Count, F, IntegerField, Q, Value, When, Window
from django.db.models.functions import RowNumber, Substr
from django.utils.functional import SimpleLazyObject
from wagtail.models import Page

from kiosk.images.renditions import prefetch_renditions

from .models import ArticlePage, HomePage, SectionPage
from .routing import exclude_restricted

RELATED_LIMIT = 4
FRONT_PAGE_STORIES_PER_SECTION = 5


def body_images(article: ArticlePage) -> list:
    """Every image instance the body will render, galleries included."""
    images = []
    for block in article.body:
        if block.block_type == "image" and block.value["image"] is not None:
            images.append(block.value["image"])
        elif block.block_type == "gallery" and block.value is not None:
            images.extend(item.image for item in block.value.items.all())
    return images


def related_articles(
    article: ArticlePage, *, tag_ids: Iterable[int], limit: int = RELATED_LIMIT
) -> list[ArticlePage]:
    """Up to ``limit`` articles: shared tags first, then the same section, newest first."""
    tag_ids = list(tag_ids)
    parent_path = article.path[: -article.steplen]
    candidates = (
        ArticlePage.objects.for_listing()
        .exclude(pk=article.pk)
        .annotate(
            shared_tags=Count("tagged_items", filter=Q(tagged_items__tag_id__in=tag_ids), distinct=True),
            same_section=Case(
                When(path__startswith=parent_path, depth=article.depth, then=Value(1)),
                default=Value(0),
                output_field=IntegerField(),
            ),
        )
        .filter(Q(shared_tags__gt=0) | Q(same_section=1))
        .order_by("-shared_tags", "-same_section", "-first_published_at", "-pk")
    )
    return list(candidates[:limit])


def next_story(article: ArticlePage, *, avoid: Iterable[int] = ()) -> ArticlePage | None:
    """The story to read on with: the next older one, preferring the same section.

    Stories in ``avoid`` (already teased as related) come last, not never:
    a small section still offers the reader a next story.
    """
    parent_path = article.path[: -article.steplen]
    older = (
        ArticlePage.objects.for_listing()
        .exclude(pk=article.pk)
        .annotate(
            already_teased=Case(
                When(pk__in=list(avoid), then=Value(1)), default=Value(0), output_field=IntegerField()
            ),
            same_section=Case(
                When(path__startswith=parent_path, then=Value(1)),
                default=Value(0),
                output_field=IntegerField(),
            ),
            is_older=Case(
                When(first_published_at__lt=article.first_published_at, then=Value(1)),
                default=Value(0),
                output_field=IntegerField(),
            )
            if article.first_published_at
            else Value(1, output_field=IntegerField()),
        )
        .order_by("already_teased", "-is_older", "-same_section", "-first_published_at", "-pk")
    )
    return older.first()


def breadcrumb(page: Page, *, inclusive: bool = False) -> list[Page]:
    """The sections above a page, top-level first (the front page left out)."""
    ancestors = Page.objects.ancestor_of(page, inclusive=inclusive).filter(depth__gt=2).live()
    return list(ancestors.order_by("depth"))


def article_page_context(article: ArticlePage) -> dict:
    """Everything the article template shows beyond the page's own fields.

    Values are lazy: a warm fragment cache renders the page without running
    any of these queries. ``prefetch_article_renditions`` fetches the
    renditions of every image they show in one query.
    """
    crumbs = SimpleLazyObject(lambda: breadcrumb(article))
    tags = SimpleLazyObject(lambda: list(article.tags.all()))
    related = SimpleLazyObject(lambda: related_articles(article, tag_ids=[t.pk for t in tags]))
    return {
        "breadcrumb": crumbs,
        "section": SimpleLazyObject(lambda: crumbs[-1] if crumbs else None),
        "authors": SimpleLazyObject(lambda: list(article.authors.all())),
        "tags": tags,
        "partner": article.partner,
        "related_articles": related,
        "next_story": SimpleLazyObject(lambda: next_story(article, avoid=[a.pk for a in related])),
    }


def prefetch_article_renditions(article: ArticlePage, context) -> None:
    """One query for the renditions of every image the article page shows."""
    following = context.get("next_story")
    partner = article.partner
    prefetch_renditions(
        [
            article.lead_image,
            partner.logo if partner else None,
            *body_images(article),
            *(a.lead_image for a in context.get("related_articles") or []),
            following.lead_image if following else None,
        ]
    )


def prefetch_teaser_renditions(context) -> None:
    """One query for the related articles' and the next story's images, if none has them yet.

    The article's own fragment fetches them along with its own when it renders
    too; the teasers render alone when only another article changed.
    """
    following = context.get("next_story")
    images = [
        *(a.lead_image for a in context.get("related_articles") or []),
        following.lead_image if following else None,
    ]
    prefetch_renditions(image for image in images if not hasattr(image, "prefetched_renditions"))


def section_listing(section: SectionPage, articles: list[ArticlePage]) -> list[ArticlePage]:
    prefetch_renditions(a.lead_image for a in articles)
    return articles


@dataclass
class FrontPageSection:
    section: SectionPage
    stories: list[ArticlePage]


def front_page_sections(
    home: HomePage, per_section: int = FRONT_PAGE_STORIES_PER_SECTION
) -> list[FrontPageSection]:
    """Each top-level section with its newest stories, in two queries."""
    sections = list(exclude_restricted(home.get_children().live().type(SectionPage)).specific())
    if not sections:
        return []
    prefix_length = (home.depth + 1) * home.steplen
    ranked = (
        ArticlePage.objects.for_listing()
        .descendant_of(home)
        .annotate(
            section_path=Substr("path", 1, prefix_length),
            rank=Window(
                RowNumber(),
                partition_by=[Substr("path", 1, prefix_length)],
                order_by=[F("first_published_at").desc(), F("pk").desc()],
            ),
        )
        .filter(rank__lte=per_section)
    )
    by_section: dict[str, list[ArticlePage]] = {}
    for article in ranked:
        by_section.setdefault(article.section_path, []).append(article)
    prefetch_renditions(a.lead_image for stories in by_section.values() for a in stories)
    return [FrontPageSection(s, by_section.get(s.path, [])) for s in sections if by_section.get(s.path)]
