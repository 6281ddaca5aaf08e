"""Search benchmark (`bench/run.py search`): reader search latency with 10,000 articles on PostgreSQL.

A throwaway database (kiosk_bench_search, dropped afterwards), migrated, with a front page, ten
sections and BENCH_SEARCH_ARTICLES (10,000) live articles: headline, kicker, lead and six
paragraphs of body (about 2,500 characters) of German words drawn from the demo newsroom's
texts, a few marker words planted at known rates. The pages are inserted in bulk (tree paths
computed as treebeard would, 1,000 rows per INSERT) and indexed with the search backend's
bulk add, German stemming on.

Then for each query of QUERIES, first through the real query function as the view calls it
(kiosk.search.selectors: the search, its count, the first page of ten and their highlighted
hits), then over HTTP through gunicorn (GET /suche/?q=…, the whole page, one client on a
keep-alive connection): ROUNDS timed runs each after a warm-up. Latencies in milliseconds,
p50/p95/p99 over all queries' runs, and the median of each query.

    python bench/search.py setup '{"articles": 10000}'   the subprocesses (DATABASE_URL set);
    python bench/search.py measure '{"rounds": 20}'      each prints one JSON line
"""

from __future__ import annotations

import os
import random
import re
import shutil
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent

SEARCH_DB = "kiosk_bench_search"
ARTICLES = int(os.environ.get("BENCH_SEARCH_ARTICLES", "10000"))
ROUNDS = int(os.environ.get("BENCH_SEARCH_ROUNDS", "20"))
GOAL_MS = 50.0
SECTIONS = [
    "Schweiz",
    "International",
    "Wirtschaft",
    "Sport",
    "Kultur",
    "Wissen",
    "Zürich",
    "Bern",
    "Basel",
    "Meinung",
]
# Marker words planted at known rates (one article in N), so queries of every selectivity exist.
PLANTED = {"Wahlen": 20, "Abstimmung": 50, "Kleinsatellit": 2000, "Sonnenstrom": 200, "Gemeinderat": 8}
QUERIES = [
    "Wahlen",  # 5 % of the articles, stemmed: Wahl, Wahlen
    "Gemeinderat",  # 12 %
    "Abstimmung Gemeinderat",  # two words, both needed
    "Kleinsatellit",  # a handful
    "Sonnenstrom Wahlen",  # rare and frequent together
    "Schweiz",  # a common word of the texts
    "Zürich Bahnhof Velo",  # three words
    "Quantenschaum",  # nothing
]


def percentiles(samples: list[float]) -> tuple[float, float, float]:
    ordered = sorted(samples)

    def at(p: float) -> float:
        return ordered[min(len(ordered) - 1, int(p * len(ordered)))]

    return at(0.50), at(0.95), at(0.99)


