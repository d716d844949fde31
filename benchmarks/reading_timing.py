"""Timing how long the reader takes to open a section (benchmarks only: not shipped).

``time_section_opens`` runs the real app headless, opens each section through
``app.open_reading`` and measures until the section is rendered, laid out and
scrolled into place (the moment a user could start reading).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Sequence
from pathlib import Path


async def _time_opens(data_dir: Path, section_ids: Sequence[str] | None,
                      size: tuple[int, int]) -> dict[str, tuple[float, float]]:
    from coprod_tui.app import CoprodApp
    from coprod_tui.reading.catalog import load_catalog
    from coprod_tui.reading.reader import ReaderScreen

    ids = list(section_ids) if section_ids else [s.id for s in load_catalog().sections()]
    app = CoprodApp(data_dir=data_dir)
    timings: dict[str, tuple[float, float]] = {}
    async with app.run_test(size=size) as pilot:
        while not app.store_ready:
            await pilot.pause(0.01)
        await app.workers.wait_for_complete()  # home settled, as a user sees it
        for section_id in ids:
            start, cpu = time.perf_counter(), time.process_time()
            app.open_reading(section_id)
            while not (isinstance(app.screen, ReaderScreen) and app.screen.ready):
                await asyncio.sleep(0.001)
            timings[section_id] = (time.perf_counter() - start, time.process_time() - cpu)
            await pilot.pause()  # its after-layout work done, as a reader would see it
            app.pop_screen()
            await pilot.pause()
    return timings


async def _time_steps(data_dir: Path, size: tuple[int, int]) -> dict[str, tuple[float, float]]:
    from coprod_tui.app import CoprodApp
    from coprod_tui.reading.catalog import load_catalog
    from coprod_tui.reading.reader import ReaderScreen

    ids = [s.id for s in load_catalog().sections()]
    app = CoprodApp(data_dir=data_dir)
    timings: dict[str, tuple[float, float]] = {}
    async with app.run_test(size=size) as pilot:
        while not app.store_ready:
            await pilot.pause(0.01)
        app.open_reading(ids[0])
        for section_id in ids[1:]:
            while not (isinstance(app.screen, ReaderScreen) and app.screen.ready):
                await asyncio.sleep(0.001)
            await pilot.pause(0.05)
            screen = app.screen
            start, cpu = time.perf_counter(), time.process_time()
            screen.action_next_section()
            while not (screen.ready and screen.section_id == section_id):
                await asyncio.sleep(0.001)
            timings[section_id] = (time.perf_counter() - start, time.process_time() - cpu)
    return timings


def time_next_section(data_dir: Path, size: tuple[int, int] = (80, 24)
                      ) -> dict[str, tuple[float, float]]:
    """(wall, CPU) seconds for ``n`` (next section) inside an open reader, by section id."""
    return asyncio.run(_time_steps(Path(data_dir), size))


def time_section_opens(data_dir: Path, section_ids: Sequence[str] | None = None,
                       size: tuple[int, int] = (80, 24)) -> dict[str, tuple[float, float]]:
    """(wall seconds, CPU seconds) from asking for each section to it being on
    screen, by section id. CPU time is the figure to trust on a busy machine."""
    return asyncio.run(_time_opens(Path(data_dir), section_ids, size))
