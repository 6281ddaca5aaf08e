"""The avatar tag and the header's account links."""

import pytest
from django.contrib.sessions.backends.base import SessionBase
from django.db import connection
from django.template import Context, Template
from django.test.utils import CaptureQueriesContext

from kiosk.accounts.avatars import avatar_set
from kiosk.accounts.templatetags.accounts import avatar_colour, initials

from .factories import UserFactory
from .images import photo_bytes, upload

pytestmark = pytest.mark.django_db


def render(template: str, **context) -> str:
    return Template("{% load accounts %}" + template).render(Context(context))


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Anna Meier-Roth", "AM"),
        ("anna", "A"),
        ("Leser 02", "L"),
        ("Jean-Luc de la Fontaine", "JF"),
        ("Zoë  Älpler", "ZÄ"),
        ("  ", "?"),
        ("- ~", "?"),
    ],
)
def test_initials(name, expected):
    assert initials(name) == expected


def test_generated_avatar_is_a_decorative_svg_with_initials_and_a_stable_colour():
    user = UserFactory(display_name="Anna Meier")
    user = type(user).objects.get(pk=user.pk)

    with CaptureQueriesContext(connection) as queries:
        html = render("{% avatar user size=48 %}", user=user)

    assert len(queries) == 0
    assert html.startswith("<svg")
    assert 'class="avatar"' in html
    assert 'aria-hidden="true"' in html
    assert 'width="48" height="48"' in html
    assert ">AM</text>" in html
    assert avatar_colour(user.pk) in html
    assert avatar_colour(user.pk) == avatar_colour(user.pk)
    assert avatar_colour(1) != avatar_colour(2)


def test_a_name_of_markup_gives_no_markup():
    user = UserFactory(display_name="<script>alert(1)</script>")
    html = render("{% avatar user %}", user=user)
    assert "<script" not in html
    assert ">?</text>" in html


def test_uploaded_avatar_is_an_img_without_queries(django_capture_on_commit_callbacks):
    user = UserFactory()
    avatar_set(user=user, upload=upload(photo_bytes()))
    user = type(user).objects.get(pk=user.pk)

    with CaptureQueriesContext(connection) as queries:
        html = render("{% avatar user size=32 %}", user=user)

    assert len(queries) == 0
    assert html.startswith("<img ")
    assert f'src="/media/{user.avatar.name}"' in html
    assert 'width="32" height="32"' in html
    assert 'alt=""' in html
    assert 'class="avatar"' in html


class UntouchableSession(SessionBase):
    def _get_session(self, no_load=False):
        raise AssertionError("the session was read for an anonymous page")


class UntouchableUser:
    @property
    def is_authenticated(self):
        raise AssertionError("request.user was read for an anonymous page")


def test_anonymous_header_never_reads_the_session(rf):
    request = rf.get("/")
    request.session = UntouchableSession()
    request.user = UntouchableUser()

    html = render("{% header_account %}", request=request)

    assert "/konto/login/" in html
    assert "/konto/signup/" in html
    assert "csrfmiddlewaretoken" not in html
    assert "<form" not in html


def test_logged_in_reader_sees_name_avatar_and_a_logout_form(rf, settings):
    reader = UserFactory(display_name="Anna Meier")
    request = rf.get("/")
    request.COOKIES[settings.SESSION_COOKIE_NAME] = "a-session"
    request.user = reader

    html = render("{% header_account %}", request=request, csrf_token="token-123")

    assert "Anna Meier" in html
    assert "/leser/einstellungen/" in html
    assert '<form class="header-account__logout" method="post" action="/konto/logout/">' in html
    assert 'value="token-123"' in html
    assert ">AM</text>" in html
