"""`coprod stocktake` as a real process: line by line on a terminal, history, compare."""

from __future__ import annotations

import json
import os
import pty
import select
import subprocess
import sys
import time
from pathlib import Path

from coprod_tui.core.store import Store
from coprod_tui.journal.entry import VALUE_IDS
from coprod_tui.stocktake import records as stocktakes
from coprod_tui.stocktake.rules import Stocktake
from tests.conftest import env_for


def coprod(data: Path, *args: str, stdin: str | None = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "coprod_tui", *args], input=stdin, capture_output=True,
        text=True, env=env_for(data), timeout=60,
    )


def on_terminal(data: Path, answers: list[str], *args: str) -> tuple[int, str]:
    """Run coprod with a pseudo-terminal as stdin and stdout; type ``answers`` (one a line)."""
    master, slave = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "coprod_tui", "stocktake", *args],
        stdin=slave, stdout=slave, stderr=slave, env=env_for(data, TERM="dumb"), close_fds=True,
    )
    os.close(slave)
    # A final end-of-input (ctrl+d) so that a miscounted script pauses instead of hanging.
    os.write(master, "".join(line + "\n" for line in answers + ["\x04"]).encode())
    output = b""
    deadline = time.monotonic() + 60  # a guard against hanging, not a timing check
    while time.monotonic() < deadline:
        ready, _, _ = select.select([master], [], [], 0.5)
        if ready:
            try:
                chunk = os.read(master, 65536)
            except OSError:  # the child closed the terminal
                break
            if not chunk:
                break
            output += chunk
        elif process.poll() is not None:
            break
    if process.poll() is None:
        process.kill()
    process.wait(timeout=10)
    os.close(master)
    return process.returncode, output.decode("utf-8", "replace").replace("\r\n", "\n")


def full_answers(score: str = "3") -> list[str]:
    lines = []
    for value_id in VALUE_IDS:
        lines += [score, score, score]
        lines += [f"working on {value_id}", ""]
    return lines


def seed(data: Path, stamp: str, score: int, networks: int | None = None) -> Stocktake:
    store = Store.open(data)
    stocktake = Stocktake(level="team", started=stamp)
    for value_id in VALUE_IDS:
        for index in range(3):
            chosen = networks if (value_id == "networks" and networks) else score
            stocktake.set_score(value_id, index, chosen)
    stocktake.finished, stocktake.finished_at = True, stamp
    return stocktakes.save(store, stocktake)


def test_not_a_terminal_exits_2_with_a_clear_message(data_dir: Path) -> None:
    result = coprod(data_dir, "stocktake")
    assert result.returncode == 2
    assert "terminal" in result.stderr and "--history" in result.stderr
    assert "Traceback" not in result.stderr


def test_bad_options_exit_2(data_dir: Path) -> None:
    result = coprod(data_dir, "stocktake", "--json")
    assert result.returncode == 2 and "--json works only with --history or --team" in result.stderr
    result = coprod(data_dir, "stocktake", "--history", "--compare", "a", "b")
    assert result.returncode == 2 and "not allowed with" in result.stderr


def test_a_whole_stocktake_line_by_line_with_bad_input(data_dir: Path) -> None:
    answers = ["x", "2", "Ann and Raj", "7", "?"] + full_answers("4")
    code, out = on_terminal(data_dir, answers)
    assert code == 0, out
    assert "Please type 1, 2 or 3 (choices: myself, team, organisation)" in out
    assert "Please type a number from 1 to 5" in out
    assert "Statement 15 of 15" in out
    assert "Total           ############... 60/75" in out
    assert "Band: Strong in places" in out
    assert "All five values scored the same" in out
    assert "info.copronet.wales/the-self-evaluation-audit-tool" in out
    assert "Write about Strengths: `coprod add --value strengths`" in out
    assert "Read on the values: `coprod read 30-minutes five-values-in-depth`" in out
    [doc] = Store.open(data_dir).all("stocktakes")
    assert doc["finished"] is True and doc["level"] == "team" and doc["participants"] == "Ann and Raj"
    assert doc["notes"]["networks"]["working"] == "working on networks"

    listed = coprod(data_dir, "stocktake", "--history")
    assert listed.returncode == 0 and "My team" in listed.stdout and "60/75" in listed.stdout
    as_json = json.loads(coprod(data_dir, "stocktake", "--history", "--json").stdout)
    assert as_json[0]["total"] == 60 and as_json[0]["band"] == "Strong in places"
    assert as_json[0]["value_scores"]["strengths"] == 12


