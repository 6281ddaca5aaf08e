"""Rate limits count the reader behind the proxy, not the proxy (issue 7, defect 4)."""

import pytest
from django.test import RequestFactory, override_settings
from django.urls import reverse

from kiosk.security.clientip import client_ip, rate_limit_bucket

rf = RequestFactory()


def request(remote="10.0.0.1", forwarded=None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return rf.get("/", **extra)


def test_without_trusted_proxies_the_header_is_ignored():
    assert client_ip(request(forwarded="198.51.100.9")) == "10.0.0.1"


@override_settings(KIOSK_TRUSTED_PROXY_COUNT=1)
def test_behind_one_proxy_the_last_entry_is_the_reader():
    assert client_ip(request(forwarded="198.51.100.9")) == "198.51.100.9"
    # Whatever the client put in front is not believed.
    assert client_ip(request(forwarded="1.2.3.4, 198.51.100.9")) == "198.51.100.9"
    assert client_ip(request()) == "10.0.0.1"  # straight to the app server


@override_settings(KIOSK_TRUSTED_PROXY_COUNT=2)
def test_behind_two_proxies_the_second_from_the_right():
    assert client_ip(request(forwarded="6.6.6.6, 198.51.100.9, 10.0.0.2")) == "198.51.100.9"
    assert client_ip(request(forwarded="198.51.100.9")) == "198.51.100.9"  # fewer hops than proxies


@override_settings(KIOSK_TRUSTED_PROXY_COUNT=1)
@pytest.mark.parametrize("junk", ["", " , ", "not-an-ip", "999.1.1.1", "\x00"])
def test_garbage_in_the_header_falls_back_to_the_peer(junk):
    assert client_ip(request(forwarded=junk)) == "10.0.0.1"


def test_ipv6_readers_share_their_64():
    assert rate_limit_bucket("2001:db8:1:2:aaaa::1") == rate_limit_bucket("2001:db8:1:2:ffff::9")
    assert rate_limit_bucket("2001:db8:1:3::1") != rate_limit_bucket("2001:db8:1:2::1")
    assert rate_limit_bucket("198.51.100.9") == "198.51.100.9"


@override_settings(KIOSK_TRUSTED_PROXY_COUNT=1)
def test_allauth_asks_the_same_function():
    from allauth.account.adapter import get_adapter

    assert get_adapter().get_client_ip(request(forwarded="198.51.100.9")) == "198.51.100.9"


@pytest.mark.django_db
@override_settings(
    KIOSK_TRUSTED_PROXY_COUNT=1,
    KIOSK_RATE_LIMITS={"comment": {"ip": "2/60"}, "like": {}, "report": {}, "login_failed": {}},
)
def test_two_readers_behind_the_proxy_have_their_own_buckets(client, article, reader, other_reader):
    from django.test import Client

    for who, ip in ((reader, "198.51.100.1"), (other_reader, "198.51.100.2")):
        browser = Client(REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=ip)
        browser.force_login(who)
        url = reverse("comments:post", args=[article.pk])
        answers = [browser.post(url, {"text": f"Gedanke {n} von {ip}"}).status_code for n in range(3)]
        assert answers == [302, 302, 429]
