"""The passphrase screen of an encrypted journal (issue 19), driven by keys."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input

from coprod_tui.app import CoprodApp
from coprod_tui.core.store import Store
from coprod_tui.core.store.convert import encrypt_folder
from coprod_tui.core.store.crypto import LockedError
from coprod_tui.shell.home import HomeScreen
from coprod_tui.shell.passphrase import PassphraseScreen
from tests.conftest import wait_until
from tests.ui.screen_text import screen_text

PASSPHRASE = "kestrel-harbour-42"
TITLE = "Heron meeting with carers"


@pytest.fixture
def encrypted(data_dir: Path) -> Path:
    """A journal with one entry, encrypted."""
    Store.open(data_dir).insert("entries", {"title": TITLE, "values": ["strengths"],
                                            "framework": "free", "sections": {"text": "x"}})
    encrypt_folder(data_dir, PASSPHRASE)
    return data_dir


async def _type(pilot, text: str) -> None:  # noqa: ANN001 - Pilot
    await pilot.press(*["space" if c == " " else c for c in text])


async def test_the_right_passphrase_opens_the_journal_and_nothing_typed_is_shown(
        encrypted: Path) -> None:
    app = CoprodApp(data_dir=encrypted)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, PassphraseScreen))
        field = app.screen.query_one("#passphrase", Input)
        await wait_until(pilot, lambda: field.has_focus)
        assert field.password
        assert not app.store_ready
        await pilot.press("2")  # home's digit keys do nothing while locked: it types
        await pilot.press("backspace")
        await _type(pilot, PASSPHRASE)
        await pilot.pause()
        shown = screen_text(app)
        assert "encrypted" in shown
        assert PASSPHRASE not in shown and "kestrel" not in shown
        await pilot.press("enter")
        await wait_until(pilot, lambda: app.store_ready, timeout=60)
        assert isinstance(app.screen, HomeScreen)
        assert [doc["title"] for doc in app.store.all("entries")] == [TITLE]


async def test_three_wrong_passphrases_close_the_app_and_change_nothing(
        encrypted: Path) -> None:
    before = {p: p.read_bytes() for p in encrypted.rglob("*") if p.is_file()}
    app = CoprodApp(data_dir=encrypted)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, PassphraseScreen))
        screen = app.screen
        for attempt in (1, 2):
            await _type(pilot, "not it")
            await pilot.press("enter")
            await wait_until(pilot, lambda a=attempt: screen.wrong == a, timeout=60)
            await wait_until(pilot, lambda: not screen.query_one(Input).disabled, timeout=60)
            assert "Wrong passphrase" in screen_text(app)
            assert isinstance(app.screen, PassphraseScreen)
        await _type(pilot, "still not it")
        await pilot.press("enter")
        await wait_until(pilot, lambda: app.return_code is not None, timeout=60)
    assert app.return_code == 1
    assert not app.store_ready
    assert {p: p.read_bytes() for p in encrypted.rglob("*") if p.is_file()} == before


async def test_idle_lock_saves_drafts_forgets_the_key_and_asks_again(encrypted: Path) -> None:
    app = CoprodApp(data_dir=encrypted)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, PassphraseScreen))
        await _type(pilot, PASSPHRASE)
        await pilot.press("enter")
        await wait_until(pilot, lambda: app.store_ready, timeout=60)
        assert not app.check_idle_lock()  # off by default
        app.store.set_setting("lock-after", "5")
        assert not app.check_idle_lock(now=app.last_activity + 4 * 60)
        assert app.check_idle_lock(now=app.last_activity + 5 * 60 + 1)
        await pilot.pause()
        assert isinstance(app.screen, PassphraseScreen)
        assert app.store.key is None
        with pytest.raises(LockedError):
            app.store.all("entries")
        await pilot.press("1")  # area keys are inert while locked
        assert isinstance(app.screen, PassphraseScreen)
        await pilot.press("backspace")
        await _type(pilot, PASSPHRASE)
        await pilot.press("enter")
        await wait_until(pilot, lambda: not app.locked, timeout=60)
        assert [doc["title"] for doc in app.store.all("entries")] == [TITLE]
