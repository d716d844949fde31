"""Slips that used to lose or hide work (issue 17), driven with keys at 80x24."""

from __future__ import annotations

from pathlib import Path

from textual.containers import VerticalScroll
from textual.widgets import Input, OptionList, TextArea

from coprod_tui.app import CoprodApp
from coprod_tui.complexity import records as cx
from coprod_tui.complexity.area_screen import ComplexityScreen
from coprod_tui.core.store import Store, backups
from coprod_tui.core.store.backups import list_backups
from coprod_tui.core.ui.screens import ReflectOn
from coprod_tui.journal.editor import EntryEditorScreen
from coprod_tui.journal.entry import VALUE_IDS, Action, Entry, Link
from coprod_tui.journal.records import EntryStore
from coprod_tui.journal.view import ActionsScreen, TrashPreviewScreen, TrashScreen
from coprod_tui.shell.too_small import TooSmallScreen
from coprod_tui.spectrum import records as spectrum_records
from coprod_tui.spectrum.area_screen import SavedPlacementsScreen, SpectrumScreen
from coprod_tui.spectrum.rules import SpectrumAnswers, place
from coprod_tui.stocktake import records as stocktakes
from coprod_tui.stocktake.area_screen import StocktakeScreen
from coprod_tui.stocktake.history_screen import StocktakeHistoryScreen
from tests.conftest import wait_until
from tests.ui.screen_text import screen_text
from tests.ui.test_journal import back_to_list, entries, open_journal, seed, start_entry
from tests.ui.test_stocktake import make_finished


