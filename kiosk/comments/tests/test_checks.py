"""The checks every new comment passes (kiosk.comments.checks) and what comment_submit does with them."""

from datetime import timedelta

import pytest
from django.utils import timezone

from kiosk.comments import checks, services
from kiosk.comments.models import Comment

pytestmark = pytest.mark.django_db

NOW = timezone.now()


def _submission(article, reader, text="Ein Kommentar"):
    return checks.Submission(article=article, author=reader, text=text)


def _hold(code):
    return lambda submission, *, now: checks.Verdict(checks.Outcome.HOLD, code, f"gehalten: {code}")


def _refuse(submission, *, now):
    return checks.Verdict(checks.Outcome.REFUSE, "nein", "Nein.")


def _never(submission, *, now):
    raise AssertionError("a check after a refusal must not run")


def test_holds_add_up_in_order_and_a_refusal_ends_the_list(article, reader):
    said = checks.run(_submission(article, reader), now=NOW, checks=[_hold("a"), _hold("b"), _refuse, _never])
    assert [hold.code for hold in said.holds] == ["a", "b"]
    assert said.final.code == "nein"


def test_two_checks_holding_for_one_cause_leave_one_note(article, reader):
    said = checks.run(_submission(article, reader), now=NOW, checks=[_hold("a"), _hold("a")])
    assert [hold.code for hold in said.holds] == ["a"]


def test_each_check_is_given_now(closed_article, article, reader):
    window = checks.window
    assert window(_submission(article, reader), now=NOW) is None
    assert window(_submission(article, reader), now=NOW + timedelta(days=2)).code == "comments_closed"


def test_too_many_links_hold_the_comment_with_each_link_marked(article, reader, settings):
    settings.KIOSK_COMMENT_MAX_LINKS = 1
    text = "Siehe https://example.org/a und www.example.org/b"
    verdict = checks.links(_submission(article, reader, text), now=NOW)
    assert verdict.outcome is checks.Outcome.HOLD
    assert [text[mark.start : mark.end] for mark in verdict.marks] == [
        "https://example.org/a",
        "www.example.org/b",
    ]
    assert checks.links(_submission(article, reader, "Nur https://example.org/a"), now=NOW) is None


def test_a_held_comment_waits_with_the_reasons_for_the_moderators(article, reader, settings):
    settings.KIOSK_COMMENT_MAX_LINKS = 0
    comment = services.comment_submit(article=article, author=reader, text="Lies https://example.org")
    comment.refresh_from_db()
    assert comment.status == Comment.Status.PENDING
    [note] = comment.review_notes
    assert (note["code"], [(mark["start"], mark["end"]) for mark in note["marks"]]) == (
        "too_many_links",
        [(5, 24)],
    )


def test_a_clean_comment_has_no_notes(article, reader):
    comment = services.comment_submit(article=article, author=reader, text="Sauber")
    assert comment.review_notes == []


def test_a_refusal_stores_nothing(article, reader, settings):
    settings.KIOSK_COMMENT_CHECKS = [
        *settings.KIOSK_COMMENT_CHECKS,
        "kiosk.comments.tests.test_checks._refuse",
    ]
    with pytest.raises(services.CommentError, match="Nein"):
        services.comment_submit(article=article, author=reader, text="Hallo")
    assert not Comment.objects.exists()
