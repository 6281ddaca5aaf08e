"""Moderation benchmarks: the word-list check of one comment (`bench/run.py moderation`).

10,000 listed entries (a tenth with a wildcard, a twentieth phrases) against
a 2,000-character comment, clean and with listed words in it: the goal is
under 1 ms per comment, the whole check (folding, the one Aho-Corasick pass,
word boundaries, and the highlight positions when something is found).
"""

from __future__ import annotations

import random
import statistics
import time

WORD_CHECK_GOAL_MS = 1.0
ENTRIES = 10_000
TEXT_LENGTH = 2_000


def _word(rng: random.Random) -> str:
    return "".join(rng.choice("abcdefghiklmnoprstuäöüß") for _ in range(rng.randint(5, 12)))


def word_check() -> list[str]:
    from kiosk.moderation.words import Entry, Kind, WordList

    rng = random.Random(8)
    listed = set()
    while len(listed) < ENTRIES:
        word = _word(rng)
        if len(listed) % 10 == 0:
            word += "*"
        elif len(listed) % 20 == 1:
            word += " " + _word(rng)
        listed.add(word)
    entries = [
        Entry(text, Kind.BANNED if i % 4 == 0 else Kind.SUSPECT) for i, text in enumerate(sorted(listed))
    ]
    started = time.perf_counter()
    words = WordList(entries)
    built = time.perf_counter() - started

    prose = (
        "Die Gemeinde hat am Dienstag beschlossen, den Bahnhofplatz neu zu gestalten. Viele Leserinnen "
        "und Leser finden, das sei überfällig; andere fragen, wer die Strasse danach noch benützen darf. "
    )
    clean = (prose * (TEXT_LENGTH // len(prose) + 1))[:TEXT_LENGTH]
    some = sorted(listed)[::2500]
    dirty_words = " ".join(entry.rstrip("*") for entry in some)
    dirty = (clean[: TEXT_LENGTH - len(dirty_words) - 1] + " " + dirty_words)[:TEXT_LENGTH]

    lines = [
        f"Word-list check: {ENTRIES:,} entries (built in {1000 * built:.0f} ms), {TEXT_LENGTH:,}-character comment"
    ]
    lines.append(f"  {'':26} {'median ms':>9} {'p99 ms':>7} {'hits':>5}  goal")
    for name, text in (("clean comment", clean), (f"with {len(some)} listed words", dirty)):
        hits = len(words.find(text))
        times = []
        for _ in range(2000):
            started = time.perf_counter()
            words.find(text)
            times.append(time.perf_counter() - started)
        times.sort()
        median, p99 = 1000 * statistics.median(times), 1000 * times[int(0.99 * len(times))]
        verdict = f"< {WORD_CHECK_GOAL_MS:g} ms {'PASS' if median < WORD_CHECK_GOAL_MS else 'ABOVE'}"
        lines.append(f"  {name:26} {median:9.3f} {p99:7.3f} {hits:5d}  {verdict}")
    return lines
