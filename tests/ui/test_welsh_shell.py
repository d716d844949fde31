"""The shell in Welsh at 80x24: home with a regulator set, Settings and each of its
dialogs, About, help (read to the end), and the screens that stand in for the
app when the data cannot be used: a corrupt data file, an encrypted journal's
passphrase (a wrong one, the idle lock) and another session re-keying the
journal. No English line from coprod's own strings, nothing cut short."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input

from coprod_tui import i18n
from coprod_tui.app import CoprodApp
from coprod_tui.core.store import MAIN_FILE, Store
from coprod_tui.core.store.convert import change_passphrase, encrypt_folder
from coprod_tui.core.store.crypto import unlock
from coprod_tui.core.ui.choice import ChoiceDialog
from coprod_tui.revalidation import records, rules
from coprod_tui.shell.about import AboutScreen
from coprod_tui.shell.error import ErrorScreen
from coprod_tui.shell.help import HelpScreen
from coprod_tui.shell.home import HomeScreen
from coprod_tui.shell.passphrase import PassphraseScreen
from coprod_tui.shell.settings import SettingsScreen
from tests.conftest import wait_until
from tests.ui.screen_text import screen_text
from tests.ui.welsh_check import cut_short, english_lines

PASSPHRASE = "kestrel-harbour-42"

# Text that stays English on purpose, each for its reason:
KEYMAP_IDS = [  # the ids a user types in keymap.json, shown after each key in help
    "(back)", "(help)", "(home)", "(quit)", "(settings-change)", "(open)",
    "(continue-reading)", *(f"(open-{digit})" for digit in range(10)),
    '{"quit": "ctrl+x"}',
]
LANGUAGE_SETTING = [  # written in both languages so that anyone can find their own
    "Language / Iaith", "as the system (LANG) / fel y system", "English",
]
TOOLKIT = [  # the toolkit's own English title in About (wrapped at 80 columns)
    '"Co-producing with carers in health settings"', '"Co-producing with carers',
    'in health settings"',
]


def _problems(text: str, allow: list[str]) -> list[str]:
    return english_lines(text, allow=allow) + cut_short(text)


def _flat(text: str) -> str:
    """The words on screen in one line: borders gone, wrapped lines joined."""
    for border in "█│▎▊":
        text = text.replace(border, " ")
    return " ".join(text.split())


async def _whole_help(pilot, app: CoprodApp) -> list[str]:  # noqa: ANN001 - Pilot
    """Help from the top to the bottom, one screenful at a time."""
    await wait_until(pilot, lambda: isinstance(app.screen, HelpScreen))
    body = app.screen.query_one("#help-body")
    await wait_until(pilot, lambda: body.max_scroll_y > 0)
    views = [screen_text(app)]
    while body.scroll_y < body.max_scroll_y:
        before = body.scroll_y
        await pilot.press("pagedown")
        await wait_until(pilot, lambda b=before: body.scroll_y != b)
        await pilot.pause()
        views.append(screen_text(app))
    return views


async def test_home_with_a_regulator_set_shows_the_revalidation_line_in_welsh(
        data_dir: Path) -> None:
    store = Store.open(data_dir)
    records.set_registration(store, "nmc", "2027-06-01")
    i18n.set_language("cy")
    app = CoprodApp(data_dir=data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: app.store_ready)
        await wait_until(pilot, lambda: "Dim cofnodion eto" in screen_text(app)
                         and "Gosod eich rheoleiddiwr" not in screen_text(app))
        await wait_until(pilot, lambda: " 0  Ailddilysu" in screen_text(app))
        home = screen_text(app)
        assert isinstance(app.screen, HomeScreen)
    welsh_line = rules.home_line(records.progress(store))
    i18n.set_language("en")
    assert welsh_line != rules.home_line(records.progress(store)), "the line is translated"
    assert _problems(home, allow=[]) == [], home


async def test_settings_every_dialog_about_and_help_in_welsh(data_dir: Path) -> None:
    i18n.set_language("cy")
    app = CoprodApp(data_dir=data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: app.store_ready)
        await pilot.press("7")
        await wait_until(pilot, lambda: isinstance(app.screen, SettingsScreen))
        await wait_until(pilot, lambda: "Cloi pan fydd yn segur" in screen_text(app))
        settings = screen_text(app)
        assert _problems(settings, LANGUAGE_SETTING) == [], settings
        rows = app.screen.query_one("#settings").option_count
        for row in range(rows):
            await pilot.press("enter")
            await wait_until(pilot, lambda: isinstance(app.screen, ChoiceDialog))
            await pilot.pause()
            dialog = screen_text(app)
            assert _problems(dialog, LANGUAGE_SETTING) == [], dialog
            await pilot.press("escape")
            await wait_until(pilot, lambda: isinstance(app.screen, SettingsScreen))
            if row + 1 < rows:
                await pilot.press("down")
                await wait_until(pilot, lambda r=row: app.screen.query_one("#settings")
                                 .highlighted == r + 1)
                await pilot.pause()
                explained = screen_text(app)  # each setting's explanation under the list
                assert _problems(explained, LANGUAGE_SETTING) == [], explained
        await pilot.press("f1")
        for view in await _whole_help(pilot, app):
            assert _problems(view, KEYMAP_IDS) == [], view
        await pilot.press("escape", "h", "9")
        await wait_until(pilot, lambda: isinstance(app.screen, AboutScreen))
        body = app.screen.query_one("#about-body")
        await wait_until(pilot, lambda: body.max_scroll_y > 0)
        about = [screen_text(app)]
        while body.scroll_y < body.max_scroll_y:
            before = body.scroll_y
            await pilot.press("pagedown")
            await wait_until(pilot, lambda b=before: body.scroll_y != b)
            await pilot.pause()
            about.append(screen_text(app))
        for view in about:
            assert _problems(view, TOOLKIT) == [], view
        assert any("Cydnabyddiaeth" in view for view in about)
        await pilot.press("f1")
        for view in await _whole_help(pilot, app):
            assert _problems(view, KEYMAP_IDS) == [], view
        await pilot.press("escape", "h", "8")  # Help from home, as its digit opens it
        for view in await _whole_help(pilot, app):
            assert _problems(view, KEYMAP_IDS) == [], view


async def test_a_corrupt_data_file_is_said_in_welsh_and_nothing_is_written(
        data_dir: Path) -> None:
    Store.open(data_dir).insert("entries", {"title": "Night handover"})
    Store.open(data_dir)  # today's backup
    (data_dir / MAIN_FILE).write_bytes(b'{"entries": {')
    i18n.set_language("cy")
    app = CoprodApp(data_dir=data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, ErrorScreen))
        await pilot.pause()
        shown = screen_text(app)
        assert "Ni all coprod agor eich data" in shown
        assert "nid yw'n JSON dilys (llinell 1, colofn 14)" in _flat(shown)
        assert "rhedwch `coprod restore coprod-" in _flat(shown)
        assert "Ni ysgrifennwyd dim. Pwyswch q i adael." in shown
        assert _problems(shown, []) == [], shown
        await pilot.press("q")
    assert app.return_code == 1
    assert (data_dir / MAIN_FILE).read_bytes() == b'{"entries": {'


async def test_the_passphrase_a_wrong_one_and_the_idle_lock_in_welsh(data_dir: Path) -> None:
    Store.open(data_dir).insert("entries", {"title": "Night handover"})
    encrypt_folder(data_dir, PASSPHRASE)
    i18n.set_language("cy")
    app = CoprodApp(data_dir=data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, PassphraseScreen))
        screen = app.screen
        await wait_until(pilot, lambda: "Mae'r dyddlyfr hwn wedi'i amgryptio" in screen_text(app))
        asking = screen_text(app)
        assert _problems(asking, []) == [], asking
        await pilot.press(*"not-it-at-all", "enter")
        await wait_until(pilot, lambda: screen.wrong == 1, timeout=60)
        await wait_until(pilot, lambda: not screen.query_one(Input).disabled, timeout=60)
        wrong = screen_text(app)
        assert "Cyfrinymadrodd anghywir" in wrong and "2 cynnig ar ôl" in _flat(wrong)
        assert _problems(wrong, []) == [], wrong
        await pilot.press(*PASSPHRASE, "enter")
        await wait_until(pilot, lambda: app.store_ready, timeout=60)
        app.store.set_setting("lock-after", "5")
        assert app.check_idle_lock(now=app.last_activity + 6 * 60)
        await wait_until(pilot, lambda: isinstance(app.screen, PassphraseScreen))
        await wait_until(pilot, lambda: "Wedi'i gloi ar ôl 5 munud" in screen_text(app))
        locked = screen_text(app)
        assert _problems(locked, []) == [], locked


async def test_another_session_rekeying_the_journal_is_said_in_welsh(data_dir: Path) -> None:
    Store.open(data_dir).insert("entries", {"title": "Night handover"})
    encrypt_folder(data_dir, PASSPHRASE)
    i18n.set_language("cy")
    app = CoprodApp(data_dir=data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, PassphraseScreen))
        await pilot.press(*PASSPHRASE, "enter")
        await wait_until(pilot, lambda: app.store_ready, timeout=60)
        # Another session changes the passphrase (and so the key) meanwhile.
        change_passphrase(data_dir, unlock(data_dir, PASSPHRASE), "another-harbour-99")
        await pilot.press("7")
        await wait_until(pilot, lambda: isinstance(app.screen, SettingsScreen))
        await wait_until(pilot, lambda: any("sesiwn coprod arall" in n.message
                                            for n in app._notifications))  # noqa: SLF001
        # Shown as a notice (toasts are drawn on their own layer, not in screen_text).
        message = next(n.message for n in app._notifications)  # noqa: SLF001
        assert message.startswith("newidiodd sesiwn coprod arall y cyfrinymadrodd")
        assert english_lines(message) == [], message
