"""Saving a changed entry without overwriting a change made meanwhile elsewhere.

Used by ``coprod edit`` and plain mode. When the stored entry's ``updated``
stamp is no longer the one the writer opened, someone (another session, the
full-screen app) changed it in between: the writer's version is saved as a new
entry instead, so both versions are kept. The check and the write happen in
one session (one lock), so nothing can slip in between them.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from coprod_tui.domain.clock import now_iso
from coprod_tui.domain.entry import Entry
from coprod_tui.store.entries import ENTRIES
from coprod_tui.store.repository import Store


@dataclass(frozen=True)
class SaveOutcome:
    """What happened: the entry as saved, and whether it became a new entry."""

    entry: Entry
    as_new: bool
    reason: str = ""

    def message(self, original_id: str) -> str:
        """One line for the user."""
        if not self.as_new:
            return f"saved changes to entry {self.entry.id[:8]}"
        return (f"entry {original_id[:8]} {self.reason} while you were editing, so your version "
                f"was saved as a new entry {self.entry.id[:8]}; both are kept")


def save_edited(store: Store, entry: Entry, opened_updated: str) -> SaveOutcome:
    """Save ``entry`` over the stored one if that is unchanged since ``opened_updated``;
    otherwise save it as a new entry (the stored one is left as it is)."""
    now = now_iso()
    with store.session() as s:
        current = s.get(ENTRIES, entry.id)
        current_stamp = (current or {}).get("updated") or (current or {}).get("created")
        if current is not None and current_stamp == opened_updated:
            entry.updated = now
            for action in entry.actions:
                action.id = action.id or uuid.uuid4().hex
            s.put(ENTRIES, entry.to_doc())
            return SaveOutcome(entry, as_new=False)
        reason = "was deleted" if current is None else "was changed"
        copy = Entry.from_doc(entry.to_doc())
        copy.id = uuid.uuid4().hex
        copy.created = copy.updated = now
        for action in copy.actions:
            action.id = uuid.uuid4().hex
        s.insert(ENTRIES, copy.to_doc())
        return SaveOutcome(copy, as_new=True, reason=reason)
