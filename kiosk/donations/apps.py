from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DonationsConfig(AppConfig):
    name = "kiosk.donations"
    label = "donations"
    verbose_name = _("Donations")

    def ready(self) -> None:
        from kiosk.accounts import privacy
        from kiosk.news import slots

        from . import selectors, services

        # The box that asks for support, where the article reserves its place (kiosk.news.slots).
        slots.register(slots.ArticleSlot(name="support", template="donations/includes/donation_box.html"))
        # A donor's gifts are in their data export; deleting the account keeps the bookkeeping, not the person.
        privacy.register(
            privacy.PersonalData(
                name="donations", export=selectors.reader_data, erase=services.reader_data_erase
            )
        )
