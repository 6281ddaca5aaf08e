"""The moderation desk's own records: word lists, blocks, staffed hours and the audit log."""

from __future__ import annotations

from datetime import time

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .words import Kind

# A span's end at 00:00 is the end of its day.
MIDNIGHT = time(0)
KIND_NAMES = {Kind.BANNED.value: _("banned"), Kind.SUSPECT.value: _("suspect")}


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


class AuditEntryQuerySet(models.QuerySet):
    def newest_first(self) -> AuditEntryQuerySet:
        return self.order_by("-at", "-pk")


class AuditEntry(models.Model):
    """One moderator action, as it happened: written once by the desk's services, never changed."""

    class Action(models.TextChoices):
        WORDS_LISTED = "words_listed", _("words listed")
        WORDS_REMOVED = "words_removed", _("words taken off the lists")
        READER_BLOCKED = "reader_blocked", _("reader blocked")
        READER_UNBLOCKED = "reader_unblocked", _("block lifted")
        COMMENT_APPROVED = "comment_approved", _("comment approved")
        COMMENT_REJECTED = "comment_rejected", _("comment rejected")
        COMMENT_FEATURED = "comment_featured", _("comment featured")
        COMMENT_UNFEATURED = "comment_unfeatured", _("comment no longer featured")
        AUTHOR_NOTED = "author_noted", _("note on an author")
        HOUSE_RULES_CHANGED = "house_rules_changed", _("house rules changed")
        HOURS_CHANGED = "hours_changed", _("staffed hours changed")
        MODERATION_CHANGED = "moderation_changed", _("moderation mode changed")

    at = models.DateTimeField(_("when"), db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("moderator"),
    )
    # The name as it was: the log still says who once the account is gone.
    actor_name = models.CharField(_("moderator"), max_length=150)
    action = models.CharField(_("action"), max_length=30, choices=Action.choices)
    summary = models.TextField(_("what"))
    reason = models.TextField(_("reason"), blank=True)
    details = models.JSONField(default=dict, blank=True)

    objects = AuditEntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("audit log entry")
        verbose_name_plural = _("audit log")
        indexes = [models.Index(fields=["action", "at"], name="audit_by_action")]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_name}: {self.summary[:60]}"


class BlockQuerySet(models.QuerySet):
    def standing(self, *, now) -> BlockQuerySet:
        """Blocks not lifted and not run out at ``now``."""
        return self.filter(lifted_at__isnull=True).filter(
            models.Q(until__isnull=True) | models.Q(until__gt=now)
        )


class Block(models.Model):
    """A reader kept out of the debates, permanently or until a time, with the reason they are shown.

    The reader's row carries the standing block (``User.blocked_at``, ``blocked_until``,
    ``block_reason``) so every write can refuse without a lookup; this is its history.
    """

    reader = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="debate_blocks",
        verbose_name=_("reader"),
    )
    reason = models.TextField(_("reason (shown to the reader)"))
    at = models.DateTimeField(_("blocked"))
    until = models.DateTimeField(_("until"), null=True, blank=True)
    blocked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    lifted_at = models.DateTimeField(_("lifted"), null=True, blank=True)
    lifted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = BlockQuerySet.as_manager()

    class Meta:
        verbose_name = _("block")
        verbose_name_plural = _("blocks")
        constraints = [
            models.CheckConstraint(condition=~models.Q(reason=""), name="block_has_reason"),
            # At most one block stands per reader; a new one lifts the old.
            models.UniqueConstraint(
                fields=["reader"],
                condition=models.Q(lifted_at__isnull=True),
                name="one_open_block_per_reader",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.reader}: {self.reason[:60]}"


class StaffedSpan(models.Model):
    """A span of the weekly staffed hours (Europe/Zurich); several per weekday if need be."""

    WEEKDAYS = [
        (0, _("Monday")),
        (1, _("Tuesday")),
        (2, _("Wednesday")),
        (3, _("Thursday")),
        (4, _("Friday")),
        (5, _("Saturday")),
        (6, _("Sunday")),
    ]

    weekday = models.PositiveSmallIntegerField(_("weekday"), choices=WEEKDAYS)
    opens = models.TimeField(_("opens"))
    closes = models.TimeField(_("closes"), help_text=_("00:00 is midnight, the end of the day."))

    class Meta:
        verbose_name = _("staffed hours")
        verbose_name_plural = _("staffed hours")
        ordering = ["weekday", "opens"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(closes__gt=models.F("opens")) | models.Q(closes=MIDNIGHT),
                name="staffed_span_ends_after_it_opens",
                violation_error_message=_("The hours must close after they open (00:00 for midnight)."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_weekday_display()} {self.opens:%H:%M}–{self.closes:%H:%M}"


class StaffedException(models.Model):
    """A date with other hours than its weekday's: closed (no times) or staffed from ``opens`` to ``closes``."""

    date = models.DateField(_("date"))
    opens = models.TimeField(_("opens"), null=True, blank=True)
    closes = models.TimeField(
        _("closes"), null=True, blank=True, help_text=_("00:00 is midnight, the end of the day.")
    )
    note = models.CharField(
        _("note"), max_length=200, blank=True, help_text=_("A holiday, an election night.")
    )

    class Meta:
        verbose_name = _("exception to the staffed hours")
        verbose_name_plural = _("exceptions to the staffed hours")
        ordering = ["date", "opens"]
        constraints = [
            models.CheckConstraint(
                condition=(models.Q(opens__isnull=True) & models.Q(closes__isnull=True))
                | (
                    models.Q(opens__isnull=False)
                    & (models.Q(closes__gt=models.F("opens")) | models.Q(closes=MIDNIGHT))
                ),
                name="staffed_exception_closed_or_a_span",
                violation_error_message=_(
                    "Give both times, closing after opening (00:00 for midnight), or neither for a day closed."
                ),
            )
        ]

    def __str__(self) -> str:
        if self.opens is None:
            return f"{self.date:%d.%m.%Y} {_('closed')}"
        return f"{self.date:%d.%m.%Y} {self.opens:%H:%M}–{self.closes:%H:%M}"


class QueueAlert(models.Model):
    """A moderator who wants an e-mail when the queue grows too long or too old (at most every 15 min)."""

    moderator = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="queue_alert",
        verbose_name=_("moderator"),
    )
    since = models.DateTimeField(_("since"))

    class Meta:
        verbose_name = _("queue alert")
        verbose_name_plural = _("queue alerts")

    def __str__(self) -> str:
        return str(self.moderator)


class AuthorNote(models.Model):
    """What the moderators want each other to know about an author («warned twice about insults»); never shown to them."""

    author = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="moderator_note",
        verbose_name=_("author"),
    )
    text = models.TextField(_("note"), max_length=1000)
    updated_at = models.DateTimeField(_("updated"))
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("by"),
    )

    class Meta:
        verbose_name = _("note on an author")
        verbose_name_plural = _("notes on authors")

    def __str__(self) -> str:
        return f"{self.author}: {self.text[:60]}"
