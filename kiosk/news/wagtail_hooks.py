from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Author, Partner


class AuthorViewSet(SnippetViewSet):
    model = Author
    icon = "user"
    list_display = ["name", "role", "email"]
    search_fields = ["name"]


class PartnerViewSet(SnippetViewSet):
    model = Partner
    icon = "group"
    list_display = ["name", "url"]
    search_fields = ["name"]


class NewsroomGroup(SnippetViewSetGroup):
    items = (AuthorViewSet, PartnerViewSet)
    menu_icon = "doc-full"
    menu_label = _("Authors & partners")
    menu_name = "authors-partners"
    menu_order = 260


register_snippet(NewsroomGroup)
