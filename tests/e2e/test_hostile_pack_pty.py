"""A hostile content pack in a real terminal: escape sequences in a section file,
its title and its links never reach the terminal raw (they show as ``^[``)."""

from __future__ import annotations

import base64
import json
import re
import subprocess
import sys
from pathlib import Path

from tests.conftest import env_for
from tests.e2e.ptyterm import PtyApp

# What an attacker wants tmux / the terminal to do: set the clipboard, clear the screen.
MARKER = base64.b64encode(b"HOSTILE").decode()  # "SE9TVElMRQ=="
OSC52 = f"\x1b]52;c;{MARKER}\x07"
CLEAR = "\x1b[2J"
C1_CSI = "\x9b2J"  # the one-character (C1) form of ESC [
C1_OSC = f"\x9d52;c;{MARKER}\x9c"

SECTION = f"""\
# Evil heading {OSC52}

A paragraph that clears the screen {CLEAR} and rings the bell \x07 twice \x07.
C1 forms too: {C1_CSI} and {C1_OSC}.
Entities too: &#27;[2J and &#x9b;2J.

- Carers' centre https://example.org/carers{OSC52}x

[A label {CLEAR} with escapes](https://example.org/label)
"""


def hostile_pack(root: Path) -> Path:
    """A pack replacing the first built-in section with one full of escape sequences."""
    reading = root / "reading"
    reading.mkdir(parents=True)
    (reading / "evil.md").write_text(SECTION, encoding="utf-8")
    manifest = {"tiers": [{
        "id": "10-minutes",
        "about": f"About text {OSC52}",
        "sections": [{
            "id": "what-is-co-production",
            "title": f"Evil title {OSC52}{CLEAR}",
            "file": "evil.md",
            "minutes": 1,
        }],
    }]}
    (reading / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    return root


def _raw_attacks(output: bytes) -> list[str]:
    """Which hostile sequences reached the terminal as bytes it would act on."""
    found = []
    if f"\x1b]52;c;{MARKER}".encode() in output:
        found.append("OSC 52 with the pack's payload")
    if CLEAR.encode() in output:
        found.append("ESC [ 2 J")
    if "\x9b".encode() in output or "\x9d".encode() in output:
        found.append("C1 control")
    if b"\x07" in re.sub(rb"\x1b\][^\x07\x1b]*\x07", b"", output):
        found.append("BEL outside an OSC string")
    return found


def test_hostile_section_title_and_link_never_reach_the_terminal_raw(
    data_dir: Path, tmp_path: Path
) -> None:
    pack = hostile_pack(tmp_path / "pack")
    with PtyApp.coprod(data_dir, size=(100, 30), COPROD_CONTENT_DIR=str(pack)) as term:
        term.wait_for("Settings")
        term.settle()
        term.press("1")
        term.wait_for("Evil title")
        term.settle()
        term.press("enter")
        term.wait_for("Evil heading")
        term.settle()
        start = len(term.output)
        term.press("l")
        term.wait_for("Links in", start=start)
        term.settle()
        term.press("enter")
        term.wait_for("Link copied", start=start)
        term.settle()
        output = bytes(term.output)
        shown = term.text
        term.press("b")
        term.press("q")
        assert term.wait_exit() == 0
    assert _raw_attacks(output) == []
    assert "clears the screen ^[[2J" in shown  # shown, visibly, not obeyed
    # The copy itself is the app's own OSC 52: its payload has no control characters.
    copies = re.findall(rb"\x1b\]52;c;([A-Za-z0-9+/=]*)\x07", output)
    assert copies, "the link was not copied"
    for payload in copies:
        copied = base64.b64decode(payload).decode("utf-8")
        assert copied.startswith("https://example.org/carers")
        assert not re.search(r"[\x00-\x1f\x7f-\x9f]", copied)


def test_coprod_read_prints_a_hostile_pack_visibly(data_dir: Path, tmp_path: Path) -> None:
    pack = hostile_pack(tmp_path / "pack")
    env = env_for(data_dir, COPROD_CONTENT_DIR=str(pack))
    for args in (["--list"], ["10-minutes", "what-is-co-production"], ["10-minutes"]):
        result = subprocess.run([sys.executable, "-m", "coprod_tui", "read", *args],
                                capture_output=True, env=env, timeout=60)
        assert result.returncode == 0, result.stderr
        out = result.stdout + result.stderr
        assert not re.search(rb"[\x00-\x08\x0b-\x1f\x7f]|\xc2[\x80-\x9f]", out), out[:400]
        assert b"^[]52;c;" in out  # shown, visibly
