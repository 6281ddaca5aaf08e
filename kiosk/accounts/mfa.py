"""How allauth's two-factor authentication stores its secrets: encrypted, not in the clear.

A copy of the database (a backup, a leaked dump) must not be enough to
generate someone's login codes. The key comes from ``KIOSK_MFA_SECRET_KEY``,
or is derived from Django's SECRET_KEY when that is unset; changing it makes
every authenticator app and recovery code unusable, so production sets it
once and keeps it.
"""

from __future__ import annotations

import base64
import hashlib

from allauth.mfa.adapter import DefaultMFAAdapter
from cryptography.fernet import Fernet
from django.conf import settings


def _fernet() -> Fernet:
    secret = settings.KIOSK_MFA_SECRET_KEY or f"kiosk.mfa:{settings.SECRET_KEY}"
    return Fernet(base64.urlsafe_b64encode(hashlib.sha256(secret.encode()).digest()))


class MFAAdapter(DefaultMFAAdapter):
    def encrypt(self, text: str) -> str:
        return _fernet().encrypt(text.encode()).decode()

    def decrypt(self, encrypted_text: str) -> str:
        return _fernet().decrypt(encrypted_text.encode()).decode()
