from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ModerationConfig(AppConfig):
    name = "kiosk.moderation"
    label = "moderation"
    verbose_name = _("Moderation")

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from kiosk.accounts import privacy

        from . import selectors
        from .models import StaffedException, StaffedSpan

        # Cache purging only: a change of the hours, wherever it is made, retires the cached schedule.
        for model in (StaffedSpan, StaffedException):
            for signal in (post_save, post_delete):
                signal.connect(
                    selectors.hours_changed,
                    sender=model,
                    weak=False,
                    dispatch_uid=f"kiosk-hours-{model.__name__}-{signal}",
                )

        # The blocks a reader was given are in their data export; they go with the account (CASCADE).
        privacy.register(
            privacy.PersonalData(name="moderation", export=selectors.reader_blocks, erase=_nothing_more)
        )


def _nothing_more(**_kwargs) -> None:
    """Blocks are deleted with the account itself."""
