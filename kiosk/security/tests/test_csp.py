"""The Content-Security-Policy and Permissions-Policy on every response, and the violation reports (issue 7)."""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client, override_settings
from django.urls import reverse
from wagtail.embeds.blocks import EmbedValue
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed

from kiosk.comments.tests.factories import CommentFactory
from kiosk.galleries.tests.factories import GalleryFactory
from kiosk.news.blocks import PrivacyEmbedBlock, embed_player
from kiosk.news.tests.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db

TEMPLATES = Path(settings.BASE_DIR) / "kiosk" / "templates"
YOUTUBE = "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
YOUTUBE_PLAYER = (
    '<iframe width="200" height="113" src="https://www.youtube.com/embed/dQw4w9WgXcQ?feature=oembed"'
    ' frameborder="0" allow="accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope;'
    ' picture-in-picture; web-share" referrerpolicy="strict-origin-when-cross-origin" allowfullscreen'
    ' title="Ein Video" style="border: 0"></iframe>'
)
TWEET = '<blockquote class="twitter-tweet"><p>Hallo</p></blockquote><script async src="https://platform.twitter.com/widgets.js"></script>'


def policy(response) -> dict[str, list[str]]:
    """The Content-Security-Policy header as {directive: [sources]}."""
    header = response["Content-Security-Policy"]
    directives = {}
    for part in header.split(";"):
        name, *sources = part.split()
        directives[name] = sources
    return directives


def assert_strict(response) -> None:
    csp = policy(response)
    assert csp["default-src"] == ["'self'"]
    for directive in ("script-src", "style-src"):
        assert "'unsafe-inline'" not in csp[directive]
        assert "'unsafe-eval'" not in csp[directive]
        assert not any(source.startswith("'nonce-") for source in csp[directive])
    assert "script-src-elem" not in csp
    assert "style-src-elem" not in csp
    assert csp["object-src"] == ["'none'"]
    assert csp["base-uri"] == ["'self'"]
    assert csp["frame-ancestors"] == ["'self'"]
    assert csp["form-action"] == ["'self'"]
    assert csp["connect-src"] == ["'self'"]
    assert csp["img-src"] == ["'self'", "data:"]
    assert csp["report-uri"] == [reverse("csp-report")]
    assert csp["report-to"] == ["csp"]
    assert response["Reporting-Endpoints"] == f'csp="{reverse("csp-report")}"'
    permissions = response["Permissions-Policy"]
    for feature in ("camera", "microphone", "geolocation", "payment", "usb", "browsing-topics"):
        assert f"{feature}=()" in permissions


@pytest.fixture
def showcase(section):
    return ArticlePageFactory(
        parent=section,
        body=[("paragraph", "<p>Absatz</p>"), ("gallery", GalleryFactory(images=3))],
    )


# ------------------------------------------------------------------ headers


def test_reader_article_has_the_strict_policy(client, showcase):
    response = client.get(showcase.url)
    assert response.status_code == 200
    assert response["X-Kiosk-Cache"] == "miss"
    assert_strict(response)


def test_page_cache_hit_has_the_policy_of_todays_settings(client, showcase):
    client.get(showcase.url)
    hit = client.get(showcase.url)
    assert hit["X-Kiosk-Cache"] == "hit"
    assert_strict(hit)
    # The header is added outside the cache, never stored with the page.
    changed = {**settings.CONTENT_SECURITY_POLICY}
    changed["DIRECTIVES"] = {**changed["DIRECTIVES"], "img-src": ["'self'"]}
    with override_settings(CONTENT_SECURITY_POLICY=changed):
        again = client.get(showcase.url)
    assert again["X-Kiosk-Cache"] == "hit"
    assert policy(again)["img-src"] == ["'self'"]


def test_reader_pages_carry_no_inline_script_style_or_handler(client, showcase):
    CommentFactory(article=showcase)
    html = client.get(showcase.url).content.decode()
    assert_no_inline_code(html)


def assert_no_inline_code(html: str) -> None:
    for tag in re.findall(r"<script\b[^>]*>", html):
        assert " src=" in tag or 'type="application/ld+json"' in tag or 'type="application/json"' in tag, tag
    assert not re.search(r"<style\b", html)
    assert not re.search(r"\sstyle=", html)
    assert not re.search(r"\son[a-z]+=", html)
    assert "javascript:" not in html


def test_no_template_has_inline_script_style_or_handler():
    for path in TEMPLATES.rglob("*.html"):
        source = path.read_text()
        assert not re.search(r"\sstyle=", source), path
        assert not re.search(r"<style\b", source), path
        assert not re.search(r"\son[a-z]+=\"", source), path
        assert "javascript:" not in source, path
        for tag in re.findall(r"<script\b[^>]*>", source):
            assert " src=" in tag or "application/ld+json" in tag, (path, tag)


