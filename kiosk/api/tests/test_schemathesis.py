"""Property-based test of the JSON API against its own OpenAPI document (schemathesis).

Every operation gets generated input, valid and invalid (huge and negative ids,
odd query strings, bodies of every shape, NUL bytes, lone surrogates, huge
strings), once anonymous and once as a logged-in reader with a valid CSRF
token, so writes really run: comments are stored, likes counted, reports filed.
Nothing may answer 5xx, every error is ``{"message", "code"}`` JSON, and
answers match the document. ``make test-api`` runs the same with many more
examples (``KIOSK_API_FUZZ_EXAMPLES``).
"""

import json
import os
from dataclasses import dataclass
from datetime import timedelta

import pytest
import schemathesis
from django.conf import settings as django_settings
from django.core.signals import request_finished, request_started
from django.db import close_old_connections, transaction
from django.db.models import F
from django.test import Client
from django.utils import timezone
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from ninja.responses import NinjaJSONEncoder
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)
from werkzeug.test import Client as WSGIClient

from config.wsgi import application
from kiosk.accounts.models import User
from kiosk.api.api import api
from kiosk.comments.models import Comment, Report
from kiosk.comments.tests.factories import CommenterFactory, CommentFactory, LikeFactory, published_debate
from kiosk.news.tests.factories import ArticlePageFactory, SectionPageFactory, make_home

pytestmark = pytest.mark.django_db

EXAMPLES = int(os.environ.get("KIOSK_API_FUZZ_EXAMPLES", "25"))

# The document /api/openapi.json serves (test_the_document_is_the_one_served). Loading it through
# the WSGI application would need the database before pytest-django has set one up.
DOCUMENT = json.loads(json.dumps(api.get_openapi_schema(), cls=NinjaJSONEncoder))
schema = schemathesis.openapi.from_dict(DOCUMENT, config=schemathesis.Config.from_dict({}))
# Requests go through the whole WSGI stack (middleware, CSRF, sessions), not only the API's views.
schema.app = application

FUZZ = hypothesis_settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,  # the same cases on every run and in CI
    database=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
        HealthCheck.data_too_large,
        HealthCheck.function_scoped_fixture,
    ],
)

# What generated JSON rarely holds by chance; schemathesis' own alphabet is valid UTF-8.
HOSTILE_TEXT = st.sampled_from(
    [
        "\ud800",  # a lone surrogate: JSON may escape one, UTF-8 (and the database) cannot hold it
        "Gut\udfffgesagt",
        "\x00",
        "Zeile mit\x00NUL",
        "\u202eumgedreht\u202c und \u200b unsichtbar",
        "x" * (django_settings.KIOSK_COMMENT_MAX_LENGTH + 1),
        "y" * (django_settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1),  # a body beyond Django's limit: 413
        " \n\t ",
    ]
)


# Real rows ---------------------------------------------------------------------------------------


@dataclass
class Debate:
    article_ids: list[int]
    comment_ids: list[int]
    reader_id: int
    own_pending_id: int
    other_published_id: int


# The module's debate, for the generation hooks below (they run inside the tests).
KNOWN: list[Debate] = []


