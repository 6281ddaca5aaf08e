"""Word lists as moderators keep them, and what the checks do with a comment that uses a listed word."""

import pytest
from django.utils import timezone

from kiosk import cacheversions
from kiosk.comments import services as comment_services
from kiosk.comments.models import Comment
from kiosk.moderation import selectors, services
from kiosk.moderation.models import WordListEntry
from kiosk.moderation.selectors import WORDS_VERSION

pytestmark = pytest.mark.django_db


def test_a_pasted_list_is_listed_once_however_often_it_is_sent(moderator):
    lines = "Idiot*\n\n# Kommentar der Redaktion\nhalt die Klappe\nidiot*\nx\nf*ck"
    first = services.word_entries_add(lines=lines, kind="suspect", moderator=moderator)
    assert [row.text for row in first.added] == ["Idiot*", "halt die Klappe"]
    assert first.already_listed == ["idiot*"]
    assert [line for line, _reason in first.refused] == ["x", "f*ck"]
    again = services.word_entries_add(lines=lines, kind="suspect", moderator=moderator)
    assert (again.added, sorted(again.already_listed)) == ([], ["Idiot*", "halt die Klappe", "idiot*"])
    assert WordListEntry.objects.count() == 2


def test_the_same_word_may_be_on_both_lists(moderator):
    services.word_entries_add(lines="Lüge", kind="suspect", moderator=moderator)
    services.word_entries_add(lines="luege", kind="banned", moderator=moderator)
    assert sorted(WordListEntry.objects.values_list("kind", "folded")) == [
        ("banned", "luege"),
        ("suspect", "luege"),
    ]


def test_an_unknown_list_or_a_huge_paste_is_refused(moderator):
    with pytest.raises(services.ModerationError):
        services.word_entries_add(lines="wort", kind="erlaubt", moderator=moderator)
    with pytest.raises(services.ModerationError):
        services.word_entries_add(
            lines="wort\n" * (services.MAX_LINES + 1), kind="banned", moderator=moderator
        )


def test_a_change_made_by_another_process_is_used_by_the_next_check(moderator):
    services.word_entries_add(lines="alt", kind="suspect", moderator=moderator)
    assert len(selectors.word_list()) == 1
    # Another process lists a word: the rows and the shared version change, not this process's memory.
    WordListEntry.objects.create(text="neu", folded="neu", kind="suspect", added_at=timezone.now())
    cacheversions.bump(WORDS_VERSION)
    assert len(selectors.word_list()) == 2
    services.word_entries_remove(
        entry_ids=list(WordListEntry.objects.values_list("pk", flat=True)), moderator=moderator
    )
    assert len(selectors.word_list()) == 0


def test_a_row_that_cannot_be_matched_is_left_out_not_the_whole_list(moderator, caplog):
    WordListEntry.objects.create(
        text="x", folded="x", kind="banned", added_at=timezone.now()
    )  # past the services
    services.word_entries_add(lines="bösewicht", kind="banned", moderator=moderator)
    assert len(selectors.word_list()) == 1
    assert "cannot be matched" in caplog.text


def test_a_banned_word_rejects_the_comment_at_once_and_tells_the_author_which(article, reader, moderator):
    services.word_entries_add(lines="bösewicht*", kind="banned", moderator=moderator)
    comment = comment_services.comment_submit(article=article, author=reader, text="Ihr BOESEWICHTE da oben")
    comment.refresh_from_db()
    assert (comment.status, comment.rejection_reason) == (Comment.Status.REJECTED, "house_rules")
    assert "«BOESEWICHTE»" in comment.rejection_note
    [note] = comment.review_notes
    assert (note["code"], note["marks"]) == ("banned_words", [{"start": 4, "end": 15, "label": "bösewicht*"}])


def test_a_suspect_word_holds_the_comment_with_the_word_marked(article, reader, moderator):
    services.word_entries_add(lines="Lügenpresse", kind="suspect", moderator=moderator)
    comment = comment_services.comment_submit(article=article, author=reader, text="Typisch Luegenpresse!")
    assert comment.status == Comment.Status.PENDING
    [note] = comment.review_notes
    assert (note["code"], note["marks"]) == (
        "suspect_words",
        [{"start": 8, "end": 20, "label": "Lügenpresse"}],
    )


def test_when_the_lists_cannot_be_read_the_comment_waits_with_a_note_not_silently(
    article, reader, monkeypatch
):
    def broken():
        raise RuntimeError("database away")

    monkeypatch.setattr(selectors, "word_list", broken)
    comment = comment_services.comment_submit(article=article, author=reader, text="Irgendwas")
    assert comment.status == Comment.Status.PENDING
    assert [note["code"] for note in comment.review_notes] == ["words_unchecked"]


def test_an_edit_passes_the_word_lists_too(article, reader, moderator):
    services.word_entries_add(lines="bösewicht", kind="banned", moderator=moderator)
    comment = comment_services.comment_submit(article=article, author=reader, text="Harmlos")
    comment_services.comment_edit(comment=comment, author=reader, text="Doch ein Bösewicht")
    comment.refresh_from_db()
    assert (comment.status, [note["code"] for note in comment.review_notes]) == ("rejected", ["banned_words"])


def test_the_api_answers_a_banned_word_with_the_rejection_and_its_reason(client, article, reader, moderator):
    services.word_entries_add(lines="bösewicht", kind="banned", moderator=moderator)
    client.force_login(reader)
    token = client.get("/api/session").json()["csrf_token"]
    response = client.post(
        f"/api/articles/{article.pk}/comments",
        {"text": "So ein Bösewicht"},
        content_type="application/json",
        headers={"X-CSRFToken": token},
    )
    assert response.status_code == 201
    assert response.json()["status"] == "rejected"
    assert "«Bösewicht»" in response.json()["rejection_note"]
