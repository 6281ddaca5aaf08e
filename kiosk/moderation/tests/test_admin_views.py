"""The word lists in the Wagtail admin: only moderators, adding by pasting or uploading, finding, removing."""

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from kiosk.comments.tests.factories import CommenterFactory
from kiosk.moderation import services
from kiosk.moderation.models import AuditEntry, WordListEntry

pytestmark = pytest.mark.django_db

URL = reverse("moderation_admin:word_lists")


def test_a_moderator_pastes_a_list_and_sees_what_became_of_each_line(client, moderator):
    client.force_login(moderator)
    response = client.post(URL, {"kind": "suspect", "lines": "Idiot*\nhalt die Klappe\nx"}, follow=True)
    assert response.status_code == 200
    assert sorted(WordListEntry.objects.values_list("text", flat=True)) == ["Idiot*", "halt die Klappe"]
    page = response.content.decode()
    assert "«x»" in page
    assert "halt die Klappe" in page


def test_a_list_can_be_uploaded_as_a_text_file(client, moderator):
    client.force_login(moderator)
    upload = SimpleUploadedFile("liste.txt", "\ufeffBösewicht\nLügenpresse\n".encode(), "text/plain")
    client.post(URL, {"kind": "banned", "upload": upload})
    assert sorted(WordListEntry.objects.values_list("kind", "text")) == [
        ("banned", "Bösewicht"),
        ("banned", "Lügenpresse"),
    ]


def test_a_file_that_is_not_text_or_an_empty_form_is_refused_with_a_message(client, moderator):
    client.force_login(moderator)
    upload = SimpleUploadedFile("liste.txt", b"\xff\xfe\x00\x81", "text/plain")
    refused = client.post(URL, {"kind": "banned", "upload": upload})
    assert refused.status_code == 400
    empty = client.post(URL, {"kind": "banned", "lines": "  "})
    assert empty.status_code == 400
    assert not WordListEntry.objects.exists()


def test_moderators_find_and_remove_entries(client, moderator):
    client.force_login(moderator)
    client.post(URL, {"kind": "suspect", "lines": "Dummkopf\nLügner"})
    found = client.get(URL, {"q": "LUEG"}).content.decode()
    assert "Lügner" in found
    assert "Dummkopf" not in found
    liar = WordListEntry.objects.get(text="Lügner")
    client.post(reverse("moderation_admin:word_lists_remove"), {"entry": [str(liar.pk), "x", "9" * 30]})
    assert list(WordListEntry.objects.values_list("text", flat=True)) == ["Dummkopf"]


def test_the_listing_costs_the_same_queries_with_many_entries(client, moderator, django_assert_num_queries):
    client.force_login(moderator)
    client.post(URL, {"kind": "suspect", "lines": "\n".join(f"wort{i}" for i in range(300))})
    client.get(URL)
    with django_assert_num_queries(8):
        client.get(URL)


def test_readers_and_editors_without_the_moderation_permission_get_nothing(client, reader, moderator):
    services.word_entries_add(lines="bleibt", kind="suspect", moderator=moderator)
    listed = WordListEntry.objects.get()
    client.force_login(reader)
    assert client.get(URL).status_code == 403  # no admin for readers at all
    editor = CommenterFactory(is_staff=True)
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    # Wagtail answers a refusal inside its admin with a redirect to the dashboard and a message.
    for response in (
        client.get(URL),
        client.post(URL, {"kind": "banned", "lines": "wort"}),
        client.post(reverse("moderation_admin:word_lists_remove"), {"entry": [str(listed.pk)]}),
    ):
        assert (response.status_code, response["Location"]) == (302, "/admin/")
    assert list(WordListEntry.objects.values_list("text", flat=True)) == ["bleibt"]


def test_each_change_to_the_lists_is_in_the_audit_log_which_nobody_edits(client, moderator, other_reader):
    client.force_login(moderator)
    client.post(URL, {"kind": "banned", "lines": "Drecksack\nSchuft", "note": "Leserhinweise vom Montag"})
    client.post(
        reverse("moderation_admin:word_lists_remove"),
        {"entry": [str(WordListEntry.objects.get(text="Schuft").pk)]},
    )
    log = reverse("moderation_admin:audit_log")
    page = client.get(log).content.decode()
    assert page.index("Schuft") < page.index("Drecksack")  # newest first
    assert "Leserhinweise vom Montag" in page
    removed = client.get(log, {"action": "words_removed"}).content.decode()
    assert "Drecksack" not in removed
    assert client.post(log, {"action": "words_removed"}).status_code == 405
    [listed, taken_off] = AuditEntry.objects.order_by("at", "pk")
    assert (listed.action, listed.actor, listed.details) == (
        "words_listed",
        moderator,
        {"kind": "banned", "words": ["Drecksack", "Schuft"]},
    )
    assert taken_off.details == {"words": [{"kind": "banned", "text": "Schuft"}]}


def test_the_audit_log_costs_the_same_queries_however_long_it_is(
    client, moderator, django_assert_num_queries
):
    client.force_login(moderator)
    for i in range(30):
        services.word_entries_add(lines=f"wort{i}", kind="suspect", moderator=moderator)
    log = reverse("moderation_admin:audit_log")
    client.get(log)
    with django_assert_num_queries(8):
        client.get(log)


def test_the_listing_pages_keep_their_filters(client, moderator):
    client.force_login(moderator)
    client.post(URL, {"kind": "suspect", "lines": "\n".join(f"wort{i}" for i in range(150))})
    page = client.get(URL, {"kind": "suspect", "q": "wort"}).content.decode()
    assert "?kind=suspect&amp;q=wort&amp;p=2" in page
