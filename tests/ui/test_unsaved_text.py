"""When the draft cannot be written (the file size limit standing in for a full
disk), quitting or closing the editor never throws the text away: the app stays
open and asks, and going anyway keeps the text in a private fallback file that
the next start takes back into the drafts."""

from __future__ import annotations

import json
import resource
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from textual.widgets import TextArea

from coprod_tui.app import CoprodApp
from coprod_tui.core.store import Store
from coprod_tui.core.ui.drafts import (
    FALLBACK_PREFIX,
    LoseTextDialog,
    recover_fallbacks,
    write_fallback,
)
from coprod_tui.journal.editor import EntryEditorScreen
from tests.conftest import wait_until
from tests.ui.screen_text import screen_text
from tests.ui.test_journal import open_journal, start_entry


@contextmanager
def disk_full() -> Iterator[None]:
    """Every file write past the first byte fails (EFBIG), as on a full disk."""
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (1, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))


def _text(app: CoprodApp) -> str:
    return app.screen_stack[-1].query_one("#section-text", TextArea).text if isinstance(
        app.screen_stack[-1], EntryEditorScreen) else ""


def _editor(app: CoprodApp) -> EntryEditorScreen | None:
    return next((s for s in app.screen_stack if isinstance(s, EntryEditorScreen)), None)


async def test_quit_with_a_full_disk_stays_open_then_quits_anyway_into_a_private_file(
    data_dir: Path,
) -> None:
    app = CoprodApp(data_dir=data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_journal(app, pilot)
        await start_entry(app, pilot, 4)
        await pilot.press(*"Full", "tab", *"Words I must not lose")
        with disk_full():
            await pilot.press("ctrl+q")
            await wait_until(pilot, lambda: isinstance(app.screen, LoseTextDialog))
        assert app.is_running and app.return_code is None
        shown = screen_text(app)
        assert "could NOT be saved" in shown and "Quit and lose the unsaved text?" in shown
        await pilot.press("n")
        await wait_until(pilot, lambda: isinstance(app.screen, EntryEditorScreen))
        assert app.is_running and _text(app) == "Words I must not lose"
        with disk_full():
            await pilot.press("ctrl+q")
            await wait_until(pilot, lambda: isinstance(app.screen, LoseTextDialog))
        await pilot.press("ctrl+q")  # a second press in the dialog quits anyway
        await pilot.pause()
    assert app.return_code == 0
    (kept,) = data_dir.glob(f"{FALLBACK_PREFIX}*.json")
    assert stat.S_IMODE(kept.stat().st_mode) == 0o600
    (draft,) = json.loads(kept.read_text(encoding="utf-8"))["drafts"]
    assert draft["data"]["shown"]["text"] == "Words I must not lose"
    assert Store.open(data_dir).drafts() == []

    again = CoprodApp(data_dir=data_dir)
    async with again.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: again.store_ready)
        await wait_until(pilot, lambda: any(
            "Recovered 1 unsaved draft" in n.message for n in again._notifications))
        (recovered,) = again.store.drafts()
        assert recovered["data"]["shown"]["text"] == "Words I must not lose"
    assert list(data_dir.glob(f"{FALLBACK_PREFIX}*.json")) == []


async def test_escape_in_the_editor_with_a_full_disk_keeps_the_editor_open(
    data_dir: Path,
) -> None:
    app = CoprodApp(data_dir=data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_journal(app, pilot)
        await start_entry(app, pilot, 4)
        await pilot.press(*"Esc", "tab", *"Still here")
        with disk_full():
            await pilot.press("escape")
            await wait_until(pilot, lambda: isinstance(app.screen, LoseTextDialog))
            assert "Close and lose the unsaved text?" in screen_text(app)
            await pilot.press("b")
            await wait_until(pilot, lambda: isinstance(app.screen, EntryEditorScreen))
        assert _text(app) == "Still here"
        # Space again: Escape now keeps the draft and closes, as always.
        await pilot.press("escape")
        await wait_until(pilot, lambda: _editor(app) is None)
        (draft,) = app.store.drafts()
        assert draft["data"]["shown"]["text"] == "Still here"


def test_fallback_goes_to_the_next_folder_when_one_refuses(tmp_path: Path) -> None:
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("x", encoding="utf-8")
    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)
    path = write_fallback({"entry:new": {"shown": {"text": "kept"}}}, [not_a_folder, runtime])
    assert path is not None and path.parent == runtime
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert write_fallback({"k": {}}, [not_a_folder]) is None


def test_planted_or_shared_fallback_files_are_never_read_back(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "data")
    folder = tmp_path / "run"
    folder.mkdir()
    planted = folder / f"{FALLBACK_PREFIX}planted.json"
    planted.write_text(json.dumps({"drafts": [{"id": "entry:new", "data": {"a": 1}}]}),
                       encoding="utf-8")
    planted.chmod(0o644)  # readable by others: not a file coprod wrote
    (folder / f"{FALLBACK_PREFIX}link.json").symlink_to(planted)
    assert recover_fallbacks(store, [folder]) == []
    assert store.drafts() == [] and planted.exists()
