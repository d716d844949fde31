"""A complete NMC account written by keys, read back in the entry view, exported on its
own for supervision; the stocktake asks for roles, not names."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Static

from coprod_tui.app import CoprodApp
from coprod_tui.core.ui.choice import ChoiceDialog
from coprod_tui.journal.editor import EntryEditorScreen
from coprod_tui.journal.list_screen import JournalScreen
from coprod_tui.journal.nmc_dialog import ThemesDialog
from coprod_tui.journal.view import EntryViewScreen
from coprod_tui.transfer import files as exports
from coprod_tui.transfer.common import ExportFilter
from tests.conftest import wait_until
from tests.ui.screen_text import screen_text


async def test_a_value_by_value_entry_answers_all_four_questions(
        data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    app = CoprodApp(data_dir=data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: app.store_ready)
        await pilot.press("2")
        await wait_until(pilot, lambda: isinstance(app.screen, JournalScreen) and app.screen.loaded)
        await pilot.press("w")
        await wait_until(pilot, lambda: isinstance(app.screen, EntryEditorScreen))
        editor = app.screen
        assert editor.query("#section-what-happened") and editor.query("#section-code")
        await pilot.press(*"Handover", "tab", *"phone", "tab", *"knew")  # happened, strengths
        await pilot.press(*["tab"] * 5, *"ask", "tab", *"safe")  # what next, the Code
        await pilot.press("ctrl+t", "down", "down", "down", "enter")  # event or experience
        await wait_until(pilot, lambda: isinstance(app.screen, ThemesDialog))
        await pilot.press("space", "enter")  # Prioritise people
        await wait_until(pilot, lambda: isinstance(app.screen, EntryEditorScreen))
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: bool(app.store.all("entries")))
        (doc,) = app.store.all("entries")
        assert doc["sections"] == {"what-happened": "phone", "strengths": "knew",
                                   "what-next": "ask", "code": "safe"}
        assert doc["values"] == ["strengths"]
        nmc = exports.render(app.store, "nmc", ExportFilter())
        assert "MISSING:" not in nmc

        await wait_until(pilot, lambda: isinstance(app.screen, JournalScreen) and app.screen.loaded)
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, EntryViewScreen))
        view = app.screen
        body = str(view.query_one("#view-body", Static).render())
        order = ["== What happened ==", "== Strengths ==", "== What next ==",
                 "== How it relates to the Code =="]
        assert [body.index(part) for part in order] == sorted(body.index(p) for p in order)
        meta = str(view.query_one("#view-meta", Static).render())
        assert "NMC account: event or experience; Code themes: Prioritise people" in meta
        # A key shown in the footer at 80x24 (drawn a frame after the screen's bindings).
        await wait_until(pilot, lambda: "o Export entry" in screen_text(app))

        await pilot.press("o")
        await wait_until(pilot, lambda: isinstance(app.screen, ChoiceDialog))
        await pilot.press("enter")  # md is highlighted first
        await wait_until(pilot, lambda: view.exported_to is not None)
        path = view.exported_to
        assert path is not None and path.parent == home
        assert path.name.startswith("coprod-entry-") and path.name.endswith(".md")
        assert (path.stat().st_mode & 0o777) == 0o600
        text = path.read_text(encoding="utf-8")
        assert "Entries chosen one by one: 1" in text and "**How it relates to the Code**" in text
        assert str(path) in str(view.query_one("#view-exported", Static).render())

        await pilot.press("o")  # again, as nmc: a new file, the first is kept
        await wait_until(pilot, lambda: isinstance(app.screen, ChoiceDialog))
        await pilot.press("end", "enter")
        await wait_until(pilot, lambda: view.exported_to is not None and view.exported_to != path)
        assert view.exported_to.name.endswith(".nmc.txt")
        assert "REFLECTIVE ACCOUNT 1 OF 1" in view.exported_to.read_text(encoding="utf-8")
        assert path.read_text(encoding="utf-8") == text


async def test_stocktake_asks_for_roles_and_warns_about_a_name(data_dir: Path) -> None:
    from coprod_tui.stocktake.run_screen import StocktakeRunScreen
    from coprod_tui.stocktake.setup_screen import StocktakeSetupScreen

    app = CoprodApp(data_dir=data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: app.store_ready)
        await pilot.press("5")
        await pilot.pause()
        await pilot.press("n")
        await wait_until(pilot, lambda: isinstance(app.screen, StocktakeSetupScreen))
        assert "roles, not names" in screen_text(app)
        await pilot.press("enter")  # myself
        await pilot.press(*"Megan and a nurse", "enter")
        await wait_until(pilot, lambda: isinstance(app.screen, StocktakeRunScreen))
        messages = [n.message for n in app._notifications]
        assert any("'Megan' looks like a name" in m for m in messages)
        (doc,) = app.store.all("stocktakes")
        assert doc["participants"] == "Megan and a nurse"  # a warning, nothing lost
