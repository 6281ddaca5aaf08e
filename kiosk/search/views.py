"""/suche/: the reader search page, a plain GET form that needs no JavaScript."""

from __future__ import annotations

from django.shortcuts import render
from django.utils import timezone
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.views.decorators.http import require_safe
from wagtail.models import Site

from kiosk.security.ratelimits import hit_request

from . import selectors
from .forms import SearchForm

PAGE_SIZE = 10


@require_safe
def search(request):
    """Results for ``q`` with the filters; 400 with the form's explanation when a filter is wrong.

    Never kept in the page cache: results must show a publish at once, a purge by
    URL cannot know every query, and every new query string would take a place in
    the shared cache that article pages need.
    """
    site = Site.find_for_request(request)
    root = site.root_page if site else None
    sections = selectors.search_sections(root)
    form = SearchForm(request.GET if request.GET else None, sections=sections)
    context = {"form": form, "sections": sections, "query": "", "words": [], "results": None}
    status = 200
    if form.is_bound and not form.is_valid():
        status = 400
    elif form.is_bound and root is not None:
        context["query"] = form.cleaned_data["q"]
        context["words"] = words = form.words
        if words:
            hit_request("search", request)
            found = selectors.article_search(
                root=root,
                words=words,
                now=timezone.now(),
                section=form.chosen_section,
                published_from=form.cleaned_data["published_from"],
                published_to=form.cleaned_data["published_to"],
                sort=form.chosen_sort,
            )
            page = selectors.results_page(found, form.cleaned_data["page"] or 1, per_page=PAGE_SIZE)
            page.object_list = selectors.hits(list(page.object_list), words=words, sections=sections)
            context["results"] = page
            context["page_query"] = _query_without_page(request)
    response = render(request, "search/search.html", context, status=status)
    add_never_cache_headers(response)
    patch_cache_control(response, private=True)
    return response


def _query_without_page(request) -> str:
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()
