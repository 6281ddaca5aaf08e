"""The admin's page forms: what editors may not do by accident."""

from __future__ import annotations

from datetime import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from kiosk.newsroom import formatting
from kiosk.newsroom.slugs import swiss_slug


def go_live_problem(go_live_at: datetime | None, *, now: datetime) -> str | None:
    """Why this go-live time cannot be scheduled, or None.

    Wagtail publishes a page whose go-live time has passed at once: a time typed
    wrong would publish a story early without anyone noticing.
    """
    if go_live_at is not None and go_live_at <= now:
        return str(
            _(
                "The go-live time %(time)s has already passed. Enter a time in the future"
                " (e.g. %(example)s), or leave it empty and publish now."
            )
            % {
                "time": formatting.date_time(go_live_at),
                "example": formatting.date_time(now.replace(second=0, microsecond=0) + formatting.HOUR),
            }
        )
    return None


RESERVED_SLUG_MESSAGE = _("The front page uses this address itself (author and topic pages, the feed).")


class NewsPageForm(WagtailAdminPageForm):
    """Refuses a go-live time in the past instead of publishing at once; gives new pages Swiss slugs."""

    def clean_slug(self):
        # A new page's slug the Swiss way («zürcher» → «zuercher»), before Wagtail checks the
        # siblings' slugs; a page that exists keeps its address unless the editor changes it.
        slug = self.cleaned_data.get("slug") or ""
        if self.instance.pk is None:
            slug = swiss_slug(slug, max_length=self.fields["slug"].max_length)
            if not slug:
                raise forms.ValidationError(_("Enter a slug with at least one letter or digit."))
        reserved = getattr(self.parent_page.specific_class, "reserved_child_slugs", ())
        if slug in reserved:
            raise forms.ValidationError(RESERVED_SLUG_MESSAGE, code="reserved_slug")
        return slug

    def clean(self):
        cleaned_data = super().clean()
        go_live_at = cleaned_data.get("go_live_at")
        # Only a time the editor enters now: a story that went live on schedule keeps its go-live
        # time, which the form shows (and sends back) to the minute.
        if go_live_at is not None and not same_minute(go_live_at, self.instance.go_live_at):
            problem = go_live_problem(go_live_at, now=timezone.now())
            if problem:
                self.add_error("go_live_at", forms.ValidationError(problem, code="go_live_in_past"))
        self._refuse_pinning_twice()
        return cleaned_data

    def _refuse_pinning_twice(self):
        """The front page's pinned stories: each article once (twice would show it twice)."""
        formset = self.formsets.get("pinned_stories")
        if formset is None or not formset.is_valid():
            return
        seen = set()
        for form in formset.forms:
            if formset.can_delete and formset._should_delete_form(form):
                continue
            article = form.cleaned_data.get("article")
            if article is None:
                continue
            if article.pk in seen:
                form.add_error(
                    "article", forms.ValidationError(_("This story is pinned already."), code="pinned_twice")
                )
            seen.add(article.pk)


def same_minute(a: datetime | None, b: datetime | None) -> bool:
    return (
        a is not None
        and b is not None
        and a.replace(second=0, microsecond=0) == b.replace(second=0, microsecond=0)
    )
