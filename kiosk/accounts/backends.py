"""How people prove who they are: an e-mail address and password for everyone, a username for staff only."""

from __future__ import annotations

from allauth.account.auth_backends import AuthenticationBackend as AllauthBackend
from django.contrib.auth.base_user import AbstractBaseUser

from .staff import is_staff_member


class AuthenticationBackend(AllauthBackend):
    """allauth's backend, the only one: every login goes through allauth's form, limits and 2FA step.

    Readers' usernames are made from their public names (the adapter's
    ``populate_username``), so they must not open a reader's account: readers
    log in by their private e-mail address. The password is checked first
    either way, so a reader's username answers exactly like a wrong password.
    """

    def _authenticate_by_username(self, username: str, password: str) -> AbstractBaseUser | None:
        user = super()._authenticate_by_username(username, password)
        return user if user is not None and is_staff_member(user) else None
