"""deploy/: the example environment names only variables the settings read; the units start what exists."""

import configparser
import re
import shlex
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
DEPLOY = ROOT / "deploy"
SETTINGS = (ROOT / "config" / "settings" / "base.py").read_text()
GUNICORN = (DEPLOY / "gunicorn.conf.py").read_text()


def example_variables() -> list[str]:
    text = (DEPLOY / "kiosk.env.example").read_text()
    return re.findall(r"^#? ?([A-Z][A-Z0-9_]+)=", text, flags=re.MULTILINE)


def test_the_example_environment_names_only_what_is_read():
    names = example_variables()
    assert {
        "DJANGO_SECRET_KEY",
        "DATABASE_URL",
        "REDIS_URL",
        "KIOSK_BASE_URL",
        "DJANGO_ALLOWED_HOSTS",
    } <= set(names)
    unknown = [n for n in names if f'"{n}"' not in SETTINGS and f'"{n}"' not in GUNICORN]
    assert unknown == []


@pytest.mark.parametrize("unit", sorted((DEPLOY / "systemd").glob("*.service")), ids=lambda p: p.name)
def test_each_unit_runs_a_command_kiosk_has_with_the_example_environment(unit):
    parser = configparser.ConfigParser(strict=False, interpolation=None)
    parser.optionxform = str  # systemd's keys are case-sensitive
    parser.read(unit)
    service = parser["Service"]
    assert service["EnvironmentFile"] == "/etc/kiosk/kiosk.env"
    assert service["Restart"] == "always"
    assert service["NoNewPrivileges"] == "true"
    command = shlex.split(service["ExecStart"])
    assert command[0].startswith("/srv/kiosk/.venv/bin/")
    if "manage.py" in command:
        name = command[command.index("manage.py") + 1]
        assert list(ROOT.glob(f"kiosk/*/management/commands/{name}.py")), name
    for path in (arg for arg in command if arg.startswith("deploy/")):
        assert (ROOT / path).exists(), path
    assert parser["Install"]["WantedBy"] == "multi-user.target"
