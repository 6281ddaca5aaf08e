"""Writes on accounts that touch more than the user row: the reader's settings, deleting an account."""

from __future__ import annotations

import logging

from allauth.usersessions.models import UserSession
from django.db import transaction

from . import privacy, profiles
from .models import User

logger = logging.getLogger(__name__)


@transaction.atomic
def settings_save(*, form) -> User:
    """Save the reader's settings form (kiosk.accounts.forms.ProfileForm); a new public name shows everywhere."""
    user = form.save()
    if "display_name" in form.changed_data:
        profiles.public_profile_changed(user)
    return user


@transaction.atomic
def account_delete(*, user: User, keep_comments: bool, by: User | None = None) -> None:
    """Delete the account and everything personal Kiosk holds about it (Swiss nDSG / GDPR).

    Every app that stores what readers do forgets its part first, through its
    own service (kiosk.accounts.privacy), so counts stay exact and other
    readers' replies stay. ``keep_comments`` keeps the published comments,
    anonymised as «gelöschtes Konto»; otherwise they are removed. The
    person's sessions end everywhere; the avatar file goes after the commit.
    Readers (from their settings) and staff (from the admin) take this path.
    """
    user = User.objects.select_for_update().get(pk=user.pk)
    for data in privacy.registered():
        data.erase(user=user, keep_comments=keep_comments)
    for session in UserSession.objects.filter(user=user):
        session.end()
    avatar = user.avatar.name
    storage = user.avatar.storage
    user_id = user.pk
    # E-mail addresses, second factors and allauth's session records go with the row.
    user.delete()
    if avatar:
        transaction.on_commit(lambda: storage.delete(avatar))
    logger.info("account %s deleted by %s", user_id, "its owner" if by is None or by.pk == user_id else by.pk)
