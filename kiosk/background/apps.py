from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BackgroundConfig(AppConfig):
    name = "kiosk.background"
    verbose_name = _("Background tasks")

    def ready(self) -> None:
        from . import (
            errors,
            failures,  # noqa: F401  (logs every failed task at ERROR)
            logs,  # noqa: F401  (tasks log under their own id)
        )

        errors.start()  # error reports, where SENTRY_DSN is set
