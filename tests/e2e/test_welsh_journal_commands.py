"""The journal's commands in Welsh, in real processes: values named as the
network names them, due dates with "erbyn", the editor's template guided in
Welsh (its headings, read back, stay English), the trash; the entry itself
never changes language."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from coprod_tui.core.store import Store
from coprod_tui.journal.actions import parse_actions
from coprod_tui.journal.entry import Entry
from coprod_tui.journal.records import EntryStore
from tests.conftest import ROOT, env_for

ENGLISH_LOCALE = {"LANGUAGE": "", "LC_ALL": "", "LC_MESSAGES": "", "LANG": "C.UTF-8"}

# Keeps a copy of the template it was given, then writes an entry in Welsh.
EDITOR = """#!/bin/sh
cp "$1" "$(dirname "$0")/template.txt"
printf 'Title: Bore coffi\\n## What?\\nDaeth Huw a dau ofalwr.\\n## Actions\\nFfonio erbyn 15/12/2026\\n' > "$1"
"""


def coprod(data: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "coprod_tui", *args], capture_output=True, text=True, cwd=ROOT,
        stdin=subprocess.DEVNULL, env=env_for(data, **{**ENGLISH_LOCALE, **env}), timeout=60)


def test_show_actions_and_trash_in_welsh(data_dir: Path) -> None:
    entry = EntryStore(Store.open(data_dir)).add(Entry(
        values=["strengths", "relationships"], title="Cyfarfod", framework="rolfe",
        sections={"what": "Siaradon ni."}, actions=parse_actions("Ffonio erbyn 15/12/2026")))
    shown = coprod(data_dir, "--lang", "cy", "show", entry.id[:8])
    assert shown.returncode == 0, shown.stderr
    assert "Gwerthoedd: Cryfderau, Cysylltiadau" in shown.stdout.splitlines()
    assert "Beth?" in shown.stdout.splitlines() and "Siaradon ni." in shown.stdout
    english = coprod(data_dir, "show", entry.id[:8])
    assert "Values: Strengths, Relationships" in english.stdout.splitlines()
    actions = coprod(data_dir, "--lang", "cy", "actions")
    assert actions.returncode == 0, actions.stderr
    assert "erbyn 2026-12-15" in actions.stdout and "Ffonio" in actions.stdout
    deleted = coprod(data_dir, "--lang", "cy", "delete", entry.id[:8])
    assert deleted.returncode == 0, deleted.stderr
    trash = coprod(data_dir, "--lang", "cy", "trash")
    assert "Cyfarfod" in trash.stdout and "yn y sbwriel" in trash.stdout
    assert Store.open(data_dir).all("trash")[0]["sections"] == {"what": "Siaradon ni."}


def test_add_in_the_editor_guides_in_welsh_and_reads_the_entry_back(
        data_dir: Path, tmp_path: Path) -> None:
    editor = tmp_path / "editor.sh"
    editor.write_text(EDITOR)
    editor.chmod(0o700)
    added = coprod(data_dir, "--lang", "cy", "add", "--editor", "--value", "networks",
                   "--framework", "rolfe", EDITOR=str(editor), VISUAL="")
    assert added.returncode == 0, added.stderr
    template = (tmp_path / "template.txt").read_text(encoding="utf-8")
    assert "# Ysgrifennwch o dan bob pennawd" in template
    assert "# Beth ddigwyddodd? Pwy oedd yn rhan ohono" in template  # the Welsh hint
    assert "## What?" in template and "## Actions" in template  # read back: English
    assert "erbyn 15/12/2026" in template
    assert "nodyn:" not in added.stderr  # the Welsh due date was understood
    (doc,) = Store.open(data_dir).all("entries")
    assert doc["title"] == "Bore coffi" and doc["sections"] == {"what": "Daeth Huw a dau ofalwr."}
    assert [(a["text"], a["due"]) for a in doc["actions"]] == [("Ffonio", "2026-12-15")]
    assert "rhybudd:" in added.stderr and "enw: Huw" in added.stderr
