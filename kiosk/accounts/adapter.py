"""How allauth treats Kiosk's readers: their public name, their username, the site's name in mails."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any
from urllib.parse import quote, urlsplit

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.core.mail import EmailMessage
from django.forms import BaseForm
from django.http import HttpRequest
from django.urls import reverse
from wagtail.models import Site

from kiosk.newsroom.models import NewsroomSettings
from kiosk.newsroom.sites import absolute_url
from kiosk.security import logins
from kiosk.security.clientip import client_ip


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

    # Login throttling: Kiosk's own (kiosk.security.logins) instead of allauth's per-address
    # lock, which let a stranger lock an owner out by typing wrong passwords for their e-mail.
    def pre_authenticate(self, request: HttpRequest, **credentials: Any) -> None:
        logins.check_login_allowed(request, _login(credentials))

    def authenticate(self, request: HttpRequest, **credentials: Any) -> AbstractBaseUser | None:
        user = super().authenticate(request, **credentials)
        if user is not None:
            logins.remember_device(request, _login(credentials))
        return user

    def authentication_failed(self, request: HttpRequest, **credentials: Any) -> None:
        logins.count_failed_login(request, _login(credentials))

    def _delete_login_attempts_cached_email(self, request: HttpRequest, **credentials: Any) -> None:
        super()._delete_login_attempts_cached_email(request, **credentials)
        logins.forget_failed_logins(request, _login(credentials))

    def get_client_ip(self, request: HttpRequest) -> str:
        # One answer for Kiosk's limits and allauth's, honouring KIOSK_TRUSTED_PROXY_COUNT.
        return client_ip(request)

    def send_mail(self, template_prefix: str, email: str, context: dict[str, Any]) -> None:
        # Without django.contrib.sites allauth would greet readers with the bare host name.
        context = {"current_site": mail_site(allauth_context.request), **context}
        super().send_mail(template_prefix, email, context)

    def get_login_stages(self) -> list[str]:
        # Kiosk's e-mail step lets staff addresses that an admin typed in pass as verified.
        ours = {
            "allauth.account.stages.EmailVerificationStage": "kiosk.accounts.stages.EmailVerificationStage"
        }
        return [ours.get(path, path) for path in super().get_login_stages()]

    # Links in mails lead to the newsroom's public address (KIOSK_BASE_URL for the
    # default site), never to the Host the request came with: a forged Host header
    # must not put its own domain into a reader's verification or password-reset link.
    def get_email_confirmation_url(self, request: HttpRequest | None, emailconfirmation: Any) -> str:
        path = reverse("account_confirm_email", args=[emailconfirmation.key])
        return absolute_url(path, request=request or allauth_context.request)

    def get_reset_password_from_key_url(self, key: str) -> str:
        path = reverse("account_reset_password_from_key", kwargs={"uidb36": "UID", "key": "KEY"})
        return absolute_url(path.replace("UID-KEY", quote(key)), request=allauth_context.request)

    def send_account_already_exists_mail(self, email: str) -> None:
        request = allauth_context.request
        context = {
            "signup_url": absolute_url(reverse("account_signup"), request=request),
            "password_reset_url": absolute_url(reverse("account_reset_password"), request=request),
        }
        self.send_mail("account/email/account_already_exists", email, context)

    def render_mail(
        self,
        template_prefix: str,
        email: str | list[str],
        context: dict[str, Any],
        headers: dict[str, str] | None = None,
    ) -> EmailMessage:
        # Every mail passes here: it signs with the public domain, and the unknown-account
        # mail's sign-up link (built by allauth's flow, which has no adapter hook) is rebuilt.
        request = allauth_context.request
        context = dict(context)
        site = context.get("current_site")
        public_domain = urlsplit(absolute_url("/", request=request)).netloc
        context["current_site"] = SimpleNamespace(
            name=getattr(site, "name", "") or settings.WAGTAIL_SITE_NAME, domain=public_domain
        )
        if "signup_url" in context:
            context["signup_url"] = absolute_url(reverse("account_signup"), request=request)
        return super().render_mail(template_prefix, email, context, headers=headers)


def _login(credentials: dict[str, Any]) -> str:
    """The e-mail address or username the login was tried with."""
    return str(credentials.get("email") or credentials.get("username") or "")


def mail_site(request: HttpRequest | None) -> SimpleNamespace:
    """The name and domain that mails sign with, as Wagtail's site or the newsroom call themselves."""
    if request is None:
        return SimpleNamespace(name=settings.WAGTAIL_SITE_NAME, domain="")
    site = Site.find_for_request(request)
    name = NewsroomSettings.cached_for_site(site).publisher_name if site else ""
    return SimpleNamespace(name=name or settings.WAGTAIL_SITE_NAME, domain=request.get_host())
