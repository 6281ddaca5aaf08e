from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommentsConfig(AppConfig):
    name = "kiosk.comments"
    label = "comments"
    verbose_name = _("Comments")

    def ready(self) -> None:
        from kiosk.accounts import privacy, profiles

        from . import selectors, services

        # A reader's comments, likes and reports are in their data export and go with their account.
        privacy.register(
            privacy.PersonalData(
                name="debates", export=selectors.reader_data, erase=services.reader_data_erase
            )
        )
        profiles.register(
            profiles.PublicActivity(
                name="comments",
                template="comments/includes/profile_comments.html",
                items=selectors.profile_comments,
                refresh=services.author_profile_changed,
            )
        )
