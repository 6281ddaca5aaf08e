from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from kiosk.security.converters import MAX_ID

from . import rules
from .models import Interval

OTHER = "other"


class Pay:
    """The two ways out of the form: the provider's page (card, TWINT) or a QR-bill."""

    CHECKOUT = "checkout"
    BANK = "bank"
    choices = ((CHECKOUT, _("Card or TWINT")), (BANK, _("Bank transfer")))


class DonationForm(forms.Form):
    """The box on the article (amount only, by GET) and the support page (everything, by POST) share it."""

    amount = forms.CharField(label=_("Amount"), required=False, max_length=rules.MAX_INPUT)
    other = forms.CharField(label=_("Other amount in CHF"), required=False, max_length=rules.MAX_INPUT)
    interval = forms.ChoiceField(
        label=_("How often"),
        choices=Interval.choices,
        initial=Interval.ONCE,
        widget=forms.RadioSelect,
        required=False,
    )
    name = forms.CharField(label=_("Name (for the receipt, optional)"), required=False, max_length=120)
    email = forms.EmailField(label=_("E-mail (for the receipt, optional)"), required=False)
    article = forms.IntegerField(required=False, min_value=1, max_value=MAX_ID, widget=forms.HiddenInput)
    pay = forms.ChoiceField(choices=Pay.choices, required=False)

    def presets(self) -> list[int]:
        return list(settings.KIOSK_DONATION_AMOUNTS)

    def clean_interval(self) -> str:
        return self.cleaned_data.get("interval") or Interval.ONCE

    def clean(self):
        data = super().clean()
        chosen = data.get("amount") or ""
        typed = data.get("other") or ""
        text = typed if chosen in ("", OTHER) else chosen
        if data.get("pay") == Pay.BANK and chosen in ("", OTHER) and not typed.strip():
            # A transfer may leave the amount open: the reader types it in their banking app.
            data["chf"] = None
            return self._monthly_checked(data)
        try:
            data["chf"] = rules.amount_parse(text, limits=rules.Limits.from_settings())
        except rules.AmountError as error:
            self.add_error("other" if chosen in ("", OTHER) else "amount", str(error))
        return self._monthly_checked(data)

    def _monthly_checked(self, data):
        if data.get("interval") == Interval.MONTHLY and data.get("pay") == Pay.BANK:
            self.add_error(
                "interval",
                _("Monthly donations are paid by card. For a bank transfer, please choose «Once»."),
            )
        return data

    def chosen_preset(self) -> str:
        """Which preset the form shows as chosen ("" for none, "other" for a typed amount)."""
        value = self.data.get("amount", "") if self.is_bound else ""
        if value in {str(a) for a in self.presets()}:
            return value
        return OTHER if self.data.get("other") or value == OTHER else ""
