"""manage.py clock: enqueue the periodic tasks (KIOSK_PERIODIC_TASKS) on their intervals, forever."""

from __future__ import annotations

import contextlib
import signal
import sys

from django.core.management.base import BaseCommand

from kiosk.background import clock


class Command(BaseCommand):
    help = (
        "Enqueue the periodic tasks on their intervals (scheduled publishing every minute). Run one per site."
    )

    def handle(self, **options):
        signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
        with contextlib.suppress(KeyboardInterrupt):
            clock.run()
