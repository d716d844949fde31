"""``coprod complexity`` run as a real process, with flags, JSON, bad values and a terminal."""

from __future__ import annotations

import json
import os
import pty
import select
import subprocess
import sys
from pathlib import Path

from tests.conftest import env_for

ANSWERS = ["--recipe", "no", "--expertise", "unsure", "--predictable", "no",
           "--people", "yes", "--crisis", "no"]


def run(data: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "coprod_tui", "complexity", *args],
        input=stdin, capture_output=True, text=True, env=env_for(data), timeout=30,
    )


def test_flags_print_result_response_and_coproduction(data_dir: Path) -> None:
    done = run(data_dir, *ANSWERS)
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert out.startswith("Result: Complex (probe, sense, respond)")
    assert "How to respond: Gather the range of perspectives" in out
    assert "For co-production: This is where co-production belongs" in out
    assert "Act now: 'yes' instead of 'no' would make it chaotic." in out
    assert "\x1b" not in out


def test_json_output(data_dir: Path) -> None:
    done = run(data_dir, "--recipe", "yes", "--expertise", "no", "--predictable", "y",
               "--people", "no", "--crisis", "no", "--json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["domain"] == "simple"
    assert data["answers"]["predictable"] == "yes"
    assert data["response"].startswith("Follow the recipe")
    assert {"question": "expertise", "answer": "yes", "domain": "complicated",
            "label": "Complicated"} in data["changes"]


def test_bad_value_prints_choices_and_exits_2(data_dir: Path) -> None:
    done = run(data_dir, "--recipe", "maybe", *ANSWERS[2:])
    assert done.returncode == 2
    assert "choices: yes, no, unsure" in done.stderr
    assert "Traceback" not in done.stderr


def test_missing_answers_without_a_terminal_exit_2(data_dir: Path) -> None:
    done = run(data_dir, "--recipe", "yes")
    assert done.returncode == 2
    assert "missing --expertise ANSWER" in done.stderr and "yes, no, unsure" in done.stderr


PROMPT = b"Answer (yes, no, unsure): "


def _read_until(fd: int, seen: bytearray, needle: bytes, count: int = 1) -> None:
    """Read the terminal until ``needle`` has appeared ``count`` times."""
    while seen.count(needle) < count:
        ready, _, _ = select.select([fd], [], [], 20)
        assert ready, f"waiting for {needle!r} in {bytes(seen)!r}"
        try:
            chunk = os.read(fd, 4096)
        except OSError:
            chunk = b""
        assert chunk, f"ended before {needle!r}: {bytes(seen)!r}"
        seen.extend(chunk)


def test_on_a_terminal_it_asks_line_by_line(data_dir: Path) -> None:
    parent, child = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "coprod_tui", "complexity"],
        stdin=child, stdout=child, stderr=child, env=env_for(data_dir), close_fds=True,
    )
    os.close(child)
    seen = bytearray()
    try:
        _read_until(parent, seen, PROMPT)
        os.write(parent, b"perhaps\n")
        _read_until(parent, seen, b"Please type one of: yes, no, unsure.")
        for number, answer in enumerate((b"no", b"not sure", b"no", b"yes", b"no"), start=1):
            _read_until(parent, seen, PROMPT, number + 1)  # question 1 was asked twice
            os.write(parent, answer + b"\n")
        _read_until(parent, seen, b"For co-production")
        assert proc.wait(timeout=20) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
        os.close(parent)
    text = seen.decode()
    assert "1. Is there a known, written process" in text and "5. Must you act now" in text
    assert "Result: Complex (probe, sense, respond)" in text


def test_save_then_list_with_a_plan(data_dir: Path) -> None:
    done = run(data_dir, *ANSWERS, "--save", "Lonely \x1b[31mcarers", "--action", "Ask five carers",
               "--expected", "not known", "--review", "2027-02-01")
    assert done.returncode == 0, done.stderr
    assert "Saved as 'Lonely ^[[31mcarers'" in done.stdout
    from coprod_tui.core.store import Store

    [doc] = Store.open(data_dir).all("complexity")
    assert doc["domain"] == "complex"
    assert doc["plan"]["action"] == "Ask five carers" and doc["plan"]["review"] == "2027-02-01"
    listed = run(data_dir, "--list")
    assert listed.returncode == 0
    assert "Complex" in listed.stdout and "Lonely ^[[31mcarers" in listed.stdout
    assert "\x1b" not in listed.stdout
    bad = run(data_dir, *ANSWERS, "--save", "X", "--review", "soon")
    assert bad.returncode == 2 and "YYYY-MM-DD" in bad.stderr
    assert len(Store.open(data_dir).all("complexity")) == 1
