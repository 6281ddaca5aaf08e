"""Kiosk benchmarks: `make bench`.

Article page throughput, in-process through the full WSGI application and
middleware stack, single thread, on a throwaway SQLite database loaded with
the demo newsroom:

- cold:     page cache off, every cache emptied before each request
- uncached: page cache off, fragment/rendition/site caches warm
- logged in: a logged-in reader (who has liked comments on the article),
            whom the page cache never serves; fragment caches warm
- cached:   served whole from the page cache
- floor:    a plain Django view rendering the same HTML from a template,
            no Wagtail, no database

Each is run for a fixed time in three interleaved rounds; the best round counts.
Figures print only; no test asserts on speed.

Then the comment benchmarks (bench/comments.py): the article page's queries
with 10,000 comments, and posts and likes per second through gunicorn on
SQLite and PostgreSQL.

Then the moderation benchmarks (bench/moderation.py): the word-list check of
one comment against 10,000 listed entries, and the desk's pages (the
dashboard) with 100,000 comments on PostgreSQL.

Then the donations benchmark (bench/donations.py): signed Stripe webhook
events through gunicorn and the task workers on PostgreSQL, 16 concurrent
senders, half of the deliveries duplicates: accepted and processed per
second, and every donation counted exactly once.

Then the search benchmark (bench/search.py): reader search latency (p50/p95/p99) with 10,000
articles on PostgreSQL, through the query function and over HTTP.

    bench/run.py              everything
    bench/run.py comments     only the comment benchmarks (also: articles, moderation, donations, search)
"""

from __future__ import annotations

import io
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.wsgi import wsgi_get  # noqa: E402 (needs ROOT on the path)

ARTICLE = "/wissen/raumfahrt/kleinsatellit-sendet-erste-bilder/"
ROUND_SECONDS = float(os.environ.get("BENCH_SECONDS", "2"))
GOALS = {"uncached": 25.0, "logged in": 15.0, "cached": 90.0}


def setup_django(workdir: Path) -> Path:
    """Migrate and load the demo newsroom; returns a copy of the database as it was just after migrate."""
    os.environ.update(
        DJANGO_SETTINGS_MODULE="config.settings.base",
        DATABASE_URL=f"sqlite:///{workdir / 'bench.sqlite3'}",
        KIOSK_MEDIA_ROOT=str(workdir / "media"),
        KIOSK_CACHE_DIR=str(workdir / "cache"),
        DJANGO_DEBUG="false",
        DJANGO_SECURE_SSL_REDIRECT="false",
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost,testserver",
        DJANGO_LOG_LEVEL="CRITICAL",
        # The demo app, for load_demo; it adds no middleware, URL or template to what is measured.
        KIOSK_DEMO="true",
    )
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    migrated = workdir / "migrated.sqlite3"
    migrated.write_bytes((workdir / "bench.sqlite3").read_bytes())
    call_command("collectstatic", interactive=False, verbosity=0)
    # A throwaway database with DEBUG off: forced, and no demo account gets a password (none is needed).
    call_command("load_demo", force=True, interactive=False, stdout=io.StringIO())
    return migrated


def throughput(app, path: str, before=None, cookie: str = "") -> float:
    count, started = 0, time.perf_counter()
    while (elapsed := time.perf_counter() - started) < ROUND_SECONDS:
        if before:
            before()
        code, _, _ = wsgi_get(app, path, cookie)
        assert code == 200, (path, code)
        count += 1
    return count / elapsed


def reader_cookie() -> str:
    """The cookies of a returning demo reader who has liked comments on the bench article."""
    from django.conf import settings
    from django.test import Client

    from kiosk.comments.models import Like

    like = Like.objects.filter(comment__article__url_path__endswith=ARTICLE).select_related("reader").first()
    assert like, "the demo debate has likes"
    client = Client()
    client.force_login(like.reader)
    client.get(ARTICLE)  # a browser keeps the CSRF cookie its first page set
    cookies = (settings.SESSION_COOKIE_NAME, settings.CSRF_COOKIE_NAME)
    return "; ".join(f"{name}={client.cookies[name].value}" for name in cookies)


