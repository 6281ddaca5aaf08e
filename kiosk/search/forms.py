"""The search form: what a reader may ask for, checked before anything is searched."""

from __future__ import annotations

from datetime import date

from django import forms
from django.utils.translation import gettext_lazy as _

from .selectors import MAX_QUERY_CHARS, Sort, query_words

# Swiss dates as readers write them, and ISO as <input type="date"> sends them.
DATE_FORMATS = ["%d.%m.%Y", "%Y-%m-%d", "%d.%m.%y"]
EARLIEST = date(1900, 1, 1)
LATEST = date(2100, 12, 31)
MAX_PAGE = 1000


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search for"),
        required=False,
        strip=True,
        max_length=MAX_QUERY_CHARS,
        error_messages={
            "max_length": _("Please search for at most %(limit_value)d characters (this is %(show_value)d).")
        },
    )
    section = forms.ChoiceField(
        label=_("Section"),
        required=False,
        error_messages={"invalid_choice": _("There is no section «%(value)s». Choose one from the list.")},
    )
    published_from = forms.DateField(
        label=_("Published from"),
        required=False,
        input_formats=DATE_FORMATS,
        error_messages={"invalid": _("Enter a date such as 13.09.2023.")},
    )
    published_to = forms.DateField(
        label=_("Published until"),
        required=False,
        input_formats=DATE_FORMATS,
        error_messages={"invalid": _("Enter a date such as 13.09.2023.")},
    )
    sort = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        choices=[(Sort.RELEVANCE, _("Relevance")), (Sort.NEWEST, _("Newest first"))],
        error_messages={"invalid_choice": _("Sort by relevance or newest first.")},
    )
    page = forms.IntegerField(
        label=_("Page of results"),
        required=False,
        min_value=1,
        max_value=MAX_PAGE,
        error_messages={
            "invalid": _("The page number must be a whole number."),
            "min_value": _("The page number must be a whole number."),
            "max_value": _("Please narrow your search: results are shown up to page %(limit_value)s."),
        },
    )

    def __init__(self, data=None, *, sections=(), **kwargs):
        super().__init__(data, **kwargs)
        self.sections = {section.slug: section for section in sections}
        self.fields["section"].choices = [("", _("All sections"))] + [
            (section.slug, section.title) for section in sections
        ]

    def _clean_day(self, name: str):
        day = self.cleaned_data.get(name)
        if day is not None and not EARLIEST <= day <= LATEST:
            raise forms.ValidationError(_("Enter a date between 1900 and 2100."))
        return day

    def clean_published_from(self):
        return self._clean_day("published_from")

    def clean_published_to(self):
        return self._clean_day("published_to")

    def clean(self):
        data = super().clean()
        start, end = data.get("published_from"), data.get("published_to")
        if start and end and start > end:
            self.add_error("published_to", _("The end date is before the start date."))
        return data

    @property
    def words(self) -> list[str]:
        return query_words(self.cleaned_data.get("q", ""))

    @property
    def chosen_section(self):
        return self.sections.get(self.cleaned_data.get("section") or "")

    @property
    def chosen_sort(self) -> str:
        return self.cleaned_data.get("sort") or Sort.RELEVANCE
