"""Entries moved in from jrnl without a value: listed, counted, found, viewed, given values."""

from __future__ import annotations

from pathlib import Path

from coprod_tui.app import CoprodApp
from coprod_tui.core.store import Store
from coprod_tui.journal.dialogs import PrivacyDialog, ValuesDialog
from coprod_tui.journal.editor import EntryEditorScreen
from coprod_tui.journal.list_screen import JournalScreen
from coprod_tui.journal.view import EntryViewScreen
from coprod_tui.shell.home import HomeScreen
from coprod_tui.transfer.importer import import_file
from tests.conftest import wait_until
from tests.ui.screen_text import screen_text

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "jrnl_export.json"


async def test_a_value_is_chosen_later_for_an_imported_entry(data_dir: Path) -> None:
    import_file(Store.open(data_dir), FIXTURE, "jrnl", [])
    app = CoprodApp(data_dir=data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: app.store_ready)
        await pilot.press("2")
        await wait_until(pilot, lambda: isinstance(app.screen, JournalScreen) and app.screen.loaded)
        journal = app.screen
        assert len(journal.shown) == 3
        assert "no value 3" in screen_text(app)
        await pilot.press("v", "end", "enter")  # the last choice: no value chosen yet
        await pilot.pause()
        assert len(journal.shown) == 3 and "showing no value chosen yet" in screen_text(app)
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, EntryViewScreen))
        assert "Values: none chosen yet" in screen_text(app)
        await pilot.press("e")
        await wait_until(pilot, lambda: isinstance(app.screen, EntryEditorScreen))
        editor = app.screen
        await pilot.press("ctrl+s")  # no value yet: it asks which
        await wait_until(pilot, lambda: isinstance(app.screen, ValuesDialog))
        await pilot.press("down", "space", "enter")  # networks
        # The newest jrnl entry names someone ("Siân's café"): the check says so first.
        await wait_until(pilot, lambda: isinstance(app.screen, PrivacyDialog))
        assert "name: Siân" in screen_text(app)
        await pilot.press("s")  # save anyway
        await wait_until(pilot, lambda: isinstance(app.screen, EntryViewScreen))
        assert editor.saved
        valued = [d for d in app.store.all("entries") if d["values"]]
        assert len(valued) == 1 and valued[0]["values"] == ["networks"]
        await pilot.press("b")
        await wait_until(pilot, lambda: isinstance(app.screen, JournalScreen)
                         and len(app.screen.shown) == 2)
        assert "N 1" in screen_text(app) and "no value 2" in screen_text(app)
        await pilot.press("h")
        await wait_until(pilot, lambda: isinstance(app.screen, HomeScreen))
        await wait_until(pilot, lambda: "3 entries" in screen_text(app))
        assert "networks 1" in screen_text(app)
