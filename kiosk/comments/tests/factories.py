"""Comments, and the readers who write them."""

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
