"""The database side of a benchmark runs as its own process, against the bench's throwaway database.

A benchmark module calls ``run_script(its_file, "setup", {...}, env)``; the module's
``__main__`` hands its commands to ``script_main``, which sets Django up with the
environment it was given (DATABASE_URL, REDIS_URL, DJANGO_SECRET_KEY: the server's),
runs one and prints its result as the last line, one JSON object.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_script(script: str | Path, command: str, args: dict, env: dict) -> dict:
    """Run ``python <script> <command> '<args as JSON>'`` and return the JSON it printed last."""
    script = Path(script).resolve()
    done = subprocess.run(
        [sys.executable, str(script), command, json.dumps(args)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    if done.returncode:
        raise RuntimeError(f"{script.name} {command} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def script_main(commands: dict[str, Callable[..., dict]]) -> None:
    """The ``__main__`` of a benchmark's database side: ``<command> '<json keyword arguments>'``."""
    if len(sys.argv) < 2 or sys.argv[1] not in commands:
        sys.exit(f"usage: {Path(sys.argv[0]).name} {'|'.join(commands)} '<json>'")
    command, args = sys.argv[1], json.loads(sys.argv[2] if len(sys.argv) > 2 else "{}")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.base")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    print(json.dumps(commands[command](**args)))
