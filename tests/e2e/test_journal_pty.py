"""The real ``coprod`` in a pseudo-terminal: a hang-up keeps the writing as a draft."""

from __future__ import annotations

import fcntl
import os
import pty
import select
import signal
import struct
import sys
import termios
import time
from pathlib import Path

import pytest

from coprod_tui.core.store import Store
from tests.conftest import env_for

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a Unix pty")


class Terminal:
    """``coprod`` running on the far side of a pty, 80x24, with its output collected."""

    def __init__(self, data_dir: Path, *args: str) -> None:
        env = env_for(data_dir, TERM="xterm-256color", COLUMNS="80", LINES="24")
        pid, fd = pty.fork()
        if pid == 0:  # the child: become coprod
            os.execve(sys.executable, [sys.executable, "-m", "coprod_tui", *args], env)
        self.pid, self.fd = pid, fd
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        self.output = b""

    def read_until(self, text: str, timeout: float = 20.0) -> None:
        """Collect output until ``text`` has been drawn (fails after ``timeout``)."""
        needle = text.encode()
        deadline = time.monotonic() + timeout
        while needle not in self.output:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise AssertionError(f"{text!r} never appeared; last output: {self.output[-400:]!r}")
            ready, _, _ = select.select([self.fd], [], [], min(remaining, 0.5))
            if ready:
                try:
                    self.output += os.read(self.fd, 65536)
                except OSError:
                    break
        assert needle in self.output, f"{text!r} never appeared"

    def settle(self, quiet: float = 0.4, timeout: float = 20.0) -> None:
        """Collect output until none has come for ``quiet`` seconds (keys all handled)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            ready, _, _ = select.select([self.fd], [], [], quiet)
            if not ready:
                return
            self.output += os.read(self.fd, 65536)
        raise AssertionError("the screen never settled")

    def send(self, keys: str) -> None:
        """Type ``keys`` (a character at a time, as a person would)."""
        for char in keys:
            os.write(self.fd, char.encode())
            time.sleep(0.01)

    def wait_exit(self, timeout: float = 15.0) -> int:
        """Wait for the process to end (draining output so it never blocks)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                os.close(self.fd)
                return os.waitstatus_to_exitcode(status)
            ready, _, _ = select.select([self.fd], [], [], 0.1)
            if ready:
                try:
                    self.output += os.read(self.fd, 65536)
                except OSError:
                    pass
        os.kill(self.pid, signal.SIGKILL)
        raise AssertionError("coprod did not exit")


def test_hangup_keeps_the_draft_and_it_is_offered_on_restart(data_dir: Path) -> None:
    first = Terminal(data_dir)
    first.read_until("Journal")
    first.send("2")
    first.read_until("Search titles")
    first.send("n")
    first.read_until("Write about which value?")
    first.send("\r")
    first.read_until("New journal entry")
    first.send("Pty title\t")
    first.settle()
    first.send("Typed before the line dropped")
    first.settle()  # every key handled and drawn; the 2 s draft timer has not fired yet
    os.kill(first.pid, signal.SIGHUP)
    assert first.wait_exit() == 0

    (draft,) = Store.open(data_dir).drafts()
    assert draft["data"]["entry"]["title"] == "Pty title"
    assert draft["data"]["shown"]["text"] == "Typed before the line dropped"

    second = Terminal(data_dir)
    second.read_until("Journal")
    second.send("2")
    second.read_until("Restore unsaved writing?")
    second.read_until("a new entry: Pty title")
    second.send("\r")
    second.read_until("yped before the line dropped")  # the cursor sits on the "T"
    second.send("\x13")  # ctrl+s
    second.read_until("Entry saved.")
    second.send("\x11")  # ctrl+q
    assert second.wait_exit() == 0
    store = Store.open(data_dir)
    (entry,) = store.all("entries")
    assert entry["sections"]["text"] == "Typed before the line dropped"
    assert entry["values"] == ["strengths"] and store.drafts() == []


def test_add_in_a_terminal_asks_for_each_stage(data_dir: Path) -> None:
    term = Terminal(data_dir, "add", "--value", "networks", "--framework", "rolfe",
                    "--title", "Asked")
    term.read_until("Tags, separated by commas")
    term.send("\r")  # none
    term.read_until("What?")
    term.send("We met.\r")
    term.send("\r")  # an empty line is part of the text: only "." ends a part
    term.send("Both teams.\r.\r")
    term.read_until("So what?")
    term.send(".\r")  # skip
    term.read_until("Now what?")
    term.send("Share notes.\r\x04")  # ctrl+d ends
    term.read_until("added entry")
    assert term.wait_exit() == 0
    (entry,) = Store.open(data_dir).all("entries")
    assert entry["sections"] == {"what": "We met.\n\nBoth teams.", "now-what": "Share notes."}
