"""Benchmark (not a test): the cost of saving one entry into a 10,000-entry journal.

Compares coprod's ``Store.insert`` (lock, atomic write: temp file, fsync,
rename, folder fsync) with TinyDB's own ``JSONStorage`` (in-place rewrite plus
an fsync) doing the same insert on the same data, in the same run. Prints the
median of several saves for each and the ratio; the aim is at most 1.5x.

    python benchmarks/store_save.py [--entries 10000] [--runs 9]

Two figures for coprod: "warm" is the usual case (the file has not changed
since this process last read it, so only the write costs); "changed" is a save
right after another process wrote the file, so it parses the file first, as
TinyDB does on every save.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tinydb import TinyDB  # noqa: E402

from coprod_tui.core.store import MAIN_FILE, Store  # noqa: E402
from coprod_tui.core.store.schema import CURRENT_SCHEMA, set_schema  # noqa: E402

WORDS = (
    "carers patients staff together equal power share listen trust plan meeting ward "
    "discharge family values assets networks reciprocity change outcomes what matters "
    "we agreed asked learned reflected next time would differently because the a and of "
    "to in on with for about their our my team service people knowledge experience"
).split()
VALUES = ["assets", "abilities", "networks", "reciprocity", "equal"]


def make_entry(rng: random.Random, number: int) -> dict:
    """A journal entry of 150-400 words, shaped like the app's."""
    stamp = (dt.datetime(2024, 1, 1, tzinfo=dt.timezone.utc)
             + dt.timedelta(hours=number)).isoformat()
    words = rng.randint(150, 400)
    return {
        "id": uuid.UUID(int=rng.getrandbits(128)).hex,
        "title": " ".join(rng.choices(WORDS, k=5)).capitalize(),
        "values": rng.sample(VALUES, rng.randint(1, 2)),
        "framework": "what",
        "text": " ".join(rng.choices(WORDS, k=words)),
        "created": stamp,
        "updated": stamp,
    }


def write_journal(path: Path, entries: list[dict], with_schema: bool) -> None:
    """Write the starting file directly (building it through 10,000 inserts would
    take far longer than the thing being measured)."""
    tables: dict = {"entries": {str(i + 1): doc for i, doc in enumerate(entries)}}
    if with_schema:
        set_schema(tables, CURRENT_SCHEMA)
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    path.write_text(json.dumps(tables))
    path.chmod(0o600)


def _touch(path: Path) -> None:
    """Change the file's modification time, as another session's save would."""
    stamp = time.time_ns() + 1_000_000
    os.utime(path, ns=(stamp, stamp))


def time_saves(save, entries: list[dict], before=None) -> list[float]:  # noqa: ANN001
    """Seconds per save, one fresh entry each."""
    times = []
    for entry in entries:
        if before:
            before()
        start = time.perf_counter()
        save(entry)
        times.append(time.perf_counter() - start)
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()

    rng = random.Random(1)
    journal = [make_entry(rng, n) for n in range(args.entries)]
    new = [make_entry(rng, args.entries + n) for n in range(3 * args.runs)]

    with tempfile.TemporaryDirectory() as tmp:
        ours_dir, tiny_path = Path(tmp) / "coprod", Path(tmp) / "tinydb" / "db.json"
        write_journal(ours_dir / MAIN_FILE, journal, with_schema=True)
        write_journal(tiny_path, journal, with_schema=False)
        size = (ours_dir / MAIN_FILE).stat().st_size

        store = Store.open(ours_dir)  # the app keeps one Store open
        db = TinyDB(tiny_path)  # TinyDB's default: JSONStorage
        table = db.table("entries", cache_size=0)

        runs = args.runs
        # Interleave the three so that a busy machine affects them alike.
        warm, changed, tiny = [], [], []
        for i in range(runs):
            warm += time_saves(lambda e: store.insert("entries", e), new[i:i + 1])
            changed += time_saves(
                lambda e: store.insert("entries", e), new[runs + i:runs + i + 1],
                before=lambda: _touch(ours_dir / MAIN_FILE),  # as if another session wrote
            )
            tiny += time_saves(table.insert, new[2 * runs + i:2 * runs + i + 1])
        db.close()
        assert store.count("entries") == args.entries + 2 * runs

    def ms(values: list[float]) -> float:
        return statistics.median(values) * 1000

    print(f"journal: {args.entries:,} entries of 150-400 words, {size / 1e6:.1f} MB; "
          f"median of {runs} saves each")
    print(f"  TinyDB JSONStorage (in place, 1 fsync)    {ms(tiny):8.1f} ms")
    print(f"  coprod Store, warm (atomic, 2 fsyncs)      {ms(warm):8.1f} ms   "
          f"{ms(warm) / ms(tiny):.2f}x TinyDB")
    print(f"  coprod Store, file changed by another run  {ms(changed):8.1f} ms   "
          f"{ms(changed) / ms(tiny):.2f}x TinyDB")
    print("aim: at most 1.5x TinyDB's JSONStorage")
    return 0


if __name__ == "__main__":
    sys.exit(main())
