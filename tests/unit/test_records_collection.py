"""The one record collection under every feature's records, in a real store."""

from __future__ import annotations

from pathlib import Path

import pytest

from coprod_tui.core.store import Store
from coprod_tui.core.store.collection import Collection, documents
from coprod_tui.stocktake.rules import Stocktake


def test_documents_get_ids_and_come_back_newest_first(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "data")
    notes = documents(store, "notes", order=lambda d: d["at"])
    first = notes.add({"at": "2026-01-01", "text": "one"})
    notes.add({"at": "2026-03-01", "text": "three"})
    notes.add({"at": "2026-02-01", "text": "two"})
    assert len(first["id"]) == 32
    assert [d["text"] for d in notes.all()] == ["three", "two", "one"]
    assert notes.latest()["text"] == "three"  # type: ignore[index]
    assert notes.count() == 3
    assert notes.get(first["id"]) == first
    assert notes.remove(first["id"]) and not notes.remove(first["id"])
    assert notes.get(first["id"]) is None


def test_a_scope_keeps_two_features_apart_in_one_table(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "data")
    mine = documents(store, "practice", scope={"exercise": "a"})
    theirs = documents(store, "practice", scope={"exercise": "b"})
    kept = mine.add({"score": 1})
    theirs.add({"score": 2})
    assert kept["exercise"] == "a"
    assert [d["score"] for d in mine.all()] == [1] and mine.count() == 1
    assert theirs.get(kept["id"]) is None and not theirs.remove(kept["id"])
    assert theirs.clear() == 1 and mine.count() == 1


def test_dataclass_records_round_trip(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "data")
    stocktakes = Collection(store, "stocktakes", from_doc=Stocktake.from_doc,
                            to_doc=Stocktake.to_doc)
    saved = stocktakes.put(Stocktake(started="2026-01-01T10:00:00+00:00"))
    assert saved.id and stocktakes.get(saved.id) == saved


def test_changes_in_one_session_are_all_or_nothing(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "data")
    notes = documents(store, "notes")
    notes.add({"text": "kept"})
    with pytest.raises(RuntimeError), store.session() as s:
        notes.add({"text": "lost"}, s)
        notes.clear(s)
        raise RuntimeError("a failure half way")
    assert [d["text"] for d in documents(Store.open(tmp_path / "data"), "notes").all()] == ["kept"]
