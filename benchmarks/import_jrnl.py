"""Benchmark (not a test): importing a large jrnl export, and re-importing it.

An import is one session and one write (``insert_multiple``); before, one
insert per record made 5k, 20k and 40k entries take 7.5 s, 126 s and over
300 s. Prints seconds for each size; nothing asserts on time.

    python benchmarks/import_jrnl.py [--entries 5000 20000 40000]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from coprod_tui.core.store import Store  # noqa: E402
from coprod_tui.transfer.importer import import_file  # noqa: E402


def jrnl_file(path: Path, count: int) -> None:
    """A ``jrnl --export json`` file of ``count`` entries of about 600 characters."""
    start = dt.datetime(2015, 1, 1, 8, 0)
    entries = []
    for number in range(count):
        when = start + dt.timedelta(hours=7 * number)
        entries.append({
            "title": f"Reflection {number} on a ward round",
            "body": ("Talked with a carer about what matters to them. " * 12).strip(),
            "date": when.date().isoformat(), "time": when.strftime("%H:%M"),
            "tags": ["@carers", "#ward"], "starred": number % 7 == 0,
        })
    path.write_text(json.dumps({"tags": {"@carers": count}, "entries": entries}))


def measure(count: int) -> dict[str, float]:
    """Seconds to import ``count`` entries into an empty journal, then again (all skipped)."""
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "jrnl.json"
        jrnl_file(source, count)
        store = Store.open(Path(folder) / "data")
        started = time.perf_counter()
        summary = import_file(store, source, "jrnl", ["relationships"])
        first = time.perf_counter() - started
        assert sum(summary.added.values()) == count
        started = time.perf_counter()
        import_file(store, source, "jrnl", ["relationships"])
        again = time.perf_counter() - started
        return {"entries": count, "import_s": round(first, 2), "again_s": round(again, 2),
                "file_mb": round(source.stat().st_size / 1e6, 1)}


def main() -> None:
    """Print one line of figures per size."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--entries", type=int, nargs="+", default=[5000, 20000, 40000])
    args = parser.parse_args()
    for count in args.entries:
        print(json.dumps(measure(count)), flush=True)


if __name__ == "__main__":
    main()
