"""A content pack whose files are pipes must not hang coprod.

Attack: anyone who can write to a shared pack folder replaces a manifest or a
section file by a FIFO. Opening a FIFO waits for a writer that never comes, so
`coprod read --list` (and the app, which loads the catalogue at start) hung for
every user of that pack. Each run here is a real process with a timeout.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import env_for


def _run(data: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "coprod_tui", *argv], env=env_for(data),
                          capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL)


def _pack(root: Path, pipe: str) -> Path:
    reading = root / "reading"
    (reading / "cy").mkdir(parents=True)
    manifest = {"tiers": [{"id": "10-minutes", "sections": [
        {"id": "five-values", "title": "Ours", "file": "ours.md", "minutes": 1}]}]}
    (reading / "manifest.json").write_text(json.dumps(manifest))
    (reading / "ours.md").write_text("# Ours\n\nLocal words.\n")
    (reading / "cy" / "manifest.json").write_text(json.dumps({"tiers": [
        {"id": "10-minutes", "sections": [
            {"id": "five-values", "title": "Ein rhai ni", "file": "ours.md"}]}]}))
    (reading / "cy" / "ours.md").write_text("# Ein rhai ni\n\nGeiriau lleol.\n")
    target = root / pipe
    target.unlink()
    os.mkfifo(target)
    return root


@pytest.mark.parametrize("pipe", ["reading/manifest.json", "reading/cy/manifest.json",
                                  "reading/ours.md", "reading/cy/ours.md"])
def test_a_pipe_in_a_pack_is_refused_not_waited_on(tmp_path: Path, pipe: str) -> None:
    pack = _pack(tmp_path / "pack", pipe)
    data = tmp_path / "data"
    for lang in ("en", "cy"):
        listed = _run(data, "--lang", lang, "--content-dir", str(pack), "read", "--list")
        assert listed.returncode == 0, listed.stderr
        shown = _run(data, "--lang", lang, "--content-dir", str(pack), "read", "10-minutes",
                     "five-values")
        assert shown.returncode in (0, 1), shown.stderr
        assert "Traceback" not in listed.stderr + shown.stderr
    assert "pipe" in (listed.stderr + shown.stderr)
