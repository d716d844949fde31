"""The entry editor when another session changed or deleted the entry meanwhile
(issue 15): both versions are kept and the writer is told, driven by keys."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from coprod_tui.app import CoprodApp
from coprod_tui.core.store import Store
from coprod_tui.journal.editor import EntryEditorScreen
from coprod_tui.journal.entry import Entry
from coprod_tui.journal.records import CONFLICT_TAG, EntryStore
from coprod_tui.journal.view import EntryViewScreen
from tests.conftest import wait_until
from tests.ui.test_journal import open_journal

ROOT = Path(__file__).resolve().parents[2]
OTHER_SESSION = """
import sys
from coprod_tui.core.store import Store
from coprod_tui.journal.records import EntryStore
journal = EntryStore(Store.open(sys.argv[1]))
if sys.argv[3] == "delete":
    journal.delete(sys.argv[2])
else:
    entry = journal.get(sys.argv[2])
    entry.sections = {"text": "Their edit"}
    journal.save_edit(entry)
"""


def _other_session(data: Path, entry_id: str, what: str) -> None:
    done = subprocess.run([sys.executable, "-c", OTHER_SESSION, str(data), entry_id, what],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr


async def _edit_while_other_session(data_dir: Path, what: str) -> tuple[CoprodApp, list[str]]:
    first = EntryStore(Store.open(data_dir)).add(
        Entry(values=["relationships"], title="Power", sections={"text": "Who spoke?"}))
    app = CoprodApp(data_dir=data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_journal(app, pilot)
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, EntryViewScreen))
        await pilot.press("e")
        await wait_until(pilot, lambda: isinstance(app.screen, EntryEditorScreen))
        _other_session(data_dir, first.id, what)
        await pilot.press("end", *" Me.", "ctrl+s")
        await wait_until(pilot, lambda: not isinstance(app.screen, EntryEditorScreen))
        messages = [n.message for n in app._notifications]  # noqa: SLF001
        texts = sorted(d["sections"]["text"] for d in app.store.all("entries"))
        trash = [d["id"] for d in app.store.all("trash")]
        ids = [d["id"] for d in app.store.all("entries")]
        assert set(ids).isdisjoint(trash)
        return app, [*messages, "|", *texts, "|", *trash]


async def test_editing_after_another_session_saved_keeps_both(data_dir: Path) -> None:
    app, seen = await _edit_while_other_session(data_dir, "edit")
    assert any("Both versions are kept" in m for m in seen)
    assert "Their edit" in seen and "Who spoke? Me." in seen
    tags = [d["tags"] for d in Store.open(data_dir).all("entries")]
    assert sorted(tags) == [[], [CONFLICT_TAG]]


async def test_editing_after_another_session_deleted_saves_a_new_entry(data_dir: Path) -> None:
    app, seen = await _edit_while_other_session(data_dir, "delete")
    assert any("deleted in another session" in m for m in seen)
    assert "Who spoke? Me." in seen and len(Store.open(data_dir).all("trash")) == 1
