"""Writes on comments: submit, edit, withdraw, approve, reject, like and report.

Views, the JSON API, the admin and the demo loader all go through these.
Each validates before it writes and raises CommentError with a message for
the reader; nothing is stored when it raises.
"""

from __future__ import annotations

import hashlib
import logging
from contextlib import nullcontext
from datetime import datetime, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.db.models import Exists, F, OuterRef, Q
from django.db.models.functions import Greatest
from django.utils import timezone
from django.utils.translation import gettext as _

from kiosk.security import reader_text

from . import checks, risk
from . import text as comment_text
from .debate import reader_changed
from .models import BANNED_WORDS_RULE, Comment, HouseRule, Like, Report
from .notifications import notify_author
from .purging import purge_article
from .selectors import article_comment_window, author_records, reporter_weights, risk_with_record

logger = logging.getLogger(__name__)


class CommentError(Exception):
    """A request the rules refuse; ``message`` is for the reader, ``code`` for clients."""

    def __init__(self, message: str, *, code: str = "invalid", status: int = 400):
        super().__init__(message)
        self.message = message
        self.code = code
        self.status = status


def _refusal(verdict: checks.Verdict) -> CommentError:
    return CommentError(verdict.message, code=verdict.code, status=verdict.status)


def _ensure_may_take_part(reader, *, now: datetime) -> None:
    """The reader may write, like and report (checks.reader_refusal: not blocked)."""
    if verdict := checks.reader_refusal(reader, now=now):
        raise _refusal(verdict)


def _ensure_open(article, *, now: datetime, for_likes: bool = False) -> None:
    """Edits and likes need the window open, as a new comment does (checks.window); likes go on in a pause."""
    state = article_comment_window(article, now=now)
    if for_likes and state.takes_likes:
        return
    if verdict := checks.window_refusal(state):
        raise _refusal(verdict)


def reply_parent(*, article, parent_id: int | None, reader) -> Comment | None:
    """The comment a reply answers, as the reader may see it; refused when it is not there for them."""
    if parent_id is None:
        return None
    parent = Comment.objects.filter(pk=parent_id, article=article).first()
    if parent is None or not parent.is_visible_to(reader):
        raise CommentError(_("The comment you answered no longer exists."), code="bad_parent")
    return parent


def _validated_text(text: str) -> str:
    try:
        return comment_text.validate(text)
    except ValidationError as error:
        raise CommentError(error.messages[0], code=error.code or "invalid") from None


# Writes run their checks before any transaction: on SQLite a write transaction
# holds the database's one write lock, and every other writer waits for it.
def comment_submit(
    *, article, author, text: str, parent: Comment | None = None, now: datetime | None = None
) -> Comment:
    """A new comment or reply, held for review once it has passed the checks (kiosk.comments.checks).

    A refusal raises and stores nothing; a rejection (banned words) is
    stored rejected with its reason; the notes of every check that held it
    are stored with it for the moderators. Where a check lets it be
    published at once (post-moderation, a trusted author) and none held it,
    it is published, not yet reviewed, with that check's note.
    """
    now = now or timezone.now()
    if not author.is_active:
        raise CommentError(_("Your account cannot comment."), code="forbidden", status=403)
    _ensure_may_take_part(author, now=now)
    text = _validated_text(text)
    said = _checked(checks.Submission(article=article, author=author, text=text, parent=parent), now=now)
    if parent is not None:
        if parent.article_id != article.pk:
            raise CommentError(_("You can only reply to a comment on this article."), code="bad_parent")
        if not parent.is_published:
            raise CommentError(_("This comment cannot be answered."), code="bad_parent")
        # One level of replies, as the debate is shown: an answer to a reply joins its thread.
        if parent.parent_id is not None:
            parent = parent.parent
    comment = Comment(
        article=article,
        author=author,
        parent=parent,
        text=text,
        html=comment_text.to_html(text),
        created_at=now,
        repeat_guard=_repeat_guard(text),
    )
    _note(comment, said, now=now, publish=True)
    # The same text sent ten times at once (a double click, a retrying client) is stored
    # once: the unique repeat guard refuses the others, so no writer waits for a lock.
    if not _inserted(comment):
        since = now - timedelta(seconds=settings.KIOSK_COMMENT_DUPLICATE_SECONDS)
        earlier = Comment.objects.filter(
            article=article, author=author, repeat_guard=comment.repeat_guard
        ).first()
        still_guarded = earlier is not None and (
            earlier.created_at >= since or not _release_guard(earlier, since=since)
        )
        # Free again (old enough, or withdrawn meanwhile)? The same text in the same moment
        # from another request can still win.
        if still_guarded or not _inserted(comment):
            raise CommentError(_("You have already posted this comment."), code="duplicate", status=409)
    reader_changed(author.pk)
    if comment.is_published:  # published at once: the thread shows it now, as after an approval
        purge_article(article.pk)
    return comment


