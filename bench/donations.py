"""Donations benchmark (`bench/run.py donations`): Stripe webhook events per second on PostgreSQL.

A throwaway database (kiosk_bench_donations, dropped afterwards), migrated, with 1,000 pending
donations of CHF 15 (BENCH_DONATIONS), each with its checkout session id. A gunicorn as the comment
benchmarks start it (2 workers × 8 threads, bench.settings) with its own webhook secret
(STRIPE_WEBHOOK_SECRET, no STRIPE_SECRET_KEY: the stand-in), KIOSK_TASKS=db, and beside it the real
task workers (`manage.py worker`, 2 of them, BENCH_TASK_WORKERS; their default 1 s poll when idle).

16 senders (threads, each on its own keep-alive connection) take from one shared queue 2,000
deliveries: each donation's ``checkout.session.completed`` twice under the same event id, so half of
all deliveries are duplicates. For half of the donations the two copies are next to each other in the
queue (two senders deliver them at the same moment), for the other half the copy comes at some random
later point (a retry). Each delivery is signed as it is sent, and goes through the whole path: the
signature check, storing the event once, the task enqueued on commit, a worker processing it (the
donation locked and marked paid).

Before the measured run every sender delivers one event of a kind Kiosk does not handle, and the run
starts once the workers have processed those: connections, threads and workers are warm. Measured
from the first send: accepted = until the last HTTP answer, processed = until every event has its
``processed_at`` (end to end). Then checked: every answer 200, one "ok" per event (the rest "known"),
one stored event per donation, every donation paid, the net total N × 15, no failed task.

    python bench/donations.py setup '{"donations": 1000}'   the subprocesses (DATABASE_URL set);
    python bench/donations.py check '{}'                    each prints one JSON line
"""

from __future__ import annotations

import contextlib
import os
import random
import secrets
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

DONATIONS_DB = "kiosk_bench_donations"
DONATIONS = int(os.environ.get("BENCH_DONATIONS", "1000"))
TASK_WORKERS = int(os.environ.get("BENCH_TASK_WORKERS", "2"))
SENDERS = 16
AMOUNT = Decimal("15.00")
EVENT_PREFIX = "evt_bench_"
WARMUP_PREFIX = "evt_warmup_"
PROCESS_TIMEOUT = 120.0  # seconds after the last answer before the run counts as stuck


@contextlib.contextmanager
def task_workers(env: dict, workdir: Path, count: int):
    """``count`` processes of `manage.py worker` (the site's own command); stopped on exit."""
    processes = []
    logs = []
    try:
        for i in range(count):
            log = open(workdir / f"worker-{i}.log", "w+b")  # noqa: SIM115 (closed below)
            logs.append(log)
            processes.append(
                subprocess.Popen(
                    [sys.executable, "manage.py", "worker", "-v0"],
                    cwd=ROOT,
                    env=env,
                    stdout=log,
                    stderr=subprocess.STDOUT,
                    start_new_session=True,
                )
            )
        yield processes
    finally:
        for process in processes:
            if process.poll() is None:
                process.terminate()
        for process in processes:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
        for log in logs:
            log.close()


def _deliveries(donations: list[list[str]], rng: random.Random) -> list[tuple[str, str]]:
    """(event id, payload) twice per donation: half of the pairs side by side, half far apart."""
    from kiosk.donations import stand_in

    units = []
    for i, (public_id, session_id) in enumerate(donations):
        event_id = f"{EVENT_PREFIX}{i}"
        payload = stand_in.event(
            "checkout.session.completed",
            {
                "id": session_id,
                "object": "checkout.session",
                "mode": "payment",
                "client_reference_id": public_id,
                "payment_intent": f"pi_bench_{i}",
                "payment_status": "paid",
                "amount_total": int(AMOUNT * 100),
            },
            event_id=event_id,
        )
        delivery = (event_id, payload)
        if i % 2:
            units.append([delivery, delivery])  # taken by two senders at once
        else:
            units += [[delivery], [delivery]]  # the copy lands anywhere
    rng.shuffle(units)
    return [delivery for unit in units for delivery in unit]


