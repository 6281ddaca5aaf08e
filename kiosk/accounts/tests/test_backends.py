"""A logged-in reader's row comes from the cache (AuthenticationBackend.get_user), and never outlives a change."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kiosk.comments.tests.factories import CommenterFactory

pytestmark = pytest.mark.django_db

SETTINGS = reverse("accounts:settings")


def _queries_for(client, url) -> list[str]:
    with CaptureQueriesContext(connection) as captured:
        client.get(url)
    return [q["sql"] for q in captured.captured_queries if 'FROM "accounts_user"' in q["sql"]]


def _logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_a_readers_row_is_loaded_once_and_then_shared(reader):
    # Logging in saves the row (last_login): both sessions exist before the first page.
    client, elsewhere = _logged_in(reader), _logged_in(reader)
    client.get(SETTINGS)
    assert _queries_for(client, SETTINGS) == []
    assert _queries_for(elsewhere, SETTINGS) == []


def test_staff_rows_always_come_from_the_database(db):
    editor = CommenterFactory(is_staff=True)
    client = _logged_in(editor)
    client.get(SETTINGS)
    assert len(_queries_for(client, SETTINGS)) == 1


def test_a_new_password_ends_the_other_sessions_at_once(reader):
    elsewhere = _logged_in(reader)
    assert elsewhere.get(SETTINGS).status_code == 200
    reader.set_password("ein-ganz-neues-passwort-42")
    reader.save()
    response = elsewhere.get(SETTINGS)
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_a_deactivated_reader_is_logged_out_at_once(reader):
    client = _logged_in(reader)
    assert client.get(SETTINGS).status_code == 200
    reader.is_active = False
    reader.save()
    assert client.get(SETTINGS).status_code == 302


def test_a_new_name_shows_on_the_next_request(reader):
    client = _logged_in(reader)
    client.get(SETTINGS)
    reader.display_name = "Ganz Anders"
    reader.save()
    assert "Ganz Anders" in client.get(SETTINGS).content.decode()


def test_a_deleted_account_is_gone(reader):
    client = _logged_in(reader)
    client.get(SETTINGS)
    reader.delete()
    assert client.get(SETTINGS).status_code == 302
