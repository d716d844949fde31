"""The journal's rules and storage never import Textual (they run in the CLI too)."""

from __future__ import annotations

import subprocess
import sys

MODULES = [
    "coprod_tui.journal.values", "coprod_tui.journal.search", "coprod_tui.journal.actions",
    "coprod_tui.journal.privacy_check", "coprod_tui.journal.template",
    "coprod_tui.journal.records", "coprod_tui.journal.values_content", "coprod_tui.journal.cli",
    "coprod_tui.journal.summary",
]


def test_journal_core_does_not_import_textual() -> None:
    code = "import sys\n" + "".join(f"import {m}\n" for m in MODULES) + (
        "assert 'textual' not in sys.modules, 'textual imported'\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
