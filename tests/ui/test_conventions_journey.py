"""One keys-only journey per convention of the README's Keys table (issue 17), at 80x24:
back with Escape and with ``b``, home with ``h``, ticks shown in characters, an active
search shown on screen, and the list highlight kept after going back."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import OptionList

from coprod_tui.app import CoprodApp
from coprod_tui.journal.entry import Entry
from coprod_tui.journal.list_screen import JournalScreen
from coprod_tui.journal.view import EntryViewScreen, TrashScreen
from coprod_tui.reading.contents_screen import ReadingScreen
from coprod_tui.reading.reader import ReaderScreen
from coprod_tui.shell.home import HomeScreen
from coprod_tui.spectrum.area_screen import SavedPlacementsScreen, SpectrumScreen
from coprod_tui.stocktake.area_screen import StocktakeScreen
from coprod_tui.stocktake.run_screen import StocktakeRunScreen
from coprod_tui.stocktake.setup_screen import StocktakeSetupScreen
from coprod_tui.transfer.screen import ExportScreen
from tests.conftest import wait_until
from tests.ui.screen_text import screen_text
from tests.ui.test_journal import open_journal, seed


async def test_back_with_escape_and_with_b_steps_one_level(data_dir: Path) -> None:
    seed(data_dir, Entry(values=["networks"], title="One", sections={"text": "a"}))
    app = CoprodApp(data_dir=data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        for back in ("escape", "b"):
            await open_journal(app, pilot)
            await pilot.press("u")  # the trash, one level down
            await wait_until(pilot, lambda: isinstance(app.screen, TrashScreen))
            await pilot.press(back)
            await wait_until(pilot, lambda: isinstance(app.screen, JournalScreen))
            await pilot.press("enter")  # an entry, one level down
            await wait_until(pilot, lambda: isinstance(app.screen, EntryViewScreen))
            await pilot.press(back)
            await wait_until(pilot, lambda: isinstance(app.screen, JournalScreen))
            await pilot.press(back)  # from an area's first screen: home
            await wait_until(pilot, lambda: isinstance(app.screen, HomeScreen))
        # A dialog steps back too, and the same key then leaves the screen under it.
        await pilot.press("3", "s")
        await wait_until(pilot, lambda: isinstance(app.screen, SavedPlacementsScreen))
        await pilot.press("b")
        await wait_until(pilot, lambda: isinstance(app.screen, SpectrumScreen))
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, HomeScreen))


async def test_h_goes_home_from_deep_inside_and_the_area_stays_as_left(data_dir: Path) -> None:
    seed(data_dir, Entry(values=["networks"], title="One", sections={"text": "a"}))
    app = CoprodApp(data_dir=data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_journal(app, pilot)
        await pilot.press("enter", "x")  # an entry, then its delete dialog
        await wait_until(pilot, lambda: "Delete this entry?" in screen_text(app))
        await pilot.press("h")
        await wait_until(pilot, lambda: isinstance(app.screen, HomeScreen))
        assert len(app.store.all("entries")) == 1  # the dialog was cancelled
        await pilot.press("2")
        await wait_until(pilot, lambda: isinstance(app.screen, EntryViewScreen))


async def test_ticks_show_in_characters_in_exports_entry_choice(data_dir: Path,
                                                                monkeypatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    seed(data_dir, Entry(values=["networks"], title="First", sections={"text": "a"}),
         Entry(values=["networks"], title="Second", sections={"text": "b"}))
    app = CoprodApp(data_dir=data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: app.store_ready)
        await pilot.press("6")
        await wait_until(pilot, lambda: isinstance(app.screen, ExportScreen))
        export = app.screen
        export.choose_entries()
        await wait_until(pilot, lambda: "Which entries?" in screen_text(app))

        def rows() -> list[str]:
            return [line for line in screen_text(app).splitlines()
                    if "First" in line or "Second" in line]

        assert all("[ ]" in row for row in rows()) and len(rows()) == 2
        await pilot.press("space")
        await pilot.pause()
        assert sorted("[x]" in row for row in rows()) == [False, True]
        await pilot.press("space")
        await pilot.pause()
        assert all("[ ]" in row for row in rows())
        await pilot.press("down", "space", "enter")
        await wait_until(pilot, lambda: app.screen is export)
        assert len(export.ids) == 1


async def test_an_active_search_is_said_on_screen_and_ends_on_leaving(data_dir: Path) -> None:
    seed(data_dir, Entry(values=["networks"], title="Ward round", sections={"text": "a"}),
         Entry(values=["networks"], title="Clinic", sections={"text": "b"}))
    app = CoprodApp(data_dir=data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        journal = await open_journal(app, pilot)
        await pilot.press("slash", *"ward", "enter")
        await pilot.pause()
        assert "Search: ward (Esc clears)" in screen_text(app)
        assert len(journal.shown) == 1
        await pilot.press("escape")  # the list had focus: Esc clears the search first
        await pilot.pause()
        assert "Search:" not in screen_text(app) and len(journal.shown) == 2
        await pilot.press("slash", *"clinic", "escape")
        await pilot.pause()
        assert "Search: clinic (Esc clears)" in screen_text(app)
        await pilot.press("h")
        await wait_until(pilot, lambda: isinstance(app.screen, HomeScreen))
        await pilot.press("2")
        await wait_until(pilot, lambda: isinstance(app.screen, JournalScreen))
        await pilot.pause()
        assert "Search:" not in screen_text(app) and len(journal.shown) == 2


async def test_the_highlight_returns_where_it_was_after_going_back(data_dir: Path) -> None:
    seed(data_dir, *(Entry(values=["networks"], title=f"Entry {n}", sections={"text": "a"},
                           created=f"2026-0{n}-01T10:00:00+00:00") for n in range(1, 6)))
    app = CoprodApp(data_dir=data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        journal = await open_journal(app, pilot)
        listed = journal.query_one("#entries", OptionList)
        await pilot.press("down", "down", "enter")
        await wait_until(pilot, lambda: isinstance(app.screen, EntryViewScreen))
        await pilot.press("b")
        await wait_until(pilot, lambda: isinstance(app.screen, JournalScreen))
        await pilot.pause()
        assert listed.highlighted == 2 and journal.shown[2].title == "Entry 3"
        # The reader's contents too.
        await pilot.press("h", "1")
        await wait_until(pilot, lambda: isinstance(app.screen, ReadingScreen))
        toc = app.screen.query_one("#reading-toc", OptionList)
        await pilot.press("down", "down", "down")
        before = toc.highlighted_option.id
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, ReaderScreen))
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, ReadingScreen))
        await pilot.pause()
        assert toc.highlighted_option.id == before


async def test_stocktake_notes_wait_so_b_goes_back(data_dir: Path) -> None:
    app = CoprodApp(data_dir=data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: app.store_ready)
        await pilot.press("5")
        await wait_until(pilot, lambda: isinstance(app.screen, StocktakeScreen)
                         and app.screen.statements is not None)
        await pilot.press("n")
        await wait_until(pilot, lambda: isinstance(app.screen, StocktakeSetupScreen))
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: isinstance(app.screen, StocktakeRunScreen))
        run = app.screen
        await pilot.press("3", "3", "3")
        await pilot.pause()
        assert "Notes on Strengths" in screen_text(app) and app.focused is None
        assert "Enter or Tab: write" in screen_text(app)
        await pilot.press("b")
        await pilot.pause()
        assert "Statement 3 of 15" in screen_text(app)
        await pilot.press("3")
        await pilot.press("enter", *"Drop-in b")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert run.stocktake.notes["strengths"]["working"] == "Drop-in b"
