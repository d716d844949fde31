"""Two sessions editing one entry: neither edit is lost, and an id never ends in
both the journal and the trash (issue 15)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from coprod_tui.core.store import Store
from coprod_tui.journal.entry import Entry
from coprod_tui.journal.records import CONFLICT_TAG, EntryStore

ROOT = Path(__file__).resolve().parents[2]

# Session B, a real second process: edit (or delete) the entry and save.
SESSION_B = """
import sys
from coprod_tui.core.store import Store
from coprod_tui.journal.records import EntryStore
journal = EntryStore(Store.open(sys.argv[1]))
if sys.argv[3] == "delete":
    journal.delete(sys.argv[2])
else:
    entry = journal.get(sys.argv[2])
    entry.sections = {"text": "B's edit"}
    print(journal.save_edit(entry).status)
"""


def _session_b(data: Path, entry_id: str, what: str) -> str:
    done = subprocess.run([sys.executable, "-c", SESSION_B, str(data), entry_id, what],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def _opened(data: Path) -> tuple[EntryStore, Entry]:
    journal = EntryStore(Store.open(data))
    entry = journal.add(Entry(values=["strengths"], title="visit", sections={"text": "first"}))
    return journal, journal.get(entry.id)  # type: ignore[return-value]


def test_b_saves_then_a_saves_both_versions_are_kept(data_dir: Path) -> None:
    journal, a_copy = _opened(data_dir)
    first_id = a_copy.id
    assert _session_b(data_dir, first_id, "edit") == "saved"
    a_copy.sections = {"text": "A's edit"}
    outcome = journal.save_edit(a_copy)
    assert outcome.status == "conflict"
    assert "Both versions are kept" in outcome.message
    texts = sorted(e.sections["text"] for e in journal.list())
    assert texts == ["A's edit", "B's edit"]
    ours = journal.get(outcome.entry.id)
    assert ours is not None and CONFLICT_TAG in ours.tags and ours.id != first_id
    theirs = journal.get(first_id)
    assert outcome.other_id == first_id and theirs is not None
    assert theirs.sections["text"] == "B's edit" and CONFLICT_TAG not in theirs.tags


def test_two_saves_in_the_same_second_still_conflict(data_dir: Path) -> None:
    journal, a_copy = _opened(data_dir)
    other = EntryStore(Store.open(data_dir))  # a second Store object, as a second login
    b_copy = other.get(a_copy.id)
    assert b_copy is not None
    b_copy.sections = {"text": "B's edit"}
    assert other.save_edit(b_copy).status == "saved"
    a_copy.sections = {"text": "A's edit"}
    assert journal.save_edit(a_copy).status == "conflict"
    assert sorted(e.sections["text"] for e in journal.list()) == ["A's edit", "B's edit"]


def test_b_deletes_while_a_edits_a_is_saved_as_new_entry(data_dir: Path) -> None:
    journal, a_copy = _opened(data_dir)
    old_id = a_copy.id
    _session_b(data_dir, old_id, "delete")
    a_copy.sections = {"text": "A's edit"}
    outcome = journal.update(a_copy)  # the plain API refuses to overwrite too
    assert outcome.id != old_id
    entries = {e.id for e in journal.list()}
    trash = {d["id"] for d in journal.trash()}
    assert entries.isdisjoint(trash) and old_id in trash and outcome.id in entries
    again = journal.save_edit(Entry.from_doc({**a_copy.to_doc(), "id": old_id}))
    assert again.status == "deleted" and "deleted in another session" in again.message


def test_an_unchanged_entry_saves_in_place(data_dir: Path) -> None:
    journal, a_copy = _opened(data_dir)
    a_copy.sections = {"text": "second"}
    assert journal.save_edit(a_copy).status == "saved"
    a_copy.sections = {"text": "third"}  # the editor keeps going after a save
    assert journal.save_edit(a_copy).status == "saved"
    assert [e.sections["text"] for e in journal.list()] == ["third"]


def test_marking_an_action_done_elsewhere_is_not_overwritten(data_dir: Path) -> None:
    journal = EntryStore(Store.open(data_dir))
    from coprod_tui.journal.entry import Action

    entry = journal.add(Entry(values=["strengths"], title="t", sections={"text": "x"},
                              actions=[Action("call the carer")]))
    a_copy = journal.get(entry.id)
    assert a_copy is not None
    assert journal.mark_action_done(entry.id, entry.actions[0].id)
    a_copy.sections = {"text": "A's edit"}
    assert journal.save_edit(a_copy).status == "conflict"
    done = [e for e in journal.list() if e.id == entry.id][0]
    assert done.actions[0].done
