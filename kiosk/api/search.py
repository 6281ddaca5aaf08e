"""Headline suggestions for the search box, as the reader types (kiosk.search)."""

from __future__ import annotations

from typing import Annotated

from django.utils import timezone
from ninja import Query, Router
from wagtail.models import Site

from kiosk.search import selectors
from kiosk.security.ratelimits import hit_request

from .schemas import ErrorBody, InvalidInputBody, SearchText, Suggestions

router = Router(tags=["search"])


@router.get(
    "/search/headlines",
    url_name="search_headlines",
    response={200: Suggestions, 400: ErrorBody, 422: InvalidInputBody, 429: ErrorBody},
    summary="Headlines for what the reader is typing",
    description=(
        "Up to six live articles whose headline has a word starting with each word of `q` "
        "(the last one may be unfinished), best match first, with their addresses. Punctuation is "
        "ignored; a `q` without any word answers an empty list. Public; at most "
        f"{selectors.MAX_QUERY_CHARS} characters (else 422); 429 with Retry-After beyond the search rate limit."
    ),
)
def headlines(
    request,
    q: Annotated[
        SearchText, Query(max_length=selectors.MAX_QUERY_CHARS, description="What the reader typed.")
    ],
):
    hit_request("search", request)
    site = Site.find_for_request(request)
    if site is None:
        return {"suggestions": []}
    found = selectors.headline_suggestions(root=site.root_page, text=q, now=timezone.now())
    return {"suggestions": [{"title": article.title, "url": article.get_url(request)} for article in found]}
