"""Moderation benchmarks (`bench/run.py moderation`).

The word-list check of one comment: 10,000 listed entries (a tenth with a
wildcard, a twentieth phrases) against a 2,000-character comment, clean and
with listed words in it: the goal is under 1 ms per comment, the whole check
(folding, the one Aho-Corasick pass, word boundaries, and the highlight
positions when something is found).

The desk's pages on PostgreSQL with 100,000 comments (desk_pages): a
throwaway database (kiosk_bench_desk, dropped afterwards) filled once by a
subprocess with bulk_create (comments over 30 days on 50 articles by 2,000
authors, ~5 % waiting, the rest decided by five moderators or the checks,
3,000 reports), on a clock set to the evening of a month's 31st (so "this
month" holds all thirty days), then each page of desk_urls() requested
in-process through the test client as a logged-in moderator: the median
server time of each round, the best of the rounds, against the goal of
under 100 ms; the dashboard also cold, its cache of the days before today
emptied before each request.

    python bench/moderation.py desk    the subprocess (DATABASE_URL set); prints one JSON line
"""

from __future__ import annotations

import json
import math
import os
import random
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

WORD_CHECK_GOAL_MS = 1.0
ENTRIES = 10_000
TEXT_LENGTH = 2_000


def _word(rng: random.Random) -> str:
    return "".join(rng.choice("abcdefghiklmnoprstuäöüß") for _ in range(rng.randint(5, 12)))


