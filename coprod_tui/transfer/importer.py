"""Importing a coprod ``json`` export or a jrnl export, all or nothing.

A dump is checked whole (:func:`parse_dump`: format, schema, ids, and every
record's shape from :data:`.json_format.SHAPES`), then merged record by record
(:func:`decide`): new ids are added, a newer ``updated`` wins, anything else
is skipped, so importing the same file twice adds nothing.

The file is read and checked completely first; then every change happens in
one :meth:`Store.session` (one lock, one write per file). If anything is
wrong, nothing changes. A copy of the journal file is kept before a change.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from coprod_tui.core.clock import parse_iso
from coprod_tui.core.content import TooDeepError, TooLargeError, loads_limited, read_limited
from coprod_tui.core.store import backups
from coprod_tui.core.store.privacy import describe_os_error
from coprod_tui.core.store.repository import MAIN_FILE, Store
from coprod_tui.core.store.schema import CURRENT_SCHEMA, upgrade
from coprod_tui.errors import CoprodError
from coprod_tui.i18n import _
from coprod_tui.transfer.jrnl import JrnlError, convert
from coprod_tui.transfer.json_format import FORMAT_ID, table_problem

Doc = dict[str, Any]
MAX_BYTES = 256 * 1024 * 1024
STAMP_KEYS = ("updated", "saved")
_TABLE_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_.-]{0,63}$")


class DumpError(ValueError):
    """The data is not a coprod export this version can read (message says why)."""


def looks_like_jrnl(data: Any) -> bool:
    """True for the JSON that ``jrnl --export json`` writes."""
    return (
        isinstance(data, dict)
        and isinstance(data.get("entries"), list)
        and isinstance(data.get("tags"), dict)
        and "format" not in data
    )


def parse_dump(data: Any, supported_schema: int) -> tuple[int, dict[str, list[Doc]]]:
    """Check a parsed export; return its schema version and tables.

    Raises :class:`DumpError` for anything that is not a complete, valid
    export from this or an older version.
    """
    if looks_like_jrnl(data):
        raise DumpError(_("it looks like a jrnl export; import it with --from jrnl"))
    if not isinstance(data, dict) or data.get("format") != FORMAT_ID:
        raise DumpError(_("it is not a coprod json export (no \"format\": "
                          "\"coprod-export\")"))
    schema = data.get("schema")
    if not isinstance(schema, int) or isinstance(schema, bool) or schema < 1:
        raise DumpError(_("its schema version is missing or not a whole number"))
    if schema > supported_schema:
        raise DumpError(
            _("it was written by a newer version of coprod (data version {version}, "
              "this version reads up to {supported}); upgrade coprod to import it").format(
                  version=schema, supported=supported_schema)
        )
    tables = data.get("tables")
    if not isinstance(tables, dict):
        raise DumpError(_("it has no \"tables\""))
    for name, docs in tables.items():
        if not isinstance(name, str) or not _TABLE_NAME.match(name):
            raise DumpError(_("it has a table with an unusable name ({name!r})").format(
                name=name))
        if not isinstance(docs, list):
            raise DumpError(_("table {name!r} is not a list of records").format(name=name))
        seen: set[str] = set()
        for index, doc in enumerate(docs, start=1):
            where = _("record {number} of table {name!r}").format(number=index, name=name)
            if not isinstance(doc, dict):
                raise DumpError(_("{where} is not an object").format(where=where))
            record_id = doc.get("id")
            if not isinstance(record_id, str) or not record_id:
                raise DumpError(_("{where} has no id").format(where=where))
            if record_id in seen:
                raise DumpError(_("{where} repeats the id {id}").format(where=where,
                                                                        id=record_id))
            seen.add(record_id)
        problem = table_problem(name, docs)
        if problem:
            raise DumpError(problem)
    both = {d["id"] for d in tables.get("entries", [])} & {d["id"] for d in tables.get("trash", [])}
    if both:
        raise DumpError(_("the id {id} is both in \"entries\" and in \"trash\"").format(
            id=sorted(both)[0]))
    return schema, tables


def as_stored_tables(tables: dict[str, list[Doc]]) -> dict[str, dict[str, Doc]]:
    """Tables in the shape the data file keeps (for running schema upgrades)."""
    return {name: {str(i): dict(d) for i, d in enumerate(docs, 1)} for name, docs in tables.items()}


def from_stored_tables(stored: dict[str, dict[str, Doc]]) -> dict[str, list[Doc]]:
    """The inverse of :func:`as_stored_tables` (the ``_meta`` table is dropped)."""
    return {
        name: list(docs.values()) for name, docs in stored.items() if not name.startswith("_")
    }


def _stamp(doc: Doc) -> str | None:
    for key in STAMP_KEYS:
        value = doc.get(key)
        if isinstance(value, str) and value:
            return value
    return None


def _newer(incoming: str, local: str) -> bool:
    try:
        return parse_iso(incoming) > parse_iso(local)
    except (TypeError, ValueError):
        return incoming > local


def decide(local: Doc | None, incoming: Doc, deleted: Doc | None = None) -> str:
    """``"add"``, ``"update"`` or ``"skip"`` for one incoming record.

    A record that exists is replaced only if its ``updated`` (or ``saved``)
    time is newer; without times on both sides the local record is kept.
    ``deleted`` is the local trash copy of an entry: an import does not bring
    back what was deleted here, unless the incoming copy was changed later.
    """
    if local is None and deleted is not None:
        when = deleted.get("deleted") or _stamp(deleted)
        theirs = _stamp(incoming)
        if not (isinstance(when, str) and theirs and _newer(theirs, when)):
            return "skip"
    if local is None:
        return "add"
    if local == incoming:
        return "skip"
    mine, theirs = _stamp(local), _stamp(incoming)
    if mine and theirs and _newer(theirs, mine):
        return "update"
    return "skip"


@dataclass
class MergeSummary:
    """How many records an import added, updated and skipped, per table."""

    source: str
    added: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)
    skipped: dict[str, int] = field(default_factory=dict)
    kept_copy: str | None = None

    def count(self, outcome: str, table: str) -> None:
        """Record one outcome (``add``, ``update`` or ``skip``) for ``table``."""
        bucket = {"add": self.added, "update": self.updated, "skip": self.skipped}[outcome]
        bucket[table] = bucket.get(table, 0) + 1

    @property
    def changed(self) -> bool:
        """Whether anything was added or updated."""
        return bool(self.added or self.updated)

    def lines(self) -> list[str]:
        """A plain summary, one line per outcome."""
        def part(bucket: dict[str, int]) -> str:
            total = sum(bucket.values())
            detail = ", ".join(f"{table} {n}" for table, n in sorted(bucket.items()))
            return f"{total}" + (f" ({detail})" if detail else "")

        # The labels are padded to one width in the interface language.
        labels = [_("added:"), _("updated:"), _("skipped:")]
        width = max(len(label) for label in labels) + 1
        added, updated, skipped = (f"{label:<{width}}" for label in labels)
        lines = [
            _("imported {source}").format(source=self.source),
            f"  {added}{part(self.added)}",
            f"  {updated}{part(self.updated)}",
            f"  {skipped}" + _("{counts} (already here, or older than what is here)").format(
                counts=part(self.skipped)),
        ]
        if self.kept_copy:
            lines.append("  " + _("your data before the import was kept as {path}").format(
                path=self.kept_copy))
        return lines


class ImportRefusedError(CoprodError):
    """The file cannot be imported; nothing was changed."""

    def __init__(self, path: Path | str, reason: str) -> None:
        super().__init__(_("cannot import {path}: {reason}. Nothing was changed.").format(
            path=path, reason=reason))


def read_import_file(path: Path) -> Any:
    """Parse a JSON file to import (raises :class:`ImportRefusedError`).

    At most :data:`MAX_BYTES` are read, whatever the file says its size is
    (``/dev/zero`` stops at once), and nesting is limited (no RecursionError).
    """
    try:
        if stat.S_ISFIFO(os.stat(path).st_mode):
            # Opening a pipe waits for a writer that may never come.
            raise ImportRefusedError(path, _("it is a pipe, not a file"))
        raw = read_limited(path, MAX_BYTES)
    except TooLargeError:
        raise ImportRefusedError(path, _("it is larger than {size} MB, too large to be an "
                                         "export").format(size=MAX_BYTES // (1024 * 1024))) from None
    except FileNotFoundError:
        raise ImportRefusedError(path, _("there is no such file")) from None
    except IsADirectoryError:
        raise ImportRefusedError(path, _("it is a folder")) from None
    except OSError as error:
        raise ImportRefusedError(path, describe_os_error(error)) from None
    if not raw.strip():
        raise ImportRefusedError(path, _("the file is empty"))
    try:
        return loads_limited(raw)
    except TooDeepError as error:
        raise ImportRefusedError(path, str(error)) from None
    except (ValueError, UnicodeDecodeError) as error:
        raise ImportRefusedError(path, _("it is not valid JSON ({problem})").format(
            problem=error)) from None


def _merge(store: Store, tables: dict[str, list[Doc]], summary: MergeSummary) -> MergeSummary:
    """Apply ``tables`` in one session (all or nothing), counting outcomes into ``summary``.

    Each table is written in one pass (new records with one ``insert_multiple``,
    replaced ones with one update), so 40,000 entries import in seconds. An id
    never ends up both in the journal and in the trash.
    """
    with store.session() as s:
        local = {table: {d.get("id"): d for d in s.all(table)}
                 for table in {*tables, "entries", "trash"}}
        plans: dict[str, list[Doc]] = {}
        leave_trash: set[str] = set()
        for table, docs in tables.items():
            existing = local[table]
            for doc in docs:
                deleted = local["trash"].get(doc["id"]) if table == "entries" else None
                if table == "trash" and doc["id"] in local["entries"]:
                    outcome = "skip"  # it is in the journal here: keep it there
                else:
                    outcome = decide(existing.get(doc["id"]), doc, deleted)
                summary.count(outcome, table)
                if outcome == "skip":
                    continue
                plans.setdefault(table, []).append(dict(doc))
                if deleted is not None:
                    leave_trash.add(doc["id"])
        if plans:
            # The files on disk still hold the state before this session writes.
            summary.kept_copy = _keep_copy(store)
        s.remove_many("trash", leave_trash)
        for table, docs in plans.items():
            s.put_many(table, docs)
    return summary


def _keep_copy(store: Store) -> str | None:
    kept = backups.keep_copy(store.data_dir, store.file(MAIN_FILE), "before-import")
    return str(kept) if kept else None


def import_export(store: Store, path: Path, data: Any) -> MergeSummary:
    """Merge a coprod ``json`` export (already parsed from ``path``)."""
    try:
        schema, tables = parse_dump(data, CURRENT_SCHEMA)
    except DumpError as error:
        raise ImportRefusedError(path, str(error)) from None
    if schema < CURRENT_SCHEMA:
        stored = as_stored_tables(tables)
        stored["_meta"] = {"1": {"schema": schema}}
        upgraded, _steps = upgrade(stored)
        tables = from_stored_tables(upgraded)
    return _merge(store, tables, MergeSummary(str(path)))


def import_jrnl(store: Store, path: Path, data: Any, values: list[str]) -> MergeSummary:
    """Add the entries of a ``jrnl --export json`` file (already parsed from ``path``)."""
    try:
        docs = convert(data, values)
    except JrnlError as error:
        raise ImportRefusedError(path, str(error)) from None
    unique: dict[str, Doc] = {}
    for doc in docs:
        unique.setdefault(doc["id"], doc)
    return _merge(store, {"entries": list(unique.values())}, MergeSummary(f"{path} (jrnl)"))


def import_file(store: Store, path: Path, source: str = "coprod",
                values: list[str] | None = None) -> MergeSummary:
    """Read and import ``path``; ``source`` is ``coprod`` or ``jrnl``."""
    data = read_import_file(path)
    if source == "jrnl":
        return import_jrnl(store, path, data, values or [])
    return import_export(store, path, data)
