"""Emptying the trash removes the text from every backup; every kind of backup
is pruned (issue 15)."""

from __future__ import annotations

import datetime as dt
import json
import os
import stat
import subprocess
import sys
from pathlib import Path

from coprod_tui.core.store import MAIN_FILE, Store, backups
from coprod_tui.journal.entry import Entry
from coprod_tui.journal.records import EntryStore
from coprod_tui.transfer.importer import import_file

ROOT = Path(__file__).resolve().parents[2]
SECRET = "Mrs Patient Name-Zyx"


def _grep(folder: Path, text: str) -> list[str]:
    """Files under ``folder`` holding ``text``, found by the real grep."""
    done = subprocess.run(["grep", "-rl", text, str(folder)], capture_output=True, text=True)
    return sorted(done.stdout.split())


def test_empty_trash_purges_every_backup(tmp_path: Path) -> None:
    data = tmp_path / "data"
    store = Store.open(data)
    journal = EntryStore(store)
    secret = journal.add(Entry(values=["strengths"], title="visit", sections={"text": SECRET}))
    kept = journal.add(Entry(values=["networks"], title="keep me", sections={"text": "ok"}))
    folder = backups.backup_dir(data)
    folder.mkdir(mode=0o700, exist_ok=True)
    raw = (data / MAIN_FILE).read_bytes()
    # Seven daily copies, as a week of use leaves them.
    today = dt.date.today()
    for days in range(7):
        backups.daily_backup(data, raw, today - dt.timedelta(days=days))
    # A copy before an import, made by a real import.
    other = tmp_path / "other.json"
    other.write_text(json.dumps({"format": "coprod-export", "schema": 2, "tables": {
        "entries": [Entry(values=["strengths"], title="imported", id="imp1").to_doc()]}}))
    import_file(store, other)
    # Copies before a restore and a schema upgrade.
    backups.keep_copy(data, data / MAIN_FILE, "before-restore")
    backups.keep_copy(data, data / MAIN_FILE, "schema1")
    backups.keep_copy(data, data / MAIN_FILE, "before-import")
    assert len(_grep(folder, SECRET)) == 11
    journal.delete(secret.id)
    store.save_draft(f"entry:{secret.id}", {"entry": {"sections": {"text": SECRET}}})
    assert journal.empty_trash() == 1
    assert _grep(data, SECRET) == []
    # Everything else is still in the backups, and they stay private files.
    assert len(_grep(folder, "keep me")) == 11
    for path in folder.iterdir():
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert not list(folder.glob(".*.tmp"))
    assert journal.get(kept.id) is not None


def test_every_kind_of_backup_is_pruned(tmp_path: Path) -> None:
    data = tmp_path / "data"
    store = Store.open(data)
    store.insert("entries", Entry(values=["strengths"], title="x").to_doc())
    for number in range(backups.KEEP_COPIES + 4):
        for label in ("before-import", "before-restore", "schema1"):
            path = backups.keep_copy(data, data / MAIN_FILE, label)
            os.utime(path, (1_000_000 + number, 1_000_000 + number))
    kinds: dict[str, int] = {}
    for path in backups.list_backups(data):
        kinds[backups.kind_of(path)] = kinds.get(backups.kind_of(path), 0) + 1
    assert kinds == {"before-import": backups.KEEP_COPIES,
                     "before-restore": backups.KEEP_COPIES,
                     "schema1": backups.KEEP_COPIES}


def test_cli_restore_copies_are_pruned_too(tmp_path: Path) -> None:
    data = tmp_path / "data"
    Store.open(data).insert("entries", Entry(values=["strengths"], title="x").to_doc())
    source = backups.keep_copy(data, data / MAIN_FILE, "saved")
    env = {**os.environ, "COPROD_DATA_DIR": str(data)}
    for _ in range(backups.KEEP_COPIES + 2):
        done = subprocess.run([sys.executable, "-m", "coprod_tui", "restore", source.name],
                              env=env, cwd=ROOT, capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
    restores = [p for p in backups.list_backups(data) if backups.kind_of(p) == "before-restore"]
    assert len(restores) == backups.KEEP_COPIES
