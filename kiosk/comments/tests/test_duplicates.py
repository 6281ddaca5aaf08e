"""The same comment sent again is stored once; the others hear "already posted" (issue 7, defect 8)."""

from datetime import timedelta

import pytest
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from kiosk.comments import services
from kiosk.comments.models import Comment
from kiosk.news.tests.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db


def test_the_same_text_again_is_refused_with_409(article, reader):
    services.comment_submit(article=article, author=reader, text="Ein Gedanke")
    with pytest.raises(services.CommentError) as refused:
        services.comment_submit(article=article, author=reader, text="  Ein Gedanke \r\n")
    assert (refused.value.code, refused.value.status) == ("duplicate", 409)
    assert Comment.objects.count() == 1


def test_others_on_other_articles_and_later_are_fine(article, section, reader, other_reader):
    now = timezone.now()
    services.comment_submit(article=article, author=reader, text="Ein Gedanke", now=now)
    services.comment_submit(article=article, author=other_reader, text="Ein Gedanke", now=now)
    other = ArticlePageFactory(parent=section, published_at=now - timedelta(hours=1))
    services.comment_submit(article=other, author=reader, text="Ein Gedanke", now=now)
    services.comment_submit(article=article, author=reader, text="Ein Gedanke", now=now + timedelta(hours=2))
    assert Comment.objects.count() == 4


def test_after_deleting_it_the_reader_may_post_it_again(article, reader):
    first = services.comment_submit(article=article, author=reader, text="Ein Gedanke")
    services.comment_withdraw(comment=first, author=reader)
    services.comment_submit(article=article, author=reader, text="Ein Gedanke")
    assert Comment.objects.filter(status=Comment.Status.PENDING).count() == 1


def test_an_edited_comment_no_longer_blocks_its_first_text(article, reader):
    first = services.comment_submit(article=article, author=reader, text="Ein Gedanke")
    services.comment_edit(comment=first, author=reader, text="Ein besserer Gedanke")
    services.comment_submit(article=article, author=reader, text="Ein Gedanke")
    assert Comment.objects.count() == 2


def test_inside_a_transaction_a_refused_repeat_leaves_it_usable(article, reader):
    services.comment_submit(article=article, author=reader, text="Ein Gedanke")
    with transaction.atomic():
        with pytest.raises(services.CommentError):
            services.comment_submit(article=article, author=reader, text="Ein Gedanke")
        assert Comment.objects.count() == 1  # the transaction still answers


def test_every_path_answers_already_posted(client, article, reader):
    client.force_login(reader)
    url = reverse("comments:post", args=[article.pk])
    assert client.post(url, {"text": "Doppelt"}).status_code == 302
    form = client.post(url, {"text": "Doppelt"})
    assert form.status_code == 409
    assert "Doppelt" in form.content.decode()  # the form comes back with the text
    api = client.post(
        f"/api/articles/{article.pk}/comments", {"text": "Doppelt"}, content_type="application/json"
    )
    assert (api.status_code, api.json()["code"]) == (409, "duplicate")
    assert Comment.objects.count() == 1
