"""Sections, articles, authors and partners."""

from __future__ import annotations

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import Tag, TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, MultipleChooserPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, PageManager, PageQuerySet
from wagtail.search import index

from kiosk.newsroom import formatting
from kiosk.newsroom.models import ModerationMode
from kiosk.newsroom.sites import public_root_url
from kiosk.newsroom.slugs import swiss_slug, unique_slug
from kiosk.pagecache.http import cacheable, limit_lifetime

from .blocks import ArticleBodyBlock, ContentBodyBlock
from .forms import RESERVED_SLUG_MESSAGE, NewsPageForm
from .routing import exclude_restricted, find_page, restricted_paths

# A republication within this time of the first one is not an update.
UPDATE_GRACE = timedelta(minutes=1)
SECTION_PAGE_SIZE = 20
LISTING_PAGE_SIZE = 20
# The front page's own routes: author and topic pages (no page below it may take these slugs).
AUTHORS_PATH = "autoren"
TOPICS_PATH = "themen"
RESERVED_SLUGS = frozenset({AUTHORS_PATH, TOPICS_PATH, "feed"})
AUTHOR_SLUG_LENGTH = 120


def author_slug(name: str, *, exclude_pk: int | None = None) -> str:
    """The name transliterated, numbered from -2 where another author has it already."""
    base = swiss_slug(name, max_length=AUTHOR_SLUG_LENGTH) or "autor"
    others = Author.objects.exclude(pk=exclude_pk) if exclude_pk else Author.objects.all()
    taken = set(others.filter(slug__startswith=base).values_list("slug", flat=True))
    return unique_slug(base, taken=taken.__contains__)


