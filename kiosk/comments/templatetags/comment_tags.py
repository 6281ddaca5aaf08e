"""The comment section as the article template asks for it, so that news needs nothing from comments."""

from django import template
from django.template.loader import render_to_string
from django.utils import timezone

from kiosk.comments.models import Comment
from kiosk.comments.selectors import comment_section_for

register = template.Library()


@register.simple_tag(takes_context=True)
def comment_section(context, article):
    """``{% comment_section page as comment_section %}``: the section, or None without comments."""
    return comment_section_for(article, context["request"])


# Stands for the new comment's id in the template below; kiosk.js puts the real one in.
FRESH_ID = 999999999


@register.simple_tag(takes_context=True)
def fresh_comment_template(context):
    """``<template>`` of a just-sent comment, so kiosk.js shows it as the page would, in the reader's language."""
    comment = Comment(pk=FRESH_ID, status=Comment.Status.PENDING, created_at=timezone.now())
    html = render_to_string(
        "comments/includes/own_comment.html", {"comment": comment, "fresh": True}, request=context["request"]
    )
    return render_to_string(
        "comments/includes/fresh_comment_template.html", {"html": html, "fresh_id": FRESH_ID}
    )
