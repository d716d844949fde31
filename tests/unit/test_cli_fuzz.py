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
import re
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


def _subcommands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    found = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return dict(found[0].choices) if found else {}


def _leaves(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()
            ) -> dict[tuple[str, ...], argparse.ArgumentParser]:
    """Every command line's words and its parser, down to actions (``cpd add``)."""
    below = _subcommands(parser)
    if not below:
        return {path: parser}
    leaves: dict[tuple[str, ...], argparse.ArgumentParser] = {}
    for name, sub in below.items():
        leaves.update(_leaves(sub, (*path, name)))
    return leaves


COMMANDS: dict[tuple[str, ...], argparse.ArgumentParser] = _leaves(PARSER)
# The commands of the last round of features, named so that losing one from the
# parser (or from this fuzzing) fails here rather than going unnoticed.
NEW_COMMANDS = {("cpd", "add"), ("cpd", "list"), ("feedback", "add"), ("feedback", "list"),
                ("hours", "add"), ("hours", "list"), ("discussion", "add"),
                ("discussion", "list"), ("cpd", "delete"), ("feedback", "delete"),
                ("hours", "delete"), ("discussion", "delete"), ("registration",), ("revalidation",), ("show",),
                ("edit",), ("actions",), ("drafts",), ("settings",), ("trash",), ("delete",),
                ("stocktake",)}
# Options that choose folders are fuzzed by their own tests, not here: a random
# value could name any folder on the machine.
SKIPPED = {"--data-dir", "--content-dir", "-h", "--help"}

MEANINGFUL = [
    "-", "", "networks", "strengths", "what-matters", "free", "rolfe", "gibbs", "md", "txt",
    "nmc", "json", "jrnl", "coprod", "yes", "no", "unsure", "people", "organisation",
    "2026-12-01", "0001-01-01", "9999-12-31", "2026-02-30", "10-minutes", "five-values",
    "-1", "1", "99999999999999999999", "\x1b[31mred", "[bold]x[/]", "x" * 300, "coprod.json",
    "coprod-2026-12-01.json", "--", "-x", "ask", "a,b,,c", "é\u202eabc", "\t", " ",
    # @FILE text and file names, all inside the work folder: an own file, a FIFO (waited
    # for ever before), a link, a missing file, a file too large, a folder.
    "@said.txt", "@fifo", "@link.txt", "@missing.txt", "@big.txt", "@sub", "said.txt", "fifo",
    "link.txt", "big.txt", "sub", "12A3456B", "a@b.org", "nmc", "hcpc", "html", "carer", "1.5",
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
def command_lines(draw: st.DrawFn, words: tuple[str, ...] | None = None) -> list[str]:
    """A command (``words``, else any) with a random mix of its options, values and strays."""
    words = words if words is not None else draw(st.sampled_from(sorted(COMMANDS)))
    parser = COMMANDS[words]
    argv = list(words)
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
    hostile = "\x1b]52;c;eA==\x07\u009b2J"  # what no output may replay
    store.insert("entries", {"title": "hostile " + hostile, "values": ["strengths"],
                             "tags": ["h" + hostile], "sections": {"text": hostile}})
    store.insert("cpd", {"id": "c" * 32, "date": "2026-11-01", "title": "cpd " + hostile,
                         "method": "reading", "hours": 1.0, "participatory": False,
                         "themes": [], "standards": [], "learned": hostile, "evidence": "",
                         "entries": [], "sections": []})
    store.save_draft("entry:new", {"entry": {"title": hostile, "values": []}})
    work = folder / "work"
    work.mkdir()
    (work / "said.txt").write_text("Some words from a file\n")
    os.chmod(work / "said.txt", 0o600)
    os.mkfifo(work / "fifo")
    (work / "link.txt").symlink_to(work / "said.txt")
    (work / "big.txt").write_text("x" * 200_000)
    os.chmod(work / "big.txt", 0o600)
    (work / "sub").mkdir()
    return folder


STDINS = st.sampled_from(["", "Some text\nsecond\n", "\x1b]52;c;x\x07", "\u009b2J\n"])
# C0 controls but tab and newline, DEL and C1: what a terminal would act on.
RAW_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def test_every_command_is_fuzzed_the_new_ones_included() -> None:
    assert NEW_COMMANDS <= set(COMMANDS), NEW_COMMANDS - set(COMMANDS)
    options = {o for a in _options(COMMANDS[("discussion", "add")]) for o in a.option_strings}
    assert {"--partner", "--pin", "--address", "--notes", "--account"} <= options


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(argv=command_lines(), stdin=STDINS)
def test_any_options_end_in_0_1_or_2_without_a_traceback(
    argv: list[str], stdin: str, place: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _check(argv, stdin, place, capsys, monkeypatch)


@pytest.mark.parametrize("words", sorted(COMMANDS), ids=" ".join)
def test_each_command_with_any_options(words: tuple[str, ...], place: Path,
                                       capsys: pytest.CaptureFixture[str],
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """Every command and action gets its own examples (a random pick over all of them
    left the actions under ``cpd``, ``discussion``... with almost none)."""
    @settings(max_examples=12, deadline=None, database=None,
              suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
    @given(argv=command_lines(words), stdin=STDINS)
    def run(argv: list[str], stdin: str) -> None:
        _check(argv, stdin, place, capsys, monkeypatch)

    run()


def _check(argv: list[str], stdin: str, place: Path, capsys: pytest.CaptureFixture[str],
           monkeypatch: pytest.MonkeyPatch) -> None:
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
    found = RAW_CONTROL.search(out + err)
    assert found is None, (argv, repr(found and found.group()), out[-300:], err[-300:])
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
