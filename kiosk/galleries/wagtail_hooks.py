from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet

from kiosk.newsroom.admin_snippets import KioskSnippetViewSet

from .models import Gallery


class GalleryViewSet(KioskSnippetViewSet):
    model = Gallery
    icon = "image"
    menu_label = _("Galleries")
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["title", "credit_line", "updated_at"]
    search_fields = ["title"]


register_snippet(GalleryViewSet)
