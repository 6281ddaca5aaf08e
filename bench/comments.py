"""Comment benchmarks: `bench/run.py comments`.

Writes, against a real server: gunicorn (2 workers × 8 threads) started from
here with bench.settings, 16 concurrent clients on keep-alive connections,
each logged in as its own reader and coming from an address of its own, as
nginx forwards it (X-Forwarded-For, one trusted proxy): the rate limits count
per reader and per address as they do in production. Per database (a fresh SQLite file in WAL
mode; a fresh PostgreSQL database when PostgreSQL answers):

- plain insert: bench/urls.py's bare Comment.objects.create, no auth, CSRF,
  checks or sanitising: the floor for a comment write through this server
- post:         a reader's comment through the real endpoint, every check on
- like/unlike:  like then take back, on published comments of other readers

Posts and likes run with rate limits off, then on a second server with limits
on but generous (the cost of counting), and on PostgreSQL on a third with
Redis as the cache (sessions and limit counters shared by the workers). On
each server the three rows run in interleaved rounds and each row's best
round counts, so a slow moment of the machine does not land on one row only;
posts are compared with the plain insert of the same server.

Reads, in-process: the article page's SQL queries with 10,000 comments
against 10 comments, anonymous (page cache off) and logged in.
"""

from __future__ import annotations

import contextlib
import http.client
import json
import os
import secrets
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

from bench.scripts import run_script
from bench.wsgi import wsgi_get

ROOT = Path(__file__).resolve().parent.parent
SETUP_SCRIPT = ROOT / "bench" / "comments_setup.py"
PHASE_SECONDS = float(os.environ.get("BENCH_SECONDS", "5"))
WARMUP_SECONDS = float(os.environ.get("BENCH_WARMUP", "3"))  # the first round on a fresh server
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "3"))
CLIENTS = 16
LIKED_COMMENTS = 32
WORKERS, THREADS = 2, 8
POSTGRES_SERVER = os.environ.get("BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432")
POSTGRES_DB = "kiosk_bench"
REDIS_URL = os.environ.get("BENCH_REDIS", "redis://127.0.0.1:6379/14")
POST_GOAL = 50.0  # posting with every check on, as % of the plain insert
GENEROUS = "100000/60"
LIMITS_ON = {
    "KIOSK_RATE_LIMITS_ENABLED": "true",
    **{
        f"KIOSK_RATE_{action}_{scope}": GENEROUS for action in ("COMMENT", "LIKE") for scope in ("USER", "IP")
    },
}
# The JSON API once it is there; until then the comment forms, which answer JSON to Accept: application/json.
ENDPOINT = os.environ.get("BENCH_COMMENT_ENDPOINT", "auto")  # "api", "form" or "auto"


@dataclass
class Result:
    name: str
    server: str = ""  # rows of one server share its plain insert
    ok: int = 0
    seconds: float = 0.0
    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    samples: list[str] = field(default_factory=list)
    created: int = 0  # 2xx writes over the whole phase, warm-up included

    @property
    def rate(self) -> float:
        return self.ok / self.seconds if self.seconds else 0.0

    def percentile(self, p: float) -> float:
        if not self.latencies:
            return float("nan")
        ordered = sorted(self.latencies)
        return 1000 * ordered[min(len(ordered) - 1, int(p * len(ordered)))]


# Clients ---------------------------------------------------------------------


class Reader:
    """One client on one keep-alive connection, with its own cookies."""

    def __init__(self, port: int, cookies: dict[str, str]):
        self.port = port
        self.cookies = dict(cookies)
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)

    def request(self, method: str, path: str, body: bytes | None = None, headers: dict | None = None):
        headers = {"Host": "127.0.0.1", **(headers or {})}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        try:
            self.conn.request(method, path, body=body, headers=headers)
            response = self.conn.getresponse()
            data = response.read()
        except (http.client.HTTPException, OSError):
            self.conn.close()
            self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
            raise
        for header in response.msg.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                self.cookies[name] = morsel.value
        return response.status, data

    def close(self) -> None:
        self.conn.close()


