"""Print how long the reader takes to open each reading section (target: < 200 ms).

Run: .venv/bin/python benchmarks/reading_open.py
"""

from __future__ import annotations

import statistics
import tempfile
from pathlib import Path

from reading_timing import time_next_section, time_section_opens


def report(title: str, timings: dict[str, tuple[float, float]]) -> None:
    """Print one table of timings."""
    print(f"\n{title}")
    print(f"{'section':<30} {'wall':>9} {'cpu':>9}")
    for section_id, (wall, cpu) in timings.items():
        print(f"{section_id:<30} {wall * 1000:6.1f} ms {cpu * 1000:6.1f} ms")
    for name, pick in (("median", statistics.median), ("slowest", max)):
        wall = pick(w for w, _ in timings.values())
        cpu = pick(c for _, c in timings.values())
        print(f"{name:<30} {wall * 1000:6.1f} ms {cpu * 1000:6.1f} ms")


def main() -> None:
    """Open every section (headless, 80x24), then step through them with n."""
    with tempfile.TemporaryDirectory() as folder:
        report("Opening a section (new reader screen)", time_section_opens(Path(folder) / "a"))
        report("Next section (n) in an open reader", time_next_section(Path(folder) / "b"))
    print("\ntarget: under 200 ms (wall time inflates when the machine is busy; see cpu)")


if __name__ == "__main__":
    main()
