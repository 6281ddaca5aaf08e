"""Kiosk's steps of allauth's login (AccountAdapter.get_login_stages)."""

from __future__ import annotations

from allauth.account.stages import EmailVerificationStage as AllauthEmailVerificationStage

from .staff import email_set_by_admin


class EmailVerificationStage(AllauthEmailVerificationStage):
    """allauth's mandatory e-mail verification, except for an address an admin set for a staff account.

    Staff accounts made in Wagtail's admin have no allauth address record: they
    would be sent a verification mail at every login instead of reaching the
    admin (or the 2FA step, which comes after this one).
    """

    def handle(self):
        # A sign-up with a taken address has no user (allauth answers as if it were new).
        if self.login.user is not None and email_set_by_admin(self.login.user):
            return None, True
        return super().handle()
