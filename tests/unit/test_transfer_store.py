"""Export files and imports through the real store: lossless, idempotent, all or nothing."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from coprod_tui.core.store import FILES, Store
from coprod_tui.core.store.schema import CURRENT_SCHEMA
from coprod_tui.journal.entry import Entry
from coprod_tui.transfer.common import ExportFilter
from coprod_tui.transfer.files import ExportExistsError, read_all_tables, render, write_export
from coprod_tui.transfer.importer import ImportRefusedError, import_file
from tests.transfer_data import fill_store

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "jrnl_export.json"
EVERY_TABLE = {"entries", "trash", "spectrum", "complexity", "practice", "stocktakes",
               "reading", "settings", "drafts"}


def snapshot(store: Store) -> dict[str, bytes]:
    """The bytes of every data file (missing files as b"")."""
    return {name: store.file(name).read_bytes() if store.file(name).exists() else b""
            for name in FILES}


def export_json(store: Store, path: Path) -> Path:
    write_export(path, render(store, "json", ExportFilter()))
    return path


def test_json_round_trip_is_identical(tmp_path: Path) -> None:
    source = Store.open(tmp_path / "a")
    fill_store(source)
    first = json.loads(export_json(source, tmp_path / "one.json").read_text())
    assert set(first["tables"]) == EVERY_TABLE
    assert first["schema"] == CURRENT_SCHEMA and first["format"] == "coprod-export"
    target = Store.open(tmp_path / "b")
    summary = import_file(target, tmp_path / "one.json")
    assert sum(summary.added.values()) == sum(len(d) for d in first["tables"].values())
    second = json.loads(export_json(target, tmp_path / "two.json").read_text())
    assert second["tables"] == first["tables"]
    assert read_all_tables(target) == read_all_tables(source)


def test_importing_twice_adds_nothing(tmp_path: Path) -> None:
    source = Store.open(tmp_path / "a")
    fill_store(source)
    export_json(source, tmp_path / "x.json")
    summary = import_file(source, tmp_path / "x.json")
    assert not summary.changed and summary.kept_copy is None
    assert sum(summary.skipped.values()) == sum(len(v) for v in read_all_tables(source).values())
    target = Store.open(tmp_path / "b")
    import_file(target, tmp_path / "x.json")
    before = snapshot(target)
    again = import_file(target, tmp_path / "x.json")
    assert not again.changed
    assert snapshot(target) == before


def test_newer_updated_wins_and_older_is_skipped(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "a")
    entry = Entry(values=["networks"], title="Old title", created="2026-10-01T09:00:00+00:00",
                  updated="2026-10-02T09:00:00+00:00", id="e1")
    store.insert("entries", entry.to_doc())
    newer = {**entry.to_doc(), "title": "New title", "updated": "2026-10-03T09:00:00+00:00"}
    older = {**entry.to_doc(), "title": "Older title", "updated": "2026-10-01T10:00:00+00:00"}
    for name, doc in (("newer.json", newer), ("older.json", older)):
        dump = {"format": "coprod-export", "schema": CURRENT_SCHEMA, "tables": {"entries": [doc]}}
        (tmp_path / name).write_text(json.dumps(dump))
    summary = import_file(store, tmp_path / "newer.json")
    assert summary.updated == {"entries": 1} and summary.kept_copy
    assert store.get("entries", "e1")["title"] == "New title"
    summary = import_file(store, tmp_path / "older.json")
    assert summary.skipped == {"entries": 1} and not summary.changed
    assert store.get("entries", "e1")["title"] == "New title"


def test_import_does_not_bring_back_entries_deleted_here(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "a")
    fill_store(store)
    export_json(store, tmp_path / "x.json")
    doc = store.get("entries", "rolfe-1")
    with store.session() as s:
        s.remove("entries", "rolfe-1")
        s.insert("trash", {**doc, "deleted": "2026-11-20T09:00:00+00:00"})
    summary = import_file(store, tmp_path / "x.json")
    assert not summary.changed and store.get("entries", "rolfe-1") is None
    edited = json.loads((tmp_path / "x.json").read_text())
    for entry in edited["tables"]["entries"]:
        if entry["id"] == "rolfe-1":
            entry["updated"] = "2026-11-21T09:00:00+00:00"
    (tmp_path / "y.json").write_text(json.dumps(edited))
    summary = import_file(store, tmp_path / "y.json")
    assert summary.added == {"entries": 1} and store.get("entries", "rolfe-1") is not None


@pytest.mark.parametrize("content, reason", [
    (b"", "empty"),
    (b'{"format": "coprod-export", "schema": 2, "tables": {"entries": [{"id": "a"}, ', "valid JSON"),
    (b'{"format": "coprod-export", "schema": 99, "tables": {}}', "newer version of coprod"),
    (b'{"format": "coprod-export", "schema": 2, "tables": {"entries": [{"title": "x"}]}}',
     "has no id"),
    (b'{"format": "coprod-export", "schema": 2, "tables": {"entries": '
     b'[{"id": "ok", "values": ["networks"]}, {"id": "bad", "links": [{"x": 1}]}]}}',
     "not a valid journal entry"),
    (b'[1, 2, 3]', "not a coprod json export"),
    (b'{"format": "coprod-export", "schema": 2, "tables": {"entries": '
     b'[{"id": "odd", "values": ["networks"], "framework": "pdsa"}]}}',
     "unknown framework 'pdsa'"),
])
def test_bad_or_newer_files_change_nothing(tmp_path: Path, content: bytes, reason: str) -> None:
    store = Store.open(tmp_path / "a")
    fill_store(store)
    before = snapshot(store)
    backups = tmp_path / "a" / "backups"
    backups_before = sorted(backups.iterdir()) if backups.exists() else []
    bad = tmp_path / "bad.json"
    bad.write_bytes(content)
    with pytest.raises(ImportRefusedError) as caught:
        import_file(store, bad)
    assert reason in caught.value.message and "Nothing was changed" in caught.value.message
    assert snapshot(store) == before
    assert (sorted(backups.iterdir()) if backups.exists() else []) == backups_before


def test_older_schema_exports_are_upgraded_on_import(tmp_path: Path) -> None:
    old = {"format": "coprod-export", "schema": 1, "tables": {"entries": [
        {"id": "v1", "value": "networks", "title": "Old", "created": "2026-01-01T09:00:00"}]}}
    (tmp_path / "old.json").write_text(json.dumps(old))
    store = Store.open(tmp_path / "a")
    import_file(store, tmp_path / "old.json")
    doc = store.get("entries", "v1")
    assert doc["values"] == ["networks"] and doc["created"] == "2026-01-01T09:00:00+00:00"


def test_jrnl_import_from_real_jrnl_output_is_idempotent(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "a")
    summary = import_file(store, FIXTURE, "jrnl", ["what-matters"])
    assert summary.added == {"entries": 3}
    titles = sorted(Entry.from_doc(d).title for d in store.all("entries"))
    assert titles[0] == "Carers group meeting."
    again = import_file(store, FIXTURE, "jrnl", ["what-matters"])
    assert not again.changed and store.count("entries") == 3
    with pytest.raises(ImportRefusedError, match="not jrnl's JSON export"):
        bad = tmp_path / "not-jrnl.json"
        bad.write_text('{"entries": "nope"}')
        import_file(store, bad, "jrnl")


def test_export_files_are_private_and_never_silently_replaced(tmp_path: Path) -> None:
    os.umask(0o022)
    path = write_export(tmp_path / "out.md", "first\n")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    with pytest.raises(ExportExistsError):
        write_export(path, "second\n")
    assert path.read_text() == "first\n"
    write_export(path, "second\n", overwrite=True)
    assert path.read_text() == "second\n" and stat.S_IMODE(path.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["out.md"]  # no temporary files left


def test_entries_from_to_doc_get_an_id_on_insert(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "a")
    first = store.insert("entries", Entry(values=["networks"]).to_doc())
    second = store.insert("entries", Entry(values=["networks"]).to_doc())
    assert first["id"] and second["id"] and first["id"] != second["id"]
    assert store.get("entries", first["id"]) is not None


def test_value_by_value_and_value_less_entries_round_trip(tmp_path: Path) -> None:
    from coprod_tui.journal.entry import Entry
    from coprod_tui.transfer.common import ExportFilter
    from coprod_tui.transfer.files import render, write_export

    store = Store.open(tmp_path / "a")
    store.insert("entries", Entry(values=["strengths"], framework="values", title="Walk",
                                  sections={"strengths": "Her skills"}).to_doc())
    store.insert("entries", Entry(values=[], title="From jrnl", sections={"text": "x"}).to_doc())
    first = render(store, "json", ExportFilter(), "2026-11-26T09:00:00+00:00")
    write_export(tmp_path / "one.json", first)
    other = Store.open(tmp_path / "b")
    summary = import_file(other, tmp_path / "one.json")
    assert summary.added == {"entries": 2}
    assert render(other, "json", ExportFilter(), "2026-11-26T09:00:00+00:00") == first
    assert import_file(other, tmp_path / "one.json").added == {}