def _send_all(port: int, deliveries: list[tuple[str, str]], secret: str) -> dict:
    """Every delivery through SENDERS threads from one queue; the answers and when the last came."""
    from bench.comments import Reader
    from kiosk.donations import stand_in

    lock = threading.Lock()
    barrier = threading.Barrier(SENDERS + 1)
    position = iter(range(len(deliveries)))
    answers: Counter = Counter()
    latencies: list[float] = []
    samples: list[str] = []

    def sender() -> None:
        reader = Reader(port, {})
        mine, took = Counter(), []
        barrier.wait()
        while True:
            with lock:
                n = next(position, None)
            if n is None:
                break
            event_id, payload = deliveries[n]
            headers = {
                "Content-Type": "application/json",
                "Stripe-Signature": stand_in.signature(payload, secret=secret),
            }
            started = time.perf_counter()
            try:
                status, body = reader.request("POST", "/zahlungen/stripe/", payload.encode(), headers)
            except Exception as error:  # a failed request is a result
                status, body = 0, repr(error).encode()
            took.append(time.perf_counter() - started)
            answer = body[:20].decode(errors="replace") if status == 200 else ""
            mine[status, answer] += 1
            if status != 200 and len(samples) < 3:
                samples.append(f"{event_id} → {status}: {body[:200].decode(errors='replace')}")
        reader.close()
        with lock:
            answers.update(mine)
            latencies.extend(took)

    threads = [threading.Thread(target=sender, daemon=True) for _ in range(SENDERS)]
    for thread in threads:
        thread.start()
    barrier.wait()
    started = time.perf_counter()
    for thread in threads:
        thread.join()
    return {
        "started": started,
        "answered": time.perf_counter(),
        "answers": answers,
        "latencies": sorted(latencies),
        "samples": samples,
    }


def _processed(admin, table: str, prefix: str) -> int:
    row = admin.execute(
        f"SELECT count(*) FROM {table} WHERE processed_at IS NOT NULL AND event_id LIKE %s",
        [prefix + "%"],
    ).fetchone()
    return row[0]


def _wait_processed(admin, table: str, prefix: str, expected: int, timeout: float) -> tuple[int, float]:
    """Polls every 20 ms until ``expected`` events of ``prefix`` are processed; (how many, when)."""
    deadline = time.perf_counter() + timeout
    while (done := _processed(admin, table, prefix)) < expected and time.perf_counter() < deadline:
        time.sleep(0.02)
    return done, time.perf_counter()