def best_round(rounds: list[Result]) -> Result:
    """The fastest round, with the errors, samples and writes of all rounds."""
    best = max(rounds, key=lambda r: r.rate)
    return Result(
        best.name,
        server=best.server,
        ok=best.ok,
        seconds=best.seconds,
        latencies=best.latencies,
        errors=sum(r.errors for r in rounds),
        samples=[s for r in rounds for s in r.samples][:3],
        created=sum(r.created for r in rounds),
    )


def run_phase(name: str, readers: list[Reader], make_request, *, warmup: float) -> Result:
    """Every reader in its own thread for warm-up + PHASE_SECONDS; only the measured span counts.

    ``make_request(index, n)`` gives (method, path, body, headers) for reader
    ``index``'s n-th request.
    """
    result = Result(name)
    lock = threading.Lock()
    barrier = threading.Barrier(len(readers) + 1)
    times: dict[str, float] = {}

    def client(index: int, reader: Reader) -> None:
        latencies, ok, created, errors, samples = [], 0, 0, 0, []
        n = 0
        barrier.wait()
        measure_from, stop_at = times["from"], times["stop"]
        while (started := time.perf_counter()) < stop_at:
            method, path, body, headers = make_request(index, n)
            n += 1
            try:
                status, data = reader.request(method, path, body, headers)
            except Exception as error:  # a failed request is a result
                status, data = 0, repr(error).encode()
            ended = time.perf_counter()
            good = 200 <= status < 300
            created += good
            if started >= measure_from and ended <= stop_at:
                if good:
                    ok += 1
                    latencies.append(ended - started)
                else:
                    errors += 1
            if not good and len(samples) < 3:
                samples.append(f"{method} {path} → {status}: {data[:200].decode(errors='replace')}")
        with lock:
            result.ok += ok
            result.created += created
            result.errors += errors
            result.latencies += latencies
            result.samples += samples

    threads = [threading.Thread(target=client, args=(i, r), daemon=True) for i, r in enumerate(readers)]
    for thread in threads:
        thread.start()
    now = time.perf_counter()
    times.update({"from": now + warmup, "stop": now + warmup + PHASE_SECONDS})
    barrier.wait()
    for thread in threads:
        thread.join()
    result.seconds = PHASE_SECONDS
    return result


# The server ------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def server_env(database_url: str, workdir: Path, secret: str, extra: dict | None = None) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("KIOSK_", "DJANGO_", "GUNICORN_"))}
    env.pop("REDIS_URL", None)
    env.update(
        DJANGO_SETTINGS_MODULE="bench.settings",
        DATABASE_URL=database_url,
        DJANGO_DEBUG="false",
        DJANGO_SECRET_KEY=secret,
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        DJANGO_SECURE_SSL_REDIRECT="false",
        DJANGO_SECURE_COOKIES="false",
        DJANGO_LOG_LEVEL="CRITICAL",
        KIOSK_MEDIA_ROOT=str(workdir / "media"),
        KIOSK_CACHE_DIR=str(workdir / "cache"),
        KIOSK_RATE_LIMITS_ENABLED="false",
        KIOSK_TRUSTED_PROXY_COUNT="1",  # the clients' X-Forwarded-For, as from nginx
        PYTHONPATH=str(ROOT),
    )
    env.update(extra or {})
    return env


@contextlib.contextmanager
def gunicorn(env: dict, workdir: Path):
    """A gunicorn serving bench.settings on a free port; stopped (and killed if need be) on exit."""
    port = free_port()
    log = open(workdir / f"gunicorn-{port}.log", "w+b")  # noqa: SIM115 (closed below)
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "config.wsgi",
        "--config=python:bench.gunicorn_conf",
        f"--workers={WORKERS}",
        f"--threads={THREADS}",
        f"--bind=127.0.0.1:{port}",
    ]
    process = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
    )
    try:
        deadline = time.monotonic() + 120
        while True:
            if process.poll() is not None:
                log.seek(0)
                raise RuntimeError(f"gunicorn exited:\n{log.read()[-3000:].decode(errors='replace')}")
            try:
                status, _ = Reader(port, {}).request("GET", "/robots.txt")
                if status == 200:
                    break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("gunicorn did not answer within 120 s")
            time.sleep(0.3)
        yield port
    finally:
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
        log.close()


# The phases ------------------------------------------------------------------


