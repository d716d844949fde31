"""The shared screen machinery (core/ui/screens.py): one back convention, the loading
helper and the jump messages, driven the way a user or a screen would."""

from __future__ import annotations

import importlib
import pkgutil
from pathlib import Path

import coprod_tui
from coprod_tui.app import CoprodApp
from coprod_tui.core.ui.screens import (
    AreaScreen,
    CoprodDialog,
    CoprodScreen,
    OpenReading,
    WriteAboutValue,
)
from coprod_tui.errors import CoprodError
from coprod_tui.journal.editor import EntryEditorScreen
from coprod_tui.journal.list_screen import JournalScreen
from coprod_tui.journal.view import TrashScreen
from coprod_tui.reading.reader import ReaderScreen
from coprod_tui.shell.help import HelpScreen
from coprod_tui.shell.home import HomeScreen
from tests.conftest import wait_until


def _all_subclasses(cls: type) -> set[type]:
    found = set(cls.__subclasses__())
    for sub in list(found):
        found |= _all_subclasses(sub)
    return found


def _screen_classes() -> set[type]:
    for module in pkgutil.walk_packages(coprod_tui.__path__, "coprod_tui."):
        importlib.import_module(module.name)
    return _all_subclasses(CoprodScreen) | _all_subclasses(CoprodDialog)


def test_every_screen_and_dialog_backs_with_b_and_escape_and_none_closes_with_c() -> None:
    classes = _screen_classes()
    assert len(classes) > 30
    for cls in classes:
        keys = cls._merge_bindings().key_to_bindings  # noqa: SLF001 - the merged BINDINGS
        assert [b.action for b in keys["escape"]] == ["back"], cls
        assert [b.action for b in keys["b"]] == ["back"], cls
        assert {b.id for b in keys["b"] + keys["escape"]} == {"back", "back-alt"}, cls
        closing = [b for b in keys.get("c", []) if b.action in ("back", "close", "cancel")]
        assert closing == [], cls


def test_back_is_in_the_footer_below_an_area_and_left_to_h_on_its_first_screen() -> None:
    shown = {cls: cls._merge_bindings().key_to_bindings["b"][0].show  # noqa: SLF001
             for cls in _screen_classes()}
    assert shown[TrashScreen] and shown[ReaderScreen]
    assert not shown[JournalScreen] and not shown[HomeScreen]
    assert all(not show for cls, show in shown.items() if issubclass(cls, AreaScreen))


async def test_b_and_escape_step_back_one_level_at_a_time(data_dir: Path) -> None:
    app = CoprodApp(data_dir=data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: app.store_ready)
        await pilot.press("2")
        await wait_until(pilot, lambda: isinstance(app.screen, JournalScreen))
        await pilot.press("u")
        await wait_until(pilot, lambda: isinstance(app.screen, TrashScreen))
        await pilot.press("f1")
        await wait_until(pilot, lambda: isinstance(app.screen, HelpScreen))
        # Help lists one key a line, its keymap id in brackets (issue 17's help).
        assert "`b`" in app.screen.markdown() and "(back)" in app.screen.markdown()
        await pilot.press("b")  # the dialog closes: one level
        await wait_until(pilot, lambda: isinstance(app.screen, TrashScreen))
        await pilot.press("escape")  # the trash closes: one level
        await wait_until(pilot, lambda: isinstance(app.screen, JournalScreen))
        await pilot.press("b")  # the journal's first screen: home
        await wait_until(pilot, lambda: isinstance(app.screen, HomeScreen))
        await pilot.press("escape", "b")  # nothing above home: it stays
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen) and app.return_code is None


async def test_h_from_a_dialog_goes_home_and_the_area_is_kept(data_dir: Path) -> None:
    app = CoprodApp(data_dir=data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: app.store_ready)
        await pilot.press("2", "u")
        await wait_until(pilot, lambda: isinstance(app.screen, TrashScreen))
        await pilot.press("f1")
        await wait_until(pilot, lambda: isinstance(app.screen, HelpScreen))
        await pilot.press("h")
        await wait_until(pilot, lambda: isinstance(app.screen, HomeScreen))
        await pilot.press("2")
        await wait_until(pilot, lambda: isinstance(app.screen, TrashScreen))