@pytest.fixture(scope="module")
def debate(django_db_setup, django_db_blocker):
    """An open and a closed debate with replies and likes, and the reader's own comments.

    Built once for the module, inside a transaction rolled back at its end; each test
    runs in a savepoint of it, so what one test writes the next does not see.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        section = SectionPageFactory(parent=make_home(), title="Schweiz", slug="schweiz")
        article = ArticlePageFactory(parent=section, published_at=timezone.now() - timedelta(hours=1))
        closed = ArticlePageFactory(parent=section, published_at=timezone.now() - timedelta(days=3))
        reader = CommenterFactory(display_name="Regula Leser")
        other = CommenterFactory(display_name="Beat Andere")
        comments, replies = published_debate(article, 8)
        closed_comments, closed_replies = published_debate(closed, 3)
        pending = CommentFactory(article=article, author=reader, status=Comment.Status.PENDING)
        own = CommentFactory(article=article, author=reader)
        rejected = CommentFactory(article=article, author=reader, status=Comment.Status.REJECTED)
        for comment, liker in [(comments[0], reader), (own, other)]:
            LikeFactory(comment=comment, reader=liker)
            Comment.objects.filter(pk=comment.pk).update(like_count=F("like_count") + 1)
        all_comments = [*comments, *replies, *closed_comments, *closed_replies, pending, own, rejected]
        known = Debate(
            article_ids=[article.pk, closed.pk],
            comment_ids=[c.pk for c in all_comments],
            reader_id=reader.pk,
            own_pending_id=pending.pk,
            other_published_id=comments[1].pk,
        )
        KNOWN.append(known)
        yield known
        KNOWN.clear()
        transaction.set_rollback(True)


@schema.hook
def flatmap_path_parameters(context, path_parameters):
    """Half the time a real article or comment, so the handlers get past their 404."""
    if not KNOWN or not path_parameters:
        return st.just(path_parameters)
    real = {"article_id": KNOWN[0].article_ids, "comment_id": KNOWN[0].comment_ids}
    known = {name: real[name] for name in path_parameters if name in real}
    ids = st.fixed_dictionaries({name: st.sampled_from(values) for name, values in known.items()})
    return st.one_of(st.just(path_parameters), ids.map(lambda ids: {**path_parameters, **ids}))


@schema.hook
def flatmap_body(context, body):
    """Sometimes a real parent, sometimes hostile text in the text fields."""
    if not isinstance(body, dict):
        return st.just(body)

    @st.composite
    def spiced(draw):
        changed = dict(body)
        if "parent_id" in changed and KNOWN and draw(st.booleans()):
            changed["parent_id"] = draw(st.sampled_from(KNOWN[0].comment_ids))
        for name in ("text", "note"):
            if name in changed and draw(st.booleans()):
                changed[name] = draw(HOSTILE_TEXT)
        return changed

    return st.one_of(st.just(body), spiced())


@schema.hook
def flatmap_query(context, query):
    """Sometimes more fields than Django reads from a query string (DATA_UPLOAD_MAX_NUMBER_FIELDS)."""
    limit = django_settings.DATA_UPLOAD_MAX_NUMBER_FIELDS
    if not isinstance(query, dict) or limit is None:
        return st.just(query)
    padded = {**query, **{f"feld{i}": "1" for i in range(limit + 1)}}
    return st.sampled_from([query, padded])


# Checks ------------------------------------------------------------------------------------------


@schemathesis.check
def error_is_message_and_code(ctx, response, case):
    """Every refusal is JSON with a message for the reader and a code for the client."""
    if response.status_code < 400:
        return None
    content_type = response.headers.get("content-type", [""])[0]
    assert content_type.startswith("application/json"), f"{response.status_code} as {content_type!r}"
    body = response.json()
    assert isinstance(body, dict), body
    assert isinstance(body.get("message"), str), body
    assert body["message"], body
    assert isinstance(body.get("code"), str), body
    assert body["code"], body
    return True


CHECKS = [
    not_a_server_error,
    error_is_message_and_code,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


# Two callers -------------------------------------------------------------------------------------


@pytest.fixture
def in_process_requests():
    """Requests through the WSGI handler keep the test's transaction, as Django's test client does."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def reader_session(debate, in_process_requests, settings):
    """The session cookie of a logged-in reader and the CSRF token GET /api/session hands out."""
    # Rate limits (tested on their own) would turn most writes into 429 before the services run.
    settings.KIOSK_RATE_LIMITS_ENABLED = False
    login = Client()
    login.force_login(User.objects.get(pk=debate.reader_id))
    # The token through the WSGI stack too: Django's test client would reconnect close_old_connections.
    browser = WSGIClient(application)
    browser.set_cookie(settings.SESSION_COOKIE_NAME, login.cookies[settings.SESSION_COOKIE_NAME].value)
    token = browser.get("/api/session").json["csrf_token"]
    cookies = {
        settings.SESSION_COOKIE_NAME: login.cookies[settings.SESSION_COOKIE_NAME].value,
        settings.CSRF_COOKIE_NAME: browser.get_cookie(settings.CSRF_COOKIE_NAME).value,
    }
    return {"cookies": cookies, "headers": {"X-CSRFToken": token}}


@schema.parametrize()
@FUZZ
def test_api_anonymous(case, debate, in_process_requests):
    case.call_and_validate(checks=CHECKS)


@schema.parametrize()
@FUZZ
def test_api_logged_in(case, debate, in_process_requests, reader_session):
    case.call_and_validate(checks=CHECKS, **reader_session)


def test_writes_on_real_rows_match_the_document(debate, in_process_requests, reader_session):
    """Explicit examples on real rows: each write succeeds once, is stored, and its answer fits the document."""
    article_id = debate.article_ids[0]
    calls = [
        ("/api/session", "GET", {}, None, 200),
        ("/api/articles/{article_id}/comments", "GET", {"article_id": article_id}, None, 200),
        ("/api/articles/{article_id}/comments/top", "GET", {"article_id": article_id}, None, 200),
        ("/api/articles/{article_id}/comments", "POST", {"article_id": article_id}, {"text": "Neu."}, 201),
        ("/api/comments/{comment_id}", "GET", {"comment_id": debate.own_pending_id}, None, 200),
        ("/api/comments/{comment_id}", "PATCH", {"comment_id": debate.own_pending_id}, {"text": "Neu."}, 200),
        ("/api/comments/{comment_id}/like", "POST", {"comment_id": debate.other_published_id}, None, 200),
        ("/api/comments/{comment_id}/like", "DELETE", {"comment_id": debate.other_published_id}, None, 200),
        (
            "/api/comments/{comment_id}/reports",
            "POST",
            {"comment_id": debate.other_published_id},
            {"reason": Report.Reason.OTHER, "note": "Beleidigend"},
            201,
        ),
        (
            "/api/comments/{comment_id}/reports",
            "POST",
            {"comment_id": debate.other_published_id},
            {"reason": Report.Reason.SPAM},
            409,
        ),
        ("/api/comments/{comment_id}", "DELETE", {"comment_id": debate.own_pending_id}, None, 204),
    ]
    for path, method, path_parameters, body, status in calls:
        kwargs = {"path_parameters": path_parameters}
        if body is not None:
            kwargs.update(body=body, media_type="application/json")
        case = schema[path][method].Case(**kwargs)
        response = case.call_and_validate(checks=CHECKS, **reader_session)
        assert response.status_code == status, (method, path, response.text)
    mine = Comment.objects.filter(author_id=debate.reader_id, article_id=article_id)
    assert mine.filter(status=Comment.Status.PENDING, text="Neu.").count() == 1
    assert mine.get(pk=debate.own_pending_id).is_withdrawn
    assert (
        Report.objects.filter(comment_id=debate.other_published_id, reporter_id=debate.reader_id).count() == 1
    )


def test_the_document_is_the_one_served(client):
    assert client.get("/api/openapi.json").json() == DOCUMENT
