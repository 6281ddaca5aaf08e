"""Forms for readers' accounts: signup with a public name, and the settings page."""

from __future__ import annotations

from allauth.account.adapter import get_adapter
from allauth.account.forms import LoginForm as AllauthLoginForm
from allauth.account.forms import SignupForm as AllauthSignupForm
from django import forms
from django.utils.translation import gettext_lazy as _

from kiosk.security import reader_text

from .avatars import ACCEPT_ATTRIBUTE
from .models import User

DISPLAY_NAME_MIN_LENGTH = 2
DISPLAY_NAME_MAX_LENGTH = 40


class DisplayNameField(forms.CharField):
    """A reader's public name, on one line, without control characters or direction overrides."""

    def to_python(self, value):
        return reader_text.clean(super().to_python(value), multiline=False)


def display_name_field() -> forms.CharField:
    return DisplayNameField(
        label=_("Display name"),
        min_length=DISPLAY_NAME_MIN_LENGTH,
        max_length=DISPLAY_NAME_MAX_LENGTH,
        strip=True,
        help_text=_("Shown with your comments. 2 to 40 characters."),
        widget=forms.TextInput(attrs={"autocomplete": "nickname"}),
    )


class SignupForm(AllauthSignupForm):
    """allauth's signup (e-mail, password twice) and the public name, which the adapter stores."""

    display_name = display_name_field()
    field_order = ["display_name", "email", "password1", "password2"]


class ProfileForm(forms.ModelForm):
    display_name = display_name_field()

    class Meta:
        model = User
        fields = ["display_name", "comment_notifications"]


class AvatarForm(forms.Form):
    avatar = forms.FileField(
        label=_("New picture"),
        help_text=_("JPEG, PNG, WebP or GIF, at most 5 MB. It is cropped to a square."),
        widget=forms.FileInput(attrs={"accept": ACCEPT_ATTRIBUTE}),
    )


class LoginForm(AllauthLoginForm):
    """allauth's login, one for readers (by e-mail) and staff (by username or e-mail)."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        login = self.fields["login"]
        login.label = _("Username or e-mail")
        # The label says it; allauth's placeholder would repeat it, differently spelt.
        login.widget.attrs.pop("placeholder", None)
        login.widget.attrs["autocomplete"] = "username"


class AccountDeleteForm(forms.Form):
    """Deleting one's account: the password proves it is the owner, and the owner decides about the comments."""

    KEEP, REMOVE = "keep", "remove"

    comments = forms.ChoiceField(
        label=_("Your published comments"),
        choices=[
            (KEEP, _("Keep them, without my name: they show «deleted account»")),
            (REMOVE, _("Remove them (replies of other readers stay)")),
        ],
        widget=forms.RadioSelect,
    )
    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, *args, user: User, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.user = user

    def clean(self):
        cleaned = super().clean()
        if self.user.is_superuser:
            raise forms.ValidationError(
                _("An administrator's account is deleted by another administrator, in the admin."),
                code="superuser",
            )
        password = cleaned.get("password")
        # Through allauth, so wrong guesses count against the same login limits.
        if password and not get_adapter().reauthenticate(self.user, password):
            self.add_error(
                "password", forms.ValidationError(_("This password is not right."), code="password")
            )
        return cleaned

    @property
    def keep_comments(self) -> bool:
        return self.cleaned_data["comments"] == self.KEEP
