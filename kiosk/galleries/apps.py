from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GalleriesConfig(AppConfig):
    name = "kiosk.galleries"
    verbose_name = _("Galleries")
