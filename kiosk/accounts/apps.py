from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "kiosk.accounts"
    verbose_name = _("Accounts")

    def ready(self) -> None:
        from django.contrib.auth import get_user_model
        from django.db.models.signals import post_delete, post_save

        from .backends import account_changed

        def changed(sender, instance, **kwargs) -> None:
            account_changed(instance.pk)

        # Requests load readers from the cache (backends.get_user): every save retires the copy.
        post_save.connect(changed, sender=get_user_model(), weak=False, dispatch_uid="kiosk-account-saved")
        post_delete.connect(
            changed, sender=get_user_model(), weak=False, dispatch_uid="kiosk-account-deleted"
        )
