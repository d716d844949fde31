"""A 2 MB paste into an entry never crashes: it is shown, saved whole, listed and viewed."""

from __future__ import annotations

from pathlib import Path

from textual import events
from textual.widgets import TextArea

from coprod_tui.app import CoprodApp
from coprod_tui.journal.editor import EntryEditorScreen
from coprod_tui.journal.list_screen import JournalScreen
from coprod_tui.journal.view import EntryViewScreen
from tests.conftest import wait_until
from tests.ui.screen_text import screen_text

LINE = "Carers [bold]knew[/] \x1b[31m the ward; café, שלום, 👍 " * 2 + "\n"
BIG = LINE * (2 * 1024 * 1024 // len(LINE.encode("utf-8")) + 1)


async def test_a_two_megabyte_paste_is_saved_whole(data_dir: Path) -> None:
    assert len(BIG.encode("utf-8")) >= 2 * 1024 * 1024
    app = CoprodApp(data_dir=data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: app.store_ready)
        await pilot.press("2")
        await wait_until(pilot, lambda: isinstance(app.screen, JournalScreen) and app.screen.loaded)
        await pilot.press("n", "enter")  # the first value: strengths
        await wait_until(pilot, lambda: isinstance(app.screen, EntryEditorScreen))
        await pilot.press(*"Big", "tab")
        app.post_message(events.Paste(BIG))
        box = app.screen.query_one("#section-text", TextArea)
        await wait_until(pilot, lambda: len(box.text) > len(BIG) // 2, timeout=60)
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: isinstance(app.screen, JournalScreen)
                         and app.screen.loaded and len(app.screen.shown) == 1, timeout=60)
        (doc,) = app.store.all("entries")
        text = doc["sections"]["text"]
        assert "\x1b" not in text and text.count("^[[31m") == BIG.count("\x1b")
        assert text.startswith("Carers [bold]knew[/] ^[[31m the ward; café, שלום, 👍")
        assert len(text) >= len(BIG)
        await pilot.press("enter")  # and it can be read back
        await wait_until(pilot, lambda: isinstance(app.screen, EntryViewScreen), timeout=60)
        await pilot.pause()
        assert "Carers [bold]knew[/] ^[[31m" in screen_text(app)
