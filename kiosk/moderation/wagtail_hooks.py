from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from . import admin_views
from .models import StaffedException, StaffedSpan

admin_urls = (
    [
        path("words/", admin_views.word_lists, name="word_lists"),
        path("words/remove/", admin_views.word_lists_remove, name="word_lists_remove"),
        path("audit/", admin_views.audit_log, name="audit_log"),
        path("blocks/", admin_views.blocks, name="blocks"),
        path("alerts/", admin_views.queue_alerts, name="queue_alerts"),
        path("blocks/<id:reader_id>/lift/", admin_views.unblock, name="unblock"),
    ],
    "moderation_admin",
)


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("moderation/", include(admin_urls))]


class ModeratorMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("comments.change_comment")


@hooks.register("register_admin_menu_item")
def register_word_lists_menu_item():
    return ModeratorMenuItem(
        _("Word lists"), reverse("moderation_admin:word_lists"), icon_name="list-ul", order=260
    )


@hooks.register("register_admin_menu_item")
def register_queue_alerts_menu_item():
    return ModeratorMenuItem(
        _("Queue alerts"), reverse("moderation_admin:queue_alerts"), icon_name="mail", order=268
    )


@hooks.register("register_admin_menu_item")
def register_audit_log_menu_item():
    return ModeratorMenuItem(
        _("Audit log"), reverse("moderation_admin:audit_log"), icon_name="history", order=270
    )


@hooks.register("register_admin_menu_item")
def register_blocks_menu_item():
    return ModeratorMenuItem(
        _("Blocked readers"), reverse("moderation_admin:blocks"), icon_name="lock", order=265
    )


class StaffedSpanViewSet(ModelViewSet):
    model = StaffedSpan
    name = "staffed_hours"
    url_prefix = "moderation/hours"
    form_fields = ["weekday", "opens", "closes"]
    list_display = ["__str__", "weekday", "opens", "closes"]
    icon = "time"


class StaffedExceptionViewSet(ModelViewSet):
    model = StaffedException
    name = "staffed_exceptions"
    url_prefix = "moderation/hours/exceptions"
    form_fields = ["date", "opens", "closes", "note"]
    list_display = ["__str__", "date", "note"]
    icon = "date"


class StaffedHoursGroup(ModelViewSetGroup):
    """The weekly hours and the dates that differ; outside them commenting is closed site-wide."""

    items = (StaffedSpanViewSet, StaffedExceptionViewSet)
    menu_label = _("Staffed hours")
    menu_icon = "time"
    menu_order = 275


@hooks.register("register_admin_viewset")
def register_staffed_hours():
    return StaffedHoursGroup()
