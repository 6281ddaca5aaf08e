"""The comment section as the article template asks for it, so that news needs nothing from comments."""

from django import template
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe

from kiosk.comments.debate import debate_html
from kiosk.comments.models import Comment

register = template.Library()


@register.simple_tag(takes_context=True)
def comment_section(context, article):
    """``{% comment_section page %}``: the article's comment section, or nothing without comments."""
    return debate_html(context["request"], article, csrf_token=context.get("csrf_token"))


@register.simple_tag(takes_context=True)
def reader_part(context, part):
    """A logged-in reader's own part of the shared section (kiosk.comments.debate): a gap to fill."""
    return context["debate"].reader_part(part)


@register.simple_tag(takes_context=True)
def comment_actions(context, comment):
    """A comment's like and report controls, which differ between readers."""
    return context["debate"].comment_actions(context, comment)


# Stands for the new comment's id in the template below; kiosk.js puts the real one in.
FRESH_ID = 999999999


@register.simple_tag
def fresh_comment_template():
    """``<template>``s of a just-sent comment, awaiting review or published at once (post-moderation), so
    kiosk.js shows it as the page would, in the reader's language.

    Shared by all logged-in readers: kiosk.js picks one by the comment's status and puts in the id, the
    text and the time.
    """
    templates = []
    for status in (Comment.Status.PENDING, Comment.Status.PUBLISHED):
        comment = Comment(pk=FRESH_ID, status=status, created_at=timezone.now())
        html = render_to_string("comments/includes/own_comment.html", {"comment": comment, "fresh": True})
        templates.append(
            render_to_string(
                "comments/includes/fresh_comment_template.html",
                {"html": html, "fresh_id": FRESH_ID, "status": status},
            )
        )
    return mark_safe("".join(templates))  # both rendered (and escaped) by their templates
