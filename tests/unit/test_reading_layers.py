"""The reading toolkit, its store wrapper and ``coprod read`` never load Textual."""

from __future__ import annotations

import subprocess
import sys


def test_toolkit_store_and_cli_do_not_import_textual() -> None:
    code = (
        "import sys\n"
        "import coprod_tui.reading.catalog, coprod_tui.reading.progress, coprod_tui.reading.text\n"
        "import coprod_tui.reading.records, coprod_tui.reading.cli\n"
        "from coprod_tui.cli import build_parser\n"
        "build_parser().parse_args(['read', '--list'])\n"
        "assert 'textual' not in sys.modules, 'textual was imported'\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
