"""Two real processes doing everything at once: add, edit one shared entry,
delete to the trash, restore from it, import, and restore a backup (issue 15).
Nothing written may be lost and no id may be in both the journal and the trash."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from coprod_tui.core.store import MAIN_FILE, Store, backups
from coprod_tui.core.store.storage import read_json_file
from coprod_tui.journal.entry import Entry
from coprod_tui.journal.records import EntryStore
from tests.unit.store_modes import MODES, assert_encrypted, environment, key_for, prepare

ROOT = Path(__file__).resolve().parents[2]

# Each session prints where every id it made should end: "entries ID" or "trash ID".
SESSION = r"""
import json, sys
from pathlib import Path
from coprod_tui.journal.entry import Entry
from coprod_tui.journal.records import EntryStore
from coprod_tui.transfer.importer import import_file
from tests.unit.store_modes import open_store
data, name, shared = sys.argv[1], sys.argv[2], sys.argv[3]
journal = EntryStore(open_store(data))
where = {}
print("ready", flush=True)
sys.stdin.readline()
for n in range(40):
    entry = journal.add(Entry(values=["strengths"], title=f"{name}-{n}", sections={"text": "x"}))
    where[entry.id] = "entries"
    if n % 4 == 1:
        journal.delete(entry.id)
        where[entry.id] = "trash"
    if n % 8 == 5:
        back = [i for i, w in where.items() if w == "trash"][0]
        assert journal.restore(back)
        where[back] = "entries"
    if n % 10 == 2:
        path = Path(data).parent / f"{name}-{n}.json"
        docs = [Entry(values=["networks"], title=f"{name} imported {n}.{i}",
                      id=f"{name}-imp-{n}-{i}").to_doc() for i in range(15)]
        path.write_text(json.dumps({"format": "coprod-export", "schema": 2,
                                    "tables": {"entries": docs}}))
        import_file(journal.store, path)
        where.update({d["id"]: "entries" for d in docs})
    if name == "b" and n == 25:
        journal.delete(shared)
    if name == "a" or n < 25:
        mine = journal.get(shared)
        if mine is not None:
            mine.sections = {"text": f"{name} edit {n}"}
            outcome = journal.save_edit(mine)
            if outcome.status != "saved":
                where[outcome.entry.id] = "entries"
print(json.dumps(where), flush=True)
"""


def _start(data: Path, name: str, shared: str,
           env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-c", SESSION, str(data), name, shared],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, cwd=ROOT, env=env)


def _ids(tables: dict, table: str) -> list[str]:
    return [doc["id"] for doc in tables.get(table, {}).values()]


@pytest.mark.parametrize("mode", MODES)
def test_two_sessions_doing_everything_at_once_lose_nothing(data_dir: Path, mode: str) -> None:
    env = environment(prepare(data_dir, mode))
    shared = EntryStore(Store.open(data_dir, key_for(data_dir))).add(
        Entry(values=["strengths"], title="shared", sections={"text": "start"})).id
    sessions = [_start(data_dir, name, shared, env) for name in ("a", "b")]
    for session in sessions:
        assert session.stdout is not None and session.stdout.readline().strip() == "ready"
    for session in sessions:
        assert session.stdin is not None
        session.stdin.write("go\n")
        session.stdin.flush()
    expected: dict[str, str] = {shared: "trash"}
    for session in sessions:
        out, err = session.communicate(timeout=600)
        assert session.returncode == 0, err
        expected.update(json.loads(out.strip().splitlines()[-1]))
    tables = read_json_file(data_dir / MAIN_FILE, key_for(data_dir))
    assert tables is not None
    assert_encrypted(data_dir, mode)
    entries, trash = _ids(tables, "entries"), _ids(tables, "trash")
    assert not [i for i, n in Counter(entries + trash).items() if n > 1]  # no duplicates
    assert sorted(entries) == sorted(i for i, w in expected.items() if w == "entries")
    assert sorted(trash) == sorted(i for i, w in expected.items() if w == "trash")
    assert len(entries) > 100


WRITER = r"""
import sys
from coprod_tui.journal.entry import Entry
from coprod_tui.core.store import Store
from coprod_tui.journal.records import EntryStore
journal = EntryStore(Store.open(sys.argv[1]))
print("ready", flush=True)
sys.stdin.readline()
for n in range(120):
    print(journal.add(Entry(values=["strengths"], title=f"w-{n}")).id, flush=True)
"""


def test_restoring_a_backup_while_another_session_writes_keeps_every_record(
        data_dir: Path) -> None:
    store = Store.open(data_dir)
    store.insert("entries", Entry(values=["strengths"], title="before").to_doc())
    source = backups.keep_copy(data_dir, data_dir / MAIN_FILE, "saved")
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(data_dir)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True, cwd=ROOT)
    assert writer.stdout is not None and writer.stdin is not None
    assert writer.stdout.readline().strip() == "ready"
    writer.stdin.write("go\n")
    writer.stdin.flush()
    env = {**os.environ, "COPROD_DATA_DIR": str(data_dir)}
    for _ in range(3):
        done = subprocess.run([sys.executable, "-m", "coprod_tui", "restore", source.name],
                              env=env, cwd=ROOT, capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
    out, err = writer.communicate(timeout=600)
    assert writer.returncode == 0, err
    written = set(out.split()[1:]) if out.startswith("ready") else set(out.split())
    # Every record is in the journal, or in a copy the restore kept aside.
    found: set[str] = set()
    copies = [p for p in backups.list_backups(data_dir) if backups.kind_of(p) == "before-restore"]
    assert len(copies) == 3
    for path in [data_dir / MAIN_FILE, *copies]:
        tables = read_json_file(path) or {}
        ids = _ids(tables, "entries")
        assert len(ids) == len(set(ids))
        found.update(ids)
    assert written and written <= found
