"""manage.py backup [--to FOLDER]: the database and the media, into a new folder (make backup)."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from kiosk.background import backups


class Command(BaseCommand):
    help = "Back up the database (pg_dump or SQLite's backup) and the uploaded media into a new folder."

    def add_arguments(self, parser):
        parser.add_argument(
            "--to", type=Path, help="The folder to create (default: var/backups/kiosk-<time>)."
        )

    def handle(self, *, to: Path | None, **options):
        now = timezone.now()
        folder = to or Path(settings.BASE_DIR) / "var" / "backups" / f"kiosk-{now:%Y%m%d-%H%M%S}"
        try:
            backups.backup(folder, now=now)
        except (backups.BackupError, FileExistsError, OSError) as error:
            raise CommandError(str(error)) from error
        self.stdout.write(str(folder))
