"""The NMC kind of account and Code themes are chosen in the editor and used by the export."""

from __future__ import annotations

from pathlib import Path

from coprod_tui.app import CoprodApp
from coprod_tui.journal.editor import EntryEditorScreen
from coprod_tui.journal.list_screen import JournalScreen
from coprod_tui.journal.nmc_dialog import ThemesDialog
from coprod_tui.transfer import files as exports
from coprod_tui.transfer.common import ExportFilter
from tests.conftest import wait_until
from tests.ui.screen_text import screen_text


async def test_kind_and_themes_chosen_by_keys_reach_the_nmc_export(data_dir: Path) -> None:
    app = CoprodApp(data_dir=data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: app.store_ready)
        await pilot.press("2")
        await wait_until(pilot, lambda: isinstance(app.screen, JournalScreen) and app.screen.loaded)
        await pilot.press("n", "enter")
        await wait_until(pilot, lambda: isinstance(app.screen, EntryEditorScreen))
        assert "^t NMC" in screen_text(app)  # in the footer at 80 columns
        await pilot.press(*"Handover", "tab", *"We", "space", *"listened")
        await pilot.press("ctrl+t", "down", "down", "down", "enter")  # event or experience
        await wait_until(pilot, lambda: isinstance(app.screen, ThemesDialog))
        await pilot.press("space", "down", "down", "space", "enter")
        await wait_until(pilot, lambda: isinstance(app.screen, EntryEditorScreen))
        meta = str(app.screen.query_one("#editor-meta").render())
        assert "NMC: event or experience; Prioritise people; Preserve safety" in meta
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: bool(app.store.all("entries")))
        (doc,) = app.store.all("entries")
        assert doc["account_kind"] == "event or experience"
        assert doc["code_themes"] == ["Prioritise people", "Preserve safety"]
        nmc = exports.render(app.store, "nmc", ExportFilter())
        assert "Kind of account: event or experience" in nmc
        assert "Themes of the Code: Prioritise people; Preserve safety" in nmc