def test_kiosk_js_builds_no_code_from_strings():
    source = (Path(settings.BASE_DIR) / "kiosk" / "static" / "kiosk" / "js" / "kiosk.js").read_text()
    for forbidden in (
        "eval(",
        "new Function",
        "javascript:",
        '.setAttribute("style"',
        'setTimeout("',
        "document.write",
    ):
        assert forbidden not in source


def test_api_404_and_reports_have_the_policy(client, article):
    for path in (
        f"/api/articles/{article.pk}/comments",
        "/api/session",
        "/gibt-es-nicht/",
        "/api/gibt-es-nicht",
    ):
        response = client.get(path)
        assert "Content-Security-Policy" in response, path
        assert_strict(response)
    assert client.get("/gibt-es-nicht/").status_code == 404


def test_api_docs_work_under_the_strict_policy(client):
    response = client.get("/api/docs")
    assert response.status_code == 200
    assert_strict(response)
    html = response.content.decode()
    assert_no_inline_code(html)
    assert 'id="swagger-settings"' in html
    assert "ninja/swagger-ui-init.js" in html


def test_admin_gets_only_its_allowances(client, moderator, article):
    client.force_login(moderator)
    for path in ("/admin/", "/admin/moderation/", f"/admin/pages/{article.pk}/edit/"):
        response = client.get(path)
        assert response.status_code == 200, path
        csp = policy(response)
        assert csp["script-src"] == ["'self'", "'report-sample'", "'unsafe-inline'"]
        assert csp["style-src-elem"] == ["'self'", "'unsafe-inline'"]
        # Inline style attributes stay blocked; everything else is as strict as for readers.
        assert csp["style-src"] == ["'self'", "'report-sample'"]
        for directive in (
            "default-src",
            "object-src",
            "base-uri",
            "frame-ancestors",
            "form-action",
            "img-src",
        ):
            assert csp[directive] == policy(client.get("/api/session"))[directive]
    # The same staff member reading the site gets the readers' policy.
    assert_strict(client.get(article.url))


def test_admin_comment_queue_has_no_inline_styles(client, moderator, article):
    CommentFactory(article=article)
    client.force_login(moderator)
    html = client.get("/admin/moderation/").content.decode()
    assert "kiosk/css/comment-queue" in html
    start = html.index('class="w-tabs__list kiosk-queue-tabs"')
    assert not re.search(r"\sstyle=", html[start:])


def test_admin_makes_no_request_to_other_hosts(client, moderator):
    client.force_login(moderator)
    html = client.get("/admin/").content.decode()
    assert "gravatar.com" not in html
    assert settings.WAGTAIL_ENABLE_UPDATE_CHECK is False


# --------------------------------------------------------------- embeds


def test_a_player_from_an_allowed_host_is_framed_bare():
    player = embed_player(
        f'<div style="padding-bottom: 56%" class="responsive-object">{YOUTUBE_PLAYER}</div>'
    )
    assert player.startswith('<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ?feature=oembed"')
    assert "style=" not in player
    assert 'title="Ein Video"' in player
    assert 'allow="fullscreen; picture-in-picture; encrypted-media"' in player
    assert "https://www.youtube.com" in policy_of_settings()["frame-src"]


def policy_of_settings() -> dict:
    return settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]


@pytest.mark.parametrize(
    "html",
    [
        TWEET,
        '<iframe src="https://player.example.net/v/1"></iframe>',
        '<iframe src="http://www.youtube.com/embed/x"></iframe>',
        '<iframe src="https://www.youtube.com.evil.example/embed/x"></iframe>',
        '<iframe src="javascript:alert(1)"></iframe>',
        '<iframe src="https://[broken/"></iframe>',
        YOUTUBE_PLAYER + YOUTUBE_PLAYER,
        YOUTUBE_PLAYER + '<img src="https://tracker.example/p.gif">',
        '<img src="https://live.staticflickr.com/x.jpg">',
        "",
    ],
)
def test_anything_else_is_only_a_link_to_its_source(html):
    assert embed_player(html) == ""


def embed_block_html(url: str, html: str) -> str:
    Embed.objects.create(url=url, hash=get_embed_hash(url), type="video", html=html)
    return str(PrivacyEmbedBlock().render(EmbedValue(url)))


def test_embed_block_loads_an_allowed_player_on_click():
    rendered = embed_block_html(YOUTUBE, YOUTUBE_PLAYER)
    assert "<template data-embed-html><iframe " in rendered
    assert "data-embed-load" in rendered
    assert f'href="{YOUTUBE}"' in rendered
    assert "style=" not in rendered


def test_embed_block_of_a_scripted_embed_links_to_the_source():
    url = "https://twitter.com/kiosk/status/1"
    rendered = embed_block_html(url, TWEET)
    assert "<template" not in rendered
    assert "data-embed-load" not in rendered
    assert "<script" not in rendered
    assert f'href="{url}"' in rendered


