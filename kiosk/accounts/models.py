from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


def avatar_path(user: "User", filename: str) -> str:
    # A fresh name per upload, so a changed avatar is never served from a stale cache.
    return f"avatars/{user.pk}/{filename}"


class User(AbstractUser):
    """Everyone who logs in: readers, editors and moderators.

    Custom from the first migration so reader profiles can grow without a
    swap of the user model later.
    """

    display_name = models.CharField(_("display name"), max_length=80, blank=True)
    avatar = models.ImageField(_("avatar"), upload_to=avatar_path, blank=True)
    comment_notifications = models.BooleanField(
        _("e-mail me when my comments are reviewed"),
        default=True,
        help_text=_("The decision is always shown on the site as well."),
    )
    # A moderator's block while it stands (kiosk.moderation keeps who, when and why, and lifts it):
    # on the row every request of the reader reads anyway, so refusing costs no lookup.
    blocked_at = models.DateTimeField(_("blocked since"), null=True, blank=True, editable=False)
    blocked_until = models.DateTimeField(_("blocked until"), null=True, blank=True, editable=False)
    block_reason = models.TextField(_("reason for the block"), blank=True, editable=False)

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.display_name or self.get_full_name() or self.username

    @property
    def public_name(self) -> str:
        return str(self)

    def is_blocked(self, *, now) -> bool:
        """Blocked from the debates at ``now``: since a moderator said so and, if they set one, until that time."""
        return self.blocked_at is not None and (self.blocked_until is None or now < self.blocked_until)