def test_pause_then_resume_in_a_new_process(data_dir: Path) -> None:
    code, out = on_terminal(data_dir, ["1", "", "5", "4", "p"])
    assert code == 0 and "Paused" in out
    [doc] = Store.open(data_dir).all("stocktakes")
    assert doc["finished"] is False and doc["scores"]["strengths"] == [5, 4, None]

    listed = coprod(data_dir, "stocktake", "--history")
    assert "one unfinished" in listed.stdout and "2 of 15 answered" in listed.stdout

    rest = ["y", "b", "", "3"] + ["", ""] + full_answers("2")[5:]
    code, out = on_terminal(data_dir, rest)
    assert code == 0, out
    assert "unfinished stocktake" in out and "Total" in out
    [doc] = Store.open(data_dir).all("stocktakes")
    assert doc["finished"] is True and doc["scores"]["strengths"] == [5, 4, 3]
    assert doc["level"] == "myself"


def test_end_of_input_keeps_the_answers(data_dir: Path) -> None:
    master_answers = ["3", "", "2"]
    code, out = on_terminal(data_dir, master_answers)
    assert code == 0 and "Paused" in out
    [doc] = Store.open(data_dir).all("stocktakes")
    assert doc["scores"]["strengths"][0] == 2 and doc["finished"] is False


def test_compare_by_prefix_and_bad_ids(data_dir: Path) -> None:
    older = seed(data_dir, "2026-01-05T09:00:00+00:00", 2)
    newer = seed(data_dir, "2026-06-05T09:00:00+00:00", 3, networks=5)
    result = coprod(data_dir, "stocktake", "--compare", newer.id[:6], older.id[:6])
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "2026-01-05" in lines[0] and "2026-06-05" in lines[0]
    assert lines[0].index("2026-01-05") < lines[0].index("2026-06-05")  # older on the left
    networks = next(line for line in lines if line.startswith("Networks"))
    assert "6/15" in networks and "15/15" in networks and "+9 (up 9)" in networks
    total = next(line for line in lines if line.startswith("Total"))
    assert "30/75" in total and "51/75" in total and "+21 (up 21)" in total

    result = coprod(data_dir, "stocktake", "--compare", "zzzz", older.id)
    assert result.returncode == 2
    assert "choices:" in result.stderr and newer.id[:8] in result.stderr
    result = coprod(data_dir, "stocktake", "--compare", older.id, older.id[:5])
    assert result.returncode == 2 and "same stocktake" in result.stderr


def test_ambiguous_prefix_and_trend_in_history(data_dir: Path) -> None:
    ids = [seed(data_dir, f"2026-0{m}-01T09:00:00+00:00", s).id
           for m, s in ((1, 4), (4, 3), (8, 2))]
    result = coprod(data_dir, "stocktake", "--compare", "", ids[0])
    assert result.returncode == 2
    common = os.path.commonprefix(ids)
    if common:  # uuids rarely share a prefix; when they do it must be refused
        result = coprod(data_dir, "stocktake", "--compare", common, ids[0])
        assert result.returncode == 2 and "several" in result.stderr
    listed = coprod(data_dir, "stocktake", "--history").stdout
    assert "Trend" in listed and "Overall: falling, -30 (down 30)" in listed


def test_a_broken_statements_file_exits_1_naming_it(data_dir: Path, tmp_path: Path) -> None:
    (tmp_path / "stocktake.json").write_text("[]", encoding="utf-8")
    result = coprod(data_dir, "stocktake", "--history", "--content-dir", str(tmp_path))
    assert result.returncode == 1
    assert str(tmp_path / "stocktake.json") in result.stderr and "expected an object" in result.stderr
    assert "Traceback" not in result.stderr
