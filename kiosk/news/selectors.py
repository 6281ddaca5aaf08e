"""Reads that span several models: what each news page shows.

Every function here runs a fixed number of queries, however many blocks,
images, tags or related articles a page has.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta

from django.contrib.contenttypes.models import ContentType
from django.db.models import Case, CharField, Count, F, IntegerField, Min, Q, Value, When, Window
from django.db.models.functions import Cast, RowNumber, Substr
from django.utils.functional import SimpleLazyObject
from wagtail.models import Page, Revision
from wagtail.permission_policies.pages import PagePermissionPolicy

from kiosk.images.renditions import prefetch_renditions
from kiosk.newsroom.formatting import NEWSROOM_TZ

from .models import UPDATE_GRACE, ArticlePage, HomePage, SectionPage
from .routing import exclude_restricted

RELATED_LIMIT = 4
FRONT_PAGE_STORIES_PER_SECTION = 5
# The «Neueste» strip: the newest stories site-wide, under the top and pinned stories.
LATEST_STORIES = 6


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
        "authors": SimpleLazyObject(lambda: article.authors),
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


def teaser_listing(articles: list[ArticlePage]) -> list[ArticlePage]:
    """A page of teasers (section, author, topic): their images' renditions in one query."""
    prefetch_renditions(a.lead_image for a in articles)
    return articles


def section_listing(section: SectionPage, articles: list[ArticlePage]) -> list[ArticlePage]:
    return teaser_listing(articles)


@dataclass
class FrontPageSection:
    section: SectionPage
    stories: list[ArticlePage]


def front_page_sections(
    home: HomePage,
    per_section: int = FRONT_PAGE_STORIES_PER_SECTION,
    *,
    now: datetime | None = None,
    leave_out: Iterable[int] = (),
) -> list[FrontPageSection]:
    """Each top-level section with its newest stories (but those in ``leave_out``), in two queries.

    Their images' renditions are the caller's to fetch (``front_page`` fetches all of its own at once).
    """
    sections = list(exclude_restricted(home.get_children().live().type(SectionPage)).specific())
    if not sections:
        return []
    prefix_length = (home.depth + 1) * home.steplen
    ranked = (
        ArticlePage.objects.for_listing(now=now)
        .descendant_of(home)
        .exclude(pk__in=list(leave_out))
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
    return [FrontPageSection(s, by_section.get(s.path, [])) for s in sections if by_section.get(s.path)]


def pinned_stories(home: HomePage, *, now: datetime) -> list[ArticlePage]:
    """The stories editors pinned on the published front page, in their order, in one query.

    Only those readers may still see: an expired, unpublished or private one drops out.
    """
    return list(
        ArticlePage.objects.for_listing(now=now)
        .descendant_of(home)
        .filter(pinnings__page=home)
        .annotate(pin_order=Min("pinnings__sort_order"))
        .order_by("pin_order", "pk")
    )


def lead_story(home: HomePage, *, now: datetime) -> ArticlePage | None:
    """The newest story with a lead image: the top story when editors pinned none (one query)."""
    return ArticlePage.objects.for_listing(now=now).descendant_of(home).exclude(lead_image=None).first()


@dataclass
class FrontPage:
    top_story: ArticlePage | None
    pinned: list[ArticlePage]  # after the top story
    latest: list[ArticlePage]  # the «Neueste» strip
    sections: list[FrontPageSection]

    @property
    def stories(self) -> list[ArticlePage]:
        """Every story the page shows."""
        top = [self.top_story] if self.top_story else []
        return [*top, *self.pinned, *self.latest, *(a for s in self.sections for a in s.stories)]

    @property
    def timed_stories(self) -> list[ArticlePage]:
        """The stories whose time the page says as "vor 12 Minuten"."""
        top = [self.top_story] if self.top_story else []
        return [*top, *self.pinned, *self.latest]


def front_page(home: HomePage, *, now: datetime, latest: int = LATEST_STORIES) -> FrontPage:
    """The top story, the other pinned ones, the newest stories site-wide, then the sections.

    Five queries with pinned stories (six without: the newest lead story is looked up),
    however many stories and sections; a story shows once above the sections.
    """
    pinned = pinned_stories(home, now=now)
    top = pinned[0] if pinned else lead_story(home, now=now)
    shown = [a.pk for a in pinned or ([top] if top else [])]
    newest = list(ArticlePage.objects.for_listing(now=now).descendant_of(home).exclude(pk__in=shown)[:latest])
    sections = front_page_sections(home, now=now, leave_out=shown)
    front = FrontPage(top_story=top, pinned=pinned[1:], latest=newest, sections=sections)
    prefetch_renditions(a.lead_image for a in front.stories)
    return front


# The newsroom's day in the admin (its dashboard panel) -------------------------------------

NEWSROOM_PANEL_ROWS = 8
page_permission_policy = PagePermissionPolicy()


@dataclass(frozen=True)
class ScheduledStory:
    page_id: int
    title: str
    go_live_at: datetime


@dataclass
class NewsroomToday:
    published: list[ArticlePage]  # the newest of them
    published_count: int
    scheduled: list[ScheduledStory]  # soonest first
    corrections: list[ArticlePage]  # republished after their first publication, latest first


def newsroom_day(*, now: datetime) -> tuple[datetime, datetime]:
    """Today in Europe/Zurich: from local midnight to the next (23 or 25 hours when the clocks change)."""
    day = now.astimezone(NEWSROOM_TZ).date()
    start = datetime.combine(day, time.min, tzinfo=NEWSROOM_TZ)
    end = datetime.combine(day + timedelta(days=1), time.min, tzinfo=NEWSROOM_TZ)
    return start.astimezone(UTC), end.astimezone(UTC)


def newsroom_today(user, *, now: datetime, rows: int = NEWSROOM_PANEL_ROWS) -> NewsroomToday:
    """Today's published and scheduled stories and the latest corrections, of the pages the user may edit.

    Six queries at most (the user's page permissions, then one per list and the count), however
    many stories there are.
    """
    start, end = newsroom_day(now=now)
    editable = page_permission_policy.instances_user_has_any_permission_for(
        user, {"add", "change", "publish"}
    )
    articles = ArticlePage.objects.live().filter(pk__in=editable.values("pk"))
    published_today = articles.filter(first_published_at__gte=start, first_published_at__lt=end)
    scheduled = (
        Revision.page_revisions.filter(
            content_type=ContentType.objects.get_for_model(ArticlePage),
            approved_go_live_at__gte=start,
            approved_go_live_at__lt=end,
            object_id__in=editable.annotate(id_text=Cast("pk", CharField())).values("id_text"),
        )
        .order_by("approved_go_live_at", "pk")
        .values_list("object_id", "object_str", "approved_go_live_at")[:rows]
    )
    corrections = articles.filter(last_published_at__gt=F("first_published_at") + UPDATE_GRACE).order_by(
        "-last_published_at", "-pk"
    )
    return NewsroomToday(
        published=list(published_today.order_by("-first_published_at", "-pk")[:rows]),
        published_count=published_today.count(),
        scheduled=[ScheduledStory(int(pk), title, at) for pk, title, at in scheduled],
        corrections=list(corrections[:rows]),
    )
