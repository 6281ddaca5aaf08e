"""How people prove who they are: an e-mail address and password for everyone, a username for staff only."""

from __future__ import annotations

from allauth.account.auth_backends import AuthenticationBackend as AllauthBackend
from django.contrib.auth import get_user_model
from django.contrib.auth.base_user import AbstractBaseUser

from kiosk import cacheversions

from .staff import is_staff_member

# A reader's row, as each of their requests loads it, is kept this long at most.
READER_SECONDS = 5 * 60


def account_version_name(user_id) -> str:
    return f"account:{user_id}"


def account_changed(user_id) -> None:
    """The user row was saved or deleted: every process loads it afresh (kiosk.accounts.apps)."""
    cacheversions.bump(account_version_name(user_id))


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

    def get_user(self, user_id):
        """The logged-in reader of a request, from the shared cache; staff always from the database.

        Every page a logged-in reader opens needs their row; a save or delete
        of it (a new password, name or e-mail choice, deactivation) bumps its
        version, so the next request of every process loads it afresh, and the
        session check against the password hash sees the new one. Staff rows
        are not cached: their requests are few and guard the admin.
        """
        key = f"accounts:reader:{user_id}"
        versions, user = cacheversions.entry(key, account_version_name(user_id))
        if user is None:
            user = get_user_model()._default_manager.filter(pk=user_id).first()
            if user is None:
                return None
            if not (user.is_staff or user.is_superuser):
                cacheversions.store_entry(key, versions, user, READER_SECONDS)
        return user if self.user_can_authenticate(user) else None
