from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import views

admin_urls = (
    [
        path("", views.failed_tasks, name="failed"),
        path("<uuid:result_id>/", views.act, name="act"),
    ],
    "background_admin",
)


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("failed-tasks/", include(admin_urls))]


class SuperuserMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.is_superuser


@hooks.register("register_reports_menu_item")
def register_failed_tasks_report():
    return SuperuserMenuItem(
        _("Failed tasks"), reverse("background_admin:failed"), icon_name="warning", order=900
    )
