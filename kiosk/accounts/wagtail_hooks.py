"""Deleting a user in the Wagtail admin takes the same path as a reader deleting their own account."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail import hooks

from . import services


@hooks.register("before_delete_user")
def delete_user_through_kiosk(request, user):
    """Wagtail would delete the row and let the database cascade: likes would vanish behind
    their counts and other readers' replies with the comments. Staff deletions keep the
    published comments, anonymised."""
    if request.method != "POST":
        return None
    name = str(user)
    services.account_delete(user=user, keep_comments=True, by=request.user)
    messages.success(
        request, _("User “%(name)s” deleted; their published comments stay anonymised.") % {"name": name}
    )
    return redirect(reverse("wagtailusers_users:index"))


@hooks.register("before_bulk_action")
def bulk_delete_users_through_kiosk(request, action_type, objects, action_class_instance):
    if action_type != "delete" or action_class_instance.model is not get_user_model():
        return None
    for user in objects:
        services.account_delete(user=user, keep_comments=True, by=request.user)
    messages.success(
        request,
        ngettext(
            "%(count)d user deleted; their published comments stay anonymised.",
            "%(count)d users deleted; their published comments stay anonymised.",
            len(objects),
        )
        % {"count": len(objects)},
    )
    return redirect(action_class_instance.next_url)
