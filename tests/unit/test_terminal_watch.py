"""The lost-terminal watch on real pseudo-terminals (the Textual privates it reads
through compat.py are checked in test_textual_compat.py)."""

from __future__ import annotations

import io
import os
import threading
import time
from types import SimpleNamespace

from textual.drivers._writer_thread import WriterThread

from coprod_tui.core.ui.terminal_watch import (
    TerminalWatch,
    discard_output,
    terminal_fds,
    terminal_lost,
)


def test_a_live_terminal_is_not_lost_and_a_closed_one_is_at_once() -> None:
    master, slave = os.openpty()
    try:
        assert terminal_fds(SimpleNamespace(fileno=slave, _file=None)) == [slave]
        os.write(master, b"typing is not a hang-up")
        assert terminal_lost([slave], 0.05) is False
        os.close(master)
        started = time.monotonic()
        assert terminal_lost([slave], 5.0) is True
        assert time.monotonic() - started < 2.0  # woken by the hang-up, not the timeout
    finally:
        os.close(slave)


def test_watch_calls_back_once_when_the_terminal_goes() -> None:
    master, slave = os.openpty()
    lost = threading.Event()
    watch = TerminalWatch(SimpleNamespace(fileno=slave, _file=None), lost.set, give_up=60)
    watch.start()
    try:
        assert not lost.wait(0.2)
        os.close(master)
        assert lost.wait(10)
    finally:
        watch.stop()
        watch.join(5)
        os.close(slave)
    assert not watch.is_alive()


def test_a_pipe_is_not_watched() -> None:
    read, write = os.pipe()
    try:
        assert terminal_fds(SimpleNamespace(fileno=read, _file=None)) == []
    finally:
        os.close(read)
        os.close(write)


def test_writes_after_the_writer_died_never_block() -> None:
    writer = WriterThread(io.StringIO())  # never started: as if it died on EIO
    driver = SimpleNamespace(_writer_thread=writer)
    discard_output(driver)
    done = threading.Event()

    def write_many() -> None:
        for _ in range(500):  # far more than the queue holds
            writer.write("frame")
        done.set()

    threading.Thread(target=write_many, daemon=True).start()
    assert done.wait(10)
