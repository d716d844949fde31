"""Hostile import files and data (issue 15): wrong field types, extreme dates,
deep nesting, endless files, huge content; `coprod check` on bad data."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from coprod_tui.core.store import MAIN_FILE, Store
from coprod_tui.journal.entry import Entry
from coprod_tui.transfer.importer import ImportRefusedError, import_file

ROOT = Path(__file__).resolve().parents[2]


def _dump(tables: dict) -> str:
    return json.dumps({"format": "coprod-export", "schema": 2, "tables": tables})


def _entry(**fields: object) -> dict:
    return {**Entry(values=["strengths"], title="ok", id="e1").to_doc(), **fields}


def _run(data: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "coprod_tui", *args], cwd=ROOT,
                          env={**os.environ, "COPROD_DATA_DIR": str(data), **env},
                          capture_output=True, text=True, timeout=120)


BAD = [
    ("entries", _entry(title=123), '"title" must be text'),
    ("entries", _entry(sections={"text": 5}), '"sections" must be an object of texts'),
    ("entries", _entry(tags=[1, 2]), '"tags" must be a list of texts'),
    ("entries", _entry(actions=[{"text": 5}]), '"actions" must be a list of actions'),
    ("entries", _entry(actions=[{"text": "a", "colour": "red"}]), '"actions"'),
    ("entries", _entry(links=[{"kind": "x"}]), '"links"'),
    ("entries", _entry(values="strengths"), '"values" must be a list of texts'),
    ("entries", _entry(created="yesterday"), '"created" must be a date and time'),
    ("entries", _entry(account_kind=3), '"account_kind"'),
    ("trash", {**_entry(), "deleted": 5}, '"deleted"'),
    ("stocktakes", {"id": "s1", "scores": "bad"}, '"scores"'),
    ("stocktakes", {"id": "s1", "scores": {"strengths": [9, 1, 1]}}, '"scores"'),
    ("stocktakes", {"id": "s1", "notes": {"strengths": "x"}}, '"notes"'),
    ("stocktakes", {"id": "s1", "position": "2"}, '"position"'),
    ("spectrum", {"id": "p1", "title": ["x"]}, '"title" must be text'),
    ("complexity", {"id": "c1", "answers": {"a": 1}}, '"answers"'),
    ("practice", {"id": "r1", "score": "10"}, '"score"'),
    ("drafts", {"id": "d1", "data": "text"}, '"data" must be an object'),
]


@pytest.mark.parametrize(("table", "doc", "words"), BAD)
def test_a_record_the_app_cannot_show_refuses_the_whole_import(
        data_dir: Path, tmp_path: Path, table: str, doc: dict, words: str) -> None:
    store = Store.open(data_dir)
    good = Entry(values=["strengths"], title="good one", id="good").to_doc()
    path = tmp_path / "bad.json"
    tables = {"entries": [good]} if table != "entries" else {"entries": [good, doc]}
    if table != "entries":
        tables[table] = [doc]
    path.write_text(_dump(tables))
    with pytest.raises(ImportRefusedError) as caught:
        import_file(store, path)
    assert words in caught.value.message and f"id {doc['id']}" in caught.value.message
    assert store.all("entries") == []  # all or nothing: the good one is not added either


def test_check_names_bad_records_already_in_the_data_file(data_dir: Path) -> None:
    Store.open(data_dir).insert("entries", _entry(title="fine", id="fine"))
    raw = json.loads((data_dir / MAIN_FILE).read_text())
    raw["entries"]["2"] = _entry(id="broken", tags=[1, 2])
    raw["stocktakes"] = {"1": {"id": "st", "scores": "bad"}}
    raw["trash"] = {"1": {**_entry(id="fine"), "deleted": "2026-01-01T00:00:00+00:00"}}
    (data_dir / MAIN_FILE).write_text(json.dumps(raw))
    done = _run(data_dir, "check")
    assert done.returncode == 1, done.stdout
    assert "id broken: \"tags\" must be a list of texts" in done.stdout
    assert "table 'stocktakes' record id st: \"scores\"" in done.stdout
    assert "id fine is both in the journal and in the trash" in done.stdout
    assert "Traceback" not in done.stderr


def test_an_import_cannot_put_an_id_in_both_journal_and_trash(data_dir: Path,
                                                               tmp_path: Path) -> None:
    store = Store.open(data_dir)
    store.insert("entries", _entry(id="x", updated="2026-01-01T00:00:00+00:00"))
    path = tmp_path / "in.json"
    path.write_text(_dump({"trash": [{**_entry(id="x"), "deleted": "2026-02-01T00:00:00+00:00"}]}))
    import_file(store, path)
    assert [d["id"] for d in store.all("entries")] == ["x"] and store.all("trash") == []
    path.write_text(_dump({"entries": [_entry(id="x")], "trash": [_entry(id="x")]}))
    with pytest.raises(ImportRefusedError, match="both"):
        import_file(store, path)


@pytest.mark.parametrize("tz", ["Pacific/Kiritimati", "America/Adak", "UTC", "Asia/Tokyo"])
def test_extreme_dates_never_crash_under_any_tz(data_dir: Path, tmp_path: Path, tz: str) -> None:
    jrnl = tmp_path / "jrnl.json"
    jrnl.write_text(json.dumps({"tags": {}, "entries": [
        {"title": "first day", "body": "a", "date": "0001-01-01", "time": "00:00"},
        {"title": "last day", "body": "b", "date": "9999-12-31", "time": "23:59"},
    ]}))
    dump = tmp_path / "dump.json"
    dump.write_text(_dump({"entries": [
        _entry(id="lo", created="0001-01-01T00:00:00+00:00", updated="0001-01-01T00:00:00+14:00"),
        _entry(id="hi", created="9999-12-31T23:59:59-10:00", updated="9999-12-31T23:59:59+00:00"),
    ]}))
    for args in (["import", "--from", "jrnl", "--value", "strengths", str(jrnl)],
                 ["import", str(dump)], ["import", str(dump)], ["list"],
                 ["export", "--format", "md"], ["export", "--format", "nmc"],
                 ["export", "--format", "json"], ["check"]):
        done = _run(data_dir, *args, TZ=tz)
        assert done.returncode == 0, (args, done.stderr)
        assert "Traceback" not in done.stderr
    assert len(Store.open(data_dir).all("entries")) == 4


@pytest.mark.parametrize("depth", [100, 100_000])
def test_deeply_nested_import_is_refused_with_a_message(data_dir: Path, tmp_path: Path,
                                                        depth: int) -> None:
    path = tmp_path / "deep.json"
    path.write_text('{"format": "coprod-export", "schema": 2, "tables": {"settings": '
                    '[{"id": "k", "value": ' + "[" * depth + "]" * depth + "}]}}")
    done = _run(data_dir, "import", str(path))
    assert done.returncode == 1 and "nested more than" in done.stderr, done.stderr
    assert "Traceback" not in done.stderr


def test_import_of_dev_zero_stops_at_once(data_dir: Path) -> None:
    started = time.monotonic()
    done = _run(data_dir, "import", "/dev/zero")
    assert done.returncode == 1 and "too large to be an export" in done.stderr, done.stderr
    # Not a timing assert on the feature: a hang would hit the 120 s timeout above.
    assert time.monotonic() - started < 120


def test_import_of_a_pipe_is_refused_without_waiting(data_dir: Path, tmp_path: Path) -> None:
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    done = _run(data_dir, "import", str(pipe))
    assert done.returncode == 1 and "it is a pipe" in done.stderr, done.stderr


def test_a_huge_content_section_is_refused_not_read(tmp_path: Path) -> None:
    from coprod_tui.core.content import CONTENT_LIMIT
    from coprod_tui.reading.model import ContentError, Section

    path = tmp_path / "huge.md"
    with open(path, "wb") as handle:
        handle.truncate(CONTENT_LIMIT * 12)  # 96 MB, sparse: cheap to make
    section = Section("huge", "Huge", "tier", path, 1)
    with pytest.raises(ContentError, match="larger than"):
        section.read_text()
    endless = Section("zero", "Zero", "tier", Path("/dev/zero"), 1)
    with pytest.raises(ContentError, match="larger than"):
        endless.read_text()


def test_a_deep_pack_manifest_is_refused_with_a_message(tmp_path: Path) -> None:
    from coprod_tui.core.content import read_content_json
    from coprod_tui.reading.loader import manifest_path, parse_manifest
    from coprod_tui.reading.model import ContentError

    path = manifest_path(tmp_path)
    path.parent.mkdir(parents=True)
    path.write_text('{"tiers": ' + "[" * 50_000 + "]" * 50_000 + "}")
    with pytest.raises(ContentError, match="nested more than"):
        parse_manifest(tmp_path, "pack")
    with pytest.raises(ValueError, match="nested more than"):
        read_content_json(path, ValueError)
