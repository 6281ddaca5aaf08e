"""Forms for readers' accounts: signup with a public name, and the settings page."""

from __future__ import annotations

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
