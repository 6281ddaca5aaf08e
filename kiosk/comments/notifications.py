"""Telling authors what the moderators decided."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from kiosk.newsroom.sites import absolute_url


def permalink(comment) -> str:
    """The absolute "Zum Kommentar" address on the article's public site, which finds the comment in the thread."""
    return absolute_url(reverse("comments:permalink", args=[comment.pk]), site=comment.article.get_site())


def notify_author(comment) -> None:
    """E-mail the decision after commit, unless the author opted out. The site shows it anyway."""
    author = comment.author
    if author is None or not author.comment_notifications or not author.email:
        return

    def send():
        with translation.override(settings.LANGUAGE_CODE):
            context = {
                "comment": comment,
                "author": author,
                "article": comment.article,
                "permalink": permalink(comment),
            }
            subject = render_to_string("comments/email/decision_subject.txt", context).strip()
            body = render_to_string("comments/email/decision_body.txt", context)
        # Queued for the task worker (kiosk.background.mail), which retries when the mail server is away.
        send_mail(subject, body, None, [author.email])

    # Only a committed decision is mailed. Robust: the decision stands and the site shows it
    # even if the mail could not be queued (Django logs that at ERROR).
    transaction.on_commit(send, robust=True)
