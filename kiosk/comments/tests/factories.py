"""Comments, and the readers who write them."""

from datetime import timedelta

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from kiosk.accounts.models import User
from kiosk.comments import text as comment_text
from kiosk.comments.models import Comment, Like, Report


class CommenterFactory(DjangoModelFactory):
    """A reader as the comments see one: a public name and a registration date."""

    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"leserin{n}")
    email = factory.Sequence(lambda n: f"leserin{n}@example.org")
    display_name = factory.Sequence(lambda n: f"Leserin {n}")
    password = factory.django.Password("kiosk-demo")


class CommentFactory(DjangoModelFactory):
    class Meta:
        model = Comment

    author = factory.SubFactory(CommenterFactory)
    text = factory.Sequence(lambda n: f"Ein Gedanke zum Artikel, Nummer {n}.")
    html = factory.LazyAttribute(lambda c: comment_text.to_html(c.text))
    status = Comment.Status.PUBLISHED
    created_at = factory.LazyFunction(timezone.now)
    published_at = factory.LazyAttribute(
        lambda c: c.created_at if c.status == Comment.Status.PUBLISHED else None
    )
    # Published as a moderator approved it (not at once, unreviewed: pass moderated_at=None for that).
    moderated_at = factory.LazyAttribute(
        lambda c: c.created_at if c.status in (Comment.Status.PUBLISHED, Comment.Status.REJECTED) else None
    )


class LikeFactory(DjangoModelFactory):
    class Meta:
        model = Like

    comment = factory.SubFactory(CommentFactory)
    reader = factory.SubFactory(CommenterFactory)


class ReportFactory(DjangoModelFactory):
    class Meta:
        model = Report

    comment = factory.SubFactory(CommentFactory)
    reporter = factory.SubFactory(CommenterFactory)
    reason = Report.Reason.SPAM


def published_debate(article, count: int) -> tuple[list[Comment], list[Comment]]:
    """Published top-level comments a minute apart, every third with a published reply."""
    readers = CommenterFactory.create_batch(5)
    start = timezone.now() - timedelta(minutes=count)
    comments = Comment.objects.bulk_create(
        Comment(
            article=article,
            author=readers[i % 5],
            text=f"Kommentar {i}",
            html=f"<p>Kommentar {i}</p>",
            status=Comment.Status.PUBLISHED,
            created_at=start + timedelta(minutes=i),
            published_at=start + timedelta(minutes=i),
            like_count=i % 7,
        )
        for i in range(count)
    )
    replies = Comment.objects.bulk_create(
        Comment(
            article=article,
            author=readers[(i + 1) % 5],
            parent=parent,
            text="Antwort",
            html="<p>Antwort</p>",
            status=Comment.Status.PUBLISHED,
            created_at=parent.created_at + timedelta(seconds=30),
            published_at=parent.created_at + timedelta(seconds=30),
        )
        for i, parent in enumerate(comments[::3])
    )
    return comments, replies
