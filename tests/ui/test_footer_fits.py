"""The footer never cuts a key in half: when a screen's keys are wider than the
terminal, whole keys are dropped (home and quit first, then the screen's last
keys), the help key always stays, and a wider terminal brings them back."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from coprod_tui import i18n
from coprod_tui.app import CoprodApp
from coprod_tui.complexity.challenge_screen import ChallengeScreen
from coprod_tui.core.ui.compat import footer_key_width, keys_that_fit
from tests.conftest import wait_until


def test_keys_that_fit_drop_home_and_quit_first_then_from_the_right() -> None:
    keys = [("new", 10), ("edit", 10), ("delete", 10), ("help", 10), ("home", 10),
            ("quit_app", 10)]
    assert keys_that_fit(keys, 60) == [0, 1, 2, 3, 4, 5]
    assert keys_that_fit(keys, 59) == [0, 1, 2, 3, 5]  # home goes first
    assert keys_that_fit(keys, 45) == [0, 1, 2, 3]  # then quit
    assert keys_that_fit(keys, 25) == [0, 3]  # then the screen's, from the right
    assert keys_that_fit(keys, 5) == [3], "help always stays"
    assert footer_key_width("f1", "Help") == 9  # " f1 " + "Help "
    assert footer_key_width("^p", "") == 4


def cut_keys(app: CoprodApp) -> list[str]:
    """Keys shown only in part: past the footer's end or under the palette key."""
    footer = app.screen.query_one(Footer)
    keys = list(footer.query(FooterKey))
    palette = [k for k in keys if k.has_class("-command-palette")]
    end = palette[0].region.x + 1 if palette else footer.region.right
    return [f"{k.key_display} {k.description}" for k in keys
            if k not in palette and k.region.right > end]


def shown_actions(app: CoprodApp) -> list[str]:
    return [k.action for k in app.screen.query_one(Footer).query(FooterKey)]


@pytest.mark.parametrize("language", ["en", "cy"])
async def test_a_crowded_footer_drops_whole_keys_and_keeps_help(
        data_dir: Path, language: str) -> None:
    i18n.set_language(language)
    app = CoprodApp(data_dir=data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: app.store_ready)
        await pilot.press("4", "n")
        await wait_until(pilot, lambda: isinstance(app.screen, ChallengeScreen))
        challenge = app.screen
        await pilot.press(*"Carers feel alone", "tab", "tab")
        for key in ("n", "u", "n", "y", "n"):  # a complex challenge
            await pilot.press(key)
        await pilot.press("ctrl+n")
        await wait_until(pilot, lambda: challenge.step == "result")
        # The result step has more keys than 80 columns hold (in both languages).
        await wait_until(pilot, lambda: "help" in shown_actions(app))
        wanted = sum(footer_key_width(app.get_key_display(k), _(k.description))
                     for _node, k, _e, _t in app.screen.active_bindings.values()
                     if k.show and k.action != "app.command_palette")
        palette = [k for k in app.screen.query_one(Footer).query(FooterKey)
                   if k.has_class("-command-palette")]
        room = 80 - sum(k.region.width for k in palette)
        assert wanted > room, "the test needs a footer wider than the terminal"
        assert cut_keys(app) == []
        assert "home" not in shown_actions(app) and "app.home" not in shown_actions(app)
        # Wider, and the dropped keys come back, whole.
        await pilot.resize_terminal(160, 24)
        await wait_until(pilot, lambda: any(a.endswith("home") for a in shown_actions(app)))
        assert cut_keys(app) == []


def _(text: str) -> str:
    return i18n._(text) if text else text
