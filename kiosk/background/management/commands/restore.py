"""manage.py restore FOLDER [--replace]: a backup back into the database and the media (make restore)."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from kiosk.background import backups


class Command(BaseCommand):
    help = "Restore a folder written by manage.py backup: into an empty database unless --replace."

    def add_arguments(self, parser):
        parser.add_argument("folder", type=Path)
        parser.add_argument(
            "--replace",
            action="store_true",
            help="Replace what the database holds (what was written since is lost).",
        )

    def handle(self, *, folder: Path, replace: bool, **options):
        try:
            backups.restore(folder, replace=replace)
        except backups.BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"restored {folder}")
