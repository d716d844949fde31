"""A unit of work over the data files: TinyDB tables read once, written once.

Every repository call runs inside a :class:`Session` that holds the process
lock, reads each file at most once, and writes each changed file once at the
end. If anything fails nothing is written, so a multi-record change (an import)
is all or nothing.
"""

from __future__ import annotations

import uuid
from typing import Any

from tinydb import Query, TinyDB
from tinydb.storages import Storage

from coprod_tui.core.store.schema import CURRENT_SCHEMA, META_TABLE, set_schema
from coprod_tui.core.store.storage import AtomicJSONStorage

Doc = dict[str, Any]


def new_id() -> str:
    """A fresh record id (our own UUIDs: TinyDB reuses document ids)."""
    return uuid.uuid4().hex


class _DeferredStorage(Storage):
    """Reads through to the file once and keeps writes until :meth:`commit`."""

    def __init__(self, inner: AtomicJSONStorage) -> None:
        self.inner = inner
        self.data: dict[str, Any] | None = None
        self.loaded = False
        self.dirty = False

    def read(self) -> dict[str, Any] | None:
        if not self.loaded:
            self.data = self.inner.read()
            self.loaded = True
        return self.data

    def write(self, data: dict[str, Any]) -> None:
        self.data = data
        self.dirty = True

    def commit(self) -> None:
        """Write the file if anything changed."""
        if self.dirty and self.data is not None:
            if META_TABLE not in self.data:
                set_schema(self.data, CURRENT_SCHEMA)
            self.inner.write(self.data)
            self.dirty = False

    def abandon(self) -> None:
        """Forget changes (and the cache TinyDB may have mutated in place)."""
        if self.dirty:
            self.inner.cache.clear()
        self.dirty = False


class Session:
    """Table operations on records keyed by their ``id`` field."""

    def __init__(self, storages: dict[str, AtomicJSONStorage], table_file: dict[str, str],
                 default_file: str) -> None:
        self._storages = storages
        self._table_file = table_file
        self._default_file = default_file
        self._deferred: dict[str, _DeferredStorage] = {}
        self._dbs: dict[str, TinyDB] = {}

    def _table(self, name: str):  # noqa: ANN202 - tinydb.Table
        file = self._table_file.get(name, self._default_file)
        if file not in self._dbs:
            deferred = _DeferredStorage(self._storages[file])
            self._deferred[file] = deferred
            self._dbs[file] = TinyDB(storage=lambda: deferred)  # type: ignore[arg-type]
        return self._dbs[file].table(name, cache_size=0)

    def commit(self) -> None:
        """Write every changed file."""
        for deferred in self._deferred.values():
            deferred.commit()

    def abandon(self) -> None:
        """Drop every change."""
        for deferred in self._deferred.values():
            deferred.abandon()

    # -- reading --------------------------------------------------------------
    def all(self, table: str) -> list[Doc]:
        """Every record of ``table`` (shallow copies; do not mutate nested values)."""
        return [dict(doc) for doc in self._table(table).all()]

    def get(self, table: str, record_id: str) -> Doc | None:
        """The record with this id, or ``None``."""
        doc = self._table(table).get(Query().id == record_id)
        return dict(doc) if doc is not None else None  # type: ignore[arg-type]

    def count(self, table: str) -> int:
        """How many records ``table`` holds."""
        return len(self._table(table))

    # -- writing --------------------------------------------------------------
    def insert(self, table: str, doc: Doc) -> Doc:
        """Add a record, giving it an id if it has none; returns the record."""
        doc = dict(doc)
        if not doc.get("id"):  # Entry.to_doc() gives "" until the store assigns one
            doc["id"] = new_id()
        self._table(table).insert(doc)
        return doc

    def insert_many(self, table: str, docs: list[Doc]) -> list[Doc]:
        """Add many records at once (one table rewrite instead of one per record)."""
        prepared = []
        for doc in docs:
            doc = dict(doc)
            if not doc.get("id"):
                doc["id"] = new_id()
            prepared.append(doc)
        self._table(table).insert_multiple(prepared)
        return prepared

    def put(self, table: str, doc: Doc) -> Doc:
        """Insert or replace the record with ``doc['id']``."""
        if not doc.get("id"):
            return self.insert(table, doc)
        tbl = self._table(table)
        found = tbl.get(Query().id == doc["id"])
        if found is None:
            tbl.insert(dict(doc))
        else:
            def replace(current: Doc) -> None:
                current.clear()
                current.update(doc)

            tbl.update(replace, doc_ids=[found.doc_id])  # type: ignore[union-attr]
        return doc

    def put_many(self, table: str, docs: list[Doc]) -> list[Doc]:
        """Insert or replace many records by id in one pass over the table.

        One ``put`` per record reads and rewrites the whole table each time,
        which made a 20,000-entry import take minutes.
        """
        tbl = self._table(table)
        where = {doc.get("id"): doc.doc_id for doc in tbl.all()}  # type: ignore[attr-defined]
        replace: dict[str, Doc] = {}
        new: list[Doc] = []
        for doc in docs:
            doc = dict(doc)
            if not doc.get("id"):
                doc["id"] = new_id()
            if doc["id"] in where:
                replace[doc["id"]] = doc
            else:
                new.append(doc)
        if replace:
            def swap(current: Doc) -> None:
                incoming = replace[current["id"]]
                current.clear()
                current.update(incoming)

            tbl.update(swap, doc_ids=[where[i] for i in replace])
        if new:
            tbl.insert_multiple(new)
        return [*replace.values(), *new]

    def remove_many(self, table: str, record_ids: set[str]) -> int:
        """Delete every record whose id is in ``record_ids``, in one pass."""
        if not record_ids:
            return 0
        tbl = self._table(table)
        doc_ids = [doc.doc_id for doc in tbl.all() if doc.get("id") in record_ids]  # type: ignore[attr-defined]
        if doc_ids:
            tbl.remove(doc_ids=doc_ids)
        return len(doc_ids)

    def update(self, table: str, record_id: str, fields: Doc) -> bool:
        """Change some fields of one record; ``False`` if it does not exist."""
        return bool(self._table(table).update(fields, Query().id == record_id))

    def remove(self, table: str, record_id: str) -> bool:
        """Delete one record; ``False`` if it did not exist."""
        return bool(self._table(table).remove(Query().id == record_id))

    def clear(self, table: str) -> None:
        """Delete every record of ``table``."""
        self._table(table).truncate()
