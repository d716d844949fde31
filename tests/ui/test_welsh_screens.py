"""The full-screen app in Welsh at 80x24: home, the journal (list and a new
entry), the spectrum's place screen and help show no English from coprod's own
screens; and choosing the language in Settings applies at once."""

from __future__ import annotations

import re
from pathlib import Path

from coprod_tui import i18n
from coprod_tui.app import CoprodApp
from coprod_tui.core.ui.choice import ChoiceDialog
from coprod_tui.journal.editor import EntryEditorScreen
from coprod_tui.journal.list_screen import JournalScreen
from coprod_tui.shell.help import HelpScreen
from coprod_tui.shell.home import HomeScreen
from coprod_tui.shell.settings import SettingsScreen
from coprod_tui.spectrum.area_screen import SpectrumScreen
from coprod_tui.spectrum.place_screen import PlaceActivityScreen
from tests.conftest import wait_until
from tests.ui.screen_text import footer_line, screen_text

# English that coprod's own screens on this walk show in English (each was seen
# before the screens were translated). Content (the values' prompts, scenarios)
# and the user's own text are not in this list: they are not interface strings.
ENGLISH = [
    # home
    "Journal", "Spectrum", "Complexity", "Stocktake", "Revalidation", "Settings",
    "About", "Continue reading", "Quit", "share power and work together",
    "No entries yet", "to take with you", "theme, and how coprod behaves",
    "co-production with carers", "Keys and how to find your way",
    # journal list and editor
    "Search titles, text and tags", "Enter view", "S strengths", "Filter",
    "By value", "New journal entry", "Value by value:", "A few words to find it again",
    "Save", "Next prompt",
    # spectrum
    "Place your own activity", "Practise on scenarios", "Saved placements",
    "Description (optional)", "on to the questions", "Question 1 of",
    "Are people who use the service", "Yes, they are involved",
    "A number or Enter answers", "Back",
    # help
    "Keys on this screen", "Keys that work everywhere", "Answer", "Help",
    "b or Esc: close",
]
WELSH = [
    "Dyddlyfr", "Sbectrwm", "Cymhlethdod", "Pwyso a mesur", "Ailddilysu", "Gosodiadau",
    "Ynghylch", "Parhau i ddarllen", "Gadael", "Cymorth", "Hafan",
    "Chwilio teitlau, testun a thagiau", "Cofnod newydd yn y dyddlyfr", "Cadw",
    "Gosod eich gweithgaredd eich hun", "Cwestiwn 1 o 4", "Yn ôl",
    "Allweddi ar y sgrin hon", "Allweddi sy'n gweithio ym mhobman",
]


async def _seen(pilot, app: CoprodApp, screen_type: type) -> str:
    await wait_until(pilot, lambda: isinstance(app.screen, screen_type))
    await pilot.pause()
    return screen_text(app)


async def test_home_journal_spectrum_and_help_show_no_english(data_dir: Path) -> None:
    i18n.set_language("cy")
    app = CoprodApp(data_dir=data_dir)
    seen: list[str] = []
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: app.store_ready)
        # Home, once the summaries are in (the journal's says there is nothing yet).
        await wait_until(pilot, lambda: "Dim cofnodion eto" in screen_text(app))
        seen.append(screen_text(app))
        await pilot.press("2")
        seen.append(await _seen(pilot, app, JournalScreen))
        await pilot.press("w")  # a new entry, value by value
        seen.append(await _seen(pilot, app, EntryEditorScreen))
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, JournalScreen))
        await pilot.press("h", "3")
        seen.append(await _seen(pilot, app, SpectrumScreen))
        await pilot.press("a")
        seen.append(await _seen(pilot, app, PlaceActivityScreen))
        await pilot.press("S", "u", "r", "v", "e", "y", "ctrl+n")
        await wait_until(pilot, lambda: "Cwestiwn 1 o 4" in screen_text(app))
        seen.append(screen_text(app))
        await pilot.press("f1")
        seen.append(await _seen(pilot, app, HelpScreen))
    shown = "\n".join(seen)
    # Words, not parts of words: "Help" must not match inside other text, so
    # look for each as it would stand in a line of the screen.
    english = [w for w in ENGLISH if re.search(rf"(?<![\w']){re.escape(w)}(?![\w'])", shown)]
    assert english == [], f"English left on the Welsh screens: {english}\n{shown}"
    missing = [w for w in WELSH if w not in shown]
    assert missing == [], f"Welsh expected but not shown: {missing}"


async def test_choosing_cymraeg_in_settings_applies_at_once(data_dir: Path) -> None:
    app = CoprodApp(data_dir=data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: app.store_ready)
        await pilot.press("2")  # the journal, built in English...
        await wait_until(pilot, lambda: isinstance(app.screen, JournalScreen))
        await wait_until(pilot, lambda: "Search titles" in screen_text(app))
        await pilot.press("h", "7")
        await wait_until(pilot, lambda: isinstance(app.screen, SettingsScreen))
        await wait_until(pilot, lambda: "Quit" in footer_line(app))
        await pilot.press("end", "enter")  # Language / Iaith
        await wait_until(pilot, lambda: isinstance(app.screen, ChoiceDialog))
        await pilot.press("down", "down", "enter")  # Cymraeg
        await wait_until(pilot, lambda: i18n.current_language() == "cy"
                         and "Gadael" in footer_line(app))
        await wait_until(pilot, lambda: "Thema" in screen_text(app))
        settings = screen_text(app)
        assert "Gosodiadau" in settings and "Settings\n" not in settings
        # ...home and the journal are built again in Welsh.
        await pilot.press("h")
        await wait_until(pilot, lambda: isinstance(app.screen, HomeScreen))
        await wait_until(pilot, lambda: "Dyddlyfr" in screen_text(app))
        assert "Journal" not in screen_text(app)
        await pilot.press("2")
        await wait_until(pilot, lambda: isinstance(app.screen, JournalScreen))
        await wait_until(pilot, lambda: "Chwilio teitlau" in screen_text(app))
        # And back to English the same way.
        await pilot.press("h", "7")
        await wait_until(pilot, lambda: isinstance(app.screen, SettingsScreen))
        await pilot.press("end", "enter")
        await wait_until(pilot, lambda: isinstance(app.screen, ChoiceDialog))
        await pilot.press("up", "enter")  # English
        await wait_until(pilot, lambda: i18n.current_language() == "en"
                         and "Quit" in footer_line(app))
        await pilot.press("h")
        await wait_until(pilot, lambda: "Journal" in screen_text(app))
    assert app.store.get_setting("language") == "en"
