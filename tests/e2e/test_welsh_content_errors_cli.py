"""`coprod --lang cy ...` with a broken content pack (``COPROD_CONTENT_DIR``), as
real processes: the command says what is wrong with the pack in Welsh, naming the
file and the JSON place as written, and exits as it does in English (issue 20)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT
from tests.e2e.test_welsh_commands import coprod
from tests.unit.test_content_errors_welsh import english_left


def _pack(tmp_path: Path, files: dict[str, Any]) -> Path:
    pack = tmp_path / "pack"
    for name, data in files.items():
        path = pack / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return pack


def _stocktake(**change: Any) -> dict[str, Any]:
    data = json.loads((ROOT / "content" / "stocktake.json").read_text(encoding="utf-8"))
    data.update(change)
    return data


@pytest.mark.parametrize(("files", "command", "english", "allow"), [
    ({"stocktake.json": _stocktake(values={})}, ["stocktake", "--history"],
     "stocktake.json: values: expected a list of the five values, found an object",
     ["stocktake.json: values:"]),
    ({"cy/stocktake.json": {"values": [{"id": "kindness"}]}}, ["stocktake", "--history"],
     "stocktake.json: values[0].id: unknown value 'kindness'; choices: strengths, networks, "
     "what-matters, relationships, change-makers",
     ["values[0].id", "'kindness'", "strengths, networks, what-matters, relationships, "
      "change-makers"]),
    ({"stocktake.json": '{"title": "x",\n  oops}'}, ["stocktake", "--history"],
     "stocktake.json: not valid JSON at line 2, column 3: "
     "Expecting property name enclosed in double quotes", []),
    ({"spectrum_scenarios.json": {"scenarios": {}}}, ["spectrum", "--practice"],
     "spectrum_scenarios.json: must be an object with a list 'scenarios'", ["'scenarios'"]),
    ({"complexity_scenarios.json": {"scenarios": [{"id": "x"}]}}, ["complexity", "--practice"],
     "complexity_scenarios.json: scenario 1: 'title' must be non-empty text", ["'title'"]),
])
def test_a_broken_pack_stops_the_command_with_a_welsh_message(
        data_dir: Path, tmp_path: Path, files: dict[str, Any], command: list[str],
        english: str, allow: list[str]) -> None:
    pack = _pack(tmp_path, files)
    in_english = coprod(data_dir, "--lang", "en", *command, COPROD_CONTENT_DIR=str(pack))
    if "cy/" not in next(iter(files)):  # an English reader never reads the Welsh file
        assert in_english.returncode == 1 and english in in_english.stderr, in_english.stderr
    welsh = coprod(data_dir, "--lang", "cy", *command, COPROD_CONTENT_DIR=str(pack))
    assert welsh.returncode == 1, welsh.stderr
    (line,) = welsh.stderr.strip().splitlines()
    assert line.startswith(f"coprod: gwall: {pack}/"), line
    assert english.split(": ", 1)[1] not in line
    assert english_left(line, [f"{pack}/{next(iter(files))}", "coprod:", *allow]) == []


def test_read_list_names_a_broken_pack_in_welsh_and_lists_the_rest(
        data_dir: Path, tmp_path: Path) -> None:
    pack = _pack(tmp_path, {"reading/manifest.json": {"tiers": [{"id": "Bad"}]}})
    result = coprod(data_dir, "--lang", "cy", "read", "--list", COPROD_CONTENT_DIR=str(pack))
    assert result.returncode == 0, result.stderr  # the pack is skipped, the rest is listed
    assert "Os oes gennych 10 munud" in result.stdout
    (line,) = result.stderr.strip().splitlines()
    manifest = pack / "reading" / "manifest.json"
    assert line == (f'coprod: pecyn cynnwys {manifest}: haen 1: rhaid i "id" fod yn llythrennau '
                    'bach, digidau a chysylltnodau (cafwyd "Bad") (hepgorwyd y pecyn)')

