"""A reader's own settings page and their public profile."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from . import selectors
from .avatars import avatar_remove, avatar_set
from .forms import AvatarForm, ProfileForm

# Each form on the settings page names itself in a hidden "form" field.
PROFILE, AVATAR, AVATAR_REMOVE = "profile", "avatar", "avatar-remove"


@never_cache
@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def account_settings(request: HttpRequest) -> HttpResponse:
    user = request.user
    profile_form = ProfileForm(instance=user, prefix=PROFILE)
    avatar_form = AvatarForm(prefix=AVATAR)
    action = request.POST.get("form")

    if request.method == "POST" and action == PROFILE:
        profile_form = ProfileForm(request.POST, instance=user, prefix=PROFILE)
        if profile_form.is_valid():
            profile_form.save()
            messages.success(request, _("Your settings have been saved."))
            return redirect("accounts:settings")
    elif request.method == "POST" and action == AVATAR:
        avatar_form = AvatarForm(request.POST, request.FILES, prefix=AVATAR)
        if avatar_form.is_valid():
            try:
                avatar_set(user=user, upload=avatar_form.cleaned_data["avatar"])
            except ValidationError as error:
                avatar_form.add_error("avatar", error)
            else:
                messages.success(request, _("Your new picture is saved."))
                return redirect("accounts:settings")
    elif request.method == "POST" and action == AVATAR_REMOVE:
        avatar_remove(user=user)
        messages.success(request, _("Your picture has been removed."))
        return redirect("accounts:settings")
    elif request.method == "POST":
        return HttpResponse(status=400)

    if profile_form.is_bound and not profile_form.is_valid():
        # The page shows the stored name in the header; don't let the rejected input replace it.
        user.refresh_from_db(fields=["display_name", "comment_notifications"])
    return render(
        request,
        "accounts/settings.html",
        {"profile_form": profile_form, "avatar_form": avatar_form, "reader": user},
    )


def profile(request: HttpRequest, pk: int) -> HttpResponse:
    reader, comments = selectors.reader_profile(pk)
    return render(request, "accounts/profile.html", {"reader": reader, "comments": comments})
