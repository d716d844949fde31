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


async def _home_prompts(data_dir: Path, size: tuple[int, int]) -> dict[str, str]:
    from coprod_tui.core.store import Store
    from coprod_tui.reading.records import ReadingProgress

    progress = ReadingProgress(Store.open(data_dir))
    progress.save_place("five-values", 0)  # a long Read line: every tier and "r: continue"
    app = make_app(data_dir)
    async with app.run_test(size=size) as pilot:
        await wait_until(pilot, lambda: app.store_ready)
        await app.workers.wait_for_complete()
        await pilot.pause()
        options = app.screen.query_one("#areas", OptionList)
        return {o.id: str(o.prompt) for o in options.options}


async def test_home_summaries_use_a_wide_screen_and_still_fit_80(data_dir: Path) -> None:
    # Issue 17: summaries were cut at a fixed width even at 120 columns.
    wide = await _home_prompts(data_dir, (120, 40))
    read = wide["read"]
    assert "…" not in read and "Follow-up 0/5 (r: continue reading)" in " ".join(read.split())
    assert len(read.splitlines()[0]) > 80
    assert all(len(line) <= 120 - 4 for p in wide.values() for line in p.splitlines())
    narrow = await _home_prompts(data_dir, (80, 24))
    assert all(len(line) <= 80 - 4 for p in narrow.values() for line in p.splitlines())
    assert len(narrow["read"].splitlines()) == 2


async def test_theme_dialog_fits_80x24(data_dir: Path) -> None:
    # Issue 17: the theme list ran off an 80x24 screen with its keys line.
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: app.store_ready)
        await pilot.press(next(a.key for a in AREAS if a.id == "settings"), "enter")
        await wait_until(pilot, lambda: isinstance(app.screen, ChoiceDialog))
        await pilot.pause()
        await pilot.pause()
        dialog = app.screen.query_one(".dialog")
        keys = app.screen.query_one(".dialog-keys")
        assert len(app.available_themes) > 15, "a list longer than the screen"
        assert dialog.region.bottom <= 24 - 1, "above the footer"
        assert keys.region.height > 0 and keys.region.bottom < dialog.region.bottom
        options = app.screen.query_one("#choices", OptionList)
        assert options.max_scroll_y > 0, "the list scrolls inside the dialog"
        await pilot.press("end")
        await pilot.pause()
        last = options.get_option_at_index(options.option_count - 1).id
        assert options.highlighted == options.option_count - 1
        await pilot.press("enter")
        await wait_until(pilot, lambda: app.theme == last)


async def _palette_search(app: CoprodApp, pilot, words: str) -> list[str]:
    """Open the palette, type ``words`` as a user would, return the results shown."""
    from textual.command import CommandList, CommandPalette

    await pilot.press("ctrl+p")
    await wait_until(pilot, lambda: isinstance(app.screen, CommandPalette))
    await pilot.press(*["space" if ch == " " else ch for ch in words])
    results = app.screen.query_one(CommandList)
    await wait_until(pilot, lambda: results.option_count > 0 or words == "keys")
    await pilot.pause(0.1)
    return [str(o.prompt).splitlines()[0] for o in results.options]


