"""Every task on the plain command line, no terminal needed (issue 10).

Textual does not reach screen readers, so each task has a subcommand whose
output is plain text a screen reader or braille display reads line by line.
Taking a stocktake line by line is driven on a terminal in
``test_stocktake_cli.py``; here its history is listed.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from coprod_tui.core.store import Store
from coprod_tui.journal.entry import VALUE_IDS
from coprod_tui.stocktake.records import save as save_stocktake
from coprod_tui.stocktake.rules import Stocktake
from tests.conftest import env_for

EDITOR = """#!/bin/sh
printf 'Title: Listening\\n## Reflection\\nThe carer knew what worked.\\n' > "$1"
"""


def coprod(data_dir: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    """Run ``coprod`` without a terminal (stdin empty, output captured)."""
    return subprocess.run(
        [sys.executable, "-m", "coprod_tui", *args],
        env=env_for(data_dir, **env), stdin=subprocess.DEVNULL,
        capture_output=True, text=True, timeout=60, check=False,
    )


def test_every_task_without_the_full_screen_app(data_dir: Path, tmp_path: Path) -> None:
    read = coprod(data_dir, "read", "10-minutes", "five-values", "--mark-read")
    assert read.returncode == 0, read.stderr
    assert "The five values" in read.stdout and "\x1b" not in read.stdout
    assert "marked read: five-values" in read.stderr

    editor = tmp_path / "editor.sh"
    editor.write_text(EDITOR)
    editor.chmod(0o700)
    added = coprod(data_dir, "add", "--editor", "--value", "strengths",
                   EDITOR=str(editor), VISUAL="")
    assert added.returncode == 0, added.stderr
    listed = coprod(data_dir, "list", "--search", "carer knew")
    assert listed.returncode == 0 and "Listening" in listed.stdout

    placed = coprod(data_dir, "spectrum", "--knowledge", "people", "--decisions",
                    "organisation", "--acts", "organisation", "--refine", "ask",
                    "--save", "Carers survey", "--description", "We asked")
    assert placed.returncode == 0, placed.stderr
    assert "Place: consultation" in placed.stdout and "Saved as" in placed.stdout

    challenge = coprod(data_dir, "complexity", "--recipe", "no", "--expertise", "unsure",
                       "--predictable", "no", "--people", "yes", "--crisis", "no",
                       "--save", "Lonely carers")
    assert challenge.returncode == 0, challenge.stderr

    stocktake = Stocktake(level="myself", started="2026-01-05T10:00:00+00:00")
    for value_id in VALUE_IDS:
        for index in range(3):
            stocktake.set_score(value_id, index, 3)
    stocktake = save_stocktake(Store.open(data_dir), stocktake)
    stocktake.finished, stocktake.finished_at = True, "2026-01-05T10:30:00+00:00"
    save_stocktake(Store.open(data_dir), stocktake)
    history = coprod(data_dir, "stocktake", "--history")
    assert history.returncode == 0 and "2026-01-05" in history.stdout

    target = tmp_path / "journal.txt"
    exported = coprod(data_dir, "export", "--format", "txt", "--output", str(target))
    assert exported.returncode == 0, exported.stderr
    assert "The carer knew what worked." in target.read_text()

    store = Store.open(data_dir)
    assert [d["id"] for d in store.all("reading") if d.get("read")] == ["five-values"]
    (entry,) = store.all("entries")
    assert entry["title"] == "Listening" and entry["values"] == ["strengths"]
    (placement,) = store.all("spectrum")
    assert (placement["title"], placement["description"], placement["place"]) == (
        "Carers survey", "We asked", "consultation")
    (saved,) = store.all("complexity")
    assert saved["title"] == "Lonely carers" and saved["domain"] == "complex"


def test_spectrum_save_needs_a_title(data_dir: Path) -> None:
    result = coprod(data_dir, "spectrum", "--no-citizens", "--save", " ")
    assert result.returncode == 2 and "--save needs a title" in result.stderr
    assert not (data_dir / "coprod.json").exists() or not Store.open(data_dir).all("spectrum")
