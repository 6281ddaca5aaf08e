from __future__ import annotations

from django.core.cache import cache
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from .sites import forget_sites, site_version

CACHE_KEY = "newsroom-settings:{version}:{site_id}"
CACHE_SECONDS = 300


class ModerationMode(models.TextChoices):
    """When readers' comments appear: after review (the default) or at once, reviewed afterwards.

    Here, below news and comments, so that the site, its sections and its articles share one list.
    """

    PRE = "pre", _("Review first: comments appear once a moderator has approved them")
    POST = "post", _("Publish at once: moderators review comments afterwards")

    @classmethod
    def effective(cls, *, article: str, section: str, site: str) -> ModerationMode:
        """The article's own mode, else its section's, else the site's ("" means: as the one above)."""
        return cls(article or section or site or cls.PRE)


@register_setting(icon="site")
class NewsroomSettings(BaseSiteSetting):
    """What the newsroom says about itself on every page."""

    publisher_name = models.CharField(_("publisher name"), max_length=120, default="Kiosk")
    publisher_logo = models.ForeignKey(
        "images.KioskImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("publisher logo"),
    )
    tagline = models.CharField(_("tagline"), max_length=200, blank=True)
    support_email = models.EmailField(_("support e-mail"), default="support@kiosk.example")
    support_heading = models.CharField(_("support heading"), max_length=120, default="Technische Probleme?")
    support_text = models.TextField(
        _("support text"),
        default="Schreiben Sie uns, was nicht funktioniert. Wir antworten so rasch wie möglich.",
        help_text=_("Shown under every article, followed by the support e-mail."),
    )
    x_handle = models.CharField(_("X account"), max_length=50, blank=True, help_text="@kiosk")
    comment_window_hours = models.PositiveIntegerField(
        _("comment window (hours)"),
        default=24,
        help_text=_(
            "Readers may comment this many hours after an article is first published. "
            "Sections and articles can set their own."
        ),
    )
    comment_moderation = models.CharField(
        _("comment moderation"),
        max_length=4,
        choices=ModerationMode.choices,
        default=ModerationMode.PRE,
        help_text=_(
            "Sections and articles can set their own. Comments that a check holds (suspect words, "
            "too many links) and comments of new or recently rejected authors always wait for review."
        ),
    )
    trusted_authors_publish_at_once = models.BooleanField(
        _("trusted authors publish at once"),
        default=False,
        help_text=_(
            "Comments of authors with a long clean record appear at once wherever comments are "
            "reviewed first; moderators review them afterwards."
        ),
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("publisher_name"),
                FieldPanel("publisher_logo"),
                FieldPanel("tagline"),
                FieldPanel("x_handle"),
            ],
            heading=_("Publisher"),
        ),
        MultiFieldPanel(
            [FieldPanel("support_heading"), FieldPanel("support_text"), FieldPanel("support_email")],
            heading=_("Reader support"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("comment_window_hours"),
                FieldPanel("comment_moderation"),
                FieldPanel("trusted_authors_publish_at_once"),
            ],
            heading=_("Reader comments"),
        ),
    ]

    class Meta:
        verbose_name = _("newsroom settings")

    def save(self, *args, **kwargs):
        # Created with its defaults while a page renders (for_site): nothing shown changes.
        changed = not self._state.adding
        super().save(*args, **kwargs)
        if changed:
            # In every process: what every page shows of the site changed.
            forget_sites()

    @classmethod
    def cached_for_site(cls, site) -> NewsroomSettings:
        """The site's settings, read from the database at most every few minutes or after a change."""
        key = CACHE_KEY.format(version=site_version(), site_id=site.pk)
        settings = cache.get(key)
        if settings is None:
            settings = cls.for_site(site)
            cache.set(key, settings, CACHE_SECONDS)
        return settings
