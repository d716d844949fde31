"""The journal's rules and storage never import Textual (they run in the CLI too)."""

from __future__ import annotations

import subprocess
import sys

MODULES = [
    "coprod_tui.domain.values", "coprod_tui.domain.search", "coprod_tui.domain.actions",
    "coprod_tui.domain.privacy_check", "coprod_tui.domain.entry_template",
    "coprod_tui.store.entries", "coprod_tui.toolkit.values_content", "coprod_tui.cli.journal",
    "coprod_tui.ui.journal_summary",
]


def test_journal_core_does_not_import_textual() -> None:
    code = "import sys\n" + "".join(f"import {m}\n" for m in MODULES) + (
        "assert 'textual' not in sys.modules, 'textual imported'\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