def search_latency() -> list[str]:
    """The figures, or why there are none."""
    from bench.comments import Reader, gunicorn, postgres_db, server_env
    from bench.scripts import run_script

    title = (
        f"Reader search on PostgreSQL: {ARTICLES:,} live articles (German stemming), {len(QUERIES)} queries × "
        f"{ROUNDS} runs, first page of ten with highlighted hits"
    )
    workdir = Path(tempfile.mkdtemp(prefix="kiosk-bench-search-"))
    try:
        with postgres_db(SEARCH_DB) as (url, reason):
            if url is None:
                return [title, f"  skipped: {reason}"]
            env = server_env(url, workdir, "bench-search-" + "x" * 40)
            setup = run_script(__file__, "setup", {"articles": ARTICLES}, env)
            measured = run_script(__file__, "measure", {"rounds": ROUNDS}, env)
            http: dict[str, list[float]] = {}
            with gunicorn(env, workdir) as port:
                client = Reader(port, {})
                for query in QUERIES:
                    path = "/suche/?" + urlencode({"q": query})
                    for _ in range(3):
                        status, _ = client.request("GET", path)
                        assert status == 200, (path, status)
                    for _ in range(ROUNDS):
                        started = time.perf_counter()
                        status, _body = client.request("GET", path)
                        http.setdefault(query, []).append(1000 * (time.perf_counter() - started))
                        assert status == 200, (path, status)
                client.close()
    finally:
        shutil.rmtree(workdir, ignore_errors=True)

    def verdict(p95: float) -> str:
        return f"p95 < {GOAL_MS:g} ms {'PASS' if p95 < GOAL_MS else 'ABOVE'}"

    lines = [
        title,
        f"  setup: {setup['articles']:,} articles inserted in {setup['insert_seconds']:.1f} s, indexed in "
        f"{setup['index_seconds']:.1f} s ({setup['index_mb']:.0f} MB of index entries)",
        f"  {'query':28} {'hits':>6} {'function':>9} {'HTTP':>7}  (median ms)",
    ]
    for query in QUERIES:
        row = measured["queries"][query]
        lines.append(
            f"  {query:28} {row['count']:6d} {statistics.median(row['ms']):9.1f} "
            f"{statistics.median(http[query]):7.1f}"
        )
    every_function = [ms for row in measured["queries"].values() for ms in row["ms"]]
    every_http = [ms for samples in http.values() for ms in samples]
    for name, samples in (("query function", every_function), ("HTTP /suche/", every_http)):
        p50, p95, p99 = percentiles(samples)
        lines.append(f"  {name:15} p50 {p50:6.1f} ms  p95 {p95:6.1f} ms  p99 {p99:6.1f} ms  {verdict(p95)}")
    lines.append(
        f"  autocomplete (function) p50 {measured['autocomplete'][0]:.1f} ms, p95 {measured['autocomplete'][1]:.1f} ms"
    )
    return lines


# The subprocesses -----------------------------------------------------------------------------


def _vocabulary() -> list[str]:
    words = []
    for path in sorted((ROOT / "kiosk" / "demo" / "articles").rglob("*.md")):
        words += re.findall(r"[A-Za-zÄÖÜäöüéèà]{3,}", path.read_text(encoding="utf-8"))
    return words


