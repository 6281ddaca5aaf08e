"""How allauth treats Kiosk's readers: their public name, their username, the site's name in mails."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.forms import BaseForm
from django.http import HttpRequest
from wagtail.models import Site

from kiosk.newsroom.models import NewsroomSettings


def user_display(user: AbstractBaseUser) -> str:
    """What allauth shows for a user (ACCOUNT_USER_DISPLAY): the public name, never the e-mail."""
    return getattr(user, "public_name", None) or str(user)


class AccountAdapter(DefaultAccountAdapter):
    def save_user(
        self, request: HttpRequest, user: AbstractBaseUser, form: BaseForm, commit: bool = True
    ) -> AbstractBaseUser:
        # Set before the first save, so the username can be made from it and the
        # account never exists without its public name.
        display_name = form.cleaned_data.get("display_name")
        if display_name:
            user.display_name = display_name
        return super().save_user(request, user, form, commit=commit)

    def populate_username(self, request: HttpRequest, user: AbstractBaseUser) -> None:
        # Readers log in by e-mail; the username only has to be unique. It is
        # made from the public name, not the e-mail, which must stay private.
        if not user.username:
            user.username = self.generate_unique_username([getattr(user, "display_name", ""), "leser"])

    def send_mail(self, template_prefix: str, email: str, context: dict[str, Any]) -> None:
        # Without django.contrib.sites allauth would greet readers with the bare host name.
        context = {"current_site": mail_site(allauth_context.request), **context}
        super().send_mail(template_prefix, email, context)


def mail_site(request: HttpRequest | None) -> SimpleNamespace:
    """The name and domain that mails sign with, as Wagtail's site or the newsroom call themselves."""
    if request is None:
        return SimpleNamespace(name=settings.WAGTAIL_SITE_NAME, domain="")
    site = Site.find_for_request(request)
    name = NewsroomSettings.cached_for_site(site).publisher_name if site else ""
    return SimpleNamespace(name=name or settings.WAGTAIL_SITE_NAME, domain=request.get_host())
