"""A team's stocktake through the real command line: three people, three data folders.

Each person takes the stocktake on a terminal in their own data folder and
runs `coprod stocktake --share`; one person combines the files with `--team`.
"""

from __future__ import annotations

import itertools
import json
import os
import stat
from pathlib import Path

from coprod_tui.journal.entry import VALUE_IDS
from tests.e2e.test_stocktake_cli import coprod, on_terminal


def answers(scores: list[int], note: str) -> list[str]:
    """Typed answers for a whole stocktake: level 2 (team), no names, then 15 scores."""
    lines = ["2", ""]
    for n, value_id in enumerate(VALUE_IDS):
        lines += [str(s) for s in scores[n * 3:n * 3 + 3]]
        lines += [f"{note} on {value_id}" if value_id == "networks" else "", ""]
    return lines


PEOPLE = {
    "ann": ([1, 3, 3] + [3] * 12, "Ann's note"),
    "raj": ([5, 3, 3] + [3] * 11 + [2], "Raj's note"),
    "mo": ([3, 3, 3] + [3] * 11 + [4], "Mo's note"),
}


def take_and_share(root: Path, name: str, *extra: str) -> Path:
    data = root / f"data-{name}"
    data.mkdir()
    scores, note = PEOPLE[name]
    code, out = on_terminal(data, answers(scores, note))
    assert code == 0 and "Saved as" in out, out
    target = root / f"{name}.json"
    result = coprod(data, "stocktake", "--share", "-o", str(target), *extra)
    assert result.returncode == 0, result.stderr
    assert "no name, date or journal" in result.stdout
    return target


def test_three_people_share_and_one_combines(tmp_path: Path) -> None:
    files = [take_and_share(tmp_path, name, "--with-notes") for name in PEOPLE]
    for path in files:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        text = path.read_text()
        assert "coprod-stocktake-share" in text and "data-" not in text and "team" not in text

    # Fewer than three: refused, and the reason given.
    pair = coprod(tmp_path, "stocktake", "--team", str(files[0]), str(files[1]))
    assert pair.returncode == 2
    assert "could work out the other's answers" in pair.stderr and "Traceback" not in pair.stderr

    outputs = set()
    for order in itertools.permutations(files):
        result = coprod(tmp_path, "stocktake", "--team", *map(str, order))
        assert result.returncode == 0, result.stderr
        outputs.add(result.stdout)
    assert len(outputs) == 1  # the files' order never shows
    out = outputs.pop()
    assert "Team stocktake: 3 people" in out
    assert "1. Strengths 1: lowest 1, median 3, highest 5 (spread 4)" in out
    assert "2. Change makers 3: lowest 2, median 3, highest 4 (spread 2)" in out
    assert out.index("Ann's note") < out.index("Mo's note") < out.index("Raj's note")
    for path in files:
        assert path.name not in out and path.stem not in out.lower().split()

    as_json = json.loads(coprod(tmp_path, "stocktake", "--team", *map(str, files), "--json").stdout)
    assert as_json["people"] == 3 and as_json["disagreements"][:2] == ["strengths.1",
                                                                        "change-makers.3"]


def test_share_without_notes_by_id_and_never_overwriting(tmp_path: Path) -> None:
    target = take_and_share(tmp_path, "ann")
    assert "notes" not in json.loads(target.read_text())
    data = tmp_path / "data-ann"
    again = coprod(data, "stocktake", "--share", "-o", str(target))
    assert again.returncode == 1 and "already exists" in again.stderr
    history = json.loads(coprod(data, "stocktake", "--history", "--json").stdout)
    forced = coprod(data, "stocktake", "--share", history[0]["id"][:6], "-o", str(target),
                    "--force", "--with-notes")
    assert forced.returncode == 0 and "Ann's note" in target.read_text()
    os.mkfifo(tmp_path / "pipe")
    refused = coprod(data, "stocktake", "--share", "-o", str(tmp_path / "pipe"), "--force")
    assert refused.returncode == 1 and "not a regular file" in refused.stderr
    missing_o = coprod(data, "stocktake", "--share")
    assert missing_o.returncode == 2 and "-o FILE" in missing_o.stderr
    lonely = coprod(data, "stocktake", "--with-notes")
    assert lonely.returncode == 2 and "only with --share" in lonely.stderr
    nothing = coprod(tmp_path / "empty", "stocktake", "--share", "-o", str(tmp_path / "x.json"))
    assert nothing.returncode == 1 and "no finished stocktake" in nothing.stderr


def test_bad_team_files_get_a_clear_message(tmp_path: Path) -> None:
    good = [take_and_share(tmp_path, name) for name in ("ann", "raj")]
    wrong_kind = tmp_path / "export.json"
    wrong_kind.write_text('{"kind": "something else"}')
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 40000 + "]" * 40000)
    cases = [
        ([*good, wrong_kind], 1, "not a shared stocktake"),
        ([*good, deep], 1, "nested too deeply"),
        ([*good, tmp_path / "missing.json"], 1, "no such file"),
        ([*good, good[0]], 2, "are the same file"),
        ([*good, tmp_path / "." / good[1].name], 2, "are the same file"),
        # More files than can be combined: refused before any is read (each could hold
        # notes up to the size limit), not after reading them all.
        ([tmp_path / f"missing-{n}.json" for n in range(201)], 2, "at most 200"),
    ]
    for files, code, message in cases:
        result = coprod(tmp_path, "stocktake", "--team", *map(str, files))
        assert result.returncode == code, (files, result.stderr)
        assert message in result.stderr and "Traceback" not in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1
    copy = tmp_path / "copy.json"
    copy.write_bytes(good[0].read_bytes())
    result = coprod(tmp_path, "stocktake", "--team", *map(str, good), str(copy))
    assert result.returncode == 1 and "given twice" in result.stderr
