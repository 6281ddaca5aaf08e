"""Sections, articles, authors and partners."""

from __future__ import annotations

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.db.models import Q
from django.http import Http404
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page, PageManager, PageQuerySet
from wagtail.search import index

from kiosk.newsroom.models import ModerationMode
from kiosk.newsroom.sites import public_root_url
from kiosk.pagecache.http import cacheable, limit_lifetime

from .blocks import ArticleBodyBlock
from .routing import exclude_restricted, find_page, restricted_paths

# A republication within this time of the first one is not an update.
UPDATE_GRACE = timedelta(minutes=1)
SECTION_PAGE_SIZE = 20


class Author(index.Indexed, models.Model):
    name = models.CharField(_("name"), max_length=120)
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
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        verbose_name = _("author")
        verbose_name_plural = _("authors")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


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


class ArticleTag(TaggedItemBase):
    content_object = ParentalKey("news.ArticlePage", on_delete=models.CASCADE, related_name="tagged_items")


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


class HomePage(PublicUrlMixin, RoutablePageMixin, Page):
    """The front page: the newest stories of every section."""

    intro = models.CharField(_("intro"), max_length=255, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    subpage_types = ["news.SectionPage"]
    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

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

    def get_context(self, request, *args, **kwargs):
        from .selectors import front_page_sections

        context = super().get_context(request, *args, **kwargs)
        context["sections"] = front_page_sections(self)
        stories = [story for section in context["sections"] for story in section.stories]
        limit_lifetime_to_expiry(request, stories, now=timezone.now())
        return context


class SectionPage(PublicUrlMixin, RoutablePageMixin, Page):
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
        articles = ArticlePage.objects.for_listing().in_section(self)
        paginator = Paginator(articles, SECTION_PAGE_SIZE)
        try:
            return paginator.page(number or 1)
        except (PageNotAnInteger, EmptyPage):
            raise Http404(_("There is no such page of articles.")) from None

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


class ArticlePage(PublicUrlMixin, Page):
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
    authors = ParentalManyToManyField(Author, blank=True, related_name="articles", verbose_name=_("authors"))
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
        MultiFieldPanel(
            [FieldPanel("authors"), FieldPanel("partner"), FieldPanel("source_line"), FieldPanel("tags")],
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
    ]
    parent_page_types = ["news.SectionPage"]
    subpage_types: list[str] = []

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
