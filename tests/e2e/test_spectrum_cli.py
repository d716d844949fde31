"""``coprod spectrum`` as a real process: flags, JSON, bad values, and line by line on a pty."""

from __future__ import annotations

import json
import os
import pty
import select
import subprocess
import sys
from pathlib import Path

from tests.conftest import env_for

CMD = [sys.executable, "-m", "coprod_tui", "spectrum"]


def run(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*CMD, *args], env=env_for(data_dir), capture_output=True,
                          text=True, stdin=subprocess.DEVNULL, timeout=30)


def test_flags_print_the_place_and_explanation(data_dir: Path) -> None:
    done = run(data_dir, "--knowledge", "people", "--decisions", "organisation",
               "--acts", "organisation")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Place: consultation (doing for)")
    assert "Decisions: the organisation decides alone." in done.stdout
    assert "Can it be right?" in done.stdout and "Towards doing with:" in done.stdout
    assert "\x1b" not in done.stdout


def test_json_and_drawing(data_dir: Path) -> None:
    done = run(data_dir, "--knowledge", "both", "--decisions", "both", "--acts", "both",
               "--json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["place"] == "co-production" and data["group"] == "doing-with"
    assert data["held_back"] == []
    drawn = run(data_dir, "--knowledge", "organisation", "--decisions", "organisation",
                "--acts", "organisation", "--refine", "behaviour", "--draw")
    assert "Place: education / persuasion (doing to)" in drawn.stdout
    assert "[x]" in drawn.stdout and "^" in drawn.stdout


def test_no_citizens_is_collaboration(data_dir: Path) -> None:
    done = run(data_dir, "--no-citizens", "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["place"] == "collaboration"
    people = run(data_dir, "--knowledge", "people", "--decisions", "people", "--acts", "people")
    assert "community-led action" in people.stdout


def test_bad_values_print_the_choices_and_exit_2(data_dir: Path) -> None:
    done = run(data_dir, "--knowledge", "everyone", "--decisions", "both", "--acts", "both")
    assert done.returncode == 2
    assert "choices: organisation, people, both" in done.stderr
    assert "Traceback" not in done.stderr and done.stdout == ""
    refine = run(data_dir, "--no-citizens", "--refine", "\x1b[31mred")
    assert refine.returncode == 2
    assert "choices: safety, behaviour, inform, ask, listen" in refine.stderr
    assert "\x1b" not in refine.stderr


def test_missing_answers_off_a_terminal_exit_2(data_dir: Path) -> None:
    done = run(data_dir, "--knowledge", "both")
    assert done.returncode == 2
    assert "--decisions, --acts needed" in done.stderr


def _converse(data_dir: Path, replies: list[tuple[str, str]]) -> tuple[str, int]:
    """Run on a pseudo-terminal, answering each prompt when it appears."""
    main, child = pty.openpty()
    proc = subprocess.Popen(CMD, env=env_for(data_dir, TERM="dumb"), stdin=child,
                            stdout=child, stderr=child, close_fds=True)
    os.close(child)
    seen = ""

    def read_until(marker: str) -> None:
        nonlocal seen
        while marker not in seen:
            ready, _, _ = select.select([main], [], [], 20)
            assert ready, f"no prompt {marker!r}; got {seen[-300:]!r}"
            try:
                chunk = os.read(main, 4096).decode()
            except OSError:
                raise AssertionError(f"ended before {marker!r}: {seen[-300:]!r}") from None
            seen += chunk

    try:
        for marker, reply in replies:
            read_until(marker)
            os.write(main, (reply + "\n").encode())
            seen = seen.replace(marker, "<asked>", 1)
        read_until("Towards doing with:")
        code = proc.wait(timeout=20)
    finally:
        if proc.poll() is None:
            proc.kill()
        os.close(main)
    return seen, code


def test_asks_line_by_line_on_a_terminal(data_dir: Path) -> None:
    out, code = _converse(data_dir, [
        ("[yes/no]: ", "yes"),
        ("Who holds the knowledge?", "both"),
        ("Who makes the decisions?", "maybe"),
        ("Who makes the decisions?", "organisation"),
        ("Who acts on the decisions?", "organisation"),
        ("Enter to skip: ", "2"),
        ("Save this placement? [y/N]: ", "n"),
    ])
    assert code == 0
    assert "Place: consultation (doing for)" in out
    assert "Please answer one of the choices shown." in out
    assert "refining answer points to consultation" in " ".join(out.split())
