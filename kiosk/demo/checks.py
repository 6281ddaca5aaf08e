"""`check --deploy` warns when the demo is installed where DEBUG is off."""

from django.conf import settings
from django.core import checks


def demo_installed_in_production(app_configs, **kwargs) -> list[checks.CheckMessage]:
    if settings.DEBUG:
        return []
    return [
        checks.Warning(
            "The demo newsroom (kiosk.demo) is installed while DEBUG is off.",
            hint="Set KIOSK_DEMO=false: a production server has no use for manage.py load_demo.",
            id="kiosk.demo.W001",
        )
    ]
