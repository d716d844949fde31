"""Importing a coprod ``json`` export or a jrnl export, all or nothing.

The file is read and checked completely first; then every change happens in
one :meth:`Store.session` (one lock, one write per file). If anything is
wrong, nothing changes. A copy of the journal file is kept before a change.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any

from coprod_tui.core.content import TooDeepError, TooLargeError, loads_limited, read_limited
from coprod_tui.core.store import backups
from coprod_tui.core.store.privacy import describe_os_error
from coprod_tui.core.store.repository import MAIN_FILE, Store
from coprod_tui.core.store.schema import CURRENT_SCHEMA, upgrade
from coprod_tui.errors import CoprodError
from coprod_tui.transfer.jrnl import JrnlError, convert
from coprod_tui.transfer.json_format import (
    DumpError,
    MergeSummary,
    as_stored_tables,
    decide,
    from_stored_tables,
    parse_dump,
)

Doc = dict[str, Any]
MAX_BYTES = 256 * 1024 * 1024


class ImportRefusedError(CoprodError):
    """The file cannot be imported; nothing was changed."""

    def __init__(self, path: Path | str, reason: str) -> None:
        super().__init__(f"cannot import {path}: {reason}. Nothing was changed.")


def read_import_file(path: Path) -> Any:
    """Parse a JSON file to import (raises :class:`ImportRefusedError`).

    At most :data:`MAX_BYTES` are read, whatever the file says its size is
    (``/dev/zero`` stops at once), and nesting is limited (no RecursionError).
    """
    try:
        if stat.S_ISFIFO(os.stat(path).st_mode):
            # Opening a pipe waits for a writer that may never come.
            raise ImportRefusedError(path, "it is a pipe, not a file")
        raw = read_limited(path, MAX_BYTES)
    except TooLargeError:
        raise ImportRefusedError(path, f"it is larger than {MAX_BYTES // (1024 * 1024)} MB, "
                                       "too large to be an export") from None
    except FileNotFoundError:
        raise ImportRefusedError(path, "there is no such file") from None
    except IsADirectoryError:
        raise ImportRefusedError(path, "it is a folder") from None
    except OSError as error:
        raise ImportRefusedError(path, describe_os_error(error)) from None
    if not raw.strip():
        raise ImportRefusedError(path, "the file is empty")
    try:
        return loads_limited(raw)
    except TooDeepError as error:
        raise ImportRefusedError(path, str(error)) from None
    except (ValueError, UnicodeDecodeError) as error:
        raise ImportRefusedError(path, f"it is not valid JSON ({error})") from None


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
        upgraded, _ = upgrade(stored)
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
