"""Readers' comments on articles, their likes and their reports."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

# What a comment whose author deleted their account shows in place of the name.
DELETED_ACCOUNT = pgettext_lazy("comment author", "deleted account")


def is_moderator(user) -> bool:
    """Moderators (group "Moderation", or staff with the permission) review every comment."""
    return user.has_perm("comments.change_comment")


# Enough of an article to decide on a comment write and to link back to it.
ARTICLE_FIELDS = (
    "id",
    "path",
    "depth",
    "url_path",
    "locale",
    "live",
    "first_published_at",
    "comment_mode",
    "comment_window_hours",
    "comment_moderation",
)


class Sort(models.TextChoices):
    """The thread's orders, the one place that says what each means."""

    NEWEST = "newest", pgettext_lazy("comments sort", "Newest")
    OLDEST = "oldest", pgettext_lazy("comments sort", "Oldest")
    LIKED = "liked", pgettext_lazy("comments sort", "Most liked")

    @property
    def ordering(self) -> tuple[str, ...]:
        # Of equals, the earlier comment wins; the id settles the same instant.
        return {
            "newest": ("-created_at", "-pk"),
            "oldest": ("created_at", "pk"),
            "liked": ("-like_count", "created_at", "pk"),
        }[self.value]


DEFAULT_SORT = Sort.NEWEST


class CommentQuerySet(models.QuerySet):
    def published(self) -> CommentQuerySet:
        return self.filter(status=Comment.Status.PUBLISHED)

    def pending(self) -> CommentQuerySet:
        return self.filter(status=Comment.Status.PENDING)

    def awaiting_review(self) -> CommentQuerySet:
        """What the desk still has to look at: comments held for review, and comments published at
        once (post-moderation) that no moderator has reviewed yet (``moderated_at`` empty)."""
        return self.filter(
            Q(status=Comment.Status.PENDING) | Q(status=Comment.Status.PUBLISHED, moderated_at__isnull=True)
        )

    def for_article(self, article) -> CommentQuerySet:
        return self.filter(article=article)

    def top_level(self) -> CommentQuerySet:
        return self.filter(parent__isnull=True)

    def by(self, author) -> CommentQuerySet:
        return self.filter(author=author)

    def with_author(self) -> CommentQuerySet:
        return self.select_related("author")

    def for_reacting(self) -> CommentQuerySet:
        """What a like, unlike or report checks: the comment's state and its article's window."""
        return self.select_related("article").only(
            "id",
            "article",
            "author",
            "parent",
            "status",
            "like_count",
            *(f"article__{name}" for name in ARTICLE_FIELDS),
        )

    def in_order(self, sort: Sort) -> CommentQuerySet:
        return self.order_by(*Sort(sort).ordering)

    def most_liked(self) -> CommentQuerySet:
        return self.in_order(Sort.LIKED)

    def newest_first(self) -> CommentQuerySet:
        return self.in_order(Sort.NEWEST)

    def oldest_first(self) -> CommentQuerySet:
        return self.in_order(Sort.OLDEST)

    def before_in_order(self, comment: Comment, sort: Sort) -> CommentQuerySet:
        """The comments that come before ``comment`` in this order."""
        before = Q(pk__in=[])
        equal = Q()
        for term in Sort(sort).ordering:
            name = term.lstrip("-")
            value = getattr(comment, name)
            before |= equal & Q(**{f"{name}__{'gt' if term.startswith('-') else 'lt'}": value})
            equal &= Q(**{name: value})
        return self.filter(before)

    def shown_in_thread(self) -> CommentQuerySet:
        """Published comments, and withdrawn ones that published replies still hang from."""
        answered = Comment.objects.filter(parent=OuterRef("pk"), status=Comment.Status.PUBLISHED)
        # The status test comes first so that the subquery runs for withdrawn comments only,
        # not for every pending or rejected one.
        return self.filter(
            Q(status=Comment.Status.PUBLISHED) | (Q(status=Comment.Status.WITHDRAWN) & Q(Exists(answered)))
        )