class Author(index.Indexed, models.Model):
    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(
        _("slug"),
        max_length=AUTHOR_SLUG_LENGTH + 10,
        unique=True,
        blank=True,
        help_text=_("The author page's address, /autoren/<slug>/. Made from the name when left empty."),
    )
    role = models.CharField(_("role"), max_length=120, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    bio = models.TextField(_("short biography"), blank=True)
    image = models.ForeignKey(
        "images.KioskImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("portrait"),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("role"),
        FieldPanel("email"),
        FieldPanel("bio"),
        FieldPanel("image"),
        FieldPanel("slug"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        verbose_name = _("author")
        verbose_name_plural = _("authors")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = author_slug(self.name, exclude_pk=self.pk)
        super().save(*args, **kwargs)

    @property
    def url(self) -> str:
        """The author page on the reader's site and in the reader's language."""
        return f"{reverse('wagtail_serve', args=[''])}{AUTHORS_PATH}/{self.slug}/"

    def articles(self) -> ArticlePageQuerySet:
        """Every article with this author in the byline (drafts too; readers get ``for_listing``)."""
        return ArticlePage.objects.filter(bylines__author=self)


class Partner(index.Indexed, models.Model):
    """A syndication partner or agency whose articles the newsroom runs."""

    name = models.CharField(_("name"), max_length=120, unique=True)
    url = models.URLField(_("website"), blank=True)
    logo = models.ForeignKey(
        "images.KioskImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("logo"),
    )

    panels = [FieldPanel("name"), FieldPanel("url"), FieldPanel("logo")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


def has_expired(page: Page, *, now) -> bool:
    """Past its expiry time: gone for readers, even before the scheduler unpublishes it."""
    return page.expire_at is not None and page.expire_at <= now


def limit_lifetime_to_expiry(request, pages, *, now) -> None:
    """A cached page that shows these must not outlive the first of them to expire."""
    ends = [page.expire_at for page in pages if page.expire_at is not None and page.expire_at > now]
    if ends:
        limit_lifetime(request, (min(ends) - now).total_seconds())


def limit_lifetime_to_relative_times(request, times, *, now) -> None:
    """A cached page that says "vor 12 Minuten" must not outlive the minute (kiosk.js updates it in browsers)."""
    changes = [formatting.relative_text_changes_at(t, now=now) for t in times if t is not None]
    changes = [c for c in changes if c is not None]
    if changes:
        limit_lifetime(request, (min(changes) - now).total_seconds())


class ArticleTag(TaggedItemBase):
    content_object = ParentalKey("news.ArticlePage", on_delete=models.CASCADE, related_name="tagged_items")


def topic_url(tag: Tag) -> str:
    """A tag's topic page on the reader's site and in the reader's language."""
    return f"{reverse('wagtail_serve', args=[''])}{TOPICS_PATH}/{tag.slug}/"


class ArticleAuthor(Orderable):
    """One name in an article's byline, in the order the editor put it."""

    article = ParentalKey("news.ArticlePage", on_delete=models.CASCADE, related_name="bylines")
    author = models.ForeignKey(
        Author, on_delete=models.CASCADE, related_name="bylines", verbose_name=_("author")
    )

    panels = [FieldPanel("author")]

    class Meta(Orderable.Meta):
        verbose_name = _("byline")
        verbose_name_plural = _("bylines")
        constraints = [
            models.UniqueConstraint(fields=["article", "author"], name="news_byline_author_once_per_article")
        ]


class ArticlePageQuerySet(PageQuerySet):
    def for_listing(self, *, now=None) -> ArticlePageQuerySet:
        """What a teaser needs: section, lead image and partner in one query."""
        return (
            exclude_restricted(self.live().not_expired(now=now or timezone.now()))
            .select_related("lead_image", "partner")
            .order_by("-first_published_at", "-pk")
        )

    def not_expired(self, *, now) -> ArticlePageQuerySet:
        return self.filter(Q(expire_at=None) | Q(expire_at__gt=now))

    def in_section(self, section: Page) -> ArticlePageQuerySet:
        return self.descendant_of(section)

    def published_since(self, since) -> ArticlePageQuerySet:
        return self.filter(first_published_at__gte=since)

    def by_author(self, author: Author) -> ArticlePageQuerySet:
        return self.filter(bylines__author=author)

    def tagged(self, tag: Tag) -> ArticlePageQuerySet:
        return self.filter(tagged_items__tag=tag)


ArticlePageManager = PageManager.from_queryset(ArticlePageQuerySet)


class PublicUrlMixin:
    """Absolute URLs on the site's public root (KIOSK_BASE_URL for the default site).

    Wagtail builds them from the Site record, which says what Host it matches
    (``localhost:80`` in a fresh database); feeds, sitemaps, JSON-LD, mails
    and purges all go through here instead.
    """

    def get_url_parts(self, request=None):
        parts = super().get_url_parts(request)
        if parts is None or parts[1] is None:
            return parts
        site_id, _record_root_url, page_path = parts
        return site_id, public_root_url(site_id, request=request), page_path


class SwissSlugMixin:
    """New pages get Swiss slugs («Zürcher» → ``zuercher``), whatever the admin's script typed.

    Wagtail's admin makes the slug from the title as the editor types (keeping
    ü, as WAGTAIL_ALLOW_UNICODE_SLUGS lets it); the server has the last word.
    A page that exists keeps its slug, so its address keeps working.
    """

    def full_clean(self, *args, **kwargs):
        if self.pk is None:
            max_length = self._meta.get_field("slug").max_length
            if self.slug:
                self.slug = swiss_slug(self.slug, max_length=max_length)
            elif self.title and (self.path or getattr(self, "_cached_parent_obj", None)):
                # As Wagtail would from the title (numbered past its siblings' slugs), the Swiss way.
                base = swiss_slug(self.title, max_length=max_length - 4)
                if base:
                    self.slug = self._get_autogenerated_slug(base)
        super().full_clean(*args, **kwargs)

    def clean(self):
        super().clean()
        parent = self.get_parent() if self.path else getattr(self, "_cached_parent_obj", None)
        reserved = getattr(parent.specific_class, "reserved_child_slugs", ()) if parent else ()
        if self.slug in reserved:
            raise ValidationError({"slug": RESERVED_SLUG_MESSAGE})


def paginate_articles(articles, number, *, per_page: int = LISTING_PAGE_SIZE):
    """The page of articles the reader asked for; a bad number is a 404."""
    try:
        return Paginator(articles, per_page).page(number or 1)
    except (PageNotAnInteger, EmptyPage):
        raise Http404(_("There is no such page of articles.")) from None


class HomePage(SwissSlugMixin, PublicUrlMixin, RoutablePageMixin, Page):
    """The front page: the newest stories of every section."""

    intro = models.CharField(_("intro"), max_length=255, blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        MultipleChooserPanel(
            "pinned_stories",
            chooser_field_name="article",
            heading=_("Pinned stories"),
            label=_("Pinned story"),
            help_text=_(
                "The first is the top story, the others follow it in this order. A story that expires or"
                " is unpublished drops out by itself; with none left, the newest story with a lead image"
                " is the top story."
            ),
        ),
    ]
    base_form_class = NewsPageForm
    subpage_types = ["news.SectionPage", "news.ContentPage"]
    parent_page_types = ["wagtailcore.Page"]
    max_count = 1
    # Its own routes: no page below it may take these.
    reserved_child_slugs = RESERVED_SLUGS

    class Meta:
        verbose_name = _("front page")

    def route(self, request, path_components):
        page = find_page(self, path_components)
        if page is not None:
            return page.route(request, [])
        return super().route(request, path_components)

    @path("")
    @cacheable
    def front_page(self, request):
        return self.render(request)

    @path("feed/")
    @cacheable
    def feed(self, request):
        from .feeds import SiteFeed

        return SiteFeed(self)(request)

    @path(f"{AUTHORS_PATH}/<str:slug>/", name="author")
    @cacheable
    def author_page(self, request, slug):
        """An author's portrait, role and short biography over their articles, newest first."""
        author = get_object_or_404(Author.objects.select_related("image"), slug=slug)
        articles = ArticlePage.objects.for_listing().descendant_of(self).by_author(author)
        return self._listing(request, "news/author_page.html", articles, author=author)

    @path(f"{TOPICS_PATH}/<str:slug>/", name="topic")
    @cacheable
    def topic_page(self, request, slug):
        """A tag's articles, newest first; an unknown or unused tag is a 404."""
        tag = get_object_or_404(Tag.objects.filter(slug=slug, news_articletag_items__isnull=False).distinct())
        articles = ArticlePage.objects.for_listing().descendant_of(self).tagged(tag)
        return self._listing(request, "news/topic_page.html", articles, tag=tag)

    def _listing(self, request, template: str, articles, **context):
        from .selectors import teaser_listing

        page = paginate_articles(articles, request.GET.get("page"))
        page.object_list = teaser_listing(list(page.object_list))
        limit_lifetime_to_expiry(request, page.object_list, now=timezone.now())
        # Not the front page's context: these pages are their own (and so is their cached shell).
        context.update(
            {
                "self": self,
                "home": self,
                "request": request,
                "articles": page,
                "canonical_suffix": f"?page={page.number}" if page.number > 1 else "",
            }
        )
        return TemplateResponse(request, template, context)

    def get_context(self, request, *args, **kwargs):
        from .selectors import front_page

        context = super().get_context(request, *args, **kwargs)
        now = timezone.now()
        context["front"] = front = front_page(self, now=now)
        context["sections"] = front.sections
        limit_lifetime_to_expiry(request, front.stories, now=now)
        limit_lifetime_to_relative_times(
            request, [s.first_published_at for s in front.timed_stories], now=now
        )
        return context


class PinnedStory(Orderable):
    """A story editors put on the front page, in their order; the first is the top story."""

    page = ParentalKey("news.HomePage", on_delete=models.CASCADE, related_name="pinned_stories")
    article = models.ForeignKey(
        "news.ArticlePage", on_delete=models.CASCADE, related_name="pinnings", verbose_name=_("article")
    )

    panels = [FieldPanel("article")]

    class Meta(Orderable.Meta):
        verbose_name = _("pinned story")
        verbose_name_plural = _("pinned stories")


class SectionPage(SwissSlugMixin, PublicUrlMixin, RoutablePageMixin, Page):
    """A section or subsection (International › Europe): lists its articles."""

    intro = models.TextField(_("intro"), blank=True)
    comment_window_hours = models.PositiveIntegerField(
        _("comment window (hours)"),
        null=True,
        blank=True,
        help_text=_(
            "Hours after first publication that readers may comment. Empty: as the parent section or site."
        ),
    )
    # Empty: as the nearest section above that sets one, else as the site (kiosk.comments.selectors).
    comment_moderation = models.CharField(
        _("comment moderation"),
        max_length=4,
        choices=[("", _("As the parent section or the site")), *ModerationMode.choices],
        blank=True,
        default="",
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    settings_panels = [
        *Page.settings_panels,
        FieldPanel("comment_window_hours"),
        FieldPanel("comment_moderation"),
    ]
    subpage_types = ["news.SectionPage", "news.ArticlePage"]
    parent_page_types = ["news.HomePage", "news.SectionPage"]
    base_form_class = NewsPageForm

    class Meta:
        verbose_name = _("section")
        verbose_name_plural = _("sections")

    @path("")
    @cacheable
    def listing(self, request):
        return self.render(request)

    @path("feed/")
    @cacheable
    def feed(self, request):
        from .feeds import SectionFeed

        return SectionFeed(self)(request)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        from .selectors import breadcrumb, section_listing

        articles = self.paginate(request.GET.get("page"))
        articles.object_list = section_listing(self, list(articles.object_list))
        limit_lifetime_to_expiry(request, articles.object_list, now=timezone.now())
        context["articles"] = articles
        # Later listing pages are their own canonical pages.
        context["canonical_suffix"] = f"?page={articles.number}" if articles.number > 1 else ""
        context["breadcrumb"] = breadcrumb(self, inclusive=True)
        context["subsections"] = exclude_restricted(self.get_children().live().type(SectionPage)).specific()
        return context

    def paginate(self, number):
        """The page of articles the reader asked for; a bad number is a 404."""
        return paginate_articles(
            ArticlePage.objects.for_listing().in_section(self), number, per_page=SECTION_PAGE_SIZE
        )

    def get_sitemap_urls(self, request=None):
        """A listing changes whenever an article below it is published: that is its lastmod.

        The newest article per section is read once per sitemap request, not once per section.
        """
        from django.db.models import Max
        from django.db.models.functions import Length, Substr

        newest = getattr(request, "_kiosk_newest_article_by_section", None)
        if newest is None:
            newest = dict(
                ArticlePage.objects.live()
                .order_by()
                .annotate(parent_path=Substr("path", 1, Length("path") - ArticlePage.steplen))
                .values_list("parent_path")
                .annotate(newest=Max("last_published_at"))
            )
            if request is not None:
                request._kiosk_newest_article_by_section = newest
        times = [when for path, when in newest.items() if when and path.startswith(self.path)]
        if self.last_published_at:
            times.append(self.last_published_at)
        return [{"location": self.get_full_url(request), "lastmod": max(times, default=None)}]


class ArticlePage(SwissSlugMixin, PublicUrlMixin, Page):
    kicker = models.CharField(
        _("kicker"), max_length=80, blank=True, help_text=_("A word or two above the headline.")
    )
    teaser_headline = models.CharField(
        _("teaser headline"),
        max_length=255,
        blank=True,
        help_text=_("Shorter headline for teasers and social media; the headline is used when empty."),
    )
    lead = models.TextField(_("lead"), help_text=_("The standfirst: two or three sentences, shown in bold."))
    lead_image = models.ForeignKey(
        "images.KioskImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("lead image"),
    )
    body = StreamField(ArticleBodyBlock(), verbose_name=_("body"), blank=True)
    tags = ClusterTaggableManager(through=ArticleTag, blank=True, verbose_name=_("tags"))
    partner = models.ForeignKey(
        Partner,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="articles",
        verbose_name=_("syndication partner"),
        help_text=_("The partner this article comes from, shown as “Ein Artikel von …”."),
    )
    source_line = models.CharField(
        _("source line"),
        max_length=120,
        blank=True,
        help_text=_("Partners and agencies the text is based on, e.g. “partner/sda”."),
    )
    canonical_url = models.URLField(
        _("canonical URL"),
        blank=True,
        help_text=_("For syndicated copy: the original's address. Empty means this page."),
    )
    noindex = models.BooleanField(
        _("hide from search engines"),
        default=False,
        help_text=_("For syndicated copy the partner wants indexed only at the source."),
    )

    class CommentMode(models.TextChoices):
        DEFAULT = "default", _("Open for the section's comment window")
        CUSTOM = "custom", _("Open for the hours set below")
        CLOSED = "closed", _("Closed now (existing comments stay visible)")
        OFF = "off", _("Off: no comments on this article")

    comment_mode = models.CharField(
        _("comments"), max_length=10, choices=CommentMode.choices, default=CommentMode.DEFAULT
    )
    comment_window_hours = models.PositiveIntegerField(
        _("comment window (hours)"),
        null=True,
        blank=True,
        help_text=_("Used when comments are open for the hours set here."),
    )
    comment_moderation = models.CharField(
        _("comment moderation"),
        max_length=4,
        choices=[("", _("As the section")), *ModerationMode.choices],
        blank=True,
        default="",
    )

    objects = ArticlePageManager()

    content_panels = [
        FieldPanel("kicker"),
        *Page.content_panels,
        FieldPanel("teaser_headline"),
        FieldPanel("lead"),
        FieldPanel("lead_image"),
        FieldPanel("body"),
        MultipleChooserPanel("bylines", chooser_field_name="author", heading=_("Authors"), label=_("Author")),
        MultiFieldPanel(
            [FieldPanel("partner"), FieldPanel("source_line"), FieldPanel("tags")],
            heading=_("Credits and tags"),
        ),
    ]
    promote_panels = [
        *Page.promote_panels,
        MultiFieldPanel([FieldPanel("canonical_url"), FieldPanel("noindex")], heading=_("Syndication")),
        MultiFieldPanel(
            [
                FieldPanel("comment_mode"),
                FieldPanel("comment_window_hours"),
                FieldPanel("comment_moderation"),
            ],
            heading=_("Reader comments"),
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("kicker"),
        index.SearchField("lead"),
        index.SearchField("body"),
        index.FilterField("first_published_at"),
        index.FilterField("expire_at"),  # reader search leaves out the expired (kiosk.search.selectors)
    ]
    parent_page_types = ["news.SectionPage"]
    subpage_types: list[str] = []
    base_form_class = NewsPageForm

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")

    def clean(self) -> None:
        super().clean()
        if self.comment_mode == self.CommentMode.CUSTOM and self.comment_window_hours is None:
            raise ValidationError({"comment_window_hours": _("Set how many hours comments stay open.")})
        if self.canonical_url and not self.canonical_url.startswith(("https://", "http://")):
            raise ValidationError({"canonical_url": _("Enter a full web address.")})

    def route(self, request, path_components):
        # On time, whether or not the scheduler has unpublished it yet (and
        # whatever the routing cache remembers of it).
        if not path_components and has_expired(self, now=timezone.now()):
            raise Http404
        return super().route(request, path_components)

    @cacheable
    def serve(self, request, *args, **kwargs):
        # The comment section (a template tag of kiosk.comments) shortens the shared
        # page's lifetime to its comment window, and an expiry time to that.
        limit_lifetime_to_expiry(request, [self], now=timezone.now())
        return super().serve(request, *args, **kwargs)

    def get_view_restrictions(self):
        # Asked on every view; most newsrooms have no private sections, and
        # the cached list of their paths answers without two queries.
        if not any(self.path.startswith(path) for path in restricted_paths()):
            return []
        return super().get_view_restrictions()

    def get_context(self, request, *args, **kwargs):
        from .selectors import article_page_context

        context = super().get_context(request, *args, **kwargs)
        context.update(article_page_context(self))
        return context

    @cached_property
    def section(self) -> SectionPage | None:
        parent = self.get_parent()
        return parent.specific if parent else None

    @property
    def teaser_title(self) -> str:
        return self.teaser_headline or self.title

    @property
    def authors(self) -> list[Author]:
        """The byline in the editor's order (from memory in previews and revisions, else one query)."""
        bylines = self.bylines.all()
        if "bylines" not in getattr(self, "_prefetched_objects_cache", {}):
            bylines = bylines.select_related("author")
        return [byline.author for byline in bylines]

    @authors.setter
    def authors(self, authors) -> None:
        self.bylines = [ArticleAuthor(author=author, sort_order=i) for i, author in enumerate(authors)]

    @property
    def published_at(self):
        return self.first_published_at

    @property
    def updated_at(self):
        """When the article last changed after publication, or None."""
        first, last = self.first_published_at, self.last_published_at
        if first and last and last - first > UPDATE_GRACE:
            return last
        return None

    def get_sitemap_urls(self, request=None):
        """Only what search engines should index here: no noindex copy, no copy canonical elsewhere."""
        location = self.get_full_url(request)
        if self.noindex or (self.canonical_url and self.canonical_url != location):
            return []
        if has_expired(self, now=timezone.now()):
            return []
        return [{"location": location, "lastmod": self.updated_at or self.published_at}]


class ContentPage(SwissSlugMixin, PublicUrlMixin, Page):
    """A plain page of the newsroom's own: imprint, privacy policy, about us, contact."""

    lead = models.TextField(_("lead"), blank=True, help_text=_("Optional: a sentence or two above the text."))
    body = StreamField(ContentBodyBlock(), verbose_name=_("body"), blank=True)
    show_in_footer = models.BooleanField(
        _("link in the footer"),
        default=False,
        help_text=_("Linked at the foot of every page, in the order of the pages below the front page."),
    )

    content_panels = [*Page.content_panels, FieldPanel("lead"), FieldPanel("body")]
    promote_panels = [*Page.promote_panels, FieldPanel("show_in_footer")]
    search_fields = [*Page.search_fields, index.SearchField("lead"), index.SearchField("body")]
    parent_page_types = ["news.HomePage"]
    subpage_types: list[str] = []
    base_form_class = NewsPageForm

    class Meta:
        verbose_name = _("page")
        verbose_name_plural = _("pages")

    @cacheable
    def serve(self, request, *args, **kwargs):
        return super().serve(request, *args, **kwargs)
