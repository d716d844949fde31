"""Schema versions: an old file is upgraded on open, a newer one is refused untouched."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest

from coprod_tui.core.store import MAIN_FILE, NewerSchemaError, Store
from coprod_tui.core.store.schema import CURRENT_SCHEMA, META_TABLE, schema_of
from coprod_tui.core.store.storage import read_json_file
from tests.conftest import env_for

ROOT = Path(__file__).resolve().parents[2]

# What version 1 of coprod wrote: no _meta table, one "value" per entry, naive UTC times.
VERSION_1 = {
    "entries": {
        "1": {
            "id": "a1", "title": "Carers' meeting", "value": "equal",
            "text": "We agreed the agenda together.",
            "created": "2024-03-01T09:30:00", "updated": "2024-03-02T10:00:00",
        },
        "2": {"id": "b2", "title": "No value yet", "value": "", "text": "",
              "created": "2024-03-03T08:00:00", "updated": "2024-03-03T08:00:00"},
    },
    "trash": {},
}


def _write(data_dir: Path, tables: dict) -> bytes:
    data_dir.mkdir(mode=0o700, parents=True)
    raw = json.dumps(tables).encode()
    path = data_dir / MAIN_FILE
    path.write_bytes(raw)
    path.chmod(0o600)
    return raw


def test_a_version_1_file_is_upgraded_on_open(data_dir: Path) -> None:
    raw = _write(data_dir, VERSION_1)
    store = Store.open(data_dir)

    entries = {doc["id"]: doc for doc in store.all("entries")}
    assert entries["a1"]["values"] == ["equal"]
    assert "value" not in entries["a1"]
    assert entries["b2"]["values"] == []
    assert entries["a1"]["created"] == "2024-03-01T09:30:00+00:00"
    assert dt.datetime.fromisoformat(entries["a1"]["updated"]).utcoffset() is not None
    assert entries["a1"]["text"] == "We agreed the agenda together."

    on_disk = read_json_file(data_dir / MAIN_FILE)
    assert on_disk is not None and schema_of(on_disk) == CURRENT_SCHEMA
    # The version-1 file is kept aside before it is rewritten.
    kept = [p for p in (data_dir / "backups").iterdir() if "schema1" in p.name]
    assert len(kept) == 1 and kept[0].read_bytes() == raw

    # A second open finds nothing to upgrade and changes nothing.
    upgraded = (data_dir / MAIN_FILE).read_bytes()
    Store.open(data_dir)
    assert (data_dir / MAIN_FILE).read_bytes() == upgraded


NEWER = {META_TABLE: {"1": {"schema": CURRENT_SCHEMA + 1}}, "entries": {"1": {"id": "z"}}}


def test_a_newer_file_is_refused_and_never_rewritten(data_dir: Path) -> None:
    raw = _write(data_dir, NEWER)
    with pytest.raises(NewerSchemaError) as caught:
        Store.open(data_dir)
    assert "newer version of coprod" in caught.value.message
    assert str(data_dir / MAIN_FILE) in caught.value.message
    assert (data_dir / MAIN_FILE).read_bytes() == raw


def test_coprod_check_refuses_a_newer_file_in_one_line(data_dir: Path) -> None:
    raw = _write(data_dir, NEWER)
    result = subprocess.run(
        [sys.executable, "-m", "coprod_tui", "check"],
        capture_output=True, text=True, cwd=ROOT, env=env_for(data_dir),
    )
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "newer version of coprod" in result.stderr
    assert (data_dir / MAIN_FILE).read_bytes() == raw


def test_a_broken_settings_file_says_how_to_start_afresh(tmp_path) -> None:
    """state.json holds no journal: the message offers moving it aside, not a backup."""
    from coprod_tui.core.store import CorruptDataError, Store

    folder = tmp_path / "data"
    Store.open(folder).set_setting("theme", "nord")
    broken = folder / "state.json"
    broken.write_text('{"settings": {"1": ')
    before = broken.read_bytes()
    try:
        Store.open(folder)
    except CorruptDataError as error:
        assert "state.json" in error.message and "move it aside" in error.message
        assert ".broken" in error.message
    else:
        raise AssertionError("a truncated state.json must be refused")
    assert broken.read_bytes() == before