class Comment(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("awaiting review")
        PUBLISHED = "published", _("published")
        REJECTED = "rejected", _("rejected")
        WITHDRAWN = "withdrawn", _("deleted by its author")

    article = models.ForeignKey(
        "news.ArticlePage", on_delete=models.CASCADE, related_name="comments", verbose_name=_("article")
    )
    # Empty once the author has deleted their account: the comment stays as «gelöschtes Konto»
    # (kiosk.comments.services.reader_data_erase decides what stays).
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="comments",
        verbose_name=_("author"),
    )
    # RESTRICT: deleting a comment never takes other readers' replies with it; deleting
    # the whole article (which deletes the replies too) still works.
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.RESTRICT,
        related_name="replies",
        verbose_name=_("reply to"),
    )
    text = models.TextField(_("text"))
    # The text as safe HTML (paragraphs, line breaks, links), rendered once on save.
    html = models.TextField(editable=False)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.PENDING)
    created_at = models.DateTimeField(_("written"), db_index=True)
    edited_at = models.DateTimeField(_("edited"), null=True, blank=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    moderated_at = models.DateTimeField(_("reviewed"), null=True, blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("reviewed by"),
    )
    # The house rule it broke (HouseRule.code), and that rule's text as the author was shown it:
    # a rule reworded or retired later does not rewrite past decisions.
    rejection_reason = models.CharField(_("reason for rejection"), max_length=40, blank=True)
    rejection_text = models.TextField(_("house rule shown to the author"), blank=True)
    rejection_note = models.TextField(_("note to the author"), blank=True)
    # Set when the author has seen the decision on the site.
    decision_seen = models.BooleanField(default=False, editable=False)
    like_count = models.PositiveIntegerField(_("likes"), default=0)
    report_count = models.PositiveIntegerField(_("reports"), default=0)
    # Reports no moderator has acted on yet: the reported queue is the comments with some.
    open_reports = models.PositiveIntegerField(_("open reports"), default=0)
    # The text's digest while the same text again from the same reader on the same article
    # is refused as already posted; empty once withdrawn, edited or past the time allowed
    # (kiosk.comments.services.comment_submit). A unique constraint, not a lock, so that
    # ten identical posts at once are stored once without serialising every writer.
    repeat_guard = models.CharField(max_length=64, null=True, blank=True, editable=False)
    # Why the checks held or rejected it (kiosk.comments.checks): each {code, message, marks},
    # marks pointing at stretches of the text (a suspect word and the list entry it matched).
    review_notes = models.JSONField(_("notes for review"), default=list, blank=True, editable=False)
    # How urgently the desk should look at it (kiosk.comments.risk); kept up to date on every
    # report and decision so the queue orders by an indexed column, not by a sum per row.
    risk = models.PositiveSmallIntegerField(_("risk"), default=0, editable=False)
    # Chosen by a moderator: shown first in the article's top comments.
    featured_at = models.DateTimeField(_("featured"), null=True, blank=True)
    featured_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("featured by"),
    )

    objects = CommentQuerySet.as_manager()

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["article", "status", "parent", "created_at"], name="comment_thread"),
            models.Index(fields=["article", "status", "like_count", "created_at"], name="comment_most_liked"),
            models.Index(fields=["status", "created_at"], name="comment_queue"),
            # The queue by risk, and the tabs of decided comments newest decision first.
            models.Index(fields=["status", "risk", "created_at"], name="comment_queue_risk"),
            models.Index(fields=["status", "moderated_at", "created_at"], name="comment_review"),
            # The dashboard's decisions in a span.
            models.Index(fields=["moderated_at"], name="comment_decided"),
            models.Index(fields=["article", "featured_at"], name="comment_featured"),
            # An author's record (kiosk.comments.risk), read in every new comment's INSERT: only their
            # decided comments, never all they ever wrote.
            models.Index(fields=["author", "moderated_at"], name="comment_author_record"),
            # The desk's reported and featured tabs and their counts: few rows out of many.
            models.Index(fields=["status", "risk"], condition=Q(open_reports__gt=0), name="comment_reported"),
            models.Index(
                fields=["status"], condition=Q(featured_at__isnull=False), name="comment_featured_any"
            ),
            # What the desk still has to look at (CommentQuerySet.awaiting_review), oldest first.
            models.Index(
                fields=["created_at"],
                condition=Q(status="pending") | Q(status="published", moderated_at__isnull=True),
                name="comment_awaiting",
            ),
            # A comment's published replies; without it SQLite may scan every published comment.
            models.Index(fields=["parent", "status", "created_at"], name="comment_replies"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="published") | Q(published_at__isnull=False),
                name="comment_published_has_time",
            ),
            models.UniqueConstraint(
                fields=["author", "article", "repeat_guard"], name="comment_not_posted_twice"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.author_name}: {self.text[:60]}"

    @property
    def author_name(self) -> str:
        """The public name, or «gelöschtes Konto» once the author has deleted their account."""
        return self.author.public_name if self.author_id else str(DELETED_ACCOUNT)

    @property
    def is_pending(self) -> bool:
        return self.status == self.Status.PENDING

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED

    @property
    def is_rejected(self) -> bool:
        return self.status == self.Status.REJECTED

    @property
    def is_withdrawn(self) -> bool:
        return self.status == self.Status.WITHDRAWN

    def is_visible_to(self, user) -> bool:
        """Published comments (and withdrawn shells) for everyone; the rest for their author and
        the moderators only. The one rule, on every route: unpublished text reaches nobody else."""
        if self.status in PUBLIC_STATUSES:
            return True
        if user is None or not user.is_authenticated:
            return False
        # The permission check costs queries: asked only for others' unpublished comments.
        return self.author_id == user.pk or is_moderator(user)

    @property
    def is_featured(self) -> bool:
        return self.featured_at is not None

    @property
    def rejection_reason_text(self) -> str:
        """The house rule it broke, as the author was shown it."""
        return self.rejection_text or self.rejection_reason

    @property
    def anchor(self) -> str:
        return f"comment-{self.pk}"


