"""The language setting, chosen with keys alone on the Settings screen; the next
run of `coprod` reads it (see tests/e2e/test_welsh_cli.py)."""

from __future__ import annotations

from pathlib import Path

from coprod_tui.app import CoprodApp
from coprod_tui.core.store.peek import peek_setting
from coprod_tui.core.ui.choice import ChoiceDialog
from coprod_tui.i18n import choose_language
from coprod_tui.shell.settings import SettingsScreen
from tests.conftest import wait_until


async def test_choose_cymraeg_in_settings(data_dir: Path) -> None:
    app = CoprodApp(data_dir=data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: app.store_ready)
        await pilot.press("7")
        await wait_until(pilot, lambda: isinstance(app.screen, SettingsScreen))
        await pilot.press("end", "enter")  # Language / Iaith, the last row
        await wait_until(pilot, lambda: isinstance(app.screen, ChoiceDialog))
        await pilot.press("down", "down", "enter")  # system -> English -> Cymraeg
        await wait_until(pilot, lambda: app.store.get_setting("language") == "cy")
    assert peek_setting(data_dir, "language") == "cy"
    assert choose_language(None, peek_setting(data_dir, "language"), {"LANG": "C"}) == "cy"
