"""manage.py load_demo: the demo newsroom, loaded once (``make run`` calls it on every start)."""

import time

from django.core.management.base import BaseCommand
from django.utils import timezone

from kiosk.newsroom.demo import content, debate
from kiosk.newsroom.demo.loader import demo_is_loaded, demo_load


class Command(BaseCommand):
    help = "Load the demo newsroom: sections, articles, partners, galleries and an editor login."

    def add_arguments(self, parser):
        parser.add_argument(
            "--reset",
            action="store_true",
            help="Delete the front page with everything below it and the demo's pictures, then load again.",
        )

    def handle(self, *args, reset: bool = False, **options):
        if not reset and demo_is_loaded():
            self.stdout.write("Demo newsroom already loaded; nothing to do (--reset loads it again).")
            return
        started = time.monotonic()
        summary = demo_load(now=timezone.now(), reset=reset, log=self.stdout.write)
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo newsroom loaded in {time.monotonic() - started:.1f} s: {summary.sections} sections, "
                f"{summary.articles} articles, {summary.images} images, {summary.galleries} galleries."
            )
        )
        self.stdout.write(f"Showcase article: {summary.reference_url}")
        self.stdout.write(f"Editor login at /admin/: {content.EDITOR_USERNAME} / {content.EDITOR_PASSWORD}")
        self.stdout.write(
            f"Moderator login at /admin/: {debate.MODERATOR_USERNAME} / {debate.READER_PASSWORD}; "
            f"reader login at /konto/login/: anna@{debate.READER_DOMAIN} / {debate.READER_PASSWORD}"
        )
