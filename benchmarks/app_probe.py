"""Measurements that need the real app running (headless, driven by Pilot).

Run by ``run.py`` in a fresh process each time, so every figure starts cold:

    python benchmarks/app_probe.py journal DATA_DIR   # open list, search, memory
    python benchmarks/app_probe.py reading DATA_DIR   # open every reading section

Prints one JSON object on stdout. Nothing here asserts on time.
"""

from __future__ import annotations

import asyncio
import json
import resource
import sys
import time
from pathlib import Path

# Keystrokes typed one by one into the search box; each is timed to updated results.
SEARCH_KEYS = "trust"


async def journal(data_dir: Path) -> dict:
    """Seconds from pressing 2 (home) to the list showing the entries; seconds per
    search keystroke to the results being updated and drawn; peak memory (MB)."""
    from textual.widgets import OptionList

    from coprod_tui.app import CoprodApp
    from coprod_tui.ui.screens.journal import JournalScreen

    app = CoprodApp(data_dir=data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        while not app.store_ready:
            await pilot.pause(0.01)
        await pilot.pause(0.2)  # home's summaries settle, as for a user who looks first
        start = time.perf_counter()
        await pilot.press("2")
        screen = app.screen
        assert isinstance(screen, JournalScreen)
        entries = screen.query_one("#entries", OptionList)
        while not (screen.loaded and entries.option_count):
            await asyncio.sleep(0.001)
        await pilot.pause()  # the list drawn
        opened = time.perf_counter() - start
        total = len(screen.index)
        await pilot.press("slash")
        keystrokes = []
        for key in SEARCH_KEYS:
            before = screen.filters.words
            start = time.perf_counter()
            await pilot.press(key)  # returns once the screen has handled it and redrawn
            keystrokes.append(time.perf_counter() - start)
            assert screen.filters.words == before + key
        found = len(screen.matches)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"open": opened, "entries": total, "keystrokes": keystrokes,
            "found": found, "peak_mb": peak}


def reading(data_dir: Path) -> dict:
    """Seconds to open each reading section (until rendered and laid out)."""
    from coprod_tui.ui.reading_timing import time_section_opens

    timings = time_section_opens(data_dir)
    return {"sections": {sid: wall for sid, (wall, _cpu) in timings.items()}}


def main() -> int:
    kind, folder = sys.argv[1], Path(sys.argv[2])
    result = asyncio.run(journal(folder)) if kind == "journal" else reading(folder)
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
