"""Background work on articles: scheduled publishing and rendition warm-up."""

from __future__ import annotations

import logging
from datetime import datetime

import swapper
from django.apps import apps
from django.db import transaction
from django.utils import timezone
from django_tasks import task
from wagtail.models import DraftStateMixin, Revision

from kiosk.images.renditions import create_renditions

from .models import ArticlePage

logger = logging.getLogger(__name__)


@task()
def publish_scheduled() -> dict[str, int]:
    """Every minute (the clock): what Wagtail's ``manage.py publish_scheduled`` does, safe to run twice."""
    return publish_due(now=timezone.now())


def publish_due(*, now: datetime) -> dict[str, int]:
    """Unpublish what has expired and publish the revisions approved to go live by ``now``.

    As Wagtail's command, one object at a time, but each is locked and looked
    at again inside its own transaction: a second run at the same moment (two
    clocks, a backlog) finds it done and leaves it alone, so no page is
    published twice. SQLite has no row locks; its write lock, taken at the
    start of every transaction (``transaction_mode`` IMMEDIATE), serialises
    the runs instead. One object that cannot be published does not hold up
    the others; the task fails afterwards, so it is seen.
    """
    done = {"unpublished": 0, "published": 0}
    failed = []
    for model in _draftable_models():
        due = model.objects.filter(live=True, expire_at__lt=now).order_by("expire_at")
        for pk in list(due.values_list("pk", flat=True)):
            try:
                with transaction.atomic():
                    obj = due.select_for_update().filter(pk=pk).first()
                    if obj is not None:
                        obj.unpublish(set_expired=True, log_action="wagtail.unpublish.scheduled")
                        done["unpublished"] += 1
            except Exception:
                logger.exception("could not unpublish expired %s %s", model._meta.label, pk)
                failed.append(f"{model._meta.label} {pk}")

    due_revisions = Revision.objects.filter(approved_go_live_at__lt=now).order_by("approved_go_live_at")
    for pk in list(due_revisions.values_list("pk", flat=True)):
        try:
            with transaction.atomic():
                revision = due_revisions.select_for_update().filter(pk=pk).first()
                if revision is not None:
                    revision.publish(log_action="wagtail.publish.scheduled")
                    done["published"] += 1
        except Exception:
            logger.exception("could not publish scheduled revision %s", pk)
            failed.append(f"revision {pk}")
    if failed:
        raise RuntimeError(f"scheduled publishing failed for {', '.join(failed)}")
    return done


def _draftable_models() -> list:
    page = swapper.load_model("wagtailcore", "Page")
    others = [m for m in apps.get_models() if issubclass(m, DraftStateMixin) and not issubclass(m, page)]
    return [page, *others]


@task()
def warm_article_renditions(article_id: int) -> int:
    """After publish: make every rendition the article's images need, before a reader asks for one.

    The article page, its teasers and the galleries in its body then render
    from stored renditions. Idempotent: renditions that exist are left alone.
    An article unpublished meanwhile is skipped. The number of renditions.
    """
    article = (
        ArticlePage.objects.live().filter(pk=article_id).select_related("lead_image", "partner__logo").first()
    )
    if article is None:
        return 0
    return create_renditions(_image_uses(article))


def _image_uses(article: ArticlePage) -> list[tuple]:
    """(image, role) for every image the article's templates show: lead, teaser, partner logo, body."""
    uses = [(article.lead_image, "lead"), (article.lead_image, "teaser")]
    if article.partner is not None:
        uses.append((article.partner.logo, "logo"))
    for block in article.body:
        if block.block_type == "image":
            uses.append((block.value["image"], "inline"))
        elif block.block_type == "gallery" and block.value is not None:
            uses.extend((item.image, "gallery") for item in block.value.items.select_related("image"))
    return uses
