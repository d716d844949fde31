"""Typed access to the journal: the ``entries`` and ``trash`` tables.

Deleting moves an entry's document into ``trash`` with a ``deleted`` timestamp
in one session (one lock, one write), so nothing is lost half way; restoring
moves it back; emptying the trash removes it for good, from every backup too.

Two sessions may edit one entry at once (two SSH logins). Every save gives the
entry a new ``updated`` stamp, and :meth:`EntryStore.save_edit` compares the
stored stamp with the one the editor opened: if another session saved or
deleted the entry meanwhile, ours is kept as a new entry instead of
overwriting theirs (:class:`SaveOutcome` says which happened).
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from coprod_tui.core.clock import now_iso
from coprod_tui.core.store import backups
from coprod_tui.core.store.collection import Collection, documents
from coprod_tui.core.store.repository import Store
from coprod_tui.core.store.session import Doc
from coprod_tui.i18n import _
from coprod_tui.journal.actions import open_actions
from coprod_tui.journal.entry import Action, Entry

ENTRIES = "entries"
TRASH = "trash"
DRAFT_PREFIX = "entry:"
CONFLICT_TAG = "conflict-copy"


def _fresh_stamp(previous: str | None) -> str:
    """Now, as stored; never equal to ``previous`` (two saves within a second
    must still differ, or the second editor could not see the first's save)."""
    stamp = now_iso()
    if stamp == previous:
        stamp = dt.datetime.now(dt.timezone.utc).astimezone().isoformat(
            timespec="microseconds")
    return stamp


@dataclass
class SaveOutcome:
    """What :meth:`EntryStore.save_edit` did.

    ``status`` is ``"saved"`` (the entry was replaced), ``"conflict"`` (another
    session changed it since it was opened: both versions are kept, ours as a
    new entry) or ``"deleted"`` (another session deleted it: ours is saved as a
    new entry). ``entry`` is what was saved; ``message`` says it in words.
    """

    status: str
    entry: Entry
    other_id: str = ""

    @property
    def message(self) -> str:
        """One line for the user."""
        if self.status == "conflict":
            return _("This entry was changed in another session after you opened it. "
                     "Both versions are kept: yours is saved as a new entry tagged "
                     "{tag}.").format(tag=CONFLICT_TAG)
        if self.status == "deleted":
            return _("This entry was deleted in another session after you opened it. "
                     "Your version is saved as a new entry.")
        return _("Entry saved.")

    @property
    def as_new(self) -> bool:
        """Whether the edit was kept as a new entry (the other version left as it is)."""
        return self.status != "saved"

    @property
    def line(self) -> str:
        """The same in the command line's words (``coprod edit``, plain mode)."""
        if not self.as_new:
            return _("saved changes to entry {id}").format(id=self.entry.id[:8])
        if self.status == "deleted":
            said = _("entry {other} was deleted while you were editing, so your version "
                     "was saved as a new entry {id}; both are kept")
        else:
            said = _("entry {other} was changed while you were editing, so your version "
                     "was saved as a new entry {id}; both are kept")
        return said.format(other=self.other_id[:8], id=self.entry.id[:8])


class EntryStore:
    """The journal's entries over a :class:`Store`."""

    def __init__(self, store: Store) -> None:
        self.store = store
        #: The journal's entries, newest first.
        self.entries: Collection[Entry] = Collection(
            store, ENTRIES, from_doc=Entry.from_doc, to_doc=Entry.to_doc,
            order=lambda e: e.created)
        #: Deleted entries' documents (kept whole, with a ``deleted`` stamp).
        self.deleted: Collection[Doc] = documents(
            store, TRASH, order=lambda d: d.get("deleted", ""))

    # -- reading -----------------------------------------------------------------
    def list(self) -> list[Entry]:
        """Every entry, newest first."""
        return self.entries.all()

    def get(self, entry_id: str) -> Entry | None:
        """One entry, or ``None``."""
        return self.entries.get(entry_id)

    def count(self) -> int:
        """How many entries there are (the trash not included)."""
        return self.entries.count()

    def trash(self) -> list[Doc]:
        """Deleted entries' documents, most recently deleted first."""
        return self.deleted.all()

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
        self.entries.add(entry)
        return entry

    def update(self, entry: Entry) -> Entry:
        """Save changes to an entry, never overwriting another session's save.

        Same as :meth:`save_edit` with ``entry.updated`` as the version opened;
        returns what was saved (a new entry if there was a conflict).
        """
        return self.save_edit(entry).entry

    def save_edit(self, entry: Entry, opened: str | None = None) -> SaveOutcome:
        """Save an edited entry if it is still the version that was opened.

        ``opened`` is the ``updated`` stamp of the version the editor started
        from (default: ``entry.updated``, which editing leaves unchanged until
        a save). All checks and writes happen in one locked session, so a
        second process cannot slip in between. ``entry`` is changed in place
        (new ``updated`` time, and a new id if it is saved as a new entry).
        """
        opened = entry.updated if opened is None else opened
        for action in entry.actions:
            action.id = action.id or uuid.uuid4().hex
        with self.store.session() as s:
            # The stored document, not an Entry: its stamp is compared as stored.
            stored = s.get(ENTRIES, entry.id) if entry.id else None
            if stored is not None and (stored.get("updated") or stored.get("created")) == opened:
                entry.updated = _fresh_stamp(opened)
                self.entries.put(entry, s)
                return SaveOutcome("saved", entry)
            other_id = entry.id
            status = "conflict" if stored is not None else "deleted"
            if status == "conflict" and CONFLICT_TAG not in entry.tags:
                entry.tags = [*entry.tags, CONFLICT_TAG]
            # A new id: the other version keeps its own, in the journal or the trash.
            entry.id = uuid.uuid4().hex
            entry.updated = _fresh_stamp(opened)
            self.entries.add(entry, s)
            return SaveOutcome(status, entry, other_id)

    def delete(self, entry_id: str) -> bool:
        """Move an entry to the trash; ``False`` if there was none."""
        with self.store.session() as s:
            doc = s.get(ENTRIES, entry_id)
            if doc is None:
                return False
            s.remove(ENTRIES, entry_id)
            self.deleted.put({**doc, "deleted": now_iso()}, s)
        return True

    def restore(self, entry_id: str) -> bool:
        """Move an entry back from the trash; ``False`` if it is not there."""
        with self.store.session() as s:
            doc = self.deleted.get(entry_id, s)
            if doc is None:
                return False
            doc.pop("deleted", None)
            self.deleted.remove(entry_id, s)
            s.put(ENTRIES, doc)
        return True

    def empty_trash(self) -> int:
        """Remove every deleted entry for good; returns how many.

        "For good" means everywhere coprod keeps a copy: the trash, drafts of
        those entries, and every backup (daily, before-import, before-restore,
        schema-upgrade copies), all under one hold of the lock.
        """
        with self.store.lock.held():
            with self.store.session() as s:
                ids = [d.get("id") for d in self.deleted.docs(s) if isinstance(d.get("id"), str)]
                count = self.deleted.clear(s)
                for record_id in ids:
                    s.remove("drafts", f"{DRAFT_PREFIX}{record_id}")
            backups.purge_records(self.store.data_dir, ids, self.store.key)
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
                    # A change like any other: an editor open on the entry must see it.
                    entry.updated = _fresh_stamp(entry.updated)
                    self.entries.put(entry, s)
                    return True
        return False
