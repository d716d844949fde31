"""Saving a changed entry without overwriting a change made meanwhile elsewhere.

Used by ``coprod edit`` and plain mode. When the stored entry is no longer the
one the writer opened (its ``updated`` stamp or anything else in it differs:
stamps have whole seconds, so two saves in one second are caught too),
someone (another session, the full-screen app) changed it in between: the
writer's version is saved as a new entry instead, so both versions are kept. The check and the write happen in
one session (one lock), so nothing can slip in between them.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from dataclasses import dataclass
from typing import Any

from coprod_tui.core.clock import now_iso
from coprod_tui.core.store.repository import Store
from coprod_tui.journal.entry import Entry
from coprod_tui.journal.records import ENTRIES


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


def fingerprint(doc: dict[str, Any]) -> str:
    """A short digest of a stored entry document, taken when it is opened for changing."""
    data = json.dumps(doc, sort_keys=True, ensure_ascii=True, default=str)
    return hashlib.sha256(data.encode("utf-8")).hexdigest()[:32]


def opened(store: Store, entry_id: str) -> str:
    """The fingerprint of the entry as stored now ('' if there is none)."""
    doc = store.get(ENTRIES, entry_id)
    return fingerprint(doc) if doc is not None else ""


def save_edited(store: Store, entry: Entry, opened_print: str) -> SaveOutcome:
    """Save ``entry`` over the stored one if that is unchanged since it was opened
    (``opened_print`` from :func:`opened`); otherwise save it as a new entry (the
    stored one is left as it is)."""
    now = now_iso()
    with store.session() as s:
        current = s.get(ENTRIES, entry.id)
        if current is not None and fingerprint(current) == opened_print:
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
