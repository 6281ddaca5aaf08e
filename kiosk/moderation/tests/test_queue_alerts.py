"""Queue alerts: subscribed moderators get one e-mail when the queue needs them, at most every quarter hour."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from kiosk.comments.tests.factories import CommenterFactory, CommentFactory
from kiosk.moderation import selectors, services, tasks
from kiosk.moderation.models import QueueAlert

pytestmark = pytest.mark.django_db


@pytest.fixture
def long_queue(settings, article):
    settings.KIOSK_QUEUE_ALERT_PENDING = 3
    for _ in range(3):
        CommentFactory(article=article, author=CommenterFactory(), status="pending")


def test_a_subscribed_moderator_is_mailed_once_a_quarter_hour(
    long_queue, moderator, reader, django_capture_on_commit_callbacks
):
    services.queue_alert_set(moderator=moderator, wanted=True)
    services.queue_alert_set(moderator=moderator, wanted=True)  # twice changes nothing
    QueueAlert.objects.create(moderator=reader, since=timezone.now())  # no moderator (any more): no mail
    with django_capture_on_commit_callbacks(execute=True):
        assert tasks.queue_alert_send(now=timezone.now()) == 1
        assert tasks.queue_alert_send(now=timezone.now() + timedelta(minutes=1)) == 0
    [alert] = mail.outbox
    assert alert.to == [moderator.email]
    assert "3" in alert.subject
    assert "/admin/moderation/" in alert.body


def test_a_short_queue_or_no_subscriber_sends_nothing(settings, article, moderator):
    settings.KIOSK_QUEUE_ALERT_PENDING = 3
    CommentFactory(article=article, author=CommenterFactory(), status="pending")
    services.queue_alert_set(moderator=moderator, wanted=True)
    assert tasks.queue_alert_send(now=timezone.now()) == 0
    services.queue_alert_set(moderator=moderator, wanted=False)
    cache.delete(selectors.QUEUE_STATE_KEY)
    assert tasks.queue_alert_send(now=timezone.now()) == 0
    assert mail.outbox == []


def test_moderators_switch_their_alerts_in_the_admin(client, moderator, reader):
    client.force_login(moderator)
    url = reverse("moderation_admin:queue_alerts")
    assert client.get(url).status_code == 200
    client.post(url, {"alerts": "on"})
    assert QueueAlert.objects.filter(moderator=moderator).exists()
    client.post(url, {"alerts": "off"})
    assert not QueueAlert.objects.exists()
    client.force_login(reader)
    assert client.post(url, {"alerts": "on"}).status_code == 403
    assert not QueueAlert.objects.exists()