def _checked(submission: checks.Submission, *, now: datetime) -> checks.Result:
    """What the checks say (kiosk.comments.checks); a refusal raises, and nothing is stored."""
    said = checks.run(submission, now=now)
    if said.final is not None and said.final.outcome is checks.Outcome.REFUSE:
        raise _refusal(said.final)
    return said


def _note(comment: Comment, said: checks.Result, *, now: datetime, publish: bool = False) -> None:
    """The checks' notes on the comment, and a check's rejection: decided, with the house rule it breaks.

    ``publish`` for a new comment: published at once where the checks say so. An edit never publishes:
    only a comment still awaiting review can be edited, and it stays in the queue.
    """
    comment.review_notes = [verdict.as_note() for verdict in (*said.holds, *filter(None, [said.final]))]
    if said.final is not None:
        comment.status = Comment.Status.REJECTED
        comment.moderated_at = now
        comment.rejection_reason = said.final.reason or BANNED_WORDS_RULE
        comment.rejection_text = _rule_text(comment.rejection_reason)
        comment.rejection_note = said.final.message
    else:
        comment.rejection_reason = comment.rejection_text = comment.rejection_note = ""
    if publish and said.publish:
        # Published, not yet reviewed (Comment.objects.awaiting_review()); the author is told in the answer.
        comment.status = Comment.Status.PUBLISHED
        comment.published_at, comment.moderated_at, comment.moderated_by = now, None, None
        comment.decision_seen = True
        comment.review_notes = [said.publishing.as_note()]
    comment.risk = _risk(comment, now=now)


def _rule_text(code: str) -> str:
    return HouseRule.objects.filter(code=code).values_list("text", flat=True).first() or ""


def _facts(comment: Comment, *, record: tuple[int, int] = (0, 0), report_weights=()) -> risk.Facts:
    """What the risk score (kiosk.comments.risk) looks at; ``record`` is (decided, rejected)."""
    hits, links = risk.from_notes(comment.review_notes)
    return risk.Facts(
        report_weights=report_weights,
        suspect_hits=hits,
        too_many_links=links,
        author_decided=record[0],
        author_rejected=record[1],
        author_joined=comment.author.date_joined if comment.author_id else None,
    )


def _risk(comment: Comment, *, now: datetime):
    """A new or edited comment's place in the queue: an SQL expression its INSERT or UPDATE works out,
    reading the author's record in the same statement, so a post makes no extra round trip."""
    if comment.status not in (Comment.Status.PENDING, Comment.Status.PUBLISHED):
        return 0
    # At most 55 without reports, which a comment just written has none of: 25 more stay within 100.
    return risk_with_record(risk.score(_facts(comment), now=now), comment.author_id, now=now)