def webhook_events() -> list[str]:
    """Signed events through gunicorn and the task workers on PostgreSQL; figures and checks."""
    import psycopg

    from bench.comments import THREADS, WORKERS, gunicorn, postgres_db, server_env
    from bench.scripts import run_script

    deliveries_count = 2 * DONATIONS
    title = (
        f"Donations webhook on PostgreSQL: {DONATIONS:,} pending donations, {deliveries_count:,} signed "
        f"deliveries of checkout.session.completed (each twice: half of the copies at once, half later), "
        f"{SENDERS} senders (keep-alive)"
    )
    workdir = Path(tempfile.mkdtemp(prefix="kiosk-bench-donations-"))
    started = time.perf_counter()
    try:
        with postgres_db(DONATIONS_DB) as (url, reason):
            if url is None:
                return [title, f"  skipped: {reason}"]
            secret = "whsec_bench_" + secrets.token_hex(16)
            env = server_env(url, workdir, secrets.token_urlsafe(50))
            for name in [k for k in env if k.startswith("STRIPE_")]:
                del env[name]
            env.update(KIOSK_TASKS="db", STRIPE_WEBHOOK_SECRET=secret)
            seeding = time.perf_counter()
            setup = run_script(__file__, "setup", {"donations": DONATIONS}, env)
            seeded = time.perf_counter() - seeding
            table = setup["events_table"]
            deliveries = _deliveries(setup["donations"], random.Random(15))
            with (
                psycopg.connect(url, autocommit=True) as admin,
                task_workers(env, workdir, TASK_WORKERS) as workers,
                gunicorn(env, workdir) as port,
            ):
                warmup = [
                    (f"{WARMUP_PREFIX}{i}", _warmup_event(f"{WARMUP_PREFIX}{i}")) for i in range(SENDERS)
                ]
                warm = _send_all(port, warmup, secret)
                warmed, _ = _wait_processed(admin, table, WARMUP_PREFIX, SENDERS, 60)
                if warm["answers"] != Counter({(200, "ok"): SENDERS}) or warmed != SENDERS:
                    logs = "".join(p.read_text(errors="replace")[-1500:] for p in workdir.glob("*.log"))
                    return [
                        title,
                        f"  FAILED: warm-up answers {dict(warm['answers'])}, {warmed} of {SENDERS} processed "
                        f"{warm['samples']}\n{logs}",
                    ]
                load_before = os.getloadavg()[0]
                sent = _send_all(port, deliveries, secret)
                processed, finished = _wait_processed(admin, table, EVENT_PREFIX, DONATIONS, PROCESS_TIMEOUT)
                load_after = os.getloadavg()[0]
                alive = sum(p.poll() is None for p in workers)
            check = run_script(__file__, "check", {}, env)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    took = time.perf_counter() - started

    accepted_s = sent["answered"] - sent["started"]
    processed_s = finished - sent["started"]
    latencies = sent["latencies"]
    answers = sent["answers"]
    lines = [
        title,
        f"  gunicorn {WORKERS} workers × {THREADS} threads, KIOSK_TASKS=db with {TASK_WORKERS} task workers "
        f"(manage.py worker, 1 s poll when idle); {took:.0f} s in all (migrate and seeding {seeded:.0f} s); "
        f"load average {load_before:.1f} before the run, {load_after:.1f} after",
        f"  {'':24} {'seconds':>8} {'deliveries/s':>13} {'events/s':>9}",
        f"  {'accepted (HTTP answers)':24} {accepted_s:8.2f} {deliveries_count / accepted_s:13.0f} "
        f"{DONATIONS / accepted_s:9.0f}",
        f"  {'processed (end to end)':24} {processed_s:8.2f} {deliveries_count / processed_s:13.0f} "
        f"{DONATIONS / processed_s:9.0f}",
        f"  answer latency: p50 {1000 * statistics.median(latencies):.1f} ms, "
        f"p99 {1000 * latencies[int(0.99 * (len(latencies) - 1))]:.1f} ms, "
        f"max {1000 * latencies[-1]:.1f} ms",
        "  deliveries/s counts every delivery, duplicates too; events/s the distinct events (one per donation).",
    ]

    def verdict(ok: bool) -> str:
        return "PASS" if ok else "FAIL"

    ok_answers, known_answers = answers[200, "ok"], answers[200, "known"]
    all_200 = sum(n for (status, _), n in answers.items() if status == 200)
    expected_total = AMOUNT * DONATIONS
    lines += [
        f"  every answer 200 ({all_200:,} of {deliveries_count:,}): {verdict(all_200 == deliveries_count)}",
        f'  "ok" once per event, "known" for each copy ({ok_answers:,} ok, {known_answers:,} known): '
        f"{verdict(ok_answers == DONATIONS and known_answers == DONATIONS)}",
        f"  events stored {check['events']:,} = {DONATIONS:,}: {verdict(check['events'] == DONATIONS)}; "
        f"processed {processed:,}, all as checkout completed: "
        f"{verdict(processed == DONATIONS and check['completed'] == DONATIONS)}",
        f"  donations paid {check['paid']:,} = {DONATIONS:,}: {verdict(check['paid'] == DONATIONS)}; "
        f"net total CHF {check['net_total']} = {expected_total}: "
        f"{verdict(Decimal(check['net_total']) == expected_total)}",
        f"  tasks failed {check['tasks_failed']}, task workers still running {alive} of {TASK_WORKERS}: "
        f"{verdict(check['tasks_failed'] == 0 and alive == TASK_WORKERS)}",
    ]
    if sent["samples"]:
        lines.append("  non-200 samples:")
        lines += [f"    {sample}" for sample in sent["samples"]]
    return lines


def _warmup_event(event_id: str) -> str:
    from kiosk.donations import stand_in

    return stand_in.event("customer.created", {"id": "cus_bench", "object": "customer"}, event_id=event_id)


# The subprocesses -----------------------------------------------------------------------------


def _setup(*, donations: int) -> dict:
    """Migrate, then ``donations`` pending card-or-TWINT donations, each with its checkout session."""
    from django.core.management import call_command
    from django.utils import timezone

    from kiosk.donations.models import Donation, ProviderEvent

    call_command("migrate", verbosity=0)
    now = timezone.now()
    made = Donation.objects.bulk_create(
        (
            Donation(amount=AMOUNT, created_at=now, stripe_checkout_session_id=f"cs_bench_{i}")
            for i in range(donations)
        ),
        batch_size=1000,
    )
    return {
        "donations": [[str(d.public_id), d.stripe_checkout_session_id] for d in made],
        "events_table": ProviderEvent._meta.db_table,
    }


def _check() -> dict:
    from django_tasks_db.models import DBTaskResult

    from kiosk.donations.models import Donation, ProviderEvent

    bench_events = ProviderEvent.objects.filter(event_id__startswith=EVENT_PREFIX)
    return {
        "events": bench_events.count(),
        "completed": bench_events.filter(outcome="checkout completed").exclude(processed_at=None).count(),
        "paid": Donation.objects.paid().count(),
        "net_total": str(Donation.objects.net_total()),
        "tasks_failed": DBTaskResult.objects.failed().count(),
    }


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    from bench.scripts import script_main

    script_main({"setup": _setup, "check": _check})
