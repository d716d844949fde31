"""Two sessions (two SSH logins): each sees the other's saves and overwrites none.

Two ``Store`` objects on one folder behave like two processes: separate caches
and separate lock descriptors. ``os.utime`` rounds each saved file's time down
to the second, as file systems with one-second timestamps (ext3, some NFS
servers) record it, so only the file's identity can tell one save from the next.
"""

from __future__ import annotations

import os
from pathlib import Path

from coprod_tui.core.store import Store
from coprod_tui.core.store.repository import STATE_FILE


def _one_second_timestamps(path: Path) -> None:
    second = os.stat(path).st_mtime_ns // 10**9 * 10**9
    os.utime(path, ns=(second, second))


def test_saves_of_the_same_size_within_a_second_are_never_lost(data_dir: Path) -> None:
    first, second = Store.open(data_dir), Store.open(data_dir)
    state = data_dir / STATE_FILE
    first.set_setting("mine", f"{0:06d}")
    second.set_setting("theirs", f"{0:06d}")
    for number in range(1, 30):
        assert second.get_setting("mine") == f"{2 * number - 2:06d}"  # second reads
        for step in (1, 2):  # first saves twice, same size, within the same second
            first.set_setting("mine", f"{2 * number - 2 + step:06d}")
            _one_second_timestamps(state)
        assert second.get_setting("mine") == f"{2 * number:06d}"
        second.set_setting("theirs", f"{number:06d}")  # must keep first's change
        _one_second_timestamps(state)
    fresh = Store.open(data_dir)
    assert fresh.get_setting("mine") == f"{58:06d}"
    assert fresh.get_setting("theirs") == f"{29:06d}"


def test_a_session_sees_entries_saved_by_another(data_dir: Path) -> None:
    first, second = Store.open(data_dir), Store.open(data_dir)
    assert second.all("entries") == []
    saved = first.insert("entries", {"title": "from the first login"})
    assert second.get("entries", saved["id"]) == saved
    second.remove("entries", saved["id"])
    assert first.all("entries") == []
