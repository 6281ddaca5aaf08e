"""manage.py tasks_failed: list failed and stuck tasks (exit status 1 if any), retry or dismiss them."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from kiosk.background import failures


class Command(BaseCommand):
    help = (
        "List background tasks that failed or got stuck; exits with status 1 when there are any, "
        "so CI and monitoring can run it. --retry or --dismiss deal with them (ids or 'all')."
    )

    def add_arguments(self, parser):
        action = parser.add_mutually_exclusive_group()
        action.add_argument(
            "--retry", nargs="+", metavar="ID", help="Enqueue these tasks again ('all' for every one)."
        )
        action.add_argument(
            "--dismiss", nargs="+", metavar="ID", help="Forget these tasks ('all' for every one)."
        )

    def handle(self, *, retry, dismiss, **options):
        if not failures.keeps_results():
            self.stdout.write(
                "This task backend keeps no results here (RQ: see its failed job registry, `rq info`)."
            )
            return
        listed = failures.needing_attention(now=timezone.now())
        chosen = retry or dismiss
        if chosen:
            ids = {str(r.pk) for r in listed} if chosen == ["all"] else set(chosen)
            for result_id in sorted(ids):
                try:
                    if retry:
                        new_id = failures.result_retry(result_id=result_id)
                        self.stdout.write(f"{result_id} retried as {new_id}")
                    else:
                        failures.result_dismiss(result_id=result_id)
                        self.stdout.write(f"{result_id} dismissed")
                except Exception as error:  # an unknown or malformed id, a task that no longer exists
                    raise CommandError(f"{result_id}: {error!r}") from error
            return
        for result in listed:
            state = "failed" if result.status == "FAILED" else "stuck (running since)"
            when = result.finished_at or result.started_at
            self.stdout.write(
                f"{result.pk}  {result.task_path}  {state} {when:%Y-%m-%d %H:%M}  {result.exception_class_path}"
            )
        if listed:
            raise CommandError(f"{len(listed)} background task(s) need attention: --retry or --dismiss them.")
        self.stdout.write("No failed or stuck background tasks.")