def _setup(*, articles: int) -> dict:
    """Migrate; a front page with ten sections; ``articles`` live articles in bulk; the index filled."""
    from django.contrib.contenttypes.models import ContentType
    from django.core.management import call_command
    from django.db import connection, transaction
    from django.utils import timezone
    from wagtail.models import Locale, Page, Site
    from wagtail.search.models import IndexEntry

    from kiosk.news.models import ArticlePage, HomePage, SectionPage
    from kiosk.search.services import articles_index

    call_command("migrate", verbosity=0)
    rng = random.Random(10_000)
    vocabulary = _vocabulary()
    planted = list(PLANTED.items())
    now = timezone.now()
    started = time.perf_counter()
    with transaction.atomic():
        root = Page.get_first_root_node()
        home = root.add_child(instance=HomePage(title="Kiosk Bench", slug="bench-home"))
        home.save_revision().publish()
        Site.objects.update_or_create(
            is_default_site=True, defaults={"hostname": "127.0.0.1", "port": 80, "root_page": home}
        )
        sections = []
        for name in SECTIONS:
            section = home.add_child(instance=SectionPage(title=name, slug=name.lower()))
            section.save_revision().publish()
            sections.append(section)
        content_type = ContentType.objects.get_for_model(ArticlePage)
        locale = Locale.get_default()

        def sentence(n: int) -> str:
            return " ".join(rng.choice(vocabulary) for _ in range(n)).capitalize() + "."

        def plant(paragraphs: list[str]) -> list[str]:
            """Each marker word into one in N articles, at a random place of its text."""
            for word, one_in in planted:
                if rng.randrange(one_in) == 0:
                    at = rng.randrange(len(paragraphs))
                    paragraphs[at] = f"{paragraphs[at]} {word}."
            return paragraphs

        counts = dict.fromkeys(sections, 0)
        batch: list[ArticlePage] = []

        def flush() -> None:
            pages = Page.objects.bulk_create([Page(**_page_fields(a)) for a in batch])
            for article, page in zip(batch, pages, strict=True):
                article.pk = article.page_ptr_id = page.pk
                article.id = page.pk
            # Django's bulk_create refuses multi-table models: the article rows by the same path it takes.
            ArticlePage.objects._insert(batch, fields=list(ArticlePage._meta.local_concrete_fields))
            batch.clear()

        for i in range(articles):
            section = sections[i % len(sections)]
            counts[section] += 1
            title = sentence(rng.randint(5, 9))[:-1]
            slug = f"artikel-{i}"
            published = now - timedelta(minutes=37 * i)
            batch.append(
                ArticlePage(
                    title=title,
                    draft_title=title,
                    slug=slug,
                    path=Page._get_path(section.path, section.depth + 1, counts[section]),
                    depth=section.depth + 1,
                    numchild=0,
                    url_path=f"{section.url_path}{slug}/",
                    content_type=content_type,
                    locale=locale,
                    live=True,
                    has_unpublished_changes=False,
                    first_published_at=published,
                    last_published_at=published,
                    kicker=rng.choice(vocabulary),
                    lead=" ".join(sentence(rng.randint(12, 20)) for _ in range(2)),
                    body=[
                        ("paragraph", f"<p>{text}</p>")
                        for text in plant([" ".join(sentence(12) for _ in range(5)) for _ in range(6)])
                    ],
                )
            )
            if len(batch) == 1000:
                flush()
        if batch:
            flush()
        for section in sections:
            Page.objects.filter(pk=section.pk).update(numchild=counts[section])
    inserted = time.perf_counter() - started
    started = time.perf_counter()
    indexed = articles_index(articles=ArticlePage.objects.order_by("pk").iterator(chunk_size=500))
    index_seconds = time.perf_counter() - started
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
        cursor.execute("SELECT pg_total_relation_size(%s)", [IndexEntry._meta.db_table])
        size = cursor.fetchone()[0]
    return {
        "articles": indexed,
        "insert_seconds": inserted,
        "index_seconds": index_seconds,
        "index_mb": size / 1e6,
    }


def _page_fields(article) -> dict:
    from wagtail.models import Page

    return {f.attname: getattr(article, f.attname) for f in Page._meta.concrete_fields if f.attname != "id"}


def _measure(*, rounds: int) -> dict:
    """Each query as the view runs it: search, count, the first page and its hits; milliseconds."""
    from django.utils import timezone
    from wagtail.models import Site

    from kiosk.search import selectors

    root = Site.objects.get(is_default_site=True).root_page
    sections = selectors.search_sections(root)

    def run(query: str) -> int:
        words = selectors.query_words(query)
        found = selectors.article_search(root=root, words=words, now=timezone.now())
        page = selectors.results_page(found, 1, per_page=10)
        selectors.hits(list(page.object_list), words=words, sections=sections)
        return page.paginator.count

    result = {}
    for query in QUERIES:
        for _ in range(3):
            count = run(query)
        samples = []
        for _ in range(rounds):
            started = time.perf_counter()
            run(query)
            samples.append(1000 * (time.perf_counter() - started))
        result[query] = {"count": count, "ms": samples}
    suggest = []
    for prefix in ("Wah", "Gemeind", "Klein", "Schw", "Zür"):
        for _ in range(rounds):
            started = time.perf_counter()
            selectors.headline_suggestions(root=root, text=prefix, now=timezone.now())
            suggest.append(1000 * (time.perf_counter() - started))
    p50, p95, _ = percentiles(suggest)
    return {"queries": result, "autocomplete": [p50, p95]}


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    from bench.scripts import script_main

    script_main({"setup": _setup, "measure": _measure})
