"""Noticing that the terminal has gone, and the Textual privates that needs.

A terminal can disappear without a hang-up signal reaching the app: ``su``
between the user and coprod, a killed tmux server, a process started in its own
session on a pseudo-terminal that is not its controlling terminal. Textual 8.2
then spins at full CPU for ever: its input thread reads end-of-file in a loop
(Textual PR #6690 is open). :class:`TerminalWatch` is a thread that sleeps in
``poll()`` on the terminal's file descriptors asking for no event at all, so it
wakes only on a hang-up or error (``POLLHUP``/``POLLERR``/``POLLNVAL``), and
checks once a second that they are still terminals; when they are not, it
calls back (the app saves drafts and exits).

The driver's input descriptor is the public ``LinuxDriver.fileno``; its output
stream and its queue of frames waiting to be written are Textual privates, read
through ``compat.py`` (``driver_output``, ``driver_write_queue``).
"""

from __future__ import annotations

import os
import select
import sys
import threading
from collections.abc import Callable
from typing import Any

from coprod_tui.core.ui.compat import driver_output, driver_write_queue

POLL_SECONDS = 1.0
# poll() on terminals reports POLLNVAL at once on macOS (devices are not
# supported there): elsewhere than Linux, only the once-a-second check runs.
POLL_FOR_HANGUP = sys.platform.startswith("linux")
# After the terminal is lost, the longest the app may take to save and leave
# before the watch ends the process (a stuck exit must not spin for ever).
GIVE_UP_SECONDS = 15.0


def terminal_fds(driver: Any) -> list[int]:
    """The driver's input and output descriptors that are terminals now."""
    fds: list[int] = []
    candidates = [getattr(driver, "fileno", None)]
    output = driver_output(driver)
    try:
        candidates.append(output.fileno() if output is not None else None)
    except (OSError, ValueError, AttributeError):
        pass
    for fd in candidates:
        if isinstance(fd, int) and fd not in fds and os.isatty(fd):
            fds.append(fd)
    return fds


def queued_output(driver: Any) -> int | None:
    """How many writes wait in the driver's writer thread (``None``: no such queue)."""
    queue = driver_write_queue(driver)
    return queue.qsize() if queue is not None else None


def discard_output(driver: Any) -> None:
    """Drop whatever the driver would still write, so nothing blocks on a dead terminal.

    Textual's writer thread dies on the first failed write; after that its
    queue fills (30 writes) and the next write blocks the app's loop for ever.
    A daemon thread empties the queue instead.
    """
    queue = driver_write_queue(driver)
    if queue is None:
        return

    def drain() -> None:
        while True:
            queue.get()

    threading.Thread(target=drain, name="coprod-discard-output", daemon=True).start()


def terminal_lost(fds: list[int], timeout: float) -> bool:
    """Wait up to ``timeout`` seconds; ``True`` if any of ``fds`` hung up or stopped
    being a terminal."""
    if not POLL_FOR_HANGUP:
        threading.Event().wait(timeout)
        return not all(os.isatty(fd) for fd in fds)
    poller = select.poll()
    for fd in fds:
        poller.register(fd, 0)  # no events asked: only HUP, ERR and NVAL wake it
    try:
        if poller.poll(timeout * 1000):
            return True
    except OSError:
        return True
    return not all(os.isatty(fd) for fd in fds)


class TerminalWatch(threading.Thread):
    """Calls ``on_lost`` (from this thread) once, when the terminal goes away.

    ``on_lost`` must only schedule work on the app's loop (for example with
    ``loop.call_soon_threadsafe``). If the process is still alive
    :data:`GIVE_UP_SECONDS` later, the watch ends it with exit code 1: better
    than spinning at full CPU on a shared server for ever.
    """

    def __init__(self, driver: Any, on_lost: Callable[[], None],
                 give_up: float = GIVE_UP_SECONDS) -> None:
        super().__init__(name="coprod-terminal-watch", daemon=True)
        self.driver = driver
        self.fds = terminal_fds(driver)
        self.on_lost = on_lost
        self.give_up = give_up
        self._stopping = threading.Event()

    def run(self) -> None:
        """Sleep in ``poll`` until the terminal goes (or :meth:`stop`)."""
        if not self.fds:
            return
        while not self._stopping.is_set():
            if terminal_lost(self.fds, POLL_SECONDS):
                break
        if self._stopping.is_set():
            return
        discard_output(self.driver)
        self.on_lost()
        if not self._stopping.wait(self.give_up):
            os._exit(1)

    def stop(self) -> None:
        """Stop watching (the app is leaving on its own)."""
        self._stopping.set()
