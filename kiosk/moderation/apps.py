from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ModerationConfig(AppConfig):
    name = "kiosk.moderation"
    label = "moderation"
    verbose_name = _("Moderation")

    def ready(self) -> None:
        from kiosk.accounts import privacy

        from . import selectors

        # The blocks a reader was given are in their data export; they go with the account (CASCADE).
        privacy.register(
            privacy.PersonalData(name="moderation", export=selectors.reader_blocks, erase=_nothing_more)
        )


def _nothing_more(**_kwargs) -> None:
    """Blocks are deleted with the account itself."""
