from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SecurityConfig(AppConfig):
    """What stands between a hostile client and the newsroom: client addresses, rate limits,
    login throttling, safe redirects, cleaned reader input and the Content-Security-Policy."""

    name = "kiosk.security"
    verbose_name = _("Security")

    def ready(self) -> None:
        from django.urls import register_converter

        from .converters import IdConverter

        # Before any URLconf is read: every app's urls.py may use <id:…>.
        register_converter(IdConverter, "id")
