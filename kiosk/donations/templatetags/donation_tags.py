from django import template
from django.conf import settings

from .. import rules

register = template.Library()


@register.simple_tag
def donation_presets() -> list[int]:
    """The amounts the box offers (KIOSK_DONATION_AMOUNTS), in CHF."""
    return list(settings.KIOSK_DONATION_AMOUNTS)


@register.filter
def chf(amount) -> str:
    """15.–, 12.50, 1'000.– (without the currency, which the template writes)."""
    return "" if amount is None else rules.chf(amount)
