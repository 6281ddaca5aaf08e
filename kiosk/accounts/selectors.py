"""Reads about readers for their public pages."""

from __future__ import annotations

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.usersessions.models import UserSession
from django.http import Http404
from django.shortcuts import get_object_or_404

from . import privacy, profiles
from .models import User


def reader_profile(pk: int) -> tuple[User, list[profiles.ProfileSection]]:
    """An account's public profile: the reader and what the apps show of them.

    Closed or banned (inactive) accounts have none, and neither have staff
    accounts that never did anything in public: the newsroom's logins are not listed.
    """
    reader = get_object_or_404(User.objects.filter(is_active=True), pk=pk)
    sections = profiles.sections(reader)
    if reader.is_staff and not any(section.items for section in sections):
        raise Http404
    return reader, sections


def personal_data(user: User, *, now) -> dict:
    """Everything Kiosk holds about this person, as JSON-ready data: their data export.

    The account itself here; what other apps hold (comments, likes, reports, …)
    from what they registered in kiosk.accounts.privacy.
    """

    def when(value):
        return value.isoformat() if value else None

    data = {
        "exported": when(now),
        "account": {
            "id": user.pk,
            "username": user.username,
            "display_name": user.display_name,
            "public_name": user.public_name,
            "email": user.email,
            "registered": when(user.date_joined),
            "last_login": when(user.last_login),
            "active": user.is_active,
            "staff": user.is_staff,
            "avatar": user.avatar.url if user.avatar else None,
        },
        "notifications": {"comment_decisions_by_email": user.comment_notifications},
        "email_addresses": [
            {"email": address.email, "verified": address.verified, "primary": address.primary}
            for address in EmailAddress.objects.filter(user=user).order_by("pk")
        ],
        # Which second factors are set up, never their secrets.
        "two_factor": [
            {"type": auth.type, "created": when(auth.created_at), "last_used": when(auth.last_used_at)}
            for auth in Authenticator.objects.filter(user=user).order_by("pk")
        ],
        "sessions": [
            {
                "started": when(session.created_at),
                "last_seen": when(session.last_seen_at),
                "ip": session.ip,
                "browser": session.user_agent,
            }
            for session in UserSession.objects.filter(user=user).order_by("created_at")
        ],
    }
    for section in privacy.registered():
        data[section.name] = section.export(user)
    return data
