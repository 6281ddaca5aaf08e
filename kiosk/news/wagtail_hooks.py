from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from kiosk.newsroom.admin_snippets import KioskSnippetViewSet, NamedSnippetChooserViewSet

from .models import Author, Partner
from .selectors import newsroom_today, page_permission_policy


class AuthorChooserViewSet(NamedSnippetChooserViewSet):
    # The chooser's «Create» tab: a new colleague added from the article, without leaving it.
    form_fields = ["name", "role", "email", "bio", "image"]
    create_action_label = _("Add a new author")


class AuthorViewSet(KioskSnippetViewSet):
    model = Author
    icon = "user"
    list_display = ["name", "role", "email"]
    search_fields = ["name"]
    chooser_viewset_class = AuthorChooserViewSet


class PartnerViewSet(KioskSnippetViewSet):
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


class NewsroomTodayPanel(Component):
    """The admin's home: today's published and scheduled stories and the latest corrections."""

    name = "newsroom_today"
    order = 50  # above Wagtail's own panels (workflow 100, pages for moderation 200, …)
    template_name = "news/admin/newsroom_today_panel.html"

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context=None):
        return {"today": newsroom_today(self.request.user, now=timezone.now())}


@hooks.register("construct_homepage_panels")
def add_newsroom_today_panel(request, panels):
    # Only for those who may write or publish pages: the lists hold only the pages they may edit.
    if page_permission_policy.user_has_any_permission(request.user, {"add", "change", "publish"}):
        panels.append(NewsroomTodayPanel(request))