# Shown to everyone: published comments, and the empty shells of withdrawn ones.
PUBLIC_STATUSES = (Comment.Status.PUBLISHED, Comment.Status.WITHDRAWN)


class HouseRuleQuerySet(models.QuerySet):
    def in_use(self) -> HouseRuleQuerySet:
        return self.filter(active=True)


class HouseRule(models.Model):
    """A reason a comment is rejected for, worded by the newsroom: a title for the desk, a text for the author.

    The first nine in use have the number keys in the queue. Retired rather
    than deleted: past rejections keep the text they were given.
    """

    code = models.SlugField(
        _("code"), max_length=40, unique=True, help_text=_("A short name that never changes, e.g. insult.")
    )
    title = models.CharField(_("title"), max_length=80, help_text=_("What the moderators see in the queue."))
    text = models.TextField(_("text for the author"), max_length=500)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    needs_note = models.BooleanField(
        _("needs a note"), default=False, help_text=_("The moderator must say more in a note to the author.")
    )
    active = models.BooleanField(_("in use"), default=True)

    objects = HouseRuleQuerySet.as_manager()

    class Meta:
        verbose_name = _("house rule")
        verbose_name_plural = _("house rules")
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.title


# The rule a banned word breaks (kiosk.moderation.checks), and the defaults a new site starts with.
BANNED_WORDS_RULE = "house_rules"
DEFAULT_HOUSE_RULES = (
    # code, title, text for the author, needs a note
    (BANNED_WORDS_RULE, _("House rules"), _("It breaks the house rules."), False),
    ("insult", _("Insult"), _("It insults or demeans others."), False),
    ("off_topic", _("Off-topic"), _("It is off-topic."), False),
    ("spam", _("Spam"), _("It is advertising or spam."), False),
    ("misinformation", _("False claims"), _("It spreads false claims."), False),
    (
        "other",
        pgettext_lazy("rejection reason", "Other"),
        pgettext_lazy("rejection reason", "Other (see the note)."),
        True,
    ),
)


def house_rules_ensure(model=None) -> None:
    """Create the default house rules that are missing (the migration, a test database after a flush)."""
    from django.utils import translation

    model = model or HouseRule
    with translation.override(settings.LANGUAGE_CODE):
        model.objects.bulk_create(
            [
                model(code=code, title=str(title), text=str(text), needs_note=needs_note, position=position)
                for position, (code, title, text, needs_note) in enumerate(DEFAULT_HOUSE_RULES, start=1)
            ],
            ignore_conflicts=True,
        )


class Like(models.Model):
    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="likes")
    reader = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="comment_likes"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("like")
        verbose_name_plural = _("likes")
        constraints = [models.UniqueConstraint(fields=["comment", "reader"], name="one_like_per_reader")]

    def __str__(self) -> str:
        return f"{self.reader} likes comment {self.comment_id}"


class Report(models.Model):
    class Reason(models.TextChoices):
        SPAM = "spam", _("Spam or advertising")
        INSULT = "insult", _("Insult or hate")
        OFF_TOPIC = "off_topic", _("Off-topic")
        MISINFORMATION = "misinformation", _("Misinformation")
        OTHER = "other", pgettext_lazy("report reason", "Other")

    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="reports")
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="comment_reports"
    )
    reason = models.CharField(_("reason"), max_length=20, choices=Reason.choices)
    note = models.TextField(_("note"), blank=True, max_length=500)
    created_at = models.DateTimeField(auto_now_add=True)
    # Set when a moderator decided on the reported comment: upheld if it was rejected. A reporter's
    # record (how often they were right) weighs their next reports (kiosk.comments.risk).
    handled_at = models.DateTimeField(_("handled"), null=True, blank=True)
    upheld = models.BooleanField(_("upheld"), null=True, blank=True)

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["comment", "reporter"], name="one_report_per_reader"),
            models.CheckConstraint(condition=~Q(reason="other") | ~Q(note=""), name="report_other_has_note"),
        ]

    def __str__(self) -> str:
        return f"{self.reporter} reported comment {self.comment_id}: {self.get_reason_display()}"
