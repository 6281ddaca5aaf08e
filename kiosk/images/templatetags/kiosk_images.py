from django import template

from kiosk.images.renditions import picture_for

register = template.Library()


@register.inclusion_tag("components/picture.html")
def picture(image, role, alt=None, eager=False, css_class=""):
    """A responsive <picture> for one use of an image.

    ``eager`` for the lead image above the fold; everything else loads lazily.
    """
    if image is None:
        return {"picture": None}
    return {
        "picture": picture_for(image, role),
        "alt": image.default_alt_text if alt is None else alt,
        "eager": eager,
        "css_class": css_class,
    }
