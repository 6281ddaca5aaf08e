import json

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_the_gallery_chooser_is_titled_in_one_german_phrase(admin_client):
    response = admin_client.get(reverse("wagtailsnippetchoosers_galleries_gallery:choose"))
    assert response.status_code == 200
    html = json.loads(response.content)["html"]
    assert "Galerie auswählen" in html
    assert "Auswählen" not in html.split("</h1>")[0]


@pytest.mark.parametrize(
    ("chooser", "title"),
    [("wagtailsnippetchoosers_news_author:choose", "Autor auswählen")],
)
def test_the_author_chooser_too_and_it_offers_a_new_author(admin_client, chooser, title):
    html = json.loads(admin_client.get(reverse(chooser)).content)["html"]
    assert title in html
    assert "Neue Autorin oder neuen Autor anlegen" in html