def word_check() -> list[str]:
    from kiosk.moderation.words import Entry, Kind, WordList

    rng = random.Random(8)
    listed = set()
    while len(listed) < ENTRIES:
        word = _word(rng)
        if len(listed) % 10 == 0:
            word += "*"
        elif len(listed) % 20 == 1:
            word += " " + _word(rng)
        listed.add(word)
    entries = [
        Entry(text, Kind.BANNED if i % 4 == 0 else Kind.SUSPECT) for i, text in enumerate(sorted(listed))
    ]
    started = time.perf_counter()
    words = WordList(entries)
    built = time.perf_counter() - started

    prose = (
        "Die Gemeinde hat am Dienstag beschlossen, den Bahnhofplatz neu zu gestalten. Viele Leserinnen "
        "und Leser finden, das sei überfällig; andere fragen, wer die Strasse danach noch benützen darf. "
    )
    clean = (prose * (TEXT_LENGTH // len(prose) + 1))[:TEXT_LENGTH]
    some = sorted(listed)[::2500]
    dirty_words = " ".join(entry.rstrip("*") for entry in some)
    dirty = (clean[: TEXT_LENGTH - len(dirty_words) - 1] + " " + dirty_words)[:TEXT_LENGTH]

    lines = [
        f"Word-list check: {ENTRIES:,} entries (built in {1000 * built:.0f} ms), {TEXT_LENGTH:,}-character comment"
    ]
    lines.append(f"  {'':26} {'median ms':>9} {'p99 ms':>7} {'hits':>5}  goal")
    for name, text in (("clean comment", clean), (f"with {len(some)} listed words", dirty)):
        hits = len(words.find(text))
        times = []
        for _ in range(2000):
            started = time.perf_counter()
            words.find(text)
            times.append(time.perf_counter() - started)
        times.sort()
        median, p99 = 1000 * statistics.median(times), 1000 * times[int(0.99 * len(times))]
        verdict = f"< {WORD_CHECK_GOAL_MS:g} ms {'PASS' if median < WORD_CHECK_GOAL_MS else 'ABOVE'}"
        lines.append(f"  {name:26} {median:9.3f} {p99:7.3f} {hits:5d}  {verdict}")
    return lines


# The desk's pages -----------------------------------------------------------------------------

DESK_GOAL_MS = 100.0
DESK_DB = "kiosk_bench_desk"
DESK_COMMENTS = 100_000
DESK_DAYS = 30
DESK_ARTICLES = 50
DESK_AUTHORS = 2_000
DESK_MODERATORS = 5
DESK_REPORTS = 3_000
DESK_PENDING = 0.05
DESK_ROUNDS = int(os.environ.get("BENCH_ROUNDS", "3"))
DESK_REQUESTS = int(os.environ.get("BENCH_DESK_REQUESTS", "20"))  # per page and round
# The dashboard's heaviest moment: the evening of a 31-day month's last day (a Friday).
DESK_CLOCK = (2025, 1, 31, 21, 0)


def desk_urls() -> list[tuple]:
    """The desk's pages desk_pages times, all on the same 100,000 comments: (label, URL), or
    (label, URL, before) where ``before()`` runs ahead of every timed request."""
    from django.core.cache import cache
    from django.urls import reverse
    from django.utils import timezone

    from kiosk.moderation import dashboard

    def forget_closed_days():
        cache.delete(dashboard.closed_waits_key(dashboard.periods(now=timezone.now())))

    url = reverse("moderation_admin:dashboard")
    queue = reverse("moderation_admin:queue")
    return [
        ("queue by risk", queue),
        ("queue oldest", queue + "?order=oldest"),
        ("queue reported", queue + "?tab=reported"),
        ("queue rejected", queue + "?tab=rejected"),
        ("dashboard", url),
        ("dashboard cold", url, forget_closed_days),
    ]


def desk_pages() -> list[str]:
    """The desk's pages with 100,000 comments on PostgreSQL; the subprocess seeds and measures."""
    from bench.comments import postgres_db, server_env

    title = (
        f"Moderation desk on PostgreSQL: {DESK_COMMENTS:,} comments over {DESK_DAYS} days, "
        f"{DESK_ARTICLES} articles, {DESK_AUTHORS:,} authors, {DESK_REPORTS:,} reports"
    )
    workdir = Path(tempfile.mkdtemp(prefix="kiosk-bench-desk-"))
    try:
        with postgres_db(DESK_DB) as (url, reason):
            if url is None:
                return [title, f"  skipped: {reason}"]
            env = server_env(url, workdir, secrets.token_urlsafe(50))
            # The site's own settings and URLs, answering the test client's host.
            env.update(DJANGO_SETTINGS_MODULE="config.settings.base", DJANGO_ALLOWED_HOSTS="testserver")
            done = subprocess.run(
                [sys.executable, str(Path(__file__).resolve()), "desk"],
                cwd=ROOT,
                env=env,
                capture_output=True,
                text=True,
            )
            if done.returncode:
                return [title, f"  FAILED: moderation.py desk:\n{done.stderr[-3000:]}"]
            result = json.loads(done.stdout.strip().splitlines()[-1])
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    lines = [
        f"{title} (seeded in {result['seeded']:.0f} s: {result['pending']:,} awaiting review)",
        f"  the clock at {DESK_CLOCK[2]:02d}.{DESK_CLOCK[1]:02d}.{DESK_CLOCK[0]}, {DESK_CLOCK[3]:02d}:"
        f"{DESK_CLOCK[4]:02d} in Zurich (this month: 30 days of decisions); best of {DESK_ROUNDS} rounds, "
        f"median of {DESK_REQUESTS} requests each",
    ]
    lines.append(f"  {'':16} {'median ms':>9} {'p90 ms':>7} {'queries':>8} {'KB':>5}  goal")
    for page in result["pages"]:
        median = page["median_ms"]
        passed = median < DESK_GOAL_MS and page["status"] == 200
        verdict = f"< {DESK_GOAL_MS:g} ms {'PASS' if passed else 'FAIL'}" if page["goal"] else "(no goal)"
        lines.append(
            f"  {page['label']:16} {median:9.1f} {page['p90_ms']:7.1f} {page['queries']:8d} "
            f"{page['kb']:5.0f}  {verdict}"
        )
    for page in result["pages"]:
        lines.append(
            f"  slowest query of the {page['label']}: {page['slowest_ms']:.1f} ms {page['slowest_sql'][:140]}"
        )
    lines.append(
        "  server time in-process through the test client (every middleware), a moderator logged in;"
    )
    lines.append(
        "  cold = the days before today not yet in the shared cache: the month's scan, once a quarter hour."
    )
    return lines


def _local_hour_weight(moment) -> float:
    """Readers write in the day and the evening, little at night (Zurich hours)."""
    from kiosk.newsroom.formatting import NEWSROOM_TZ

    hour = moment.astimezone(NEWSROOM_TZ).hour
    return 0.1 if hour < 6 else 0.5 if hour < 8 else 0.4 if hour == 23 else 1.0


def _desk_seed(now) -> dict:
    """Migrate, then the newsroom, readers, moderators, 100,000 comments and 3,000 reports."""
    from django.contrib.auth.hashers import make_password
    from django.contrib.auth.models import Group, Permission
    from django.core.management import call_command
    from django.db import connection
    from django.db.models import DateTimeField, ExpressionWrapper, OuterRef, Subquery, Value
    from django.db.models.functions import Least

    from bench import pages
    from kiosk.accounts.models import User
    from kiosk.comments.models import Comment, Report

    call_command("migrate", verbosity=0)
    rng = random.Random(31)
    _home, section = pages.newsroom()
    articles = [
        pages.article(section, title=f"Bench: Artikel {i}", slug=f"bench-desk-{i}")
        for i in range(DESK_ARTICLES)
    ]
    password = make_password(None)
    authors = User.objects.bulk_create(
        (
            User(username=f"desk-reader-{i}", email=f"desk-reader-{i}@example.org", password=password)
            for i in range(DESK_AUTHORS)
        ),
        batch_size=1000,
    )
    group, _ = Group.objects.get_or_create(name="Moderation")
    group.permissions.add(
        *Permission.objects.filter(
            content_type__app_label__in=["comments", "wagtailadmin"],
            codename__in=["change_comment", "view_comment", "access_admin"],
        )
    )
    moderators = User.objects.bulk_create(
        User(username=f"desk-moderator-{i}", email=f"desk-moderator-{i}@example.org", is_staff=True)
        for i in range(DESK_MODERATORS)
    )
    group.user_set.add(*moderators)

    # When: over 30 days by the hours readers keep; on what: a few articles draw most debate;
    # by whom: a few readers write much of it.
    span = DESK_DAYS * 86400
    written = []
    while len(written) < DESK_COMMENTS:
        moment = now - timedelta(seconds=rng.uniform(1, span))
        if rng.random() < _local_hour_weight(moment):
            written.append(moment)
    written.sort()
    article_weights = [1 / (i + 1) ** 0.8 for i in range(len(articles))]
    author_weights = [1 / (i + 1) ** 0.5 for i in range(len(authors))]
    on = rng.choices(articles, article_weights, k=DESK_COMMENTS)
    by = rng.choices(authors, author_weights, k=DESK_COMMENTS)
    # The queue: ~5 % of all, the newest first (what the desk has not reached yet).
    waiting = set(range(DESK_COMMENTS - int(DESK_COMMENTS * DESK_PENDING * 1.6), DESK_COMMENTS))
    waiting = set(rng.sample(sorted(waiting), int(DESK_COMMENTS * DESK_PENDING)))
    rules = ["insult", "off_topic", "spam", "misinformation", "house_rules"]
    comments = []
    for i, created in enumerate(written):
        fields = {}
        if i in waiting:
            fields["status"] = Comment.Status.PENDING
        elif rng.random() < 0.015:  # a banned word: rejected by the checks at once
            fields.update(
                status=Comment.Status.REJECTED, moderated_at=created, rejection_reason="house_rules"
            )
        else:
            # Minutes mostly, now and then overnight: median about 12 minutes.
            decided = min(created + timedelta(seconds=rng.lognormvariate(math.log(720), 1.1)), now)
            fields.update(moderated_at=decided, moderated_by=rng.choice(moderators))
            outcome = rng.random()
            if outcome < 0.15:
                fields.update(status=Comment.Status.REJECTED, rejection_reason=rng.choice(rules))
            else:
                withdrawn = outcome > 0.97
                fields.update(
                    status=Comment.Status.WITHDRAWN if withdrawn else Comment.Status.PUBLISHED,
                    published_at=decided,
                )
        comments.append(
            Comment(
                article=on[i],
                author=by[i],
                text=f"Kommentar {i}",
                html=f"<p>Kommentar {i}</p>",
                created_at=created,
                **fields,
            )
        )
    made = Comment.objects.bulk_create(comments, batch_size=5000)
    published = [c for c in made if c.status == Comment.Status.PUBLISHED]
    reasons, reason_weights = ["spam", "insult", "off_topic", "misinformation", "other"], [4, 5, 3, 2, 1]
    pairs = set()
    while len(pairs) < DESK_REPORTS:
        pairs.add((rng.choice(published), rng.choice(authors)))
    Report.objects.bulk_create(
        (
            Report(
                comment=c,
                reporter=r,
                reason=(reason := rng.choices(reasons, reason_weights)[0]),
                note="Siehe Text" if reason == "other" else "",
            )
            for c, r in pairs
        ),
        batch_size=1000,
    )
    # created_at is auto_now_add: reported within a few hours of the comment, never after now.
    Report.objects.update(
        created_at=Least(
            ExpressionWrapper(
                Subquery(Comment.objects.filter(pk=OuterRef("comment")).values("created_at")[:1])
                + Value(timedelta(hours=2)),
                output_field=DateTimeField(),
            ),
            Value(now),
        )
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # what autovacuum would have done on a live database
    return {"pending": len(waiting), "moderator": moderators[0].pk}


def _desk_measure(moderator_id: int) -> list[dict]:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from kiosk.accounts.models import User

    client = Client()
    client.force_login(User.objects.get(pk=moderator_id))
    pages = []
    for label, url, *before in desk_urls():
        before_given = bool(before)
        before = before[0] if before else lambda: None
        for _ in range(3):  # warm the templates, the site and the connection
            before()
            response = client.get(url)
        before()
        with CaptureQueriesContext(connection) as captured:
            client.get(url)
        # Counted now: every request resets the connection's query log.
        queries = captured.captured_queries
        slowest = max(queries, key=lambda q: float(q["time"]), default={"time": 0, "sql": ""})
        rounds = []
        for _ in range(DESK_ROUNDS):
            times = []
            for _ in range(DESK_REQUESTS):
                before()
                started = time.perf_counter()
                client.get(url)
                times.append(1000 * (time.perf_counter() - started))
            rounds.append(sorted(times))
        best = min(rounds, key=statistics.median)
        pages.append(
            {
                "label": label,
                # A page as moderators get it has the goal; a variant with ``before`` shows a cost
                # behind it (the dashboard with its cache emptied).
                "goal": not before_given,
                "status": response.status_code,
                "kb": len(response.content) / 1024,
                "queries": len(queries),
                "median_ms": statistics.median(best),
                "p90_ms": best[int(0.9 * (len(best) - 1))],
                "slowest_ms": 1000 * float(slowest["time"]),
                "slowest_sql": slowest["sql"],
            }
        )
    return pages


def _desk_main() -> None:
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from unittest import mock
    from zoneinfo import ZoneInfo

    from django.utils import timezone

    # The whole process runs on a clock set to DESK_CLOCK (seeding, the login, the requests), so
    # the figures do not depend on the day the bench runs: on the 1st "this month" is one day of
    # decisions, on the 31st thirty, and the dashboard scans the month's.
    real_now = timezone.now
    shift = datetime(*DESK_CLOCK, tzinfo=ZoneInfo("Europe/Zurich")) - real_now()

    def shifted_now():
        return real_now() + shift

    with mock.patch.object(timezone, "now", shifted_now):
        started = time.perf_counter()
        seeded = _desk_seed(timezone.now())
        took = time.perf_counter() - started
        pages = _desk_measure(seeded["moderator"])
    print(json.dumps({"seeded": took, "pending": seeded["pending"], "pages": pages}))


if __name__ == "__main__":
    if sys.argv[1:] != ["desk"]:
        sys.exit("usage: moderation.py desk")
    _desk_main()
