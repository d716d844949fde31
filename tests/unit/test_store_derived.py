"""Store.derived: a view of the journal built once per change of the data file."""

from __future__ import annotations

from pathlib import Path

from coprod_tui.core.store import Store
from coprod_tui.journal.summary import journal_index


def test_built_once_while_the_file_is_unchanged(data_dir: Path) -> None:
    store = Store.open(data_dir)
    store.insert("entries", {"values": ["strengths"], "title": "one", "created": "2026-01-01"})
    builds = []

    def build(s: Store) -> int:
        builds.append(1)
        return s.count("entries")

    assert store.derived("count", build) == 1
    assert store.derived("count", build) == 1
    assert len(builds) == 1


def test_rebuilt_after_a_save_here_or_in_another_session(data_dir: Path) -> None:
    store = Store.open(data_dir)
    other = Store.open(data_dir)  # another process's session on the same folder
    store.insert("entries", {"values": ["strengths"], "title": "one", "created": "2026-01-01"})
    assert len(journal_index(store)) == 1
    store.insert("entries", {"values": ["networks"], "title": "two", "created": "2026-01-02"})
    assert [e.title for e in journal_index(store).entries()] == ["two", "one"]
    other.insert("entries", {"values": ["networks"], "title": "three", "created": "2026-01-03"})
    assert [e.title for e in journal_index(store).entries()] == ["three", "two", "one"]


def test_an_empty_folder_gives_an_empty_index(data_dir: Path) -> None:
    store = Store.open(data_dir)
    assert len(journal_index(store)) == 0
    assert journal_index(store).value_counts()["strengths"] == 0
