from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import admin_views

admin_urls = (
    [
        path("", admin_views.queue, name="queue"),
        path("<id:pk>/approve/", admin_views.approve, name="approve"),
        path("<id:pk>/reject/", admin_views.reject, name="reject"),
    ],
    "comments_admin",
)


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("comments/", include(admin_urls))]


class CommentsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("comments.change_comment")


@hooks.register("register_admin_menu_item")
def register_comments_menu_item():
    return CommentsMenuItem(_("Comments"), reverse("comments_admin:queue"), icon_name="comment", order=250)