def comments_rescore(*, comments=None, author_ids=(), now: datetime | None = None) -> int:
    """Work the risk out again for ``comments`` (a queryset) and for the comments of ``author_ids``
    the desk still has to look at, in a fixed number of queries; how many changed."""
    now = now or timezone.now()
    queryset = comments if comments is not None else Comment.objects.none()
    if author_ids:
        queryset = queryset | Comment.objects.filter(author_id__in=list(author_ids))
    rows = list(
        queryset.filter(Q(status=Comment.Status.PENDING) | Q(status=Comment.Status.PUBLISHED))
        .filter(Q(status=Comment.Status.PENDING) | Q(moderated_at__isnull=True) | Q(open_reports__gt=0))
        .select_related("author")
        .only("id", "status", "risk", "review_notes", "author__date_joined", "open_reports")
    )
    if not rows:
        return 0
    records = author_records({row.author_id for row in rows if row.author_id}, now=now)
    weights = reporter_weights([row.pk for row in rows if row.open_reports])
    changed = []
    for row in rows:
        facts = _facts(row, record=records.get(row.author_id, (0, 0)), report_weights=weights.get(row.pk, ()))
        if (score := risk.score(facts, now=now)) != row.risk:
            row.risk = score
            changed.append(row)
    Comment.objects.bulk_update(changed, ["risk"], batch_size=500)
    return len(changed)


