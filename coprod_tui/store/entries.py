"""Typed access to the journal: the ``entries`` and ``trash`` tables.

Deleting moves an entry's document into ``trash`` with a ``deleted`` timestamp
in one session (one lock, one write), so nothing is lost half way; restoring
moves it back; emptying the trash removes it for good.
"""

from __future__ import annotations

import uuid

from coprod_tui.domain.actions import open_actions
from coprod_tui.domain.clock import now_iso
from coprod_tui.domain.entry import Action, Entry
from coprod_tui.store.repository import Store
from coprod_tui.store.session import Doc

ENTRIES = "entries"
TRASH = "trash"


class EntryStore:
    """The journal's entries over a :class:`Store`."""

    def __init__(self, store: Store) -> None:
        self.store = store

    # -- reading -----------------------------------------------------------------
    def list(self) -> list[Entry]:
        """Every entry, newest first."""
        entries = [Entry.from_doc(doc) for doc in self.store.all(ENTRIES)]
        entries.sort(key=lambda e: e.created, reverse=True)
        return entries

    def get(self, entry_id: str) -> Entry | None:
        """One entry, or ``None``."""
        doc = self.store.get(ENTRIES, entry_id)
        return Entry.from_doc(doc) if doc is not None else None

    def count(self) -> int:
        """How many entries there are (the trash not included)."""
        return self.store.count(ENTRIES)

    def trash(self) -> list[Doc]:
        """Deleted entries' documents, most recently deleted first."""
        docs = self.store.all(TRASH)
        docs.sort(key=lambda d: d.get("deleted", ""), reverse=True)
        return docs

    def open_actions(self) -> list[tuple[Entry, Action]]:
        """Actions not yet done, soonest due first."""
        return open_actions(self.list())

    # -- writing -----------------------------------------------------------------
    def add(self, entry: Entry) -> Entry:
        """Save a new entry (gives it an id and times); returns it."""
        if not entry.id:
            entry.id = uuid.uuid4().hex
        if not entry.created:
            entry.created = now_iso()
        entry.updated = entry.updated or entry.created
        for action in entry.actions:
            action.id = action.id or uuid.uuid4().hex
        self.store.insert(ENTRIES, entry.to_doc())
        return entry

    def update(self, entry: Entry) -> Entry:
        """Replace a saved entry (its ``updated`` time becomes now)."""
        entry.updated = now_iso()
        for action in entry.actions:
            action.id = action.id or uuid.uuid4().hex
        self.store.put(ENTRIES, entry.to_doc())
        return entry

    def delete(self, entry_id: str) -> bool:
        """Move an entry to the trash; ``False`` if there was none."""
        with self.store.session() as s:
            doc = s.get(ENTRIES, entry_id)
            if doc is None:
                return False
            s.remove(ENTRIES, entry_id)
            s.put(TRASH, {**doc, "deleted": now_iso()})
        return True

    def restore(self, entry_id: str) -> bool:
        """Move an entry back from the trash; ``False`` if it is not there."""
        with self.store.session() as s:
            doc = s.get(TRASH, entry_id)
            if doc is None:
                return False
            doc.pop("deleted", None)
            s.remove(TRASH, entry_id)
            s.put(ENTRIES, doc)
        return True

    def empty_trash(self) -> int:
        """Remove every deleted entry for good; returns how many."""
        with self.store.session() as s:
            count = s.count(TRASH)
            s.clear(TRASH)
        return count

    def mark_action_done(self, entry_id: str, action_id: str, done: bool = True) -> bool:
        """Mark one action done (or not done again); ``False`` if not found."""
        with self.store.session() as s:
            doc = s.get(ENTRIES, entry_id)
            if doc is None:
                return False
            entry = Entry.from_doc(doc)
            for action in entry.actions:
                if action.id == action_id:
                    action.done = done
                    action.done_at = now_iso() if done else None
                    s.put(ENTRIES, entry.to_doc())
                    return True
        return False
