"""A reader's own settings page and their public profile."""

from __future__ import annotations

from pathlib import Path

from django.contrib import messages
from django.contrib.auth import REDIRECT_FIELD_NAME, logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_safe

from kiosk.security.ratelimits import hit

from . import selectors, services
from .avatars import avatar_remove, avatar_set
from .forms import AccountDeleteForm, AvatarForm, ProfileForm
from .staff import has_authenticator_app

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
            services.settings_save(form=profile_form)
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
        {
            "profile_form": profile_form,
            "avatar_form": avatar_form,
            "reader": user,
            "two_factor_enabled": has_authenticator_app(user),
        },
    )


def profile(request: HttpRequest, pk: int) -> HttpResponse:
    reader, sections = selectors.reader_profile(pk)
    return render(request, "accounts/profile.html", {"reader": reader, "sections": sections})


@csrf_exempt  # It only redirects: a form posted to Wagtail's old login must not land on a CSRF error.
@require_http_methods(["GET", "HEAD", "POST"])
def admin_login(request: HttpRequest) -> HttpResponse:
    """Wagtail's login, retired: staff log in where readers do, with allauth's limits and 2FA step."""
    target = (request.POST if request.method == "POST" else request.GET).get(REDIRECT_FIELD_NAME, "")
    host = {request.get_host()}
    same_site = url_has_allowed_host_and_scheme(target, host, require_https=request.is_secure())
    if not same_site or not target.isprintable():  # no control characters in a path of ours
        target = reverse("wagtailadmin_home")
    return redirect(f"{reverse('account_login')}?{urlencode({REDIRECT_FIELD_NAME: target})}")


@never_cache
@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def account_delete(request: HttpRequest) -> HttpResponse:
    """The reader deletes their account, confirmed by their password."""
    form = AccountDeleteForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        services.account_delete(user=request.user, keep_comments=form.keep_comments, by=request.user)
        logout(request)
        messages.success(request, _("Your account and your data have been deleted."))
        return redirect("/")
    return render(request, "accounts/delete.html", {"form": form}, status=400 if form.errors else 200)


@never_cache
@login_required
@require_safe
def data_export(request: HttpRequest) -> HttpResponse:
    """Everything Kiosk holds about the reader, as a JSON download."""
    hit("export", user=request.user.pk)
    now = timezone.now()
    response = JsonResponse(
        selectors.personal_data(request.user, now=now), json_dumps_params={"ensure_ascii": False, "indent": 2}
    )
    response["Content-Disposition"] = f'attachment; filename="kiosk-daten-{now:%Y-%m-%d}.json"'
    return response


@never_cache
@login_required
@require_safe
def avatar_download(request: HttpRequest) -> HttpResponse:
    """The reader's own uploaded picture, as a download (part of their data)."""
    avatar = request.user.avatar
    if not avatar:
        raise Http404
    return FileResponse(avatar.open("rb"), as_attachment=True, filename=f"avatar{Path(avatar.name).suffix}")
