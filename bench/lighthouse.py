"""Lighthouse scores of the demo's pages on a phone: `make lighthouse` (with `make run` serving).

Lighthouse comes from the npm registry into var/lighthouse the first time and runs Debian's
Chromium headless, mobile form factor (Lighthouse's default: a mid-range phone on slow 4G,
simulated). Scores print only; nothing fails on them. The pages are the front page, a section,
and the first article the front page links to.

    bench/lighthouse.py [http://127.0.0.1:8000]
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PREFIX = ROOT / "var" / "lighthouse"
LIGHTHOUSE = PREFIX / "node_modules" / ".bin" / "lighthouse"
VERSION = "13.5.0"
CHROMIUM = os.environ.get("KIOSK_CHROMIUM", "/usr/bin/chromium")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


def installed() -> Path:
    if not LIGHTHOUSE.exists():
        PREFIX.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            ["npm", "install", "--prefix", str(PREFIX), "--no-audit", "--no-fund", f"lighthouse@{VERSION}"],
            check=True,
        )
    return LIGHTHOUSE


# The front page links these too; they are not sections or articles.
NOT_STORIES = (
    "feed",
    "autoren",
    "themen",
    "suche",
    "konto",
    "leser",
    "unterstuetzen",
    "en",
    "fr",
    "static",
    "media",
)


def pages(base: str) -> list[tuple[str, str]]:
    front = urllib.request.urlopen(base + "/", timeout=10).read().decode()
    links = re.findall(r'href="(/[a-z0-9-]+/(?:[a-z0-9-]+/)*)"', front)
    links = [link for link in links if link.split("/")[1] not in NOT_STORIES]
    sections = [link for link in links if link.count("/") == 2 and f'href="{link}"' in front]
    articles = [link for link in links if link.count("/") >= 3]
    found = [("front page", base + "/")]
    if sections:
        found.append(("section", base + sections[0]))
    if articles:
        found.append(("article", base + articles[0]))
    return found


def score(url: str) -> dict[str, int]:
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "report.json"
        subprocess.run(
            [
                str(installed()),
                url,
                f"--chrome-path={CHROMIUM}",
                "--chrome-flags=--headless=new --no-sandbox",
                "--form-factor=mobile",
                f"--only-categories={','.join(CATEGORIES)}",
                "--output=json",
                f"--output-path={report}",
                "--quiet",
            ],
            check=True,
        )
        result = json.loads(report.read_text())
    failed = [
        audit["id"]
        for audit in result["audits"].values()
        if audit.get("score") is not None
        and audit["score"] < 0.9
        and audit.get("scoreDisplayMode") != "manual"
    ]
    if failed:
        print(f"    audits below 0.9: {', '.join(sorted(failed))}")
    metrics = result["audits"]
    shown = (
        "first-contentful-paint",
        "largest-contentful-paint",
        "total-blocking-time",
        "cumulative-layout-shift",
    )
    print("    " + ", ".join(f"{name} {metrics[name]['displayValue']}" for name in shown if name in metrics))
    return {name: round(result["categories"][name]["score"] * 100) for name in CATEGORIES}


def main() -> None:
    base = (sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8000").rstrip("/")
    for name, url in pages(base):
        print(f"{name}: {url}")
        scores = score(url)
        print("    " + ", ".join(f"{category} {value}" for category, value in scores.items()))


if __name__ == "__main__":
    main()
