import pytest

from kiosk.galleries.tests.factories import GalleryFactory
from kiosk.images.tests.factories import KioskImageFactory
from kiosk.news.tests.factories import ArticlePageFactory, PartnerFactory, SectionPageFactory, make_home

pytestmark = pytest.mark.django_db


def test_article_page_renders(client):
    home = make_home()
    section = SectionPageFactory(parent=home, title="Wissen", slug="wissen")
    sub = SectionPageFactory(parent=section, title="Raumfahrt", slug="raumfahrt")
    gallery = GalleryFactory(images=4)
    article = ArticlePageFactory(
        parent=sub,
        lead_image=KioskImageFactory(credit="Kiosk-Archiv"),
        partner=PartnerFactory(name="Bergpost"),
        source_line="bergpost/sda",
        body=[
            ("paragraph", "<p>Absatz</p>"),
            ("image", {"image": KioskImageFactory(), "caption": "", "credit": ""}),
            ("gallery", gallery),
        ],
    )
    ArticlePageFactory(parent=sub)
    response = client.get(article.url)
    assert response.status_code == 200, response.content[:2000]
    html = response.content.decode()
    assert "Bild: Kiosk-Archiv" in html
    assert "Mehr «Raumfahrt»" in html
    assert "1 / 4" in html