def address(i: int) -> str:
    """Client ``i``'s address, from a documentation range (RFC 5737)."""
    return f"198.51.100.{i + 1}"


def endpoints(setup: dict) -> dict:
    """Paths and bodies for the chosen endpoint kind."""
    found = setup["endpoints"]
    kind = ENDPOINT
    if kind == "auto":
        kind = "api" if found["api_post"] and found["api_like"] else "form"
    if kind == "api":
        return {
            "kind": "api",
            "post": f"/api/articles/{setup['article_id']}/comments",
            "like": lambda pk: ("POST", f"/api/comments/{pk}/like", b""),
            "unlike": lambda pk: ("DELETE", f"/api/comments/{pk}/like", b""),
            "body": lambda text, token: json.dumps({"text": text}).encode(),
            "type": "application/json",
        }
    return {
        "kind": "form",
        "post": f"/kommentare/artikel/{setup['article_id']}/",
        "like": lambda pk: ("POST", f"/kommentare/{pk}/gefaellt-mir/", b"action=like"),
        "unlike": lambda pk: ("POST", f"/kommentare/{pk}/gefaellt-mir/", b"action=unlike"),
        "body": lambda text, token: urlencode({"text": text, "csrfmiddlewaretoken": token}).encode(),
        "type": "application/x-www-form-urlencoded",
    }


def logged_in_readers(port: int, setup: dict, sessions: list[str]) -> list[Reader]:
    """Each reader with its session cookie and the CSRF cookie the site hands out."""
    readers = []
    for session in sessions:
        reader = Reader(port, {setup["session_cookie"]: session})
        path = "/api/session" if setup["endpoints"]["api_session"] else setup["article_path"]
        status, _ = reader.request("GET", path, headers={"Accept": "application/json, text/html"})
        if status != 200 or setup["csrf_cookie"] not in reader.cookies:
            raise RuntimeError(f"GET {path} as a reader gave {status} and no CSRF cookie")
        readers.append(reader)
    return readers


