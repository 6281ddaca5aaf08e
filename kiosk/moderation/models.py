"""The moderation desk's own records: the word lists (queues, house rules, blocks and hours to come)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .words import Kind


class WordListEntryQuerySet(models.QuerySet):
    def of_kind(self, kind: Kind) -> WordListEntryQuerySet:
        return self.filter(kind=kind)

    def in_order(self) -> WordListEntryQuerySet:
        return self.order_by("kind", "folded")


class WordListEntry(models.Model):
    """A banned or suspect word or phrase, as a moderator listed it (``idiot*`` for a word that goes on)."""

    KIND_CHOICES = [
        (Kind.BANNED.value, _("banned: the comment is rejected")),
        (Kind.SUSPECT.value, _("suspect: the comment waits for review, the word highlighted")),
    ]

    text = models.CharField(_("word or phrase"), max_length=200)
    # The entry as it is matched (kiosk.moderation.words.fold), wildcards kept: one row per
    # spelling and kind, so a list pasted twice adds nothing the second time.
    folded = models.CharField(max_length=210, editable=False)
    kind = models.CharField(_("list"), max_length=10, choices=KIND_CHOICES)
    note = models.CharField(_("note for moderators"), max_length=200, blank=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("added by"),
    )
    added_at = models.DateTimeField(_("added"))

    objects = WordListEntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("word list entry")
        verbose_name_plural = _("word lists")
        constraints = [models.UniqueConstraint(fields=["folded", "kind"], name="word_listed_once_per_kind")]

    def __str__(self) -> str:
        return self.text