def _repeat_guard(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def _inserted(comment: Comment) -> bool:
    """Insert, or False when the reader's same text is already there."""
    try:
        # A savepoint only inside a caller's transaction; in autocommit the INSERT alone
        # takes SQLite's write lock, briefly.
        with transaction.atomic() if connection.in_atomic_block else nullcontext():
            comment.save(force_insert=True)
    except IntegrityError:
        comment.pk = None
        return False
    return True


def _release_guard(earlier: Comment, *, since: datetime) -> bool:
    """The earlier comment is old enough to be written again: it guards no more."""
    return bool(Comment.objects.filter(pk=earlier.pk, created_at__lt=since).update(repeat_guard=None))


@transaction.atomic
def comment_edit(*, comment: Comment, author, text: str, now: datetime | None = None) -> Comment:
    """Authors may rewrite their comment until a moderator has decided on it."""
    now = now or timezone.now()
    comment = Comment.objects.select_for_update().get(pk=comment.pk)
    if comment.author_id != author.pk:
        raise CommentError(_("You can only edit your own comments."), code="forbidden", status=403)
    if comment.is_published and comment.moderated_at is None:
        raise CommentError(_("This comment is published and can no longer be edited."), code="not_editable")
    if not comment.is_pending:
        raise CommentError(
            _("This comment has already been reviewed and can no longer be edited."), code="not_editable"
        )
    _ensure_may_take_part(author, now=now)
    comment.text = _validated_text(text)
    # The new text passes the checks a new comment does: an edit must not slip a banned word past them.
    said = _checked(
        checks.Submission(article=comment.article, author=author, text=comment.text, parent=comment.parent),
        now=now,
    )
    _note(comment, said, now=now)
    comment.html = comment_text.to_html(comment.text)
    comment.edited_at = now
    comment.repeat_guard = None  # rewritten, it is no longer a copy of anything sent
    comment.save(
        update_fields=[
            "text",
            "html",
            "edited_at",
            "repeat_guard",
            "review_notes",
            "status",
            "moderated_at",
            "rejection_reason",
            "rejection_text",
            "rejection_note",
            "risk",
        ]
    )
    reader_changed(author.pk)
    return comment


@transaction.atomic
def comment_withdraw(*, comment: Comment, author) -> None:
    """The author deletes their comment: its text is gone; replies to it stay."""
    comment = Comment.objects.select_for_update().get(pk=comment.pk)
    if comment.author_id != author.pk:
        raise CommentError(_("You can only delete your own comments."), code="forbidden", status=403)
    was_published = comment.is_published
    if comment.is_withdrawn:
        return
    comment.status = Comment.Status.WITHDRAWN
    comment.text = comment.html = ""
    comment.repeat_guard = None  # the reader may post the same text again
    comment.save(update_fields=["status", "text", "html", "repeat_guard"])
    reader_changed(author.pk)
    if was_published:
        purge_article(comment.article_id)


@transaction.atomic
def comment_approve(
    *, comment: Comment, moderator, now: datetime | None = None, notify: bool = True
) -> Comment:
    """Publish a comment. ``notify=False`` for a decision its author already knows of (the demo's
    history): no e-mail, no notice on the site."""
    now = now or timezone.now()
    comment = Comment.objects.select_for_update().get(pk=comment.pk)
    if comment.is_withdrawn:
        raise CommentError(_("The author has deleted this comment."), code="withdrawn")
    if comment.is_published:
        # Published already: a moderator has now looked at it (published at once, or reported) and keeps it.
        if comment.moderated_at is None or comment.open_reports:
            _reports_handled(comment, upheld=False, now=now)
            comment.moderated_at, comment.moderated_by = now, moderator
            comment.save(update_fields=["moderated_at", "moderated_by", "open_reports", "risk"])
        return comment
    comment.status = Comment.Status.PUBLISHED
    comment.published_at = comment.published_at or now
    comment.moderated_at, comment.moderated_by = now, moderator
    comment.rejection_reason = comment.rejection_text = comment.rejection_note = ""
    comment.decision_seen = not notify
    comment.risk = 0
    comment.save()
    reader_changed(comment.author_id)
    purge_article(comment.article_id)
    _author_rescored(comment, now=now)
    if notify:
        notify_author(comment)
    return comment


def _author_rescored(comment: Comment, *, now: datetime) -> None:
    # A decision changes the author's record: their other comments waiting move in the queue.
    if comment.author_id:
        comments_rescore(author_ids=[comment.author_id], now=now)


def _reports_handled(comment: Comment, *, upheld: bool, now: datetime) -> None:
    """The comment's open reports are decided (upheld when it goes): they count in their reporters' record."""
    if comment.open_reports:
        Report.objects.filter(comment=comment, handled_at__isnull=True).update(handled_at=now, upheld=upheld)
    comment.open_reports = 0
    comment.risk = 0


def house_rule_for(*, reason: str, note: str = "") -> tuple[HouseRule, str]:
    """The house rule in use a rejection names (its code), and the note cleaned; refused when either is wanting."""
    note = reader_text.clean(note or "", multiline=True).strip()
    if len(note) > 1000:
        raise CommentError(_("Please keep the note under 1000 characters."), code="note_too_long")
    rule = HouseRule.objects.in_use().filter(code=reason or "").first() if len(reason or "") <= 40 else None
    if rule is None:
        raise CommentError(_("Choose a reason for the rejection."), code="reason_required")
    if rule.needs_note and not note:
        raise CommentError(_("Tell the author why, in the note."), code="note_required")
    return rule, note


@transaction.atomic
def comment_reject(
    *,
    comment: Comment,
    moderator,
    reason: str,
    note: str = "",
    now: datetime | None = None,
    notify: bool = True,
) -> Comment:
    """Reject under a house rule in use (``reason`` is its code); the author is told the rule's text and ``note``."""
    now = now or timezone.now()
    rule, note = house_rule_for(reason=reason, note=note)
    comment = Comment.objects.select_for_update().get(pk=comment.pk)
    if comment.is_withdrawn:
        raise CommentError(_("The author has deleted this comment."), code="withdrawn")
    was_published = comment.is_published
    _reports_handled(comment, upheld=True, now=now)
    comment.status = Comment.Status.REJECTED
    comment.moderated_at, comment.moderated_by = now, moderator
    comment.rejection_reason, comment.rejection_text, comment.rejection_note = rule.code, rule.text, note
    comment.featured_at = comment.featured_by = None
    comment.decision_seen = not notify  # as for comment_approve
    comment.save()
    reader_changed(comment.author_id)
    if was_published:
        purge_article(comment.article_id)
    _author_rescored(comment, now=now)
    if notify:
        notify_author(comment)
    return comment


@transaction.atomic
def comment_feature(*, comment: Comment, moderator, featured: bool, now: datetime | None = None) -> Comment:
    """Show a published comment first among the article's top comments, or no longer. Safe to send twice."""
    now = now or timezone.now()
    comment = Comment.objects.select_for_update().get(pk=comment.pk)
    if featured and not comment.is_published:
        raise CommentError(_("Only published comments can be featured."), code="not_published")
    if comment.is_featured == featured:
        return comment
    comment.featured_at, comment.featured_by = (now, moderator) if featured else (None, None)
    comment.save(update_fields=["featured_at", "featured_by"])
    purge_article(comment.article_id)
    return comment


def _ensure_not_own(comment: Comment, reader, message: str) -> None:
    if comment.author_id == reader.pk:
        raise CommentError(message, code="own_comment", status=403)


def comment_like(*, comment: Comment, reader, now: datetime | None = None) -> int:
    """Like once; a second like changes nothing. Returns the new count."""
    now = now or timezone.now()
    if not comment.is_published:
        raise CommentError(_("Only published comments can be liked."), code="not_published")
    _ensure_not_own(comment, reader, _("You cannot like your own comment."))
    _ensure_may_take_part(reader, now=now)
    _ensure_open(comment.article, now=now, for_likes=True)
    with transaction.atomic():
        try:
            # The savepoint keeps the outer transaction usable when the constraint fires.
            with transaction.atomic():
                Like.objects.create(comment=comment, reader=reader)
        except IntegrityError:
            pass
        else:
            Comment.objects.filter(pk=comment.pk).update(like_count=F("like_count") + 1)
            purge_article(comment.article_id, shared=False)
            reader_changed(reader.pk)
    return _like_count(comment)


def comment_unlike(*, comment: Comment, reader, now: datetime | None = None) -> int:
    """Take a like back; returns the new count."""
    now = now or timezone.now()
    _ensure_open(comment.article, now=now, for_likes=True)
    with transaction.atomic():
        deleted, _rows = Like.objects.filter(comment=comment, reader=reader).delete()
        if deleted:
            Comment.objects.filter(pk=comment.pk).update(like_count=_one_less("like_count"))
            purge_article(comment.article_id, shared=False)
            reader_changed(reader.pk)
    return _like_count(comment)


def _one_less(field: str):
    # Never below zero: a count gone wrong (a row written past the services) must not
    # turn a reader's unlike into a refused write.
    return Greatest(F(field) - 1, 0)


def _like_count(comment: Comment) -> int:
    # Read after the commit: the count as it stands, this reader's like included.
    return Comment.objects.values_list("like_count", flat=True).get(pk=comment.pk)


def comment_report(
    *, comment: Comment, reporter, reason: str, note: str = "", now: datetime | None = None
) -> Report:
    """Flag a comment for the moderators, once per reader."""
    now = now or timezone.now()
    if reason not in Report.Reason.values:
        raise CommentError(_("Choose why you report this comment."), code="reason_required")
    note = reader_text.clean(note or "").strip()
    if reason == Report.Reason.OTHER and not note:
        raise CommentError(_("Tell us briefly what is wrong with this comment."), code="note_required")
    if len(note) > 500:
        raise CommentError(_("Please keep your note under 500 characters."), code="note_too_long")
    if not comment.is_published:
        raise CommentError(_("Only published comments can be reported."), code="not_published")
    _ensure_not_own(comment, reporter, _("You cannot report your own comment."))
    _ensure_may_take_part(reporter, now=now)
    with transaction.atomic():
        try:
            with transaction.atomic():
                report = Report.objects.create(comment=comment, reporter=reporter, reason=reason, note=note)
        except IntegrityError:
            raise CommentError(
                _("You have already reported this comment. Thank you."), code="already_reported", status=409
            ) from None
        Comment.objects.filter(pk=comment.pk).update(
            report_count=F("report_count") + 1, open_reports=F("open_reports") + 1
        )
        comments_rescore(comments=Comment.objects.filter(pk=comment.pk), now=now)
        reader_changed(reporter.pk)
    logger.info("comment %s reported (%s)", comment.pk, reason)
    return report


def toggle_like(*, comment: Comment, reader, now: datetime | None = None) -> tuple[bool, int]:
    """For a single like button: (liked now, count)."""
    if Like.objects.filter(comment=comment, reader=reader).exists():
        return False, comment_unlike(comment=comment, reader=reader, now=now)
    return True, comment_like(comment=comment, reader=reader, now=now)


def comment_decisions_seen(*, article, reader) -> int:
    """The reader has read that their comments on this article are published: no more notice."""
    seen = (
        Comment.objects.for_article(article)
        .by(reader)
        .filter(status=Comment.Status.PUBLISHED, decision_seen=False)
        .update(decision_seen=True)
    )
    if seen:
        reader_changed(reader.pk)
    return seen


@transaction.atomic
def reader_data_erase(*, user, keep_comments: bool) -> None:
    """Forget what a reader did in the debates, before their account is deleted.

    Their likes and reports go, and the counts on the comments they touched
    drop with them. Their unpublished comments go. Their published comments
    stay without a name («gelöschtes Konto») when ``keep_comments``, else they
    go too. A comment that other readers have answered is never deleted: it
    stays as the empty shell of a deleted comment, so the replies keep their
    place in the thread.
    """
    touched_articles: set[int] = set()

    liked = list(Like.objects.filter(reader=user).values_list("comment_id", "comment__article_id"))
    if liked:
        Like.objects.filter(reader=user).delete()
        # One like per reader and comment (a database constraint): one less on each.
        Comment.objects.filter(pk__in=[pk for pk, _article in liked]).update(
            like_count=_one_less("like_count")
        )
        touched_articles.update(article for _pk, article in liked)
    reported = list(Report.objects.filter(reporter=user).values_list("comment_id", flat=True))
    if reported:
        # An open report gone is one open report less; a handled one was counted out already.
        open_ones = list(
            Report.objects.filter(reporter=user, handled_at__isnull=True).values_list("comment_id", flat=True)
        )
        Report.objects.filter(reporter=user).delete()
        Comment.objects.filter(pk__in=reported).update(report_count=_one_less("report_count"))
        Comment.objects.filter(pk__in=open_ones).update(open_reports=_one_less("open_reports"))

    own = Comment.objects.filter(author=user)
    shown = [Comment.Status.PUBLISHED, Comment.Status.WITHDRAWN]
    touched_articles.update(own.filter(status__in=shown).values_list("article_id", flat=True))
    if keep_comments:
        own.filter(status=Comment.Status.PUBLISHED).update(author=None)
        gone = own.exclude(status=Comment.Status.PUBLISHED)
    else:
        gone = own
    answered = list(
        gone.filter(Exists(Comment.objects.filter(parent=OuterRef("pk")))).values_list("pk", flat=True)
    )
    # Answered ones become empty shells (a rejected one stays rejected, its replies hidden);
    # the rest are deleted outright.
    shells = Comment.objects.filter(pk__in=answered)
    shells.filter(status=Comment.Status.PUBLISHED).update(status=Comment.Status.WITHDRAWN)
    shells.update(author=None, text="", html="", rejection_note="")
    gone.exclude(pk__in=answered).delete()
    reader_changed(user.pk)
    for article_id in touched_articles:
        purge_article(article_id)


def author_profile_changed(reader) -> None:
    """The reader's public name or picture changed: the debates that show it next to their comments change too."""
    articles = Comment.objects.by(reader).published().order_by().values_list("article_id", flat=True)
    for article_id in articles.distinct():
        purge_article(article_id)
