"""Backups kept aside never overwrite one another; daily backups roll over."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from coprod_tui.core.store import MAIN_FILE, Store, backups


def test_copies_kept_in_the_same_second_are_all_kept(data_dir: Path) -> None:
    store = Store.open(data_dir)
    kept = []
    for number in range(3):
        store.insert("entries", {"number": number})
        copy = backups.keep_copy(data_dir, data_dir / MAIN_FILE, "before-restore")
        assert copy is not None
        kept.append(copy)
    assert len(set(kept)) == 3
    sizes = [p.stat().st_size for p in kept]
    assert sizes == sorted(sizes) and len(set(sizes)) == 3  # each holds its own moment


def test_daily_backups_keep_the_newest_seven(data_dir: Path) -> None:
    Store.open(data_dir).insert("entries", {"text": "x"})
    raw = (data_dir / MAIN_FILE).read_bytes()
    start = dt.date(2025, 1, 1)
    for day in range(10):
        backups.daily_backup(data_dir, raw, today=start + dt.timedelta(days=day))
    names = sorted(p.name for p in backups.backup_dir(data_dir).iterdir())
    assert names == [f"coprod-{start + dt.timedelta(days=d)}.json" for d in range(3, 10)]
    # Once a day only: a second save on the same day leaves the first copy alone.
    assert backups.daily_backup(data_dir, b"{}", today=start + dt.timedelta(days=9)) is None
    assert (backups.backup_dir(data_dir) / "coprod-2025-01-10.json").read_bytes() == raw
