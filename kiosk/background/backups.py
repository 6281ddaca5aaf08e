"""Backups: the database (pg_dump, or SQLite's own backup) and the uploaded media, in one folder.

A backup folder holds ``database.pgdump`` (PostgreSQL's custom format, restorable with
``pg_restore``) or ``database.sqlite3``, ``media.tar.gz`` and ``backup.json`` (when, which
database). ``make backup`` and ``make restore BACKUP=<folder>`` call the commands.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from datetime import datetime
from pathlib import Path

from django.conf import settings
from django.core.cache import caches
from django.db import connection

MANIFEST = "backup.json"
PG_DUMP = "database.pgdump"
SQLITE_COPY = "database.sqlite3"
MEDIA = "media.tar.gz"


class BackupError(Exception):
    """Why a backup or restore cannot go on, in words for the operator."""


def _pg_command(program: str, *args: str) -> tuple[list[str], dict]:
    """``program`` with the connection of DATABASES["default"]; the password through the environment."""
    db = settings.DATABASES["default"]
    command = [program, "--no-owner", "--no-privileges", *args]
    for option, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if db.get(key):
            command += [option, str(db[key])]
    env = {**os.environ}
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = db["PASSWORD"]
    return command, env


def _run(command: list[str], env: dict) -> None:
    done = subprocess.run(command, env=env, capture_output=True, text=True)
    if done.returncode:
        raise BackupError(f"{command[0]} failed: {done.stderr.strip()[-2000:]}")


def backup(folder: Path, *, now: datetime) -> Path:
    """Write the database and the media into ``folder`` (made; it must not exist yet)."""
    folder.mkdir(parents=True, exist_ok=False)
    vendor = connection.vendor
    if vendor == "postgresql":
        command, env = _pg_command(
            "pg_dump",
            "--format=custom",
            "--file",
            str(folder / PG_DUMP),
            settings.DATABASES["default"]["NAME"],
        )
        _run(command, env)
    elif vendor == "sqlite":
        source = sqlite3.connect(settings.DATABASES["default"]["NAME"])
        target = sqlite3.connect(folder / SQLITE_COPY)
        try:
            source.backup(target)  # consistent while other processes write
        finally:
            target.close()
            source.close()
    else:
        raise BackupError(f"no backup for a {vendor} database")
    media = Path(settings.MEDIA_ROOT)
    with tarfile.open(folder / MEDIA, "w:gz") as archive:
        if media.exists():
            archive.add(media, arcname="media")
    (folder / MANIFEST).write_text(json.dumps({"created_at": now.isoformat(), "database": vendor}, indent=2))
    return folder


def _tables() -> list[str]:
    with connection.cursor() as cursor:
        return connection.introspection.table_names(cursor)


def restore(folder: Path, *, replace: bool = False) -> None:
    """Restore a backup folder into this site's database and media.

    Into an empty database unless ``replace``: a restore over a live site by mistake
    loses what was written since the backup.
    """
    try:
        manifest = json.loads((folder / MANIFEST).read_text())
    except (OSError, ValueError) as error:
        raise BackupError(f"{folder} is not a Kiosk backup (no readable {MANIFEST})") from error
    vendor = connection.vendor
    if manifest.get("database") != vendor:
        raise BackupError(f"the backup is of a {manifest.get('database')} database, this site runs {vendor}")
    if _tables() and not replace:
        raise BackupError("the database is not empty: restore into an empty one, or pass --replace")
    if vendor == "postgresql":
        args = ["--exit-on-error", "--single-transaction", "--dbname", settings.DATABASES["default"]["NAME"]]
        if replace:
            args = ["--clean", "--if-exists", *args]
        command, env = _pg_command("pg_restore", *args, str(folder / PG_DUMP))
        connection.close()
        _run(command, env)
    else:
        connection.close()
        shutil.copyfile(folder / SQLITE_COPY, settings.DATABASES["default"]["NAME"])
    _restore_media(folder / MEDIA)
    # Pages and fragments cached from what the database held before.
    for alias in settings.CACHES:
        caches[alias].clear()


def _restore_media(archive_path: Path) -> None:
    media = Path(settings.MEDIA_ROOT)
    with tempfile.TemporaryDirectory(dir=media.parent if media.parent.exists() else None) as unpacked:
        with tarfile.open(archive_path, "r:gz") as archive:
            archive.extractall(unpacked, filter="data")  # no absolute paths, links out or devices
        restored = Path(unpacked) / "media"
        if restored.exists():
            shutil.copytree(restored, media, dirs_exist_ok=True)
