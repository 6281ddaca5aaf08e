"""The admin's page forms: what editors may not do by accident."""

from __future__ import annotations

from datetime import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from kiosk.newsroom import formatting


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


class NewsPageForm(WagtailAdminPageForm):
    """Refuses a go-live time in the past instead of publishing at once."""

    def clean(self):
        cleaned_data = super().clean()
        go_live_at = cleaned_data.get("go_live_at")
        # Only a time the editor enters now: a story that went live on schedule keeps its go-live
        # time, which the form shows (and sends back) to the minute.
        if go_live_at is not None and not same_minute(go_live_at, self.instance.go_live_at):
            problem = go_live_problem(go_live_at, now=timezone.now())
            if problem:
                self.add_error("go_live_at", forms.ValidationError(problem, code="go_live_in_past"))
        return cleaned_data


def same_minute(a: datetime | None, b: datetime | None) -> bool:
    return (
        a is not None
        and b is not None
        and a.replace(second=0, microsecond=0) == b.replace(second=0, microsecond=0)
    )
