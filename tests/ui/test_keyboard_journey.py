"""Every task, one after another, with key presses only, at 80x24 (issue 10).

A keyboard-only user goes from home to each area and back with digits and
``h``: reads a section and marks it read, writes an entry for each of the five
values and a value-by-value walk-through, places an activity on the spectrum,
works through a complexity challenge, takes a whole stocktake, exports the
journal and changes a setting. Then the store must hold all of it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from coprod_tui.app import CoprodApp
from coprod_tui.complexity.area_screen import ComplexityScreen
from coprod_tui.complexity.challenge_screen import ChallengeScreen
from coprod_tui.core.ui.choice import ChoiceDialog
from coprod_tui.journal.editor import EntryEditorScreen
from coprod_tui.journal.entry import VALUE_IDS
from coprod_tui.journal.list_screen import JournalScreen
from coprod_tui.reading.reader import ReaderScreen
from coprod_tui.reading.records import PLACE_ID
from coprod_tui.shell.home import HomeScreen
from coprod_tui.shell.settings import SettingsScreen
from coprod_tui.spectrum.area_screen import SpectrumScreen
from coprod_tui.spectrum.place_screen import PlaceActivityScreen
from coprod_tui.spectrum.result_screen import SpectrumResultScreen
from coprod_tui.stocktake.area_screen import StocktakeScreen
from coprod_tui.stocktake.result_screen import StocktakeResultScreen
from coprod_tui.stocktake.run_screen import StocktakeRunScreen
from coprod_tui.stocktake.setup_screen import StocktakeSetupScreen
from coprod_tui.transfer.screen import ExportScreen
from tests.conftest import wait_until


def keys(text: str) -> list[str]:
    """The key presses that type ``text``."""
    return ["space" if char == " " else char for char in text]


async def go_home(app: CoprodApp, pilot) -> None:
    await pilot.press("h")
    await wait_until(pilot, lambda: isinstance(app.screen, HomeScreen))


async def read_a_section(app: CoprodApp, pilot) -> None:
    await pilot.press("1", "enter")
    await wait_until(pilot, lambda: isinstance(app.screen, ReaderScreen) and app.screen.ready)
    await pilot.press("down", "m")  # a line down, then mark it read
    await wait_until(pilot, lambda: any(
        doc.get("read") for doc in app.store.all("reading") if doc["id"] != PLACE_ID))
    await go_home(app, pilot)


async def write_the_journal(app: CoprodApp, pilot) -> None:
    await pilot.press("2")
    await wait_until(pilot, lambda: isinstance(app.screen, JournalScreen) and app.screen.loaded)
    for index, value in enumerate(VALUE_IDS):
        await pilot.press("n")
        await pilot.pause()
        await pilot.press(*["down"] * index, "enter")
        await wait_until(pilot, lambda: isinstance(app.screen, EntryEditorScreen))
        await pilot.press(*value[:3], "tab", "o", "k", "ctrl+s")
        await wait_until(pilot, lambda: isinstance(app.screen, JournalScreen)
                         and app.screen.loaded)
    await pilot.press("w")  # value by value: what happened, strengths, skip networks,
    await wait_until(pilot, lambda: isinstance(app.screen, EntryEditorScreen))  # what matters
    await pilot.press(*"Walk", "tab", *"met", "tab", "a", "s", "k", "tab", "tab", "s", "a", "t")
    await pilot.press("ctrl+s")
    await wait_until(pilot, lambda: isinstance(app.screen, JournalScreen) and app.screen.loaded)
    await go_home(app, pilot)


async def place_on_the_spectrum(app: CoprodApp, pilot) -> None:
    await pilot.press("3")
    await wait_until(pilot, lambda: isinstance(app.screen, SpectrumScreen))
    await pilot.press("a")
    await wait_until(pilot, lambda: isinstance(app.screen, PlaceActivityScreen))
    await pilot.press(*keys("Carers"), "tab", *keys("Ask"), "ctrl+n")
    await pilot.pause()
    # Citizens involved; knowledge with the people; decisions and acts by us; set questions.
    await pilot.press("1", "2", "1", "1", "2")
    await wait_until(pilot, lambda: isinstance(app.screen, SpectrumResultScreen))
    await pilot.press("s")
    await wait_until(pilot, lambda: bool(app.store.all("spectrum")))
    await go_home(app, pilot)


async def work_through_a_challenge(app: CoprodApp, pilot) -> None:
    await pilot.press("4")
    await wait_until(pilot, lambda: isinstance(app.screen, ComplexityScreen) and app.screen.loaded)
    await pilot.press("n")
    await wait_until(pilot, lambda: isinstance(app.screen, ChallengeScreen))
    await pilot.press(*keys("Lonely"), "tab", *keys("Eve"), "tab")
    await pilot.press("n", "u", "n", "y", "n", "ctrl+n")
    await pilot.pause()
    for text in ("Cafe", "us", "?", "2027-01-15"):
        await pilot.press("tab", *keys(text))
    await pilot.press("ctrl+s")
    await wait_until(pilot, lambda: bool(app.store.all("complexity")))
    await pilot.press("ctrl+l")  # back to the list: "h" would type in a field
    await wait_until(pilot, lambda: isinstance(app.screen, ComplexityScreen))
    await go_home(app, pilot)


async def take_a_stocktake(app: CoprodApp, pilot) -> None:
    await pilot.press("5")
    await wait_until(pilot, lambda: isinstance(app.screen, StocktakeScreen)
                     and app.screen.statements is not None)
    await pilot.press("n")
    await wait_until(pilot, lambda: isinstance(app.screen, StocktakeSetupScreen))
    await pilot.press("enter", *keys("Me"), "enter")  # about myself
    await wait_until(pilot, lambda: isinstance(app.screen, StocktakeRunScreen))
    for _value in VALUE_IDS:
        await pilot.press("3", "4", "2")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
    await wait_until(pilot, lambda: isinstance(app.screen, StocktakeResultScreen))
    await go_home(app, pilot)


async def export_the_journal(app: CoprodApp, pilot) -> None:
    await pilot.press("6")
    await wait_until(pilot, lambda: isinstance(app.screen, ExportScreen))
    # Format, value and tag stay as they are; the dates are empty; then the path.
    await pilot.press("tab", "tab", "tab", "end", "ctrl+u", *keys("~/journey.md"), "ctrl+s")
    await wait_until(pilot, lambda: app.screen.saved_to is not None)
    await pilot.press("escape")  # escape leaves the field; then h goes home
    await wait_until(pilot, lambda: isinstance(app.screen, HomeScreen))


async def change_a_setting(app: CoprodApp, pilot) -> None:
    await pilot.press("7")
    await wait_until(pilot, lambda: isinstance(app.screen, SettingsScreen))
    await pilot.press("end", "up", "up", "enter")  # journal framework (then lock-after, Language)
    await wait_until(pilot, lambda: isinstance(app.screen, ChoiceDialog))
    await pilot.press("down", "enter")  # free writing -> Rolfe
    await wait_until(pilot, lambda: app.store.get_setting("journal-framework") == "rolfe")
    await go_home(app, pilot)


async def test_every_task_with_keys_alone_at_80x24(
    data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))  # "~/journey.md" lands in tmp_path
    app = CoprodApp(data_dir=data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: app.store_ready)
        await read_a_section(app, pilot)
        await write_the_journal(app, pilot)
        await place_on_the_spectrum(app, pilot)
        await work_through_a_challenge(app, pilot)
        await take_a_stocktake(app, pilot)
        await export_the_journal(app, pilot)
        await change_a_setting(app, pilot)

        store = app.store
        read = [d["id"] for d in store.all("reading") if d["id"] != PLACE_ID and d.get("read")]
        assert read == ["what-is-co-production"]

        entries = {doc["title"]: doc for doc in store.all("entries")}
        assert len(entries) == 6
        for value in VALUE_IDS:
            assert entries[value[:3]]["values"] == [value]
            assert entries[value[:3]]["sections"] == {"text": "ok"}
        walk = entries["Walk"]
        assert walk["framework"] == "values"
        assert walk["sections"] == {"what-happened": "met", "strengths": "ask",
                                    "what-matters": "sat"}

        (placement,) = store.all("spectrum")
        assert placement["title"] == "Carers"
        assert placement["place"] == "consultation"

        (challenge,) = store.all("complexity")
        assert challenge["title"] == "Lonely" and challenge["domain"] == "complex"
        assert challenge["plan"]["review"] == "2027-01-15"

        (stocktake,) = store.all("stocktakes")
        assert stocktake["finished"] is True and stocktake["level"] == "myself"
        assert all(stocktake["scores"][value] == [3, 4, 2] for value in VALUE_IDS)

        exported = (tmp_path / "journey.md").read_text()
        assert all(f"# {value[:3]}" in exported for value in VALUE_IDS) and "Walk" in exported

        assert store.get_setting("journal-framework") == "rolfe"