async def test_discarding_a_draft_asks_first_and_no_keeps_it(data_dir: Path) -> None:
    app = CoprodApp(data_dir=data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_journal(app, pilot)
        await start_entry(app, pilot, 0)
        await pilot.press(*"Keep me", "escape")
        await back_to_list(app, pilot)
        await pilot.press("r")
        await wait_until(pilot, lambda: "Restore unsaved writing?" in screen_text(app))
        await pilot.press("d")
        await wait_until(pilot, lambda: "Discard this draft?" in screen_text(app))
        assert len(app.store.drafts()) == 1
        await pilot.press("escape")
        await back_to_list(app, pilot)
        assert app.store.drafts()[0]["data"]["entry"]["title"] == "Keep me"


async def test_tabbing_into_a_filled_title_or_tags_keeps_the_text(data_dir: Path) -> None:
    seed(data_dir, Entry(values=["networks"], title="Kept title", tags=["ward"],
                         sections={"text": "a"}))
    app = CoprodApp(data_dir=data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_journal(app, pilot)
        await pilot.press("e")
        await wait_until(pilot, lambda: isinstance(app.screen, EntryEditorScreen))
        editor = app.screen
        title = editor.query_one("#title", Input)
        tags = editor.query_one("#tags", Input)
        await pilot.press("shift+tab")
        await pilot.pause()
        assert app.focused is title
        await pilot.press("x")
        assert title.value == "Kept titlex"
        await pilot.press("ctrl+a", "shift+end", "y")
        assert title.value == "y"
        await pilot.press("ctrl+z")
        assert title.value == "Kept titlex"
        await pilot.press("ctrl+z")
        assert title.value == "Kept title"
        tags.focus()
        await pilot.pause()
        await pilot.press("z")
        assert tags.value == "wardz"


async def test_too_small_terminal_swallows_keys_meant_for_the_hidden_editor(
        data_dir: Path) -> None:
    app = CoprodApp(data_dir=data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_journal(app, pilot)
        editor = await start_entry(app, pilot, 0)
        await pilot.press(*"Draft")
        await pilot.resize_terminal(60, 20)
        await wait_until(pilot, lambda: isinstance(app.screen, TooSmallScreen))
        await pilot.press("h", "2", "n", "escape", "b", "f1", "question_mark", "ctrl+p")
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, TooSmallScreen)
        await pilot.resize_terminal(80, 24)
        await wait_until(pilot, lambda: app.screen is editor)
        assert editor.query_one("#title", Input).value == "Draft"
        await pilot.resize_terminal(60, 20)
        await wait_until(pilot, lambda: isinstance(app.screen, TooSmallScreen))
        await pilot.press("q")
        await wait_until(pilot, lambda: not app.is_running)
    assert CoprodApp(data_dir=data_dir).store.drafts()[0]["data"]["entry"]["title"] == "Draft"


async def test_reflect_on_this_puts_the_cursor_after_the_summary(data_dir: Path) -> None:
    app = CoprodApp(data_dir=data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_journal(app, pilot)
        app.jump(ReflectOn("Placed: clinic", ["equality"],
                           Link(kind="spectrum", ref="x", label="clinic"),
                           "Placed at Consulting.\nTwo reasons."))
        await wait_until(pilot, lambda: isinstance(app.screen, EntryEditorScreen))
        await pilot.pause()
        area = app.focused
        assert isinstance(area, TextArea)
        await pilot.press(*"Mine")
        assert area.text == "Placed at Consulting.\nTwo reasons.\n\nMine"
        await pilot.press("ctrl+home", "!")
        assert area.text.startswith("!Placed")
        await pilot.press("ctrl+end", "?")
        assert area.text.endswith("Mine?")


async def test_a_new_entry_opens_at_the_top_at_80x24(data_dir: Path) -> None:
    app = CoprodApp(data_dir=data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_journal(app, pilot)
        editor = await start_entry(app, pilot, 0)
        await pilot.pause()
        await pilot.pause()
        assert editor.query_one("#editor-body", VerticalScroll).scroll_y == 0
        text = screen_text(app)
        assert "New journal entry" in text and "Prompts:" in text
        await pilot.press(*"T", "ctrl+s")
        await back_to_list(app, pilot)
        assert entries(app)[0]["title"] == "T"


async def test_an_action_marked_done_can_be_put_back_with_u(data_dir: Path) -> None:
    seed(data_dir, Entry(values=["networks"], title="Links", framework="rolfe",
                         actions=[Action("Call the GP surgery", "2026-12-01"),
                                  Action("Visit the carers centre")]))
    app = CoprodApp(data_dir=data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_journal(app, pilot)
        await pilot.press("a")
        await wait_until(pilot, lambda: isinstance(app.screen, ActionsScreen)
                         and app.screen.query_one(OptionList).option_count == 2)
        # The footer is redrawn once a frame when its keys change: wait for that frame.
        await wait_until(pilot, lambda: "u Undo done" in screen_text(app))
        assert "u Undo done" in screen_text(app)
        await pilot.press("space")
        await wait_until(pilot, lambda: app.screen.query_one(OptionList).option_count == 1)
        await pilot.pause()
        text = screen_text(app)
        assert "Marked done: Call the GP surgery" in text and "(u puts it back)" in text
        await pilot.press("u")
        await wait_until(pilot, lambda: app.screen.query_one(OptionList).option_count == 2)
        assert [a["done"] for a in entries(app)[0]["actions"]] == [False, False]
        assert "[ ] Call the GP surgery" in screen_text(app)


async def test_enter_in_the_trash_shows_the_entry_and_r_restores_it(data_dir: Path) -> None:
    (entry,) = seed(data_dir, Entry(values=["networks"], title="Binned",
                                    sections={"text": "What I wrote [b]"}))
    EntryStore(Store.open(data_dir)).delete(entry.id)
    app = CoprodApp(data_dir=data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_journal(app, pilot)
        await pilot.press("u")
        await wait_until(pilot, lambda: isinstance(app.screen, TrashScreen))
        assert "(Enter shows one)" in screen_text(app)
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, TrashPreviewScreen))
        text = screen_text(app)
        assert "In the trash: Binned" in text and "What I wrote [b]" in text
        await pilot.press("b")
        await wait_until(pilot, lambda: isinstance(app.screen, TrashScreen))
        assert app.store.all("trash")
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, TrashPreviewScreen))
        await pilot.press("r")
        await wait_until(pilot, lambda: isinstance(app.screen, TrashScreen)
                         and not app.store.all("trash"))
        assert entries(app)[0]["title"] == "Binned"


def _in_backups(data_dir: Path, record_id: str) -> bool:
    return any(record_id in path.read_text() for path in list_backups(data_dir))


async def test_placements_challenges_and_stocktakes_delete_for_good_after_asking(
        data_dir: Path) -> None:
    store = Store.open(data_dir)
    placed = spectrum_records.save_placement(
        store, "Carers' survey", "we asked",
        place(SpectrumAnswers("both", "organisation", "organisation", refine="ask")))
    answers = {"recipe": "yes", "expertise": "yes", "predictable": "yes", "people": "no",
               "crisis": "no"}
    challenge = cx.save_challenge(store, cx.new_challenge("Leaflets", "", answers))
    stocktake = make_finished(store, "2026-01-10T10:00:00+00:00",
                              {v: [3, 3, 3] for v in VALUE_IDS})
    backups.keep_copy(data_dir, store.path, "test")
    for record_id in (placed["id"], challenge["id"], stocktake.id):
        assert _in_backups(data_dir, record_id)
    app = CoprodApp(data_dir=data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: app.store_ready)
        # A saved placement: x asks; Escape keeps it; x, down, Enter deletes it.
        await pilot.press("3")
        await wait_until(pilot, lambda: isinstance(app.screen, SpectrumScreen))
        await pilot.press("s")
        await wait_until(pilot, lambda: isinstance(app.screen, SavedPlacementsScreen))
        await pilot.press("x")
        await wait_until(pilot, lambda: "Delete this placement for good?" in screen_text(app))
        assert "from its backups" in screen_text(app)
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, SavedPlacementsScreen))
        await pilot.press("x")
        await wait_until(pilot, lambda: "Delete this placement for good?" in screen_text(app))
        await pilot.press("enter")  # "No, keep it" is highlighted first
        await wait_until(pilot, lambda: isinstance(app.screen, SavedPlacementsScreen))
        assert spectrum_records.placements(app.store)
        await pilot.press("x", "down", "enter")
        await wait_until(pilot, lambda: not spectrum_records.placements(app.store))
        assert not _in_backups(data_dir, placed["id"])
        # A challenge.
        await pilot.press("h", "4")
        await wait_until(pilot, lambda: isinstance(app.screen, ComplexityScreen)
                         and app.screen.loaded)
        await pilot.press("x")
        await wait_until(pilot, lambda: "Delete this challenge for good?" in screen_text(app))
        await pilot.press("down", "enter")
        await wait_until(pilot, lambda: not cx.challenges(app.store))
        assert not _in_backups(data_dir, challenge["id"])
        # A stocktake.
        await pilot.press("h", "5")
        await wait_until(pilot, lambda: isinstance(app.screen, StocktakeScreen))
        await pilot.press("l")
        await wait_until(pilot, lambda: isinstance(app.screen, StocktakeHistoryScreen))
        await pilot.press("x")
        await wait_until(pilot, lambda: "Delete this stocktake for good?" in screen_text(app))
        await pilot.press("down", "enter")
        await wait_until(pilot, lambda: not stocktakes.finished(app.store))
        assert not _in_backups(data_dir, stocktake.id)
        assert "No finished stocktakes yet." in screen_text(app)


