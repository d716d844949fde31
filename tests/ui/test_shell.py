"""The app shell driven by keys: home, every area, help, palette, settings."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import OptionList

from coprod_tui.app import CoprodApp
from coprod_tui.core.ui.choice import ChoiceDialog
from coprod_tui.shell.areas import AREAS
from coprod_tui.shell.help import HelpScreen
from coprod_tui.shell.home import HomeScreen
from tests.conftest import wait_until


def first_command(app: CoprodApp) -> str:
    """The first command the open palette offers ("" while it has none yet)."""
    from textual.command import CommandList

    lists = app.screen.query(CommandList)
    if not lists or not lists.first().option_count:
        return ""
    prompt = lists.first().get_option_at_index(0).prompt
    return getattr(prompt, "plain", str(prompt))


def make_app(data_dir: Path) -> CoprodApp:
    return CoprodApp(data_dir=data_dir)


async def test_home_lists_every_area_and_digits_open_them(data_dir: Path) -> None:
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: app.store_ready)
        assert isinstance(app.screen, HomeScreen)
        ids = [o.id for o in app.screen.query_one("#areas", OptionList).options]
        assert ids == [a.id for a in AREAS]
        for area in AREAS:
            await pilot.press(area.key)
            await pilot.pause()
            if area.action == "help":
                assert isinstance(app.screen, HelpScreen)
                await pilot.press("b")
            else:
                assert app.current_mode == area.id
                await pilot.press("h")
            await pilot.pause()
            assert app.current_mode == "home"
            assert isinstance(app.screen, HomeScreen)


async def test_arrows_and_enter_reach_every_area(data_dir: Path) -> None:
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        for index, area in enumerate(AREAS):
            await pilot.press("home")
            for _ in range(index):
                await pilot.press("down")
            await pilot.press("enter")
            await pilot.pause()
            if area.action == "help":
                assert isinstance(app.screen, HelpScreen)
                await pilot.press("b")
            else:
                assert app.current_mode == area.id
                await pilot.press("h")
            await pilot.pause()


async def test_help_lists_real_bindings_and_closes_with_a_letter(data_dir: Path) -> None:
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = app.screen.markdown()
        assert "Quit" in text and "Help" in text and "Home" in text
        assert "`q`" in text
        await pilot.press("b")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_help_follows_a_keymap_change(data_dir: Path) -> None:
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        app.set_keymap({"quit": "x"})
        await pilot.press("f1")
        await pilot.pause()
        assert "`x`" in app.screen.markdown()


async def test_command_palette_lists_navigation(data_dir: Path) -> None:
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        from textual.command import CommandPalette

        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"About")
        await wait_until(pilot, lambda: first_command(app).startswith("About"))
        await pilot.press("enter")
        await wait_until(pilot, lambda: app.current_mode == "about")


async def test_theme_setting_is_remembered(data_dir: Path) -> None:
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: app.store_ready)
        settings_key = next(a.key for a in AREAS if a.id == "settings")
        await pilot.press(settings_key)
        await pilot.pause()
        await pilot.press("enter")  # theme row
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("end", "enter")
        await pilot.pause()
        chosen = app.theme
        assert app.store.get_setting("theme") == chosen
    again = make_app(data_dir)
    async with again.run_test(size=(80, 24)):
        assert again.theme == chosen


async def test_q_quits(data_dir: Path) -> None:
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0
