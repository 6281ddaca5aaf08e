from django import template
from django.conf import settings

register = template.Library()


@register.simple_tag
def donation_presets() -> list[int]:
    """The amounts the box offers (KIOSK_DONATION_AMOUNTS), in CHF."""
    return list(settings.KIOSK_DONATION_AMOUNTS)
