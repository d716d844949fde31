"""The Export area driven by keys alone: choose, save, never overwrite without asking."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from textual.widgets import Input, Static

from coprod_tui.app import CoprodApp
from coprod_tui.core.store import Store
from coprod_tui.core.ui.choice import ChoiceDialog
from coprod_tui.transfer.screen import ConfirmReplace, ExportScreen
from tests.conftest import wait_until
from tests.transfer_data import fill_store
from tests.ui.screen_text import screen_text


async def test_export_by_keys_with_filter_and_confirmed_overwrite(
    data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))  # "~/..." means tmp_path; typing stays short
    fill_store(Store.open(data_dir))
    target = tmp_path / "portfolio.txt"
    app = CoprodApp(data_dir=data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: app.store_ready)
        await pilot.press("6")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ExportScreen)
        path_input = screen.query_one("#export-path", Input)
        assert path_input.value.startswith("~/coprod-export-") and path_input.value.endswith(".md")
        # Format: txt.
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("down", "enter")
        await pilot.pause()
        assert screen.fmt == "txt" and path_input.value.endswith(".txt")
        # Value: strengths.
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("down", "enter")
        await pilot.pause()
        assert screen.value == "strengths"
        # A bad date is refused and nothing is written.
        await pilot.press("tab", *"2026-13-01", "ctrl+s")
        await pilot.pause()
        assert app.focused is screen.query_one("#export-since", Input)
        await pilot.press("end", "ctrl+u", *"2026-10-01", "tab", "tab", "end", "ctrl+u",
                          *"~/portfolio.txt", "ctrl+s")
        await wait_until(pilot, lambda: screen.saved_to is not None)
        assert screen.saved_to == target
        text = target.read_text()
        assert "Asking a carer what matters" in text and "A phone call" not in text
        assert "\x1b" not in text
        assert stat.S_IMODE(target.stat().st_mode) == 0o600
        status = str(screen.query_one("#export-status", Static).render())
        assert "Saved the txt export to" in status
        # An existing file: cancel keeps it, replace overwrites it.
        target.write_text("older work")
        screen.saved_to = None
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmReplace)
        await pilot.press("b")
        await pilot.pause()
        assert app.screen is screen and target.read_text() == "older work"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmReplace)
        await pilot.press("r")
        await wait_until(pilot, lambda: screen.saved_to is not None)
        assert "Asking a carer what matters" in target.read_text()


async def test_json_from_the_screen_holds_everything(
    data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    fill_store(Store.open(data_dir))
    target = tmp_path / "backup.json"
    app = CoprodApp(data_dir=data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: app.store_ready)
        await pilot.press("6")
        await pilot.pause()
        screen = app.screen
        await pilot.press("enter", "end", "enter")  # Format: json (last)
        await pilot.pause()
        assert screen.fmt == "json"
        await pilot.press("tab", "tab", "tab", "end", "ctrl+u", *"~/backup.json", "ctrl+s")
        await wait_until(pilot, lambda: screen.saved_to is not None)
    import json

    dump = json.loads(target.read_text())
    assert {"entries", "trash", "drafts", "settings", "stocktakes"} <= set(dump["tables"])


async def test_entries_chosen_one_by_one(
    data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from coprod_tui.journal.dialogs import ValuesDialog

    monkeypatch.setenv("HOME", str(tmp_path))
    fill_store(Store.open(data_dir))
    app = CoprodApp(data_dir=data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: app.store_ready)
        await pilot.press("6")
        await wait_until(pilot, lambda: isinstance(app.screen, ExportScreen))
        screen = app.screen
        shown = screen_text(app)  # every field is labelled at 80x24
        assert "From (YYYY-MM-DD" in shown and "To (YYYY-MM-DD" in shown and "Save to" in shown
        await pilot.press("down", "down", "down", "enter")  # Entries
        await wait_until(pilot, lambda: isinstance(app.screen, ValuesDialog))
        await pilot.press("down", "space", "enter")  # newest first: the phone call
        await wait_until(pilot, lambda: app.screen is screen)
        assert screen.ids and "1 chosen" in str(
            screen.query_one("#export-choices").get_option("entries").prompt)
        path = screen.query_one("#export-path", Input)
        await pilot.press("tab", "tab", "tab", "end", "ctrl+u", *"~/one.md", "ctrl+s")
        await wait_until(pilot, lambda: screen.saved_to is not None)
        assert app.focused is path
        text = (tmp_path / "one.md").read_text()
        assert "A phone call from a carer" in text
        assert "Asking a carer what matters" not in text
        assert "Entries chosen one by one: 1" in text
        await pilot.press("shift+tab", "shift+tab", "shift+tab", "a")  # back to everything
        assert screen.ids == []
