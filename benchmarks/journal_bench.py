"""Time the journal with 10,000 entries: saving them, loading the list, one search.

Run: ``.venv/bin/python benchmarks/journal_bench.py [COUNT]``. Prints figures;
nothing here asserts on time.
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from pathlib import Path

from coprod_tui.core.store import Store
from coprod_tui.journal.entry import FRAMEWORKS, VALUE_IDS, Entry
from coprod_tui.journal.search import Filters
from coprod_tui.journal.summary import journal_index

WORDS = ("carer team plan ward discharge power trust idea network home family "
         "meeting listened decided strengths silo outcome good life son daughter").split()


def fake_entry(rng: random.Random, number: int) -> Entry:
    """A plausible entry of a few hundred words."""
    framework = rng.choice(("free", "rolfe", "gibbs"))
    sections = {sid: " ".join(rng.choices(WORDS, k=rng.randint(20, 120)))
                for sid, _ in FRAMEWORKS[framework]}
    return Entry(
        id=f"{number:032x}",
        values=rng.sample(VALUE_IDS, rng.randint(1, 3)), title=f"Entry {number}",
        framework=framework, sections=sections, tags=rng.sample(WORDS, 2),
        created=f"20{rng.randint(20, 26)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
                "T10:00:00+00:00",
    )


def timed(label: str, func):  # noqa: ANN001, ANN201
    start = time.perf_counter()
    result = func()
    print(f"{label:<40} {1000 * (time.perf_counter() - start):8.1f} ms")
    return result


def main(count: int = 10_000) -> None:
    """Fill a temporary store with ``count`` entries and time the journal's work."""
    rng = random.Random(5)
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(Path(tmp) / "data")
        entries = [fake_entry(rng, n) for n in range(count)]

        def save_all() -> None:
            with store.session() as s:
                for entry in entries:
                    s.insert("entries", entry.to_doc())

        timed(f"save {count} entries (one session)", save_all)
        size = store.path.stat().st_size / 1e6
        print(f"{'data file':<40} {size:8.1f} MB")
        index = timed("load + index the journal", lambda: journal_index(store))
        for words in ("c", "carer", "carer trust plan", "nothing-matches"):
            found = timed(f"search {words!r}", lambda w=words: index.search(Filters(words=w)))
            print(f"{'':<40} {len(found):8d} found")
        timed("filter value + tag", lambda: index.search(Filters(value="networks", tag="carer")))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000)
