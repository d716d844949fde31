"""Keys a keyboard-only user relies on (issue 10): keymap.json read at start,
help naming each binding's id, and a visible way out of a text area."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Footer, TextArea

from coprod_tui.app import CoprodApp
from coprod_tui.core.store import Store
from coprod_tui.journal.editor import EntryEditorScreen
from coprod_tui.shell.help import HelpScreen
from tests.conftest import wait_until


async def test_keymap_file_changes_keys_and_help_names_the_ids(data_dir: Path) -> None:
    Store.open(data_dir)  # the private folder exists, as after a first run
    (data_dir / "keymap.json").write_text('{"quit": "ctrl+x", "home": "g"}')
    app = CoprodApp(data_dir=data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: app.store_ready)
        await pilot.press("f1")
        await wait_until(pilot, lambda: isinstance(app.screen, HelpScreen))
        rows = app.screen.markdown().splitlines()
        assert "## Keys that work everywhere" in rows
        assert any(row.endswith("Quit (quit)") and "x" in row for row in rows)
        assert any(row.endswith("Home (home)") and "`g`" in row for row in rows)
        await pilot.press("b", "2")
        await wait_until(pilot, lambda: app.current_mode == "journal")
        await pilot.press("g")
        await wait_until(pilot, lambda: app.current_mode == "home")
        await pilot.press("ctrl+x")
        await pilot.pause()
    assert app.return_code == 0


async def test_a_text_area_shows_tab_to_leave_and_saves_from_inside(data_dir: Path) -> None:
    app = CoprodApp(data_dir=data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: app.store_ready)
        await pilot.press("2", "w")
        await wait_until(pilot, lambda: isinstance(app.screen, EntryEditorScreen))
        await pilot.press("T", "tab", "tab")  # past "What happened" to Strengths
        assert isinstance(app.focused, TextArea)
        footer_keys = {b.binding.id for b in app.screen.active_bindings.values() if b.binding.show}
        assert "text-next-field" in footer_keys
        assert app.screen.query_one(Footer).is_mounted
        first = app.focused
        await pilot.press("tab")
        assert app.focused is not first, "Tab leaves the text area"
        await pilot.press("shift+tab", "o", "k", "ctrl+s")
        await wait_until(pilot, lambda: bool(app.store.all("entries")))
    (doc,) = app.store.all("entries")
    assert doc["title"] == "T" and doc["sections"] == {"strengths": "ok"}
