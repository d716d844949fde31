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


async def _key_until(app, key: str, done) -> float:  # noqa: ANN001
    """Seconds from a key arriving (as the terminal driver delivers it) until
    ``done()`` holds and the next frame has been drawn."""
    from textual import events

    start = time.perf_counter()
    event = events.Key(key, key if len(key) == 1 else None)
    event.set_sender(app)
    app._driver.send_message(event)  # noqa: SLF001 - what Pilot does, without its idle waits
    while not done():
        await asyncio.sleep(0.0005)
    drawn = asyncio.Event()
    app.screen.call_after_refresh(drawn.set)
    await drawn.wait()
    return time.perf_counter() - start


async def journal(data_dir: Path) -> dict:
    """Seconds from pressing 2 (home) to the list showing the entries; seconds per
    search keystroke to the results being updated and drawn; peak memory (MB)."""
    from textual.widgets import OptionList

    from coprod_tui.app import CoprodApp
    from coprod_tui.journal.list_screen import JournalScreen

    app = CoprodApp(data_dir=data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        while not app.store_ready:
            await pilot.pause(0.01)
        # Home settles (its progress lines shown), as for a user who reads it first.
        await app.workers.wait_for_complete()
        await pilot.pause(0.2)

        def listed() -> bool:
            screen = app.screen
            return (isinstance(screen, JournalScreen) and screen.loaded
                    and screen.query_one("#entries", OptionList).option_count > 0)

        opened = await _key_until(app, "2", listed)
        screen = app.screen
        total = len(screen.index)
        await pilot.press("slash")
        await pilot.pause(0.1)
        keystrokes = []
        for key in SEARCH_KEYS:
            words = screen.filters.words + key
            keystrokes.append(await _key_until(
                app, key, lambda w=words: screen.filters.words == w))
            await pilot.pause(0.05)
        found = len(screen.matches)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"open": opened, "entries": total, "keystrokes": keystrokes,
            "found": found, "peak_mb": peak}


def reading(data_dir: Path) -> dict:
    """Seconds to open each reading section (until rendered and laid out)."""
    from reading_timing import time_section_opens

    timings = time_section_opens(data_dir)
    return {"sections": {sid: wall for sid, (wall, _cpu) in timings.items()}}


def main() -> int:
    kind, folder = sys.argv[1], Path(sys.argv[2])
    result = asyncio.run(journal(folder)) if kind == "journal" else reading(folder)
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
