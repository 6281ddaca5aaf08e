"""The desk's queue: tabs and filters, rows with the author's record, decisions alone and in bulk, features, notes."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone

from kiosk.comments import services as comment_services
from kiosk.comments.models import Comment, HouseRule, Report
from kiosk.comments.tests.factories import CommenterFactory, CommentFactory, ReportFactory
from kiosk.moderation import services
from kiosk.moderation.marks import highlighted
from kiosk.moderation.models import AuditEntry, AuthorNote

pytestmark = pytest.mark.django_db

QUEUE = reverse("moderation_admin:queue")
DESK = {"HTTP_X_KIOSK_DESK": "1"}


def pending(article, author=None, **fields):
    return CommentFactory(
        article=article, author=author or CommenterFactory(), status=Comment.Status.PENDING, **fields
    )


# --------------------------------------------------------------- who may


def test_readers_and_editors_without_the_moderation_permission_get_nothing(client, article, reader):
    comment = pending(article)
    client.force_login(reader)
    assert client.get(QUEUE).status_code == 403
    editor = CommenterFactory(is_staff=True)
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    for response in (
        client.get(QUEUE),
        client.post(reverse("moderation_admin:approve", args=[comment.pk])),
        client.post(reverse("moderation_admin:reject", args=[comment.pk]), {"reason": "spam"}),
        client.post(reverse("moderation_admin:feature", args=[comment.pk])),
        client.post(reverse("moderation_admin:bulk"), {"action": "approve", "comment": [comment.pk]}),
        client.post(reverse("moderation_admin:author_note", args=[comment.author_id]), {"text": "x"}),
    ):
        assert (response.status_code, response["Location"]) == (302, "/admin/")
    comment.refresh_from_db()
    assert comment.is_pending
    client.logout()
    assert client.get(QUEUE).status_code == 302  # to the login


def test_the_old_address_leads_to_the_queue(client, moderator):
    client.force_login(moderator)
    response = client.get("/admin/comments/?tab=rejected")
    assert (response.status_code, response["Location"]) == (302, QUEUE + "?tab=rejected")


# --------------------------------------------------------------- the page


def test_a_row_shows_the_author_record_reports_and_the_words_that_held_it(client, article, moderator):
    author = CommenterFactory(display_name="Hansjörg Streng", username="hansjoerg")
    for _ in range(3):
        CommentFactory(article=article, author=author, status=Comment.Status.PUBLISHED)
    CommentFactory(article=article, author=author, status=Comment.Status.REJECTED, rejection_reason="insult")
    services.reader_block(
        reader=author, moderator=moderator, reason="Abkühlen", until=timezone.now() + timedelta(days=1)
    )
    services.author_note_set(author=author, moderator=moderator, text="Zweimal verwarnt")
    comment = pending(
        article,
        author,
        text="Du <b>Trottel</b>!",
        review_notes=[
            {
                "code": "suspect_words",
                "message": "Verdächtige Wörter",
                "marks": [{"start": 6, "end": 13, "label": "trottel*"}],
            }
        ],
    )
    client.force_login(moderator)
    page = client.get(QUEUE).content.decode()
    assert f'id="desk-{comment.pk}"' in page
    assert "Hansjörg Streng" in page
    assert "(hansjoerg)" in page
    assert "3 genehmigt, 1 abgelehnt" in page
    assert "gesperrt bis" in page
    assert "Zweimal verwarnt" in page
    assert '<mark title="trottel*">Trottel</mark>' in page
    assert "&lt;b&gt;" in page  # the reader's markup shown as text, never as HTML
    assert "«trottel*»" in page


def test_reported_comments_show_each_reason_with_how_many_readers_gave_it(client, article, moderator):
    comment = CommentFactory(article=article)
    for reason in ("insult", "insult", "spam"):
        comment_services.comment_report(comment=comment, reporter=CommenterFactory(), reason=reason)
    client.force_login(moderator)
    page = client.get(QUEUE, {"tab": "reported"}).content.decode()
    assert f'id="desk-{comment.pk}"' in page
    assert "Beleidigung oder Hass (2), Spam oder Werbung (1)" in page
    assert 'data-count="reported">1<' in page


def test_the_queue_costs_the_same_queries_with_ten_thousand_waiting(
    client, article, moderator, django_assert_num_queries
):
    client.force_login(moderator)
    authors = CommenterFactory.create_batch(5)
    now = timezone.now()

    def fill(count):
        Comment.objects.bulk_create(
            Comment(
                article=article,
                author=authors[i % 5],
                text=f"Wartet {i}",
                html=f"<p>Wartet {i}</p>",
                created_at=now - timedelta(minutes=i),
                status=Comment.Status.PENDING,
                risk=i % 50,
                open_reports=0,
            )
            for i in range(count)
        )

    fill(30)
    client.get(QUEUE)
    with django_assert_num_queries(18) as few:
        assert client.get(QUEUE).status_code == 200
    fill(10_000 - 30)
    with django_assert_num_queries(len(few.captured_queries)):
        page = client.get(QUEUE)
    assert 'data-count="pending">10000<' in page.content.decode()


def test_risk_comes_first_and_oldest_first_on_request(client, article, moderator):
    now = timezone.now()
    old = pending(article, created_at=now - timedelta(hours=3), text="Alt und harmlos")
    risky = pending(article, created_at=now - timedelta(hours=1), text="Neu und riskant")
    Comment.objects.filter(pk=risky.pk).update(risk=40)
    client.force_login(moderator)
    by_risk = client.get(QUEUE).content.decode()
    assert by_risk.index(f"desk-{risky.pk}") < by_risk.index(f"desk-{old.pk}")
    oldest = client.get(QUEUE, {"order": "oldest"}).content.decode()
    assert oldest.index(f"desk-{old.pk}") < oldest.index(f"desk-{risky.pk}")


def test_filters_narrow_the_rows_and_the_counts(client, article, closed_article, moderator):
    here = pending(article, text="Über den Föhn")
    there = pending(closed_article, text="Über den Regen")
    client.force_login(moderator)
    page = client.get(QUEUE, {"q": "föhn"}).content.decode()
    assert f"desk-{here.pk}" in page
    assert f"desk-{there.pk}" not in page
    assert 'data-count="pending">1<' in page
    page = client.get(QUEUE, {"article": closed_article.pk}).content.decode()
    assert f"desk-{there.pk}" in page
    assert f"desk-{here.pk}" not in page
    page = client.get(QUEUE, {"who": here.author.get_username()}).content.decode()
    assert f"desk-{here.pk}" in page
    assert f"desk-{there.pk}" not in page
    page = client.get(QUEUE, {"author": here.author_id}).content.decode()
    assert f"desk-{here.pk}" in page
    assert f"desk-{there.pk}" not in page


@pytest.mark.parametrize(
    "query",
    [{"tab": "everything"}, {"order": "random"}, {"article": "x"}, {"section": "999999"}, {"q": "x" * 300}],
)
def test_filters_that_make_no_sense_are_a_clear_400(client, moderator, query):
    client.force_login(moderator)
    response = client.get(QUEUE, query)
    assert response.status_code == 400
    assert "nicht gültig" in response.content.decode()


def test_the_rows_alone_for_the_script(client, article, moderator):
    comment = pending(article)
    client.force_login(moderator)
    rows = client.get(QUEUE, {"rows": "1"}).content.decode()
    assert f'id="desk-{comment.pk}"' in rows
    assert "<html" not in rows


# --------------------------------------------------------------- decisions


def test_approve_and_reject_answer_the_script_with_a_status_and_a_text(client, article, moderator):
    good, bad = pending(article), pending(article)
    client.force_login(moderator)
    response = client.post(reverse("moderation_admin:approve", args=[good.pk]), **DESK)
    assert response.status_code == 200
    assert "veröffentlicht" in response.content.decode()
    response = client.post(reverse("moderation_admin:reject", args=[bad.pk]), {"reason": "nonsense"}, **DESK)
    assert response.status_code == 400
    assert "Grund" in response.content.decode()
    response = client.post(reverse("moderation_admin:reject", args=[bad.pk]), {"reason": "other"}, **DESK)
    assert response.status_code == 400  # this rule needs a note
    response = client.post(
        reverse("moderation_admin:reject", args=[bad.pk]),
        {"reason": "insult", "note": "Bitte sachlich"},
        **DESK,
    )
    assert response.status_code == 200
    good.refresh_from_db()
    bad.refresh_from_db()
    assert good.is_published
    assert good.moderated_by == moderator
    assert bad.is_rejected
    assert bad.rejection_reason == "insult"
    assert bad.rejection_note == "Bitte sachlich"
    assert bad.rejection_text == HouseRule.objects.get(code="insult").text
    actions = list(AuditEntry.objects.order_by("pk").values_list("action", flat=True))
    assert actions == [AuditEntry.Action.COMMENT_APPROVED, AuditEntry.Action.COMMENT_REJECTED]


def test_a_comment_deleted_by_its_author_meanwhile_is_a_409(client, article, moderator):
    comment = pending(article)
    comment_services.comment_withdraw(comment=comment, author=comment.author)
    client.force_login(moderator)
    assert client.post(reverse("moderation_admin:approve", args=[comment.pk]), **DESK).status_code == 409
    assert not AuditEntry.objects.exists()


def test_a_rule_reworded_later_leaves_the_authors_reason_as_it_was(article, moderator):
    comment = pending(article)
    services.decision_reject(comment=comment, moderator=moderator, reason="spam")
    HouseRule.objects.filter(code="spam").update(text="Neu formuliert")
    comment.refresh_from_db()
    assert comment.rejection_reason_text != "Neu formuliert"


def test_a_retired_rule_can_no_longer_be_given(article, moderator):
    HouseRule.objects.filter(code="spam").update(active=False)
    with pytest.raises(comment_services.CommentError):
        services.decision_reject(comment=pending(article), moderator=moderator, reason="spam")


def test_keeping_a_reported_comment_dismisses_its_reports_and_rejecting_upholds_them(article, moderator):
    kept, gone = CommentFactory(article=article), CommentFactory(article=article)
    reporter = CommenterFactory()
    for comment in (kept, gone):
        comment_services.comment_report(comment=comment, reporter=reporter, reason="insult")
    services.decision_approve(comment=kept, moderator=moderator)
    services.decision_reject(comment=gone, moderator=moderator, reason="insult")
    assert dict(Report.objects.values_list("comment_id", "upheld")) == {kept.pk: False, gone.pk: True}
    kept.refresh_from_db()
    assert (kept.open_reports, kept.is_published) == (0, True)


def test_bulk_decides_the_ticked_or_the_filtered_and_refuses_too_many(
    client, article, closed_article, moderator, settings
):
    ticked = [pending(article) for _ in range(2)]
    other = pending(closed_article)
    client.force_login(moderator)
    response = client.post(
        reverse("moderation_admin:bulk"), {"action": "approve", "comment": [c.pk for c in ticked]}, **DESK
    )
    assert response.status_code == 200
    assert "2 Kommentare veröffentlicht" in response.content.decode()
    filtered = [pending(closed_article) for _ in range(2)]
    response = client.post(
        reverse("moderation_admin:bulk"),
        {
            "action": "reject",
            "reason": "spam",
            "scope": "filtered",
            "article": closed_article.pk,
            "tab": "pending",
        },
        **DESK,
    )
    assert response.status_code == 200
    assert Comment.objects.filter(status=Comment.Status.REJECTED).count() == 3  # other and the two filtered
    assert set(Comment.objects.filter(status=Comment.Status.REJECTED).values_list("pk", flat=True)) == {
        other.pk,
        *(c.pk for c in filtered),
    }
    assert client.post(reverse("moderation_admin:bulk"), {"action": "delete"}, **DESK).status_code == 400
    assert client.post(reverse("moderation_admin:bulk"), {"action": "approve"}, **DESK).status_code == 400
    assert (
        client.post(
            reverse("moderation_admin:bulk"), {"action": "reject", "comment": [ticked[0].pk]}, **DESK
        ).status_code
        == 400
    )


def test_bulk_takes_at_most_its_limit(article, moderator, monkeypatch):
    monkeypatch.setattr(services, "BULK_MAX", 2)
    for _ in range(3):
        pending(article)
    with pytest.raises(services.ModerationError):
        services.decisions_bulk(comments=Comment.objects.pending(), moderator=moderator, approve=True)
    assert Comment.objects.pending().count() == 3


def test_a_featured_comment_comes_first_in_the_top_comments(client, article, moderator):
    CommentFactory(article=article, like_count=9, text="Viel gemocht")
    chosen = CommentFactory(article=article, like_count=0, text="Von der Redaktion gewählt")
    client.force_login(moderator)
    assert (
        client.post(
            reverse("moderation_admin:feature", args=[chosen.pk]), {"featured": "1"}, **DESK
        ).status_code
        == 200
    )
    client.logout()
    page = client.get(article.url).content.decode()
    top = page[page.index("comments__top") :]
    assert top.index("Von der Redaktion gewählt") < top.index("Viel gemocht")
    assert AuditEntry.objects.filter(action=AuditEntry.Action.COMMENT_FEATURED).count() == 1
    waiting = pending(article)
    with pytest.raises(comment_services.CommentError):
        services.comment_feature_set(comment=waiting, moderator=moderator, featured=True)


def test_a_note_on_an_author_is_saved_replaced_and_removed_with_its_log(client, article, moderator):
    author = CommenterFactory()
    url = reverse("moderation_admin:author_note", args=[author.pk])
    client.force_login(moderator)
    assert client.post(url, {"text": "Erste Warnung"}, **DESK).status_code == 200
    assert client.post(url, {"text": "Zweite Warnung"}, **DESK).status_code == 200
    assert AuthorNote.objects.get().text == "Zweite Warnung"
    assert client.post(url, {"text": "x" * 1001}, **DESK).status_code == 400
    assert client.post(url, {"text": ""}, **DESK).status_code == 200
    assert not AuthorNote.objects.exists()
    assert AuditEntry.objects.filter(action=AuditEntry.Action.AUTHOR_NOTED).count() == 3


def test_house_rules_are_edited_in_the_admin_and_logged(client, moderator):
    client.force_login(moderator)
    response = client.post(
        reverse("house_rules:add"),
        {
            "title": "Persönliche Daten",
            "text": "Er nennt private Daten anderer.",
            "code": "private",
            "position": 7,
            "active": "on",
        },
    )
    assert response.status_code == 302
    assert HouseRule.objects.filter(code="private", active=True).exists()
    assert AuditEntry.objects.filter(action=AuditEntry.Action.HOUSE_RULES_CHANGED).count() == 1


# --------------------------------------------------------------- pieces


def test_marks_are_escaped_and_those_that_do_not_fit_are_left_out():
    text = "a <b> c"
    assert (
        highlighted(text, [{"start": 2, "end": 5, "label": '"x"'}])
        == 'a <mark title="&quot;x&quot;">&lt;b&gt;</mark> c'
    )
    assert (
        highlighted(text, [{"start": 5, "end": 99, "label": ""}, {"start": "1", "end": 2}]) == "a &lt;b&gt; c"
    )
    assert highlighted("a\nb", []) == "a<br>b"


def test_reports_and_decisions_move_a_comment_in_the_queue(article, moderator):
    author = CommenterFactory()
    author.date_joined = timezone.now() - timedelta(days=400)
    author.save()
    waiting = pending(article, author)
    comment_services.comments_rescore(comments=Comment.objects.filter(pk=waiting.pk))
    waiting.refresh_from_db()
    assert waiting.risk == 0
    for _ in range(3):
        services.decision_reject(comment=pending(article, author), moderator=moderator, reason="spam")
    waiting.refresh_from_db()
    assert waiting.risk == 25  # every decided comment of theirs rejected
    reported = CommentFactory(article=article, author=author)
    ReportFactory(comment=reported)
    Comment.objects.filter(pk=reported.pk).update(open_reports=1)
    comment_services.comments_rescore(comments=Comment.objects.filter(pk=reported.pk))
    reported.refresh_from_db()
    assert reported.risk == 25 + 15


def test_a_new_comment_reads_its_authors_record_in_its_own_insert(
    article, moderator, django_assert_num_queries
):
    author = CommenterFactory()
    author.date_joined = timezone.now() - timedelta(days=400)
    author.save()
    for rule in ("spam", "insult"):
        services.decision_reject(comment=pending(article, author), moderator=moderator, reason=rule)
    services.decision_approve(comment=pending(article, author), moderator=moderator)
    comment = comment_services.comment_submit(article=article, author=author, text="Noch einmal, ganz ruhig.")
    comment.refresh_from_db()
    assert comment.risk == 17  # two of three decided comments rejected: 25 × 2/3, rounded
    newcomer = CommenterFactory()  # joined just now: 15 for the new account, no record
    fresh = comment_services.comment_submit(article=article, author=newcomer, text="Mein erster Kommentar.")
    fresh.refresh_from_db()
    assert fresh.risk == 15


def test_the_log_still_names_a_blocked_reader_after_they_deleted_their_account(client, article, moderator):
    from kiosk.accounts.services import account_delete

    blocked = CommenterFactory(username="weg-damit")
    services.reader_block(reader=blocked, moderator=moderator, reason="Hetze")
    services.decision_reject(comment=pending(article, blocked), moderator=moderator, reason="insult")
    account_delete(user=blocked, keep_comments=False)
    client.force_login(moderator)
    log = client.get(reverse("moderation_admin:audit_log")).content.decode()
    assert log.count("weg-damit") == 2  # the block and the decision


def test_an_editor_without_the_moderation_group_sees_no_waiting_comment_in_the_api(client, article):
    comment = pending(article, text="Nur für die Moderation")
    editor = CommenterFactory(is_staff=True)
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    assert client.get(f"/api/comments/{comment.pk}").status_code == 404
    assert "Nur für die Moderation" not in client.get(f"/api/articles/{article.pk}/comments").content.decode()
