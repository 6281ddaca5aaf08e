"""make backup and make restore: a site's database and media, restored into an empty one, serve the same article.

Each step is its own `manage.py` process, as an operator runs them, on databases and
media folders made for the test: SQLite in the SQLite leg, PostgreSQL in the PostgreSQL leg.
"""

import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

ROOT = Path(__file__).resolve().parents[3]

WRITE_A_SITE = """
import json
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from kiosk.news.tests.factories import ArticlePageFactory, SectionPageFactory, make_home
home = make_home()
section = SectionPageFactory(parent=home, title="Schweiz", slug="schweiz")
article = ArticlePageFactory(parent=section, title="Gesichert und zurückgeholt", slug="gesichert")
default_storage.save("documents/beleg.txt", ContentFile(b"Beleg"))
print(json.dumps({"url": article.url}))
"""

READ_THE_SITE = """
import json
from pathlib import Path
from django.conf import settings
from django.test import Client
response = Client().get("{url}", HTTP_HOST="localhost")
media = Path(settings.MEDIA_ROOT, "documents", "beleg.txt")
print(json.dumps({{
    "status": response.status_code,
    "headline": "Gesichert und zurückgeholt" in response.content.decode(),
    "media": media.read_bytes().decode() if media.exists() else None,
}}))
"""


def manage(env: dict, *args: str, check: bool = True) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, check=check
    )


def site_env(database_url: str, folder: Path) -> dict:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("KIOSK_", "DJANGO_", "DATABASE_URL", "REDIS_URL"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.base",
        DATABASE_URL=database_url,
        KIOSK_MEDIA_ROOT=str(folder / "media"),
        KIOSK_CACHE_DIR=str(folder / "cache"),
        KIOSK_TASKS="immediate",
        DJANGO_ALLOWED_HOSTS="localhost",
    )
    return env


def last_json(done: subprocess.CompletedProcess) -> dict:
    return json.loads(done.stdout.strip().splitlines()[-1])


def back_up_and_restore(tmp_path: Path, source_url: str, target_url: str) -> None:
    source = site_env(source_url, tmp_path / "source")
    manage(source, "migrate", "--verbosity=0")
    url = last_json(manage(source, "shell", "-c", WRITE_A_SITE))["url"]
    folder = tmp_path / "backup"
    assert manage(source, "backup", "--to", str(folder)).stdout.strip() == str(folder)
    assert manage(source, "backup", "--to", str(folder), check=False).returncode == 1  # never over another

    target = site_env(target_url, tmp_path / "target")
    assert manage(target, "restore", str(folder)).returncode == 0
    assert last_json(manage(target, "shell", "-c", READ_THE_SITE.format(url=url))) == {
        "status": 200,
        "headline": True,
        "media": "Beleg",
    }
    # Not over a site that has data, unless asked to.
    refused = manage(target, "restore", str(folder), check=False)
    assert refused.returncode == 1
    assert "not empty" in refused.stderr
    assert manage(target, "restore", str(folder), "--replace").returncode == 0
    assert last_json(manage(target, "shell", "-c", READ_THE_SITE.format(url=url)))["status"] == 200


@pytest.mark.skipif(connection.vendor != "sqlite", reason="the SQLite leg restores SQLite")
def test_a_sqlite_site_is_backed_up_and_restored(tmp_path):
    back_up_and_restore(
        tmp_path, f"sqlite:///{tmp_path}/source.sqlite3", f"sqlite:///{tmp_path}/target.sqlite3"
    )


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the PostgreSQL leg restores PostgreSQL")
def test_a_postgresql_site_is_backed_up_and_restored_into_an_empty_database(tmp_path):
    import psycopg

    db = settings.DATABASES["default"]
    names = [f"kiosk_backup_{uuid.uuid4().hex[:8]}_{side}" for side in ("source", "target")]
    admin = psycopg.connect(
        host=db["HOST"],
        port=db["PORT"] or 5432,
        user=db["USER"],
        password=db["PASSWORD"],
        dbname="postgres",
        autocommit=True,
    )
    auth = f"{db['USER']}:{db['PASSWORD']}@" if db["PASSWORD"] else f"{db['USER']}@"
    base = f"postgres://{auth}{db['HOST']}:{db['PORT'] or 5432}"
    try:
        for name in names:
            admin.execute(f'CREATE DATABASE "{name}"')
        back_up_and_restore(tmp_path, f"{base}/{names[0]}", f"{base}/{names[1]}")
    finally:
        for name in names:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


def test_restore_refuses_a_folder_that_is_no_backup(tmp_path):
    env = site_env(f"sqlite:///{tmp_path}/empty.sqlite3", tmp_path)
    done = manage(env, "restore", str(tmp_path), check=False)
    assert done.returncode == 1
    assert "is not a Kiosk backup" in done.stderr
