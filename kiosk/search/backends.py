"""Wagtail's database search backend, with one change on PostgreSQL.

Wagtail's PostgreSQL query selects the combined headline and body vector of
every match (``annotate``) only to filter on it: PostgreSQL then concatenates
two toasted vectors per matching article before sorting, most of a search's
time (a word in 1,100 of 10,000 articles: 47 ms, 23 ms without). Here the
vector is only filtered on (``alias``), through the function its index is on
(``kiosk_search_vector``, see migration search 0002); matching and ranking
are Wagtail's.
Elsewhere (SQLite's FTS5, MySQL) it is Wagtail's backend as it is.
"""

from __future__ import annotations

from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import FieldDoesNotExist
from django.db import ProgrammingError, connection
from django.db.models import Case, Count, F, Func, Value, When, Window
from django.db.models.functions import RowNumber
from wagtail.search.backends import database
from wagtail.search.backends.database.postgres.postgres import (
    PostgresAutocompleteQueryCompiler,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
    PostgresSearchResults,
)
from wagtail.search.query import Fuzzy, MatchAll, Not

# Relevance orders the newest this many matches of a search (pages, by first publication).
RANKED_MATCHES = 1000
RECENCY_FIELD = "first_published_at"


class _FilterOnlyVector:
    def search(self, config, start, stop, score_field=None, backend=None):
        query = self.query
        if isinstance(query, MatchAll | Fuzzy) or (
            isinstance(query, Not) and isinstance(query.subquery, MatchAll)
        ):
            return super().search(config, start, stop, score_field=score_field, backend=backend)
        search_query = self.build_tsquery(query, config=config)
        vectors = self.get_search_vectors(search_query)
        rank_expression = self._build_rank_expression(vectors, config)
        queryset = self.queryset.alias(_vector_=self.combined_vector(vectors)).filter(_vector_=search_query)
        return self._apply_ordering_and_scoring(queryset, rank_expression, start, stop, score_field)

    def combined_vector(self, vectors):
        combined = vectors[0][0]
        for vector, _boost in vectors[1:]:
            combined = combined._combine(vector, "||", False)
        return combined


class SearchQueryCompiler(_FilterOnlyVector, PostgresSearchQueryCompiler):
    def _apply_ordering_and_scoring(self, queryset, rank_expression, start, stop, score_field=None):
        """Rank only the newest RANKED_MATCHES matches; older ones follow, newest first.

        Ranking reads each match's whole body vector: for a word in 6,300 of
        10,000 articles, 45 of a search's 65 ms. Past the newest thousand
        matches a news reader is served better by the date than by a word count.
        """
        if not self.order_by_relevance or not _has_field(queryset.model, RECENCY_FIELD):
            return super()._apply_ordering_and_scoring(queryset, rank_expression, start, stop, score_field)
        newest_first = [F(RECENCY_FIELD).desc(nulls_last=True), F("pk").desc()]
        queryset = queryset.alias(recency_rank=Window(RowNumber(), order_by=newest_first))
        rank = Case(When(recency_rank__lte=RANKED_MATCHES, then=rank_expression), default=Value(0.0))
        queryset = queryset.order_by(rank.desc(), *newest_first)
        if score_field is not None:
            queryset = queryset.annotate(**{score_field: rank})
        return queryset[start:stop]

    def combined_vector(self, vectors):
        if self.fields is not None:  # a search on named fields: vectors made on the fly, no index to use
            return super().combined_vector(vectors)
        # title || body, as the function the GIN index of migration search 0002 is on (its docstring says why).
        return Func(
            F("index_entries__title"),
            F("index_entries__body"),
            function="kiosk_search_vector",
            output_field=SearchVectorField(),
        )


class AutocompleteQueryCompiler(_FilterOnlyVector, PostgresAutocompleteQueryCompiler):
    pass


def _has_field(model, name: str) -> bool:
    try:
        model._meta.get_field(name)
    except FieldDoesNotExist:
        return False
    return True


class SearchResults(PostgresSearchResults):
    """Results that read a page of matches in two steps and count all matches on the way.

    ``total_matches``: after iterating a slice, how many matches the whole search has
    (None before, or when the slice was empty), so a paginator needs no count query.
    """

    total_matches: int | None = None

    def _do_search(self):
        """The page of matches in two steps: their ids in order (with the count), then those rows whole.

        Sorting the matches carries every column of every match along: for a word in
        6,300 articles, 660-byte rows that spill to disk (47 of a search's 57 ms). Sorted
        as ids they stay in memory; the page's rows are then read by primary key. The
        count comes with the ids (``COUNT(*) OVER ()``) rather than from a second pass.
        """
        if self._score_field is not None or isinstance(self.query_compiler.query, MatchAll):
            return super()._do_search()
        try:
            found = list(
                self.get_queryset()
                .annotate(kiosk_matches=Window(Count("pk")))
                .values_list("pk", "kiosk_matches")
            )
        except ProgrammingError as error:
            self._handle_missing_postgres_extension(error)
        ids = [pk for pk, _ in found]
        self.total_matches = found[0][1] if found else None
        rows = self.query_compiler.queryset.filter(pk__in=ids).in_bulk()
        return [rows[pk] for pk in ids if pk in rows]


class KioskPostgresSearchBackend(PostgresSearchBackend):
    query_compiler_class = SearchQueryCompiler
    results_class = SearchResults
    autocomplete_query_compiler_class = AutocompleteQueryCompiler


def SearchBackend(params):  # noqa: N802 (the name Wagtail looks up in a backend module)
    if connection.vendor == "postgresql":
        return KioskPostgresSearchBackend(params)
    return database.SearchBackend(params)
