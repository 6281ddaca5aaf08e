from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from kiosk.news.models import SectionPage

from .models import WordListEntry
from .selectors import QUEUE_TABS, QueueFilter

MAX_UPLOAD_BYTES = 1024 * 1024


class WordListForm(forms.Form):
    """Words to list: typed or pasted, one per line, or a text file of them."""

    kind = forms.ChoiceField(label=_("List"), choices=WordListEntry.KIND_CHOICES)
    lines = forms.CharField(
        label=_("Words and phrases, one per line"),
        required=False,
        max_length=MAX_UPLOAD_BYTES,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("A * at the start or end lets the word go on there (idiot* also finds «Idioten»)."),
    )
    upload = forms.FileField(label=_("or a text file (UTF-8, one per line)"), required=False)
    note = forms.CharField(label=_("Note for moderators"), required=False, max_length=200)

    def clean_upload(self) -> str:
        upload = self.cleaned_data.get("upload")
        if not upload:
            return ""
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("The file is larger than 1 MB; split it."))
        try:
            return upload.read().decode("utf-8-sig")
        except UnicodeDecodeError:
            raise forms.ValidationError(_("The file is not UTF-8 text.")) from None

    def clean(self):
        cleaned = super().clean()
        if not (cleaned.get("lines") or "").strip() and not (cleaned.get("upload") or "").strip():
            raise forms.ValidationError(_("Type, paste or upload at least one word."))
        return cleaned

    @property
    def all_lines(self) -> str:
        return "\n".join(filter(None, [self.cleaned_data.get("lines"), self.cleaned_data.get("upload")]))


class BlockForm(forms.Form):
    """Who to block, why (the reader is shown it) and until when (empty: until lifted)."""

    reader = forms.CharField(label=_("Reader (user name or e-mail address)"), max_length=254)
    reason = forms.CharField(
        label=_("Reason (shown to the reader)"), max_length=1000, widget=forms.Textarea(attrs={"rows": 3})
    )
    until = forms.DateTimeField(
        label=_("Until (empty: until lifted)"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )
    reject_waiting = forms.BooleanField(label=_("Reject their comments waiting for review"), required=False)

    def clean_reader(self):
        wanted = self.cleaned_data["reader"].strip()
        users = get_user_model().objects.filter(is_active=True)
        reader = users.filter(username=wanted).first() or users.filter(email__iexact=wanted).first()
        if reader is None:
            raise forms.ValidationError(_("No reader has that user name or e-mail address."))
        return reader


ORDERS = [("risk", _("highest risk first")), ("oldest", _("oldest first"))]


class QueueFilterForm(forms.Form):
    """The queue's tab and filters, from the address; a value that makes no sense is an error, not a guess."""

    tab = forms.ChoiceField(required=False, choices=[(key, label) for key, label in QUEUE_TABS.items()])
    section = forms.ModelChoiceField(
        label=_("Section"), required=False, queryset=SectionPage.objects.none(), empty_label=_("All sections")
    )
    article = forms.IntegerField(required=False, min_value=1, max_value=2**31 - 1, widget=forms.HiddenInput)
    author = forms.IntegerField(required=False, min_value=1, max_value=2**31 - 1, widget=forms.HiddenInput)
    q = forms.CharField(label=_("Text contains"), required=False, max_length=200)
    who = forms.CharField(label=_("Author (name, user name or e-mail)"), required=False, max_length=254)
    order = forms.ChoiceField(label=_("Order"), required=False, choices=ORDERS)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["section"].queryset = SectionPage.objects.order_by("path")

    def wanted(self) -> QueueFilter:
        data = self.cleaned_data
        return QueueFilter(
            tab=data.get("tab") or "pending",
            section=data.get("section"),
            article_id=data.get("article"),
            author_id=data.get("author"),
            text=(data.get("q") or "").strip(),
            who=(data.get("who") or "").strip(),
            oldest_first=data.get("order") == "oldest",
        )


class AuthorNoteForm(forms.Form):
    text = forms.CharField(
        label=_("Note on the author (for moderators only)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
