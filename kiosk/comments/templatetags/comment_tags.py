"""The comment section as the article template asks for it, so that news needs nothing from comments."""

from django import template

from kiosk.comments.selectors import comment_section_for

register = template.Library()


@register.simple_tag(takes_context=True)
def comment_section(context, article):
    """``{% comment_section page as comment_section %}``: the section, or None without comments."""
    return comment_section_for(article, context["request"])