def article_page() -> list[str]:
    from django.conf import settings
    from django.core.cache import caches
    from django.core.handlers.wsgi import WSGIHandler
    from django.db import connection
    from django.test.utils import override_settings

    app = WSGIHandler()
    for _ in range(3):  # renditions are generated on the first view
        code, html, _ = wsgi_get(app, ARTICLE)
    assert code == 200

    def clear_all():
        for alias in settings.CACHES:
            caches[alias].clear()

    with override_settings(ROOT_URLCONF="bench.floor_urls"):
        from bench import floor_urls

        floor_urls.set_html(html.decode())
        floor_app = WSGIHandler()
        _, floor_html, _ = wsgi_get(floor_app, "/bench-floor/")
    assert floor_html == html, "the floor must serve the same bytes"

    cookie = reader_cookie()
    code, reader_html, _ = wsgi_get(app, ARTICLE, cookie)
    assert code == 200
    assert b"data-comment-form" in reader_html, "the bench reader must be logged in"

    best = {"cold": 0.0, "uncached": 0.0, "logged in": 0.0, "cached": 0.0, "floor": 0.0}
    for _ in range(3):
        with override_settings(KIOSK_PAGE_CACHE_ENABLED=False):
            best["cold"] = max(best["cold"], throughput(app, ARTICLE, before=clear_all))
            wsgi_get(app, ARTICLE)
            best["uncached"] = max(best["uncached"], throughput(app, ARTICLE))
        wsgi_get(app, ARTICLE, cookie)
        best["logged in"] = max(best["logged in"], throughput(app, ARTICLE, cookie=cookie))
        wsgi_get(app, ARTICLE)
        best["cached"] = max(best["cached"], throughput(app, ARTICLE))
        with override_settings(ROOT_URLCONF="bench.floor_urls"):
            best["floor"] = max(best["floor"], throughput(floor_app, "/bench-floor/"))

    def count_queries(before=None, cookie: str = "") -> tuple[int, dict]:
        executed = []

        def counter(execute, sql, params, many, context):
            executed.append(sql)
            return execute(sql, params, many, context)

        if before:
            before()
        with connection.execute_wrapper(counter):
            _, _, headers = wsgi_get(app, ARTICLE, cookie)
        return len(executed), headers

    with override_settings(KIOSK_PAGE_CACHE_ENABLED=False):
        cold_queries, _ = count_queries(before=clear_all)
        warm_queries, _ = count_queries()
    wsgi_get(app, ARTICLE, cookie)
    reader_queries, _ = count_queries(cookie=cookie)
    wsgi_get(app, ARTICLE)
    hit_queries, headers = count_queries()
    assert headers.get("X-Kiosk-Cache") == "hit"
    queries = {
        "cold": cold_queries,
        "uncached": warm_queries,
        "logged in": reader_queries,
        "cached": hit_queries,
        "floor": 0,
    }

    floor = best["floor"]
    lines = [f"Article page {ARTICLE} ({len(html) / 1024:.0f} KB of HTML), best of 3 × {ROUND_SECONDS:g} s"]
    lines.append(f"  {'':10} {'req/s':>8} {'of floor':>9} {'queries':>8}  goal")
    for name in ("cold", "uncached", "logged in", "cached", "floor"):
        ratio = 100 * best[name] / floor
        goal = GOALS.get(name)
        verdict = f"≥ {goal:g} % {'PASS' if ratio >= goal else 'BELOW'}" if goal else ""
        lines.append(f"  {name:10} {best[name]:8.0f} {ratio:8.1f}% {queries[name]:8d}  {verdict}")
    lines.append("  cold = every cache emptied before each request; uncached = page cache off,")
    lines.append("  fragment and rendition caches warm; logged in = a demo reader with likes on the article;")
    lines.append("  floor = the anonymous page's HTML from a plain Django template.")
    return lines


def comment_page() -> list[str]:
    from bench import comments

    return comments.comment_page_queries()


def comment_writes() -> list[str]:
    from bench import comments

    return comments.comment_writes(migrated_sqlite=MIGRATED["sqlite"])


def word_check() -> list[str]:
    from bench import moderation

    return moderation.word_check()


def desk_pages() -> list[str]:
    from bench import moderation

    return moderation.desk_pages()


def webhook_events() -> list[str]:
    from bench import donations

    return donations.webhook_events()


def search_latency() -> list[str]:
    from bench import search

    return search.search_latency()


# (group, benchmark): `bench/run.py <group> ...` runs only those groups.
BENCHMARKS = [
    ("articles", article_page),
    ("comments", comment_page),
    ("comments", comment_writes),
    ("moderation", word_check),
    ("moderation", desk_pages),
    ("donations", webhook_events),
    ("search", search_latency),
]
MIGRATED: dict[str, Path | None] = {"sqlite": None}


def main(groups: list[str]) -> None:
    import platform
    import shutil

    known = {group for group, _ in BENCHMARKS}
    if unknown := set(groups) - known:
        sys.exit(
            f"unknown benchmark group(s) {', '.join(sorted(unknown))}; choose from {', '.join(sorted(known))}"
        )
    chosen = [benchmark for group, benchmark in BENCHMARKS if not groups or group in groups]
    workdir = Path(tempfile.mkdtemp(prefix="kiosk-bench-"))
    started = time.perf_counter()
    try:
        MIGRATED["sqlite"] = setup_django(workdir)
        import django
        import wagtail

        print(
            f"Kiosk bench: Python {platform.python_version()}, Django {django.get_version()}, "
            f"Wagtail {wagtail.__version__}, {os.cpu_count()} cores, load average "
            f"{os.getloadavg()[0]:.1f} at the start; in-process benchmarks on SQLite",
            flush=True,
        )
        for benchmark in chosen:
            print("\n".join(benchmark()), flush=True)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    print(f"(bench took {time.perf_counter() - started:.0f} s)")


if __name__ == "__main__":
    main(sys.argv[1:])
