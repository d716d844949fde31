"""Importing a coprod ``json`` export or a jrnl export, all or nothing.

The file is read and checked completely first; then every change happens in
one :meth:`Store.session` (one lock, one write per file). If anything is
wrong, nothing changes. A copy of the journal file is kept before a change.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from coprod_tui.domain.export_json import (
    DumpError,
    MergeSummary,
    as_stored_tables,
    decide,
    from_stored_tables,
    parse_dump,
)
from coprod_tui.domain.jrnl import JrnlError, convert
from coprod_tui.errors import CoprodError
from coprod_tui.store import backups
from coprod_tui.store.repository import MAIN_FILE, Store
from coprod_tui.store.schema import CURRENT_SCHEMA, upgrade

Doc = dict[str, Any]
MAX_BYTES = 256 * 1024 * 1024


class ImportRefusedError(CoprodError):
    """The file cannot be imported; nothing was changed."""

    def __init__(self, path: Path | str, reason: str) -> None:
        super().__init__(f"cannot import {path}: {reason}. Nothing was changed.")


def read_import_file(path: Path) -> Any:
    """Parse a JSON file to import (raises :class:`ImportRefusedError`)."""
    try:
        if path.stat().st_size > MAX_BYTES:
            raise ImportRefusedError(path, "it is too large to be an export")
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ImportRefusedError(path, "there is no such file") from None
    except IsADirectoryError:
        raise ImportRefusedError(path, "it is a folder") from None
    except OSError as error:
        raise ImportRefusedError(path, error.strerror or str(error)) from None
    if not raw.strip():
        raise ImportRefusedError(path, "the file is empty")
    try:
        return json.loads(raw)
    except (ValueError, UnicodeDecodeError) as error:
        raise ImportRefusedError(path, f"it is not valid JSON ({error})") from None


def _merge(store: Store, tables: dict[str, list[Doc]], summary: MergeSummary) -> MergeSummary:
    """Apply ``tables`` in one session (all or nothing), counting outcomes into ``summary``."""
    with store.session() as s:
        plan: list[tuple[str, str, Doc]] = []
        trash = {d.get("id"): d for d in s.all("trash")} if "entries" in tables else {}
        for table, docs in tables.items():
            existing = {d.get("id"): d for d in s.all(table)}
            for doc in docs:
                deleted = trash.get(doc["id"]) if table == "entries" else None
                outcome = decide(existing.get(doc["id"]), doc, deleted)
                summary.count(outcome, table)
                if outcome != "skip":
                    plan.append((table, outcome, doc))
        if plan:
            # The files on disk still hold the state before this session writes.
            summary.kept_copy = _keep_copy(store)
        for table, outcome, doc in plan:
            if outcome == "add":
                s.insert(table, dict(doc))
            else:
                s.put(table, dict(doc))
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
