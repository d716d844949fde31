"""Journal drafts: kept on every way out, offered again, restored (keys only)."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import TextArea

from coprod_tui.app import CoprodApp
from coprod_tui.core.store import Store
from coprod_tui.journal.editor import EntryEditorScreen
from coprod_tui.journal.entry import Entry
from tests.conftest import wait_until
from tests.ui.screen_text import screen_text
from tests.ui.test_journal import back_to_list, entries, open_journal, seed, start_entry


async def test_draft_kept_on_quit_and_restored_after_restart(data_dir: Path) -> None:
    app = CoprodApp(data_dir=data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_journal(app, pilot)
        await start_entry(app, pilot, 4)
        await pilot.press(*"Unf", "tab", *"Half [b]")
        await pilot.press("ctrl+q")
        await pilot.pause()
    (draft,) = Store.open(data_dir).drafts()
    assert draft["data"]["shown"]["text"] == "Half [b]"
    again = CoprodApp(data_dir=data_dir)
    async with again.run_test(size=(80, 24)) as pilot:
        await open_journal(again, pilot)
        await wait_until(pilot, lambda: "Restore unsaved writing?" in screen_text(again))
        assert "a new entry: Unf" in screen_text(again)
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(again.screen, EntryEditorScreen))
        area = again.screen.query_one("#section-text", TextArea)
        assert area.text == "Half [b]"
        await pilot.press("end", "!", "ctrl+s")
        await back_to_list(again, pilot)
        (doc,) = entries(again)
        assert doc["sections"]["text"] == "Half [b]!"
        assert doc["values"] == ["change-makers"]
        assert again.store.drafts() == []


async def test_draft_saved_on_escape_and_discarded_from_dialog(data_dir: Path) -> None:
    app = CoprodApp(data_dir=data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_journal(app, pilot)
        await start_entry(app, pilot, 0)
        await pilot.press(*"Later", "escape")
        await back_to_list(app, pilot)
        assert app.store.drafts()[0]["data"]["entry"]["title"] == "Later"
        await pilot.press("r")
        await wait_until(pilot, lambda: "Restore unsaved writing?" in screen_text(app))
        await pilot.press("d")
        await wait_until(pilot, lambda: "Discard this draft?" in screen_text(app))
        await pilot.press("y")
        await pilot.pause()
        assert app.store.drafts() == []



async def test_unsaved_changes_to_an_entry_come_back_when_editing_it(data_dir: Path) -> None:
    seed(data_dir, Entry(values=["networks"], title="Kept", sections={"text": "a"}))
    app = CoprodApp(data_dir=data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_journal(app, pilot)
        await pilot.press("e")
        await wait_until(pilot, lambda: isinstance(app.screen, EntryEditorScreen))
        await pilot.press("end", "b", "escape")
        await back_to_list(app, pilot)
        assert entries(app)[0]["sections"]["text"] == "a"
        await pilot.press("e")
        await wait_until(pilot, lambda: isinstance(app.screen, EntryEditorScreen))
        assert app.screen.query_one("#section-text", TextArea).text == "ab"
        await pilot.press("ctrl+s")
        await back_to_list(app, pilot)
        (doc,) = entries(app)
        assert doc["sections"]["text"] == "ab" and app.store.drafts() == []


async def test_draft_saved_on_a_timer_while_writing(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert EntryEditorScreen.draft_delay == 2.0, "what users get"
    # The same timer, fired sooner: the suite never waits on the real 2 s.
    monkeypatch.setattr(EntryEditorScreen, "draft_delay", 0.05)
    app = CoprodApp(data_dir=data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_journal(app, pilot)
        editor = await start_entry(app, pilot, 2)
        await pilot.press("T", "tab", "x")
        assert isinstance(app.screen, EntryEditorScreen) and editor.is_current
        # Each key restarts the timer; the draft ends up holding all that was typed.
        await wait_until(pilot, lambda: [d["data"]["shown"].get("text") for d in
                                         app.store.drafts()] == ["x"], timeout=15)
        assert isinstance(app.screen, EntryEditorScreen)