async def test_command_palette_finds_this_screens_actions_and_writing(data_dir: Path) -> None:
    # Issue 17: "new", "write", "gibbs" found nothing; Textual's "Keys" was listed.
    from coprod_tui.journal.editor import EntryEditorScreen
    from coprod_tui.journal.list_screen import JournalScreen

    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: app.store_ready)
        await pilot.press("2")
        await wait_until(pilot, lambda: isinstance(app.screen, JournalScreen))
        found = await _palette_search(app, pilot, "new")
        assert "New (n)" in found, found
        assert any(f.startswith("New journal entry") for f in found)
        await pilot.press("escape")
        found = await _palette_search(app, pilot, "filter")
        assert {"Filter (f)", "Filter by value (v)", "Filter by tag (t)"} <= set(found), found
        await pilot.press("escape")
        assert any("write" in f.lower() for f in await _palette_search(app, pilot, "write"))
        await pilot.press("escape")
        assert await _palette_search(app, pilot, "keys") == []
        await pilot.press("escape")
        found = await _palette_search(app, pilot, "gibbs")
        assert found[0] == "New journal entry: Gibbs' reflective cycle"
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, EntryEditorScreen))
        assert app.screen.entry.framework == "gibbs" and app.current_mode == "journal"
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, JournalScreen))
        # A screen's action runs from the palette: "Trash (u)" opens the trash.
        found = await _palette_search(app, pilot, "trash")
        assert found[0] == "Trash (u)"  # the trash's key since `b` became back everywhere
        await pilot.press("enter")
        await wait_until(pilot, lambda: type(app.screen).__name__ == "TrashScreen")


async def test_help_leads_with_this_screen_then_everywhere_at_80x24(data_dir: Path) -> None:
    # Issue 17: help showed about five keys a page, sorted by description, with
    # Textual's internals, the orientation text last, and no way out of a text box.
    from textual.containers import VerticalScroll

    from coprod_tui.journal.list_screen import JournalScreen

    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: app.store_ready)
        await pilot.press("2")
        await wait_until(pilot, lambda: isinstance(app.screen, JournalScreen))
        await pilot.press("f1")
        await wait_until(pilot, lambda: isinstance(app.screen, HelpScreen))
        await pilot.pause()
        help_screen = app.screen
        text = help_screen.markdown()
        for noise in ("super+c", "Copy selected text", "Page Left", "Scroll Right",
                      "Focus Next", "palette\n"):
            assert noise not in text, noise
        about = text.index("## Journal")
        own = text.index("## Keys on this screen")
        everywhere = text.index("## Keys that work everywhere")
        box = text.index("## In a text box")
        assert about < own < everywhere < box < text.index("## Finding your way")
        own_rows = [r.description for r in help_screen.rows]
        assert own_rows[:3] == ["New", "By value", "Search"], "in the screen's own order"
        assert "Home" not in own_rows and "Quit" not in own_rows
        assert {"Help", "Home", "Quit"} <= {r.description for r in help_screen.everywhere}
        assert "`Tab`" in text[box:] and "`Escape`" in text[box:] and "`h`" in text[box:]
        # One line a key: a page of the help shows many more than five.
        keys = help_screen.query_one("#help-keys")
        assert keys.size.height == len(help_screen.rows) + 1 > 6
        body = help_screen.query_one("#help-body", VerticalScroll)
        assert body.size.height >= 12
        title = help_screen.query_one("#help-title")
        assert title.region.y < keys.region.y, "the orientation text comes first"
        # A long orientation (the journal's) may push them to the second page:
        # one page down shows the keys, many more than five at once.
        await pilot.press("pagedown")
        await pilot.pause()
        top = keys.virtual_region.y - body.scroll_y
        shown = min(top + keys.size.height, body.size.height) - max(top, 0)
        assert shown > 10, shown
        await pilot.press("b")
        await wait_until(pilot, lambda: isinstance(app.screen, JournalScreen))


async def test_help_lists_a_screen_key_that_a_focused_list_shadows(data_dir: Path) -> None:
    # Settings' Enter (Change) works through its focused list, whose own Enter
    # ("select", Textual's) comes first in the chain: help still names it.
    from coprod_tui.shell.settings import SettingsScreen

    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: app.store_ready)
        await pilot.press("7")
        await wait_until(pilot, lambda: isinstance(app.screen, SettingsScreen))
        await pilot.press("f1")
        await wait_until(pilot, lambda: isinstance(app.screen, HelpScreen))
        assert [row.description for row in app.screen.rows][:2] == ["Change", "Back"]
        assert "Select" not in app.screen.markdown(), "Textual's own key stays out"
