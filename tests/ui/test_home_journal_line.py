"""Home's journal line is never cut short: in English and in Welsh (longer
words), at 80 columns, it shows the fullest form that fits its two lines."""

from __future__ import annotations

from pathlib import Path

import pytest

from coprod_tui import i18n
from coprod_tui.app import CoprodApp
from coprod_tui.core.store import Store
from coprod_tui.journal.entry import Action, Entry
from coprod_tui.journal.records import EntryStore
from tests.conftest import wait_until
from tests.ui.screen_text import screen_text
from tests.ui.welsh_check import cut_short


@pytest.mark.parametrize("language, action_words", [("en", "2 open actions"),
                                                    ("cy", "2 cam agored")])
async def test_the_journal_line_fits_home(data_dir: Path, language: str,
                                          action_words: str) -> None:
    journal = EntryStore(Store.open(data_dir))
    journal.add(Entry(values=["strengths", "networks"],
                      actions=[Action("Ring the carers' centre", "2026-12-01")]))
    journal.add(Entry(values=["what-matters"], actions=[Action("Later")]))
    i18n.set_language(language)
    app = CoprodApp(data_dir=data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: app.store_ready)
        await wait_until(pilot, lambda: action_words in screen_text(app))
        shown = screen_text(app)
    assert cut_short(shown) == [], shown
