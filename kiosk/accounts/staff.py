"""Staff (editors, moderators, admins: the people who may work in the Wagtail admin) and two-factor status."""

from __future__ import annotations

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.contrib.auth.base_user import AbstractBaseUser

ADMIN_ACCESS = "wagtailadmin.access_admin"


def may_open_admin(user: AbstractBaseUser) -> bool:
    """Wagtail's own test for its admin: the access permission (superusers have every permission)."""
    return user.is_authenticated and user.has_perm(ADMIN_ACCESS)


def is_staff_member(user: AbstractBaseUser) -> bool:
    """Anyone an admin made staff: admin access, or Django's staff or superuser flag."""
    return user.is_authenticated and (user.is_staff or user.is_superuser or user.has_perm(ADMIN_ACCESS))


def has_authenticator_app(user: AbstractBaseUser) -> bool:
    """Two-factor authentication with an app (TOTP) is set up; recovery codes alone don't count."""
    return Authenticator.objects.filter(user_id=user.pk, type=Authenticator.Type.TOTP).exists()


def email_set_by_admin(user: AbstractBaseUser) -> bool:
    """A staff account whose address an admin typed in (Wagtail's user form), never claimed through allauth.

    Such an address has no allauth record to verify; the admin vouched for it.
    An address the person added or changed through allauth has a record and is
    verified like any reader's.
    """
    if not is_staff_member(user):
        return False
    return not EmailAddress.objects.filter(user_id=user.pk, email__iexact=user.email).exists()