def write_phases(port: int, setup: dict, sessions: list[str], *, label: str) -> list[Result]:
    """Plain insert, post and like/unlike on one server, in ROUNDS interleaved rounds; the best of each."""
    ends = endpoints(setup)
    csrf = setup["csrf_cookie"]
    comments = setup["comments"]
    anonymous = [Reader(port, {}) for _ in range(CLIENTS)]
    readers = logged_in_readers(port, setup, sessions)
    plain_path = f"/bench/plain-insert/{setup['article_id']}/?author="

    def text(i: int, n: int, kind: str, round_: int) -> str:
        # Every row and round writes texts of its own: the same text again from the same reader is a duplicate.
        return (
            f"Ein Gedanke zum Artikel von Leserin {i}, Nummer {n}: https://example.org/quelle bitte lesen "
            f"({kind}{label}, Runde {round_})."
        )

    def headers(i: int, content_type: str) -> dict:
        return {
            "X-CSRFToken": readers[i].cookies[csrf],
            "Accept": "application/json",
            "Content-Type": content_type,
            "X-Forwarded-For": address(i),
        }

    def plain_insert(round_):
        def make(i, n):
            body = ends["body"](text(i, n, "insert", round_), "")
            plain_headers = {"Content-Type": ends["type"], "X-Forwarded-For": address(i)}
            return "POST", plain_path + str(setup["readers"][i]), body, plain_headers

        return make

    def post(round_):
        def make(i, n):
            body = ends["body"](text(i, n, "post", round_), readers[i].cookies[csrf])
            return "POST", ends["post"], body, headers(i, ends["type"])

        return make

    def like(round_):
        def make(i, n):
            # Readers walk the comments from different starting points; neighbours meet on the same rows.
            pk = comments[(i * 2 + n // 2) % len(comments)]
            method, path, body = (ends["like"] if n % 2 == 0 else ends["unlike"])(pk)
            return method, path, body, headers(i, "application/x-www-form-urlencoded")

        return make

    rows = [
        ("plain insert", anonymous, plain_insert),
        ("post", readers, post),
        ("like/unlike", readers, like),
    ]
    rounds: dict[str, list[Result]] = {name: [] for name, _, _ in rows}
    for round_ in range(ROUNDS):
        for name, clients, make in rows:
            result = run_phase(
                f"{name}{label}", clients, make(round_), warmup=WARMUP_SECONDS if round_ == 0 else 1.0
            )
            result.server = label
            rounds[name].append(result)
    for reader in anonymous + readers:
        reader.close()
    return [best_round(rounds[name]) for name, _, _ in rows]


def backend_leg(title: str, database_url: str, workdir: Path, *, redis: bool = False) -> list[str]:
    started = time.perf_counter()
    secret = secrets.token_urlsafe(50)
    env = server_env(database_url, workdir, secret)
    setup = run_script(SETUP_SCRIPT, "setup", {"clients": CLIENTS, "comments": LIKED_COMMENTS}, env)
    before = run_script(SETUP_SCRIPT, "check", {"comments": setup["comments"]}, env)["total"]
    results = []
    with gunicorn(env, workdir) as port:
        results += write_phases(port, setup, setup["sessions"], label=", limits off")
    env_on = server_env(database_url, workdir, secret, LIMITS_ON)
    with gunicorn(env_on, workdir) as port:
        results += write_phases(port, setup, setup["sessions"], label=", limits on")
    if redis:
        redis_env = server_env(database_url, workdir, secret, {**LIMITS_ON, "REDIS_URL": REDIS_URL})
        with redis_db() as ready:
            if ready:
                sessions = run_script(SETUP_SCRIPT, "sessions", {"readers": setup["readers"]}, redis_env)[
                    "sessions"
                ]
                with gunicorn(redis_env, workdir) as port:
                    results += write_phases(port, setup, sessions, label=", limits on, Redis")
            else:
                results.append(Result("(Redis rows skipped: " + ready.reason + ")"))
    after = run_script(SETUP_SCRIPT, "check", {"comments": setup["comments"]}, env)
    took = time.perf_counter() - started
    return table(f"{title} ({took:.0f} s with setup and server starts)", setup, results, before, after)


def table(title: str, setup: dict, results: list[Result], before: int, after: dict) -> list[str]:
    kind = endpoints(setup)["kind"]
    plain = {r.server: r.rate for r in results if r.name.startswith("plain insert")}
    lines = [f"  {title}, {'JSON API' if kind == 'api' else 'form endpoints'}"]
    lines.append(f"    {'':34} {'req/s':>7} {'of plain':>9} {'p50 ms':>7} {'p99 ms':>7} {'errors':>6}  goal")
    samples = []
    for r in results:
        if not r.seconds:
            lines.append(f"    {r.name}")
            continue
        ratio = 100 * r.rate / plain[r.server] if plain.get(r.server) else float("nan")
        goal = ""
        if r.name.startswith("post"):
            goal = f"≥ {POST_GOAL:g} % {'PASS' if ratio >= POST_GOAL and not r.errors else 'BELOW'}"
        lines.append(
            f"    {r.name:34} {r.rate:7.0f} {ratio:8.1f}% {r.percentile(0.5):7.1f} "
            f"{r.percentile(0.99):7.1f} {r.errors:6d}  {goal}"
        )
        samples += [f"      {r.name}: {s}" for s in r.samples]
    written = sum(r.created for r in results if r.name.startswith(("post", "plain")))
    stored = after["total"] - before
    exact = not after["mismatches"]
    lines.append(
        f"    comments stored {stored} = 2xx answers {written}: {'PASS' if stored == written else 'FAIL'}; "
        f"like_count = Like rows on all {LIKED_COMMENTS} liked comments ({after['likes']} rows left): "
        f"{'PASS' if exact else 'FAIL ' + str(after['mismatches'][:5])}"
    )
    if samples:
        lines.append("    non-2xx samples:")
        lines += samples
    return lines


@dataclass
class Ready:
    ok: bool
    reason: str = ""

    def __bool__(self) -> bool:
        return self.ok


@contextlib.contextmanager
def redis_db():
    """The bench's Redis database, used only when empty and emptied afterwards."""
    try:
        import redis

        client = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2)
        if client.dbsize():
            yield Ready(False, f"{REDIS_URL} is not empty")
            return
    except Exception as error:
        yield Ready(False, f"{REDIS_URL} unreachable: {error}")
        return
    try:
        yield Ready(True)
    finally:
        client.flushdb()
        client.close()


@contextlib.contextmanager
def postgres_db(name: str = POSTGRES_DB):
    """A fresh database of that name (kiosk_bench by default), dropped afterwards; None when PostgreSQL does not answer."""
    try:
        import psycopg

        admin = psycopg.connect(f"{POSTGRES_SERVER}/postgres", autocommit=True, connect_timeout=3)
    except Exception as error:
        yield None, f"PostgreSQL at {POSTGRES_SERVER} unreachable ({type(error).__name__}: {error})"
        return
    try:
        admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        admin.execute(f"CREATE DATABASE {name}")
        yield f"{POSTGRES_SERVER}/{name}", ""
    finally:
        admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        admin.close()


def comment_writes(migrated_sqlite: Path | None = None) -> list[str]:
    """Posts and likes per second through gunicorn, on SQLite and on PostgreSQL."""
    workdir = Path(tempfile.mkdtemp(prefix="kiosk-bench-comments-"))
    lines = [
        f"Comment writes: {CLIENTS} concurrent clients (keep-alive), gunicorn {WORKERS} workers × "
        f"{THREADS} threads; per server {ROUNDS} interleaved rounds of {PHASE_SECONDS:g} s per row "
        f"({WARMUP_SECONDS:g} s warm-up in the first, 1 s in the others), best round shown"
    ]
    try:
        sqlite = workdir / "comments.sqlite3"
        if migrated_sqlite:  # a copy of an already migrated file: migrate then has nothing to do
            sqlite.write_bytes(migrated_sqlite.read_bytes())
        lines += backend_leg("SQLite (WAL)", f"sqlite:///{sqlite}", workdir)
        with postgres_db() as (url, reason):
            if url:
                lines += backend_leg("PostgreSQL", url, workdir, redis=True)
            else:
                lines.append(f"  PostgreSQL skipped: {reason}")
    finally:
        for path in sorted(workdir.rglob("*"), reverse=True):
            path.unlink() if path.is_file() else path.rmdir()
        workdir.rmdir()
    lines.append("  plain insert = bare Comment.objects.create through the same server (bench/urls.py),")
    lines.append('  "of plain" = of the plain insert on the same server;')
    lines.append("  post = login, CSRF, comment window, text checks and sanitising, the JSON answer's HTML.")
    return lines


# Reads -----------------------------------------------------------------------


def seed_thread(article, readers, count: int) -> None:
    """``count`` published comments: a fifth of them replies, likes spread over the readers.

    Beside them, as in a real debate, the moderators' leftovers: one rejected
    comment for every ten, and some withdrawn by their authors.
    """
    from datetime import timedelta

    from django.db.models import Count, OuterRef, Subquery
    from django.db.models.functions import Coalesce
    from django.utils import timezone

    from kiosk.comments.models import Comment, Like

    start = timezone.now() - timedelta(seconds=count)
    top_count = count - count // 5
    top = Comment.objects.bulk_create(
        (
            Comment(
                article=article,
                author=readers[i % len(readers)],
                text=f"Kommentar {i}",
                html=f"<p>Kommentar {i}</p>",
                status=Comment.Status.PUBLISHED,
                created_at=start + timedelta(seconds=i),
                published_at=start + timedelta(seconds=i),
            )
            for i in range(top_count)
        ),
        batch_size=2000,
    )
    Comment.objects.bulk_create(
        (
            Comment(
                article=article,
                author=readers[(i + 1) % len(readers)],
                parent=parent,
                text="Antwort",
                html="<p>Antwort</p>",
                status=Comment.Status.PUBLISHED,
                created_at=parent.created_at + timedelta(milliseconds=500),
                published_at=parent.created_at + timedelta(milliseconds=500),
            )
            for i, parent in enumerate(top[: count - top_count])
        ),
        batch_size=2000,
    )
    Comment.objects.bulk_create(
        (
            Comment(
                article=article,
                author=readers[i % len(readers)],
                text="Abgelehnt",
                html="<p>Abgelehnt</p>",
                status=Comment.Status.REJECTED if i % 5 else Comment.Status.WITHDRAWN,
                created_at=start + timedelta(seconds=i),
            )
            for i in range(count // 10)
        ),
        batch_size=2000,
    )
    # Comment i gets likes from i % 7 readers, never its author.
    likes = [
        Like(comment=comment, reader=reader)
        for i, comment in enumerate(top)
        for reader in [r for r in readers if r.pk != comment.author_id][: i % 7]
    ]
    Like.objects.bulk_create(likes, batch_size=5000)
    counts = Like.objects.filter(comment=OuterRef("pk")).values("comment").annotate(n=Count("pk")).values("n")
    Comment.objects.filter(article=article).update(like_count=Coalesce(Subquery(counts), 0))


def comment_page_queries() -> list[str]:
    """The article page's queries and render time with 10,000 comments against 10."""
    from django.conf import settings
    from django.contrib.auth.hashers import make_password
    from django.core.handlers.wsgi import WSGIHandler
    from django.db import connection
    from django.test import Client
    from django.test.utils import override_settings

    from bench import pages
    from kiosk.accounts.models import User
    from kiosk.comments.models import Comment
    from kiosk.news.models import SectionPage

    section = SectionPage.objects.live().first()
    password = make_password(None)
    readers = User.objects.bulk_create(
        User(username=f"bench-reader-{i}", email=f"bench-reader-{i}@example.org", password=password)
        for i in range(12)
    )
    few = pages.article(section, title="Bench: zehn Kommentare", slug="bench-zehn-kommentare")
    many = pages.article(section, title="Bench: zehntausend Kommentare", slug="bench-zehntausend")
    seeded = time.perf_counter()
    seed_thread(few, readers, 10)
    seed_thread(many, readers, 10_000)
    seeded = time.perf_counter() - seeded
    me = readers[0]
    for article in (few, many):  # the logged-in reader also waits for a decision on one comment
        Comment.objects.create(
            article=article, author=me, text="Meins", html="<p>Meins</p>", created_at=few.first_published_at
        )
    client = Client()
    client.force_login(me)
    cookie = f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"
    app = WSGIHandler()

    def measure(path: str, cookie: str) -> tuple[int, float]:
        for _ in range(2):  # warm the fragment and routing caches
            code, _, _ = wsgi_get(app, path, cookie)
            assert code == 200, (path, code)
        executed = []

        def counter(execute, sql, params, many, context):
            executed.append(sql)
            return execute(sql, params, many, context)

        with connection.execute_wrapper(counter):
            wsgi_get(app, path, cookie)
        slowest = []

        def timer(execute, sql, params, many, context):
            started = time.perf_counter()
            try:
                return execute(sql, params, many, context)
            finally:
                slowest.append((time.perf_counter() - started, sql))

        with connection.execute_wrapper(timer):
            wsgi_get(app, path, cookie)
        if slowest:  # a warm page may run no query at all
            slow[path, cookie] = max(slowest)
        times = []
        for _ in range(5):
            started = time.perf_counter()
            wsgi_get(app, path, cookie)
            times.append(time.perf_counter() - started)
        return len(executed), 1000 * statistics.median(times)

    rows, slow = {}, {}
    with override_settings(KIOSK_PAGE_CACHE_ENABLED=False):
        for who, who_cookie in (("anonymous", ""), ("logged in", cookie)):
            rows[who] = [measure(article.url, who_cookie) for article in (few, many)]
    lines = [
        f"Article page with 10,000 comments against 10 (seeded in {seeded:.1f} s), page cache off, "
        "median of 5 renders"
    ]
    lines.append(f"    {'':12} {'queries 10':>10} {'10,000':>7} {'ms 10':>7} {'10,000':>7}  equal queries")
    for who, ((q_few, t_few), (q_many, t_many)) in rows.items():
        verdict = "PASS" if q_few == q_many else "FAIL"
        lines.append(f"    {who:12} {q_few:10d} {q_many:7d} {t_few:7.1f} {t_many:7.1f}  {verdict}")
    for (path, who_cookie), (seconds, sql) in slow.items():
        if path == many.url:  # pages that ran no query are not listed
            who = "logged in" if who_cookie else "anonymous"
            lines.append(f"    slowest query with 10,000, {who}: {1000 * seconds:.1f} ms {sql[:160]}")
    return lines
