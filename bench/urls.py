"""The site's URLs plus the plain-insert baseline; never part of the production urlconf."""

import json

from django.http import JsonResponse
from django.urls import path
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt

from config.urls import urlpatterns as site_urlpatterns
from kiosk.comments.models import Comment


@csrf_exempt
def plain_insert(request, article_id: int):
    """The same comment row with a bare create: no auth, CSRF, checks or sanitising.

    The author comes from ``?author=``; the body is parsed like the real endpoint's.
    """
    if request.content_type == "application/json":
        text = json.loads(request.body)["text"]
    else:
        text = request.POST["text"]
    comment = Comment.objects.create(
        article_id=article_id,
        author_id=int(request.GET["author"]),
        text=text,
        html=text,
        created_at=timezone.now(),
    )
    return JsonResponse({"id": comment.pk}, status=201)


# Concatenated, not include()d: i18n_patterns only work in the root urlconf.
urlpatterns = [path("bench/plain-insert/<int:article_id>/", plain_insert), *site_urlpatterns]
