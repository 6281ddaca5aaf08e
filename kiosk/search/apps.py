from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "kiosk.search"
    verbose_name = _("Reader search")

    def ready(self) -> None:
        from . import signals

        signals.take_over_index_updates()
