"""Fuzz every command-line option: whatever the options, values and strays,
``coprod`` ends with 0, 1 or 2 and never prints a traceback.

The options come from the real parser, so a new option is fuzzed without
editing this file. Runs ``main(argv)`` in-process (fast) in a private folder;
values never hold ``/`` or ``~``, so nothing outside that folder is written.
"""

from __future__ import annotations

import argparse
import io
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coprod_tui.cli import build_parser, main
from coprod_tui.core.store import Store

PARSER = build_parser()
_SUBPARSERS = next(a for a in PARSER._actions if isinstance(a, argparse._SubParsersAction))
COMMANDS: dict[str, argparse.ArgumentParser] = dict(_SUBPARSERS.choices)
# Options that choose folders are fuzzed by their own tests, not here: a random
# value could name any folder on the machine.
SKIPPED = {"--data-dir", "--content-dir", "-h", "--help"}

MEANINGFUL = [
    "-", "", "networks", "strengths", "what-matters", "free", "rolfe", "gibbs", "md", "txt",
    "nmc", "json", "jrnl", "coprod", "yes", "no", "unsure", "people", "organisation",
    "2026-12-01", "0001-01-01", "9999-12-31", "2026-02-30", "10-minutes", "five-values",
    "-1", "1", "99999999999999999999", "\x1b[31mred", "[bold]x[/]", "x" * 300, "coprod.json",
    "coprod-2026-12-01.json", "--", "-x", "ask", "a,b,,c", "é\u202eabc", "\t", " ",
]
VALUE = st.one_of(
    st.sampled_from(MEANINGFUL),
    st.text(alphabet=st.characters(blacklist_characters="/~\0", blacklist_categories=("Cs",)),
            max_size=40),
)


def _options(parser: argparse.ArgumentParser) -> list[argparse.Action]:
    return [a for a in parser._actions
            if a.option_strings and not set(a.option_strings) & SKIPPED]


@st.composite
def command_lines(draw: st.DrawFn) -> list[str]:
    """A subcommand with a random mix of its options, values and strays."""
    name = draw(st.sampled_from(sorted(COMMANDS)))
    parser = COMMANDS[name]
    argv = [name]
    options = _options(parser)
    chosen = draw(st.lists(st.sampled_from(options), max_size=5)) if options else []
    for action in chosen:
        argv.append(draw(st.sampled_from(action.option_strings)))
        if action.nargs == 0:
            continue
        if action.nargs == "?" and draw(st.booleans()):
            continue
        argv.append(draw(VALUE))
    for _ in range(draw(st.integers(0, 2))):
        argv.append(draw(VALUE))  # positionals, or strays
    if draw(st.integers(0, 9)) == 0:
        argv.append(draw(st.sampled_from(["--no-such-option", "--value=", "--json=1"])))
    return argv


@pytest.fixture(scope="module")
def place() -> Path:
    """A folder with a small journal, a trash and a backup, shared by every example."""
    folder = Path(tempfile.mkdtemp(prefix="coprod-fuzz-"))
    store = Store.open(folder / "data")
    for number in range(3):
        doc = store.insert("entries", {"title": f"entry {number}", "values": ["networks"],
                                       "tags": ["t"], "sections": {"text": "words"}})
    store.insert("trash", {**doc, "id": "deadbeef" * 4, "deleted": "2026-12-01T10:00:00+00:00"})
    (folder / "work").mkdir()
    return folder


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(argv=command_lines(), stdin=st.sampled_from(["", "Some text\nsecond\n", "\x1b]52;c;x\x07"]))
def test_any_options_end_in_0_1_or_2_without_a_traceback(
    argv: list[str], stdin: str, place: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(place / "work")
    monkeypatch.setenv("COPROD_DATA_DIR", str(place / "data"))
    monkeypatch.setenv("EDITOR", "true")  # an editor that writes nothing
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    try:
        code = main(argv)
    except SystemExit as leave:  # argparse: --help, --version, usage errors
        code = leave.code if isinstance(leave.code, int) else (0 if leave.code is None else 2)
    out, err = capsys.readouterr()
    assert code in (0, 1, 2), (argv, code, err)
    assert "Traceback" not in out + err, (argv, err)
    assert "Errno" not in err, (argv, err)
    for line in err.splitlines():
        assert "\x1b" not in line, (argv, line)  # an error never replays an escape sequence
    os.environ.pop("COPROD_DATA_DIR", None)


@settings(max_examples=15, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(argv=command_lines())
def test_a_real_process_with_any_options_ends_in_0_1_or_2(argv: list[str], place: Path) -> None:
    """A smaller sample as real processes: signals, real stdin and exit paths included."""
    env = dict(os.environ, COPROD_DATA_DIR=str(place / "data"), EDITOR="true", VISUAL="")
    done = subprocess.run([sys.executable, "-m", "coprod_tui", *argv], capture_output=True,
                          cwd=place / "work", env=env, stdin=subprocess.DEVNULL, timeout=60)
    assert done.returncode in (0, 1, 2), (argv, done.returncode, done.stderr)
    assert b"Traceback" not in done.stdout + done.stderr, (argv, done.stderr)