async def test_ticked_and_unticked_values_differ_in_characters_with_no_colour(
        data_dir: Path, monkeypatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = CoprodApp(data_dir=data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_journal(app, pilot)
        await start_entry(app, pilot, 0)
        await pilot.press("ctrl+o")
        await wait_until(pilot, lambda: "Which values does this entry cover?" in screen_text(app))
        rows = [line for line in screen_text(app).splitlines() if "[x]" in line or "[ ]" in line]
        assert len(rows) == 5
        assert sum("[x]" in row for row in rows) == 1  # the value the entry was started from
        await pilot.press("down", "space")
        await pilot.pause()
        rows = [line for line in screen_text(app).splitlines() if "[x]" in line or "[ ]" in line]
        assert sum("[x]" in row for row in rows) == 2
        await pilot.press("space")
        await pilot.pause()
        assert sum("[x]" in line for line in screen_text(app).splitlines()) == 1


async def test_a_tick_box_shows_its_state_in_characters() -> None:
    from textual.app import App

    from coprod_tui.core.ui.ticks import TickBox, TickList

    class Host(App[None]):
        def compose(self):
            yield TickList[str](("a long option", "a"), ("b", "b", True), id="list")
            yield TickBox("yes", id="box")

    app = Host()
    async with app.run_test(size=(40, 10)) as pilot:
        text = screen_text(app)
        assert "[ ] a long option" in text and "[x] b" in text and "[ ] yes" in text
        await pilot.press("space")
        await pilot.press("tab", "space")
        await pilot.pause()
        text = screen_text(app)
        assert "[x] a long option" in text and "[x] yes" in text