class _Probe(CoprodScreen[None]):
    """A screen that loads through run_loading."""

    def __init__(self) -> None:
        super().__init__()
        self.shown: list[object] = []


async def test_run_loading_waits_for_the_store_shows_the_result_and_says_what_failed(
        data_dir: Path) -> None:
    app = CoprodApp(data_dir=data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: app.store_ready)
        probe = _Probe()
        app.push_screen(probe)
        await pilot.pause()
        app.store_ready = False  # as before the store is open
        assert probe.run_loading(lambda store: 1, probe.shown.append) is None
        app.store_ready = True
        probe.run_loading(lambda store: store.get_setting("theme", "none"), probe.shown.append)
        await app.workers.wait_for_complete()
        await wait_until(pilot, lambda: probe.shown == ["none"])

        def broken(store: object) -> None:
            raise CoprodError("the disk said no [bold]")

        probe.run_loading(broken, probe.shown.append)
        await app.workers.wait_for_complete()
        await wait_until(pilot, lambda: any(
            n.message == "the disk said no [bold]" for n in app._notifications))  # noqa: SLF001
        assert probe.shown == ["none"]
        assert probe.attempt(lambda: broken(None)) is False
        assert probe.attempt(lambda: None) is True


async def test_jumps_open_the_screen_the_other_area_provides_at_once(data_dir: Path) -> None:
    app = CoprodApp(data_dir=data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: app.store_ready)
        app.jump(WriteAboutValue("networks"))
        assert isinstance(app.screen, EntryEditorScreen)  # pushed before any key is read
        await pilot.pause()
        await pilot.press("escape")
        await wait_until(pilot, lambda: not isinstance(app.screen, EntryEditorScreen))
        app.jump(OpenReading("what-is-co-production"))
        assert isinstance(app.screen, ReaderScreen)
        await pilot.pause()


async def test_escape_from_a_placement_opened_by_a_complexity_result_returns_to_it(
        data_dir: Path) -> None:
    from coprod_tui.complexity.area_screen import ComplexityScreen
    from coprod_tui.complexity.challenge_screen import ChallengeScreen
    from coprod_tui.spectrum.place_screen import PlaceActivityScreen

    app = CoprodApp(data_dir=data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: app.store_ready)
        await pilot.press("4")
        await wait_until(pilot, lambda: isinstance(app.screen, ComplexityScreen))
        await pilot.press("n")
        await wait_until(pilot, lambda: isinstance(app.screen, ChallengeScreen))
        challenge = app.screen
        await pilot.press(*"Ward", "tab", "tab", "n", "n", "n", "y", "ctrl+n", "ctrl+o")
        await wait_until(pilot, lambda: isinstance(app.screen, PlaceActivityScreen))
        assert app.screen.activity_title == "Ward"
        await pilot.press("escape")  # back one level: the result, not home
        await wait_until(pilot, lambda: app.screen is challenge)
        assert app.current_mode == "complexity"
        assert app.store.load_draft("spectrum:place")["title"] == "Ward"  # nothing lost


async def test_escape_from_stocktake_setup_asks_before_forgetting_who_took_part(
        data_dir: Path) -> None:
    from textual.widgets import Input

    from coprod_tui.core.ui.choice import ChoiceDialog
    from coprod_tui.stocktake.area_screen import StocktakeScreen
    from coprod_tui.stocktake.setup_screen import StocktakeSetupScreen

    app = CoprodApp(data_dir=data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: app.store_ready)
        await pilot.press("5")
        await wait_until(pilot, lambda: isinstance(app.screen, StocktakeScreen))
        await pilot.press("n")
        await wait_until(pilot, lambda: isinstance(app.screen, StocktakeSetupScreen))
        setup = app.screen
        await pilot.press("enter", *"Ward 7", "escape")
        await wait_until(pilot, lambda: isinstance(app.screen, ChoiceDialog))
        await pilot.press("enter")  # stay
        await wait_until(pilot, lambda: app.screen is setup)
        assert setup.query_one("#stocktake-participants", Input).value == "Ward 7"
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, ChoiceDialog))
        await pilot.press("down", "enter")  # leave
        await wait_until(pilot, lambda: isinstance(app.screen, StocktakeScreen))
        assert app.store.all("stocktakes") == []
