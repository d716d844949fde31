"""``coprod export`` and ``coprod import`` run as real processes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from coprod_tui.core.store import Store
from tests.conftest import env_for
from tests.transfer_data import fill_store

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "jrnl_export.json"


def coprod(data: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "coprod_tui", *args], env=env_for(data),
                          capture_output=True, timeout=60)


def test_round_trip_through_the_command_line(tmp_path: Path) -> None:
    fill_store(Store.open(tmp_path / "a"))
    out = tmp_path / "backup.json"
    done = coprod(tmp_path / "a", "export", "--format", "json", "--output", str(out))
    assert done.returncode == 0, done.stderr
    assert (out.stat().st_mode & 0o777) == 0o600
    done = coprod(tmp_path / "b", "import", str(out))
    assert done.returncode == 0, done.stderr
    assert b"added:   " in done.stdout
    again = coprod(tmp_path / "b", "import", str(out))
    assert b"added:   0" in again.stdout and b"updated: 0" in again.stdout
    first = json.loads(out.read_bytes())
    second = json.loads(coprod(tmp_path / "b", "export", "--format", "json").stdout)
    assert second["tables"] == first["tables"]
    assert {k: v for k, v in second.items() if k != "exported"} == {
        k: v for k, v in first.items() if k != "exported"}


def test_txt_export_prints_no_escape_byte(tmp_path: Path) -> None:
    fill_store(Store.open(tmp_path / "a"))
    for fmt in ("txt", "md", "nmc", "json"):
        done = coprod(tmp_path / "a", "export", "--format", fmt)
        assert done.returncode == 0, done.stderr
        assert b"\x1b" not in done.stdout and b"\x07" not in done.stdout
    txt = coprod(tmp_path / "a", "export", "--format", "txt").stdout.decode()
    assert "Colours ^[[31mred" in txt


def test_filters_and_refusing_to_overwrite(tmp_path: Path) -> None:
    fill_store(Store.open(tmp_path / "a"))
    done = coprod(tmp_path / "a", "export", "--format", "nmc", "--value", "networks",
                  "--since", "2026-10-01", "--until", "2026-10-31")
    assert b"REFLECTIVE ACCOUNT 1 OF 1" in done.stdout and b"A phone call" in done.stdout
    target = tmp_path / "out.md"
    target.write_text("keep me")
    done = coprod(tmp_path / "a", "export", "--output", str(target))
    assert done.returncode == 1 and b"already exists" in done.stderr
    assert target.read_text() == "keep me"
    done = coprod(tmp_path / "a", "export", "--output", str(target), "--force")
    assert done.returncode == 0 and target.read_text().startswith("# Reflections from coprod")


def test_bad_input_exits_2_with_choices(tmp_path: Path) -> None:
    cases = [
        (("export", "--format", "pdf"), b"choices: md, txt, nmc, hcpc, html, json"),
        (("export", "--value", "kindness"), b"choices: strengths, networks"),
        (("export", "--since", "26/11/2026"), b"YYYY-MM-DD"),
        (("export", "--format", "json", "--tag", "x"), b"takes no filters"),
        (("import", "--from", "dayone", "x.json"), b"choices: coprod, jrnl"),
        (("import", "--from", "jrnl", "--value", "nope", str(FIXTURE)), b"choices: strengths"),
    ]
    for args, expected in cases:
        done = coprod(tmp_path / "a", *args)
        assert done.returncode == 2, (args, done.stderr)
        assert expected in done.stderr, (args, done.stderr)
        assert b"Traceback" not in done.stderr


def test_refused_import_exits_1_and_changes_nothing(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "a")
    fill_store(store)
    before = store.path.read_bytes()
    newer = tmp_path / "newer.json"
    newer.write_text('{"format": "coprod-export", "schema": 999, "tables": {}}')
    done = coprod(tmp_path / "a", "import", str(newer))
    assert done.returncode == 1 and b"newer version of coprod" in done.stderr
    done = coprod(tmp_path / "a", "import", str(FIXTURE))
    assert done.returncode == 1 and b"--from jrnl" in done.stderr
    assert store.path.read_bytes() == before


def test_moving_in_from_jrnl(tmp_path: Path) -> None:
    done = coprod(tmp_path / "a", "import", "--from", "jrnl", "--value", "networks", str(FIXTURE))
    assert done.returncode == 0, done.stderr
    assert b"added:   3 (entries 3)" in done.stdout
    again = coprod(tmp_path / "a", "import", "--from", "jrnl", str(FIXTURE))
    assert b"added:   0" in again.stdout
    md = coprod(tmp_path / "a", "export", "--tag", "starred").stdout.decode()
    assert "Siân's café conversation" in md and "Values: Networks" in md
    assert "Carers group meeting" not in md


def test_export_chosen_entries_by_id_prefix(tmp_path: Path) -> None:
    fill_store(Store.open(tmp_path / "a"))
    done = coprod(tmp_path / "a", "export", "--format", "txt", "--entry", "free")
    assert done.returncode == 0, done.stderr
    text = done.stdout.decode()
    assert "Entries chosen one by one: 1" in text
    assert "A phone call" not in text and "Asking a carer" not in text
    for bad in ("nope", ""):
        done = coprod(tmp_path / "a", "export", "--entry", bad)
        assert done.returncode == 2 and b"coprod list" in done.stderr and not done.stdout
    done = coprod(tmp_path / "a", "export", "--format", "json", "--entry", "free")
    assert done.returncode == 2 and b"takes no filters" in done.stderr
