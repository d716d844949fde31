"""One typed collection of records over one table: the single way a feature
keeps its records.

A :class:`Collection` turns stored documents into the feature's records and
back (``from_doc``/``to_doc``: a dataclass's own methods, or plain dicts when
the record is a document), gives new records an id, lists them in the
feature's order (newest first by a stamp, or by any key), and keeps to its own
part of a shared table (``scope``: the spectrum's and the complexity's
practice rounds share the ``practice`` table, told apart by ``exercise``).

Every method takes an optional ``session``: several changes that must go
together (move an entry to the trash, revise a challenge keeping its history)
run in one ``with store.session() as s`` and pass ``s`` to each call, so they
happen under one lock and one write, all or nothing. Without a session each
call is its own short session, as before.

Ids are our own UUIDs (TinyDB reuses its document numbers after a restart).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any, Generic, TypeVar

from coprod_tui.core.store.repository import Store
from coprod_tui.core.store.session import Doc, Session, new_id

T = TypeVar("T")

__all__ = ["Collection", "documents", "new_id"]


def _same(doc: Doc) -> Any:
    return doc


class Collection(Generic[T]):
    """The records of one feature in one table of a :class:`Store`.

    ``from_doc`` builds a record from a stored document and ``to_doc`` the
    document from a record (both default to plain dicts). ``order`` is the sort
    key of :meth:`all` and ``newest_first`` its direction. ``scope`` is a set of
    fields every record of this collection has (added on save, used to filter).
    """

    def __init__(
        self,
        store: Store,
        table: str,
        *,
        from_doc: Callable[[Doc], T] = _same,
        to_doc: Callable[[T], Doc] = _same,
        order: Callable[[T], Any] | None = None,
        newest_first: bool = True,
        scope: Mapping[str, Any] | None = None,
        skip_unreadable: bool = False,
    ) -> None:
        self.store = store
        self.table = table
        self._from_doc = from_doc
        self._to_doc = to_doc
        self._order = order
        self._newest_first = newest_first
        self._scope = dict(scope or {})
        # A hand-edited or imported document that cannot become a record is left
        # out of lists (it is still in the file and in backups) rather than
        # making the whole list fail.
        self._skip = skip_unreadable

    # -- sessions -----------------------------------------------------------------
    @contextmanager
    def _use(self, session: Session | None) -> Iterator[Session]:
        if session is not None:
            yield session
        else:
            with self.store.session() as s:
                yield s

    def _mine(self, doc: Doc) -> bool:
        return all(doc.get(key) == value for key, value in self._scope.items())

    def _record(self, doc: Doc) -> T:
        return self._from_doc(doc)

    def _doc(self, record: T) -> Doc:
        doc = dict(self._to_doc(record))
        doc.update(self._scope)
        return doc

    # -- reading ------------------------------------------------------------------
    def docs(self, session: Session | None = None) -> list[Doc]:
        """This collection's stored documents, unsorted (for exports and checks)."""
        with self._use(session) as s:
            return [doc for doc in s.all(self.table) if self._mine(doc)]

    def all(self, session: Session | None = None) -> list[T]:
        """Every record, in this collection's order."""
        records: list[T] = []
        for doc in self.docs(session):
            if self._skip:
                try:
                    records.append(self._record(doc))
                except (TypeError, ValueError, AttributeError, KeyError):
                    continue
            else:
                records.append(self._record(doc))
        if self._order is not None:
            records.sort(key=self._order, reverse=self._newest_first)
        return records

    def get(self, record_id: str, session: Session | None = None) -> T | None:
        """One record by id, or ``None`` (also for a record outside the scope)."""
        with self._use(session) as s:
            doc = s.get(self.table, record_id)
        if doc is None or not self._mine(doc):
            return None
        return self._record(doc)

    def count(self, session: Session | None = None) -> int:
        """How many records there are."""
        if not self._scope:
            with self._use(session) as s:
                return s.count(self.table)
        return len(self.docs(session))

    def latest(self, session: Session | None = None) -> T | None:
        """The first record in this collection's order, or ``None``."""
        found = self.all(session)
        return found[0] if found else None

    # -- writing ------------------------------------------------------------------
    def add(self, record: T, session: Session | None = None) -> T:
        """Save a new record (an id is given if it has none); returns it as stored."""
        doc = self._doc(record)
        if not doc.get("id"):
            doc["id"] = new_id()
        with self._use(session) as s:
            s.insert(self.table, doc)
        return self._record(doc)

    def put(self, record: T, session: Session | None = None) -> T:
        """Insert or replace the record with the same id; returns it as stored."""
        doc = self._doc(record)
        if not doc.get("id"):
            doc["id"] = new_id()
        with self._use(session) as s:
            s.put(self.table, doc)
        return self._record(doc)

    def remove(self, record_id: str, session: Session | None = None) -> bool:
        """Delete one record; ``False`` if there was none."""
        with self._use(session) as s:
            doc = s.get(self.table, record_id)
            if doc is None or not self._mine(doc):
                return False
            return s.remove(self.table, record_id)

    def remove_for_good(self, record_id: str) -> bool:
        """Delete one record everywhere coprod keeps a copy; ``False`` if there was none.

        The record and every backup's copy go, under one hold of the
        store lock (as the journal's "empty the trash" does).
        """
        from coprod_tui.core.store import backups

        with self.store.lock.held():
            with self.store.session() as s:
                doc = s.get(self.table, record_id)
                if doc is None or not self._mine(doc):
                    return False
                s.remove(self.table, record_id)
            backups.purge_records(self.store.data_dir, [record_id])
        return True

    def clear(self, session: Session | None = None) -> int:
        """Delete every record of this collection; returns how many."""
        with self._use(session) as s:
            if not self._scope:
                count = s.count(self.table)
                s.clear(self.table)
                return count
            return s.remove_many(self.table, {str(d.get("id")) for d in self.docs(s)})


def documents(store: Store, table: str, **options: Any) -> Collection[Doc]:
    """A collection whose records are the stored documents themselves (dicts)."""
    return Collection(store, table, **options)
