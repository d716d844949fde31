"""The real app in a pseudo-terminal when things go wrong underneath it: a terminal
that disappears without a hang-up signal, and a disk that cannot take the draft."""

from __future__ import annotations

import json
import os
import signal
import stat
import time
from pathlib import Path

from coprod_tui.core.store import Store
from coprod_tui.core.ui.drafts import FALLBACK_PREFIX
from tests.e2e.ptyterm import PtyApp

TICKS = os.sysconf("SC_CLK_TCK")


def _write_in_editor(term: PtyApp, title: str, text: str) -> None:
    term.wait_for("Journal")
    term.settle()
    term.press("2")
    term.wait_for("Search titles")
    term.press("n")
    term.wait_for("Write about which value?")
    term.press("enter")
    term.wait_for("New journal entry")
    term.type(f"{title}\t")
    term.settle()
    term.type(text)
    term.settle()  # drawn; the 2 s draft timer has not necessarily fired


def _cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS  # utime + stime


def _wait4(term: PtyApp, timeout: float) -> tuple[int, float]:
    """Reap the child ourselves (exit code, CPU seconds it used in all); fails on timeout."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        pid, status, usage = os.wait4(term.proc.pid, os.WNOHANG)
        if pid:
            term.proc.returncode = os.waitstatus_to_exitcode(status)
            return term.proc.returncode, usage.ru_utime + usage.ru_stime
        time.sleep(0.05)
    cpu = _cpu_seconds(term.proc.pid)
    raise AssertionError(f"still running {timeout:.0f} s after its terminal went away,"
                         f" having used {cpu:.1f} s of CPU")


def test_orphaned_app_saves_its_draft_and_exits_when_the_terminal_goes(
    data_dir: Path,
) -> None:
    # Its own session, the pty NOT its controlling terminal: closing the master
    # sends no SIGHUP (as behind `su` or a killed tmux server).
    with PtyApp.coprod(data_dir, controlling=False) as term:
        _write_in_editor(term, "Orphan", "Written before the terminal vanished")
        before = _cpu_seconds(term.proc.pid)
        term.hang_up()
        code, cpu_total = _wait4(term, timeout=30)
    assert code == 0
    spent = cpu_total - before
    print(f"CPU after hang-up: {spent:.2f} s")
    # Spinning, it burns about one CPU second each second; leaving takes a fraction.
    assert spent < 3.0, f"used {spent:.1f} s of CPU after the terminal went"
    (draft,) = Store.open(data_dir).drafts()
    assert draft["data"]["entry"]["title"] == "Orphan"
    assert draft["data"]["shown"]["text"] == "Written before the terminal vanished"


# The drafts file already holds a large draft, so rewriting it fails under the
# limit (as on a full disk), while the fallback file with the new draft alone fits.
BIG = "an older long draft " * 2500  # 50 KB
LIMIT = 30_000


def _full_store(data_dir: Path) -> None:
    Store.open(data_dir).save_draft("spectrum:place", {"title": "Old", "description": BIG})


def _fallback(data_dir: Path) -> dict:
    (path,) = data_dir.glob(f"{FALLBACK_PREFIX}*.json")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    return json.loads(path.read_text(encoding="utf-8"))


def test_hang_up_when_the_draft_cannot_be_saved_keeps_it_in_a_private_file(
    data_dir: Path,
) -> None:
    _full_store(data_dir)
    with PtyApp.coprod(data_dir, file_size_limit=LIMIT) as term:
        _write_in_editor(term, "Hup", "Nowhere to save this")
        term.signal(signal.SIGHUP)
        assert term.wait_exit() == 0
    (draft,) = _fallback(data_dir)["drafts"]
    assert draft["data"]["shown"]["text"] == "Nowhere to save this"
    assert [d["id"] for d in Store.open(data_dir).drafts()] == ["spectrum:place"]


def test_ctrl_q_when_the_draft_cannot_be_saved_stays_open_until_told(
    data_dir: Path,
) -> None:
    _full_store(data_dir)
    with PtyApp.coprod(data_dir, file_size_limit=LIMIT) as term:
        _write_in_editor(term, "Quit", "Do not drop me")
        start = len(term.output)
        term.press("ctrl+q")
        term.wait_for("Quit and lose the unsaved text?", start=start)
        term.settle()
        assert term.poll() is None  # still open, saying so
        term.press("n")
        term.wait_for("Still open", start=start)
        assert term.poll() is None
        term.press("ctrl+q")
        term.wait_for("Quit and lose the unsaved text?", start=start)
        term.press("y")
        assert term.wait_exit() == 0
        assert "it is kept in" in term.text
    (draft,) = _fallback(data_dir)["drafts"]
    assert draft["data"]["shown"]["text"] == "Do not drop me"
