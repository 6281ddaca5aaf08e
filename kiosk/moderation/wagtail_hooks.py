"""The desk in the Wagtail admin: one «Comments» menu with the queue, the dashboard and the desk's settings."""

from functools import partial

from django.urls import include, path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import RedirectView
from wagtail import hooks
from wagtail.admin.menu import Menu, SubmenuMenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from kiosk.comments.models import HouseRule
from kiosk.newsroom.admin_menu import PermissionMenuItem
from kiosk.newsroom.models import NewsroomSettings

from . import admin_views, selectors, services
from .models import AuditEntry, StaffedException, StaffedSpan

admin_urls = (
    [
        path("", admin_views.queue, name="queue"),
        path("<id:pk>/approve/", admin_views.approve, name="approve"),
        path("<id:pk>/reject/", admin_views.reject, name="reject"),
        path("<id:pk>/feature/", admin_views.feature, name="feature"),
        path("bulk/", admin_views.bulk, name="bulk"),
        path("authors/<id:author_id>/note/", admin_views.author_note, name="author_note"),
        path("dashboard/", admin_views.dashboard, name="dashboard"),
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
    return [
        path("moderation/", include(admin_urls)),
        # Where the queue used to be: old bookmarks and mails still arrive.
        path("comments/", RedirectView.as_view(pattern_name="moderation_admin:queue", query_string=True)),
    ]


MODERATE = "comments.change_comment"


# An entry for moderators, unless another permission (who may change a model) is given.
ModelMenuItem = partial(PermissionMenuItem, permission=MODERATE)


class DeskMenuItem(SubmenuMenuItem):
    def is_shown(self, request):
        return request.user.has_perm(MODERATE)


# Audited model views: every change to the desk's settings lands in the audit log.


def _logged(action: str, verb: str):
    def log(view, instance) -> None:
        services.settings_logged(
            moderator=view.request.user,
            action=action,
            summary=f"{instance._meta.verbose_name}: «{instance}» {verb}",
        )

    return log


class AuditedViewSet(ModelViewSet):
    audit_action = ""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        action = self.audit_action
        created, changed, deleted = _logged(action, "+"), _logged(action, "✎"), _logged(action, "−")

        class Create(generic.CreateView):
            def save_instance(self):
                instance = super().save_instance()
                created(self, instance)
                return instance

        class Edit(generic.EditView):
            def save_instance(self):
                instance = super().save_instance()
                changed(self, instance)
                return instance

        class Delete(generic.DeleteView):
            def delete_action(self):
                deleted(self, self.object)
                super().delete_action()

        self.add_view_class, self.edit_view_class, self.delete_view_class = Create, Edit, Delete


class HouseRuleViewSet(AuditedViewSet):
    """The reasons a comment is rejected for, as the author is told them; the first nine have number keys."""

    model = HouseRule
    name = "house_rules"
    url_prefix = "moderation/house-rules"
    form_fields = ["title", "text", "code", "position", "needs_note", "active"]
    list_display = ["title", "text", "position", "active"]
    icon = "list-ol"
    add_to_admin_menu = False
    audit_action = AuditEntry.Action.HOUSE_RULES_CHANGED


class StaffedSpanViewSet(AuditedViewSet):
    model = StaffedSpan
    name = "staffed_hours"
    url_prefix = "moderation/hours"
    form_fields = ["weekday", "opens", "closes"]
    list_display = ["__str__", "weekday", "opens", "closes"]
    icon = "time"
    add_to_admin_menu = False
    audit_action = AuditEntry.Action.HOURS_CHANGED


class StaffedExceptionViewSet(AuditedViewSet):
    model = StaffedException
    name = "staffed_exceptions"
    url_prefix = "moderation/hours/exceptions"
    form_fields = ["date", "opens", "closes", "note"]
    list_display = ["__str__", "date", "note"]
    icon = "date"
    add_to_admin_menu = False
    audit_action = AuditEntry.Action.HOURS_CHANGED


# How comments are moderated is a desk setting too, though the newsroom's settings and its pages hold it:
# the values before a save are kept on the request, what changed is logged after it.

SITE_MODERATION_FIELDS = ("comment_moderation", "trusted_authors_publish_at_once")
BEFORE = "_kiosk_moderation_before"


def _shown(model_field, value) -> str:
    if isinstance(value, bool):
        return str(_("yes") if value else _("no"))
    return str(dict(model_field.flatchoices).get(value, value))


def _moderation_changed(request, instance, before: dict, fields) -> None:
    changes = []
    for field in fields:
        old = before.get(field)
        if old != getattr(instance, field):
            model_field = instance._meta.get_field(field)
            new = getattr(instance, field)
            changes.append(
                f"{model_field.verbose_name}: {_shown(model_field, old)} → {_shown(model_field, new)}"
            )
    if changes:
        services.settings_logged(
            moderator=request.user,
            action=AuditEntry.Action.MODERATION_CHANGED,
            summary=f"«{instance}»: " + "; ".join(changes),
        )


@hooks.register("before_edit_setting")
def remember_site_moderation(request, instance):
    if isinstance(instance, NewsroomSettings) and request.method == "POST":
        setattr(request, BEFORE, {f: getattr(instance, f) for f in SITE_MODERATION_FIELDS})


@hooks.register("after_edit_setting")
def log_site_moderation(request, instance):
    if hasattr(request, BEFORE) and isinstance(instance, NewsroomSettings):
        _moderation_changed(request, instance, getattr(request, BEFORE), SITE_MODERATION_FIELDS)


@hooks.register("before_publish_page")
def remember_page_moderation(request, page):
    # The page here carries the edited values; the live row still has the old ones.
    if hasattr(page, "comment_moderation"):
        live = type(page).objects.filter(pk=page.pk).values_list("comment_moderation", flat=True).first()
        setattr(request, BEFORE, {"comment_moderation": live or ""})


@hooks.register("after_publish_page")
def log_page_moderation(request, page):
    # A publication scheduled for later changes nothing now: the reloaded page still shows the old value.
    if hasattr(request, BEFORE) and hasattr(page, "comment_moderation"):
        _moderation_changed(request, page, getattr(request, BEFORE), ("comment_moderation",))


@hooks.register("register_admin_viewset")
def register_desk_viewsets():
    return [HouseRuleViewSet(), StaffedSpanViewSet(), StaffedExceptionViewSet()]


def _desk_menu() -> Menu:
    # Built when the admin first draws its menu, once every URL is known.
    return Menu(
        items=[
            ModelMenuItem(_("Queue"), reverse("moderation_admin:queue"), icon_name="comment", order=10),
            ModelMenuItem(_("Dashboard"), reverse("moderation_admin:dashboard"), icon_name="site", order=20),
            ModelMenuItem(
                _("House rules"),
                reverse("house_rules:index"),
                icon_name="list-ol",
                order=30,
                permission="comments.change_houserule",
            ),
            ModelMenuItem(
                _("Word lists"), reverse("moderation_admin:word_lists"), icon_name="list-ul", order=40
            ),
            ModelMenuItem(
                _("Blocked readers"), reverse("moderation_admin:blocks"), icon_name="lock", order=50
            ),
            ModelMenuItem(
                _("Staffed hours"),
                reverse("staffed_hours:index"),
                icon_name="time",
                order=60,
                permission="moderation.view_staffedspan",
            ),
            ModelMenuItem(
                _("Exceptions to the hours"),
                reverse("staffed_exceptions:index"),
                icon_name="date",
                order=65,
                permission="moderation.view_staffedexception",
            ),
            ModelMenuItem(
                _("Queue alerts"), reverse("moderation_admin:queue_alerts"), icon_name="mail", order=70
            ),
            ModelMenuItem(
                _("Audit log"), reverse("moderation_admin:audit_log"), icon_name="history", order=80
            ),
        ]
    )


@hooks.register("register_admin_menu_item")
def register_desk_menu():
    return DeskMenuItem(_("Comments"), _desk_menu(), icon_name="comment", name="comments", order=250)


class DeskQueuePanel(Component):
    """The admin's home, for moderators: how many comments wait, and since when (the 30-second queue state)."""

    name = "desk_queue"
    order = 60  # after the newsroom's day (kiosk.news), before Wagtail's own panels
    template_name = "moderation/admin/queue_panel.html"

    def get_context_data(self, parent_context=None):
        return {
            "state": selectors.queue_state(now=timezone.now()),
            "queue_url": reverse("moderation_admin:queue"),
        }


@hooks.register("construct_homepage_panels")
def add_desk_queue_panel(request, panels):
    if request.user.has_perm(MODERATE):
        panels.append(DeskQueuePanel())