# -------------------------------------------------------------- reports

REPORT = {
    "csp-report": {
        "document-uri": "https://news.example/konto/password/reset/?token=geheim",
        "referrer": "",
        "violated-directive": "script-src-elem",
        "effective-directive": "script-src-elem",
        "original-policy": "default-src 'self'",
        "disposition": "enforce",
        "blocked-uri": "inline",
        "line-number": 12,
        "source-file": "https://news.example/static/x.js?v=1",
        "script-sample": "alert(1)\nFAKE LOG LINE",
        "status-code": 200,
    }
}
REPORTING_API = [
    {
        "type": "csp-violation",
        "age": 10,
        "url": "https://news.example/",
        "user_agent": "Chrome",
        "body": {
            "documentURL": "https://news.example/wissen/",
            "effectiveDirective": "img-src",
            "blockedURL": "https://tracker.example/p.gif",
            "disposition": "enforce",
            "lineNumber": 3,
            "sample": "",
        },
    },
    {"type": "deprecation", "body": {"message": "not ours"}},
]


@pytest.fixture
def reports(caplog):
    caplog.set_level(logging.INFO, logger="kiosk.security")

    def logged() -> list[str]:
        return [r.getMessage() for r in caplog.records if r.name == "kiosk.security"]

    return logged


def post_report(client, body, content_type="application/csp-report", **extra):
    data = body if isinstance(body, bytes | str) else json.dumps(body)
    return client.post(reverse("csp-report"), data=data, content_type=content_type, **extra)


def test_report_endpoint_is_where_the_policy_sends_reports():
    assert reverse("csp-report") == "/csp-report/" == settings.KIOSK_CSP_REPORT_URL


def test_a_report_is_logged_in_one_line_without_query_strings(reports):
    client = Client(enforce_csrf_checks=True)  # browsers send no CSRF token
    response = post_report(client, REPORT)
    assert response.status_code == 204
    [line] = reports()
    assert "\n" not in line
    logged = json.loads(line.removeprefix("csp violation "))
    assert logged == {
        "document": "https://news.example/konto/password/reset/",
        "directive": "script-src-elem",
        "blocked": "inline",
        "source": "https://news.example/static/x.js",
        "line": "12",
        "sample": "alert(1)\nFAKE LOG LINE",
        "disposition": "enforce",
    }


def test_reporting_api_batches_log_their_csp_violations(client, reports):
    response = post_report(client, REPORTING_API, content_type="application/reports+json")
    assert response.status_code == 204
    [line] = reports()
    assert '"directive": "img-src"' in line
    assert '"blocked": "https://tracker.example/p.gif"' in line


def test_long_fields_and_long_batches_are_cut(client, reports):
    batch = [{"type": "csp-violation", "body": {"blockedURL": "x" * 500}}] * 40
    assert post_report(client, batch[:12], content_type="application/reports+json").status_code == 204
    lines = reports()
    assert len(lines) == 10
    assert all(len(line) < 300 for line in lines)


@pytest.mark.parametrize(
    ("body", "content_type", "status"),
    [
        ("not json", "application/csp-report", 400),
        (b"\xff\xfe\x00", "application/csp-report", 400),
        ("[1, 2]", "application/csp-report", 400),
        ('{"csp-report": "x"}', "application/csp-report", 400),
        ('{"csp-report": {"blocked-uri": "inline"}}', "application/json", 415),
        ('{"csp-report": {}}', "text/plain", 415),
        ('{"a": 1}', "application/reports+json", 400),
        ("[" * 5000, "application/reports+json", 400),
        ("[" * 4000 + "]" * 4000, "application/reports+json", 400),
    ],
)
def test_garbage_gets_a_clear_4xx_and_no_log_line(client, reports, body, content_type, status):
    assert post_report(client, body, content_type=content_type).status_code == status
    assert reports() == []


def test_oversized_reports_are_refused_unread(client, reports):
    big = {"csp-report": {"script-sample": "x" * 10_000}}
    assert post_report(client, big).status_code == 413
    assert post_report(client, REPORT, CONTENT_LENGTH="999999").status_code == 413
    assert post_report(client, REPORT, CONTENT_LENGTH="viel").status_code == 400
    assert reports() == []


def test_only_posts(client):
    assert client.get(reverse("csp-report")).status_code == 405


@override_settings(KIOSK_RATE_LIMITS={**settings.KIOSK_RATE_LIMITS, "csp_report": {"ip": "3/60"}})
def test_reports_beyond_the_limit_are_answered_but_not_logged(client, reports):
    statuses = [post_report(client, REPORT).status_code for _ in range(5)]
    assert statuses == [204] * 5
    assert len(reports()) == 3
    # Another address still gets through.
    assert post_report(client, REPORT, REMOTE_ADDR="198.51.100.7").status_code == 204
    assert len(reports()) == 4
