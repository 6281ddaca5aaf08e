"""Bad input of every kind answers 4xx JSON; the OpenAPI document and the docs page are complete and local."""

import re

import pytest
from django.test import Client
from openapi_spec_validator import validate

from kiosk.comments.tests.factories import CommentFactory

pytestmark = pytest.mark.django_db

HUGE = "9" * 40

BAD_REQUESTS = [
    ("get", "/api/articles/{huge}/comments", None),
    ("get", "/api/articles/-1/comments", None),
    ("get", "/api/articles/abc/comments", None),
    ("get", "/api/articles/{article}/comments?page=-5", None),
    ("get", "/api/articles/{article}/comments?page=" + HUGE, None),
    ("get", "/api/articles/{article}/comments?sort=%00", None),
    ("get", "/api/comments/{huge}", None),
    ("get", "/api/comments/0", None),
    ("get", "/api/nowhere", None),
    ("put", "/api/comments/{comment}", b"{}"),
    ("post", "/api/articles/{article}/comments", b"{not json"),
    ("post", "/api/articles/{article}/comments", b"[]"),
    ("post", "/api/articles/{article}/comments", b'"text"'),
    ("post", "/api/articles/{article}/comments", b"{}"),
    ("post", "/api/articles/{article}/comments", b'{"text": 5}'),
    ("post", "/api/articles/{article}/comments", b'{"text": null}'),
    ("post", "/api/articles/{article}/comments", b'{"text": ["a"]}'),
    ("post", "/api/articles/{article}/comments", b'{"text": "hi", "parent_id": "x"}'),
    ("post", "/api/articles/{article}/comments", b'{"text": "hi", "parent_id": ' + HUGE.encode() + b"}"),
    ("post", "/api/articles/{article}/comments", b'{"text": "hi", "parent_id": -3}'),
    ("post", "/api/articles/{article}/comments", b'{"text": "hi", "parent_id": 999999}'),
    ("post", "/api/articles/{article}/comments", b'{"text": "\\ud800"}'),
    ("patch", "/api/comments/{comment}", b'{"text": "a\\udfff"}'),
    ("post", "/api/comments/{comment}/reports", b'{"reason": "other", "note": "\\ud800"}'),
    ("post", "/api/articles/{article}/comments", b"\xff\xfe\x00"),
    ("post", "/api/articles/{huge}/comments", b'{"text": "hi"}'),
    ("patch", "/api/comments/{comment}", b'{"text": 1.5}'),
    ("patch", "/api/comments/{huge}", b'{"text": "x"}'),
    ("post", "/api/comments/{huge}/like", b""),
    ("delete", "/api/comments/-1/like", b""),
    ("post", "/api/comments/{comment}/reports", b'{"reason": null}'),
    ("post", "/api/comments/{comment}/reports", b'{"reason": "other", "note": "' + b"n" * 600 + b'"}'),
    ("post", "/api/comments/{comment}/reports", b"reason=spam"),
]


@pytest.mark.parametrize(("method", "path", "body"), BAD_REQUESTS)
def test_bad_input_answers_4xx_json(reader_client, article, other_reader, method, path, body):
    comment = CommentFactory(article=article, author=other_reader)
    url = path.format(huge=HUGE, article=article.pk, comment=comment.pk)
    kwargs = {} if body is None else {"data": body, "content_type": "application/json"}
    response = getattr(reader_client, method)(url, **kwargs)
    assert 400 <= response.status_code < 500, response.content
    assert response["Content-Type"].startswith("application/json")
    data = response.json()
    assert isinstance(data["message"], str)
    assert data["message"]
    assert isinstance(data["code"], str)


def test_a_query_with_too_many_fields_is_a_documented_400(client, article, settings):
    # Found by test_schemathesis: Django refuses it (TooManyFieldsSent), the document did not list 400.
    fields = "&".join(f"f{i}=1" for i in range(settings.DATA_UPLOAD_MAX_NUMBER_FIELDS + 1))
    response = client.get(f"/api/articles/{article.pk}/comments?{fields}")
    assert response.status_code == 400
    assert response.json()["code"] == "bad_request"
    document = client.get("/api/openapi.json").json()
    assert "400" in document["paths"]["/api/articles/{article_id}/comments"]["get"]["responses"]


def test_method_not_allowed_is_json_with_allow(client):
    response = client.put("/api/session")
    assert response.status_code == 405
    assert response.json()["code"] == "method_not_allowed"
    assert response["Allow"] == "GET"


def test_unexpected_errors_are_logged_and_answered_as_json(reader_client, article, monkeypatch, caplog):
    from kiosk.comments import selectors

    def broken(*args, **kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr(selectors, "published_count", broken)
    response = reader_client.get(f"/api/articles/{article.pk}/comments")
    assert response.status_code == 500
    assert response.json()["code"] == "server_error"
    assert "a bug" not in response.content.decode()
    assert any("API error" in record.message for record in caplog.records)


EXPECTED_OPERATIONS = {
    ("/api/session", "get"),
    ("/api/articles/{article_id}/comments", "get"),
    ("/api/articles/{article_id}/comments", "post"),
    ("/api/articles/{article_id}/comments/top", "get"),
    ("/api/articles/{article_id}/comments/seen", "post"),
    ("/api/comments/{comment_id}", "get"),
    ("/api/comments/{comment_id}", "patch"),
    ("/api/comments/{comment_id}", "delete"),
    ("/api/comments/{comment_id}/like", "post"),
    ("/api/comments/{comment_id}/like", "delete"),
    ("/api/comments/{comment_id}/reports", "post"),
    ("/api/search/headlines", "get"),
}


def test_openapi_lists_every_endpoint_with_summary_and_description(client):
    response = client.get("/api/openapi.json")
    assert response.status_code == 200
    schema = response.json()
    assert schema["openapi"].startswith("3.")
    operations = {
        (path, method): operation
        for path, methods in schema["paths"].items()
        for method, operation in methods.items()
    }
    assert set(operations) == EXPECTED_OPERATIONS
    for key, operation in operations.items():
        assert operation["summary"], key
        assert operation.get("description"), key
    writes = [key for key in operations if key[1] != "get"]
    for key in writes:
        assert operations[key].get("security"), key
        assert "401" in operations[key]["responses"], key
    assert "422" in operations[("/api/articles/{article_id}/comments", "get")]["responses"]
    sort = next(
        p
        for p in operations[("/api/articles/{article_id}/comments", "get")]["parameters"]
        if p["name"] == "sort"
    )
    assert "liked" in str(sort["schema"])


def test_openapi_document_is_valid():
    schema = Client().get("/api/openapi.json").json()
    validate(schema)


def test_docs_load_nothing_from_other_hosts(client):
    response = client.get("/api/docs")
    assert response.status_code == 200
    html = response.content.decode()
    sources = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert sources
    assert all(source.startswith("/static/") for source in sources), sources
    assert "//" not in "".join(sources)
    assert '"validatorUrl": null' in html
