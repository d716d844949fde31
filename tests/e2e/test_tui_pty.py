"""The real ``coprod`` in a pseudo-terminal: home, quit, signals, a corrupt file."""

from __future__ import annotations

import signal
from pathlib import Path

import pytest

from coprod_tui.core.store import MAIN_FILE, Store
from tests.e2e.ptyterm import PtyApp, strip_escapes


def make_journal(data_dir: Path, count: int = 5) -> bytes:
    """A data folder holding ``count`` entries (and today's backup); returns the file bytes."""
    store = Store.open(data_dir)
    for number in range(count):
        store.insert("entries", {"title": f"entry {number}", "text": "words " * 40})
    Store.open(data_dir)  # a second open keeps today's backup of the good file
    return (data_dir / MAIN_FILE).read_bytes()


def test_home_screen_then_q_exits_0(data_dir: Path) -> None:
    with PtyApp.coprod(data_dir, size=(80, 24)) as term:
        term.wait_for("co-production")
        term.wait_for("Settings")
        term.wait_for("About")
        term.settle()
        term.press("q")
        assert term.wait_exit() == 0


@pytest.mark.parametrize("signum", [signal.SIGHUP, signal.SIGTERM, signal.SIGINT])
def test_signal_exits_cleanly_and_keeps_the_file(data_dir: Path, signum: int) -> None:
    before = make_journal(data_dir)
    with PtyApp.coprod(data_dir) as term:
        term.wait_for("About")
        term.settle()
        term.signal(signum)
        # The deadline only turns a hang into a failure; the app's own watchdog is 1 s.
        assert term.wait_exit(timeout=10) == 0
    assert (data_dir / MAIN_FILE).read_bytes() == before
    assert len(Store.open(data_dir).all("entries")) == 5


def test_closing_the_terminal_is_a_clean_hang_up(data_dir: Path) -> None:
    before = make_journal(data_dir)
    with PtyApp.coprod(data_dir) as term:
        term.wait_for("About")
        term.settle()
        term.hang_up()  # what a dropped SSH connection does
        assert term.wait_exit(timeout=10) == 0
    assert (data_dir / MAIN_FILE).read_bytes() == before


def test_truncated_file_shows_error_exits_1_and_changes_nothing(data_dir: Path) -> None:
    good = make_journal(data_dir)
    path = data_dir / MAIN_FILE
    path.write_bytes(good[: len(good) // 2])
    truncated = path.read_bytes()
    backup = sorted((data_dir / "backups").iterdir())[-1]
    with PtyApp.coprod(data_dir) as term:
        term.wait_for("cannot open your data")
        term.settle()
        shown_until = len(term.output)
        term.press("q")
        assert term.wait_exit() == 1
        # Printed again after the screen is restored, so it stays in the scrollback.
        printed = strip_escapes(bytes(term.output[shown_until:]))
    assert f"cannot read {path}" in printed
    assert backup.name in printed
    assert path.read_bytes() == truncated
