"""Run the real ``coprod`` in a pseudo-terminal and talk to it like a user would.

Reusable by every end-to-end test that needs a real terminal (idle bytes,
NO_COLOR, TERM=linux, a too-small window, signals)::

    with PtyApp.coprod(data_dir, size=(80, 24)) as term:
        term.wait_for("Settings")
        term.press("q")
        assert term.wait_exit() == 0

The child gets the pseudo-terminal as its controlling terminal on stdin,
stdout and stderr (Textual draws on stderr), so closing the master side is a
real hang-up. Every wait has a generous deadline that only turns a hang into a
clear failure; nothing is asserted about how fast anything is.
"""

from __future__ import annotations

import fcntl
import os
import re
import resource
import select
import signal
import struct
import subprocess
import sys
import termios
import time
from collections.abc import Mapping, Sequence
from pathlib import Path

#: Escape sequences a terminal sends for named keys (xterm conventions).
KEYS: dict[str, bytes] = {
    "enter": b"\r",
    "tab": b"\t",
    "escape": b"\x1b",
    "backspace": b"\x7f",
    "space": b" ",
    "up": b"\x1b[A",
    "down": b"\x1b[B",
    "right": b"\x1b[C",
    "left": b"\x1b[D",
    "home": b"\x1b[H",
    "end": b"\x1b[F",
    "pageup": b"\x1b[5~",
    "pagedown": b"\x1b[6~",
    "f1": b"\x1bOP",
    "f2": b"\x1bOQ",
    "question_mark": b"?",
}

# CSI, OSC, DCS/APC strings and two-byte escapes: everything that is not text.
_ESCAPES = re.compile(
    rb"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI ... final byte
    rb"|\x1b[\]P_^][^\x07\x1b]*(?:\x07|\x1b\\)"  # OSC / DCS / APC / PM strings
    rb"|\x1b[ -/]*[0-~]"  # other two-byte escapes
)

DEFAULT_TIMEOUT = 20.0


def strip_escapes(data: bytes) -> str:
    """The printable text in terminal output (escape sequences removed)."""
    return _ESCAPES.sub(b"", data).decode("utf-8", errors="replace")


def key_bytes(key: str) -> bytes:
    """What a terminal sends for ``key``: a name from :data:`KEYS`, ``ctrl+x``, or text."""
    if key in KEYS:
        return KEYS[key]
    if key.startswith("ctrl+") and len(key) == 6:
        return bytes([ord(key[-1].lower()) & 0x1F])
    return key.encode("utf-8")


class PtyExitTimeout(AssertionError):
    """The child did not exit (or print what was expected) before the deadline."""


class PtyApp:
    """A child process on a pseudo-terminal of a given size, with its output recorded."""

    def __init__(
        self,
        argv: Sequence[str],
        env: Mapping[str, str] | None = None,
        size: tuple[int, int] = (80, 24),
        cwd: str | os.PathLike[str] | None = None,
        *,
        controlling: bool = True,
        file_size_limit: int | None = None,
    ) -> None:
        """``controlling=False`` starts the child in its own session WITHOUT the pty
        as its controlling terminal (closing the master then sends no SIGHUP);
        ``file_size_limit`` caps every file the child writes (RLIMIT_FSIZE), so
        saves fail as on a full disk."""
        self.argv = list(argv)
        self.size = size
        self.output = bytearray()
        self.master, slave = os.openpty()
        self.resize(*size, fd=slave)
        child_env = dict(os.environ if env is None else env)
        # shutil.get_terminal_size() prefers these over the real window size.
        child_env["COLUMNS"], child_env["LINES"] = str(size[0]), str(size[1])
        child_env.setdefault("TERM", "xterm-256color")
        try:
            self.proc = subprocess.Popen(
                self.argv,
                stdin=slave,
                stdout=slave,
                stderr=slave,
                env=child_env,
                cwd=cwd,
                start_new_session=True,
                preexec_fn=_preexec(controlling, file_size_limit),
                close_fds=True,
            )
        finally:
            os.close(slave)
        self.returncode: int | None = None

    # -- starting -------------------------------------------------------------------
    @classmethod
    def coprod(
        cls,
        data_dir: Path | None = None,
        *args: str,
        size: tuple[int, int] = (80, 24),
        env: Mapping[str, str] | None = None,
        controlling: bool = True,
        file_size_limit: int | None = None,
        **extra_env: str,
    ) -> PtyApp:
        """The real ``coprod`` (``python -m coprod_tui``) against ``data_dir``."""
        child_env = dict(os.environ if env is None else env)
        if data_dir is not None:
            child_env["COPROD_DATA_DIR"] = str(data_dir)
        child_env.update(extra_env)
        return cls([sys.executable, "-m", "coprod_tui", *args], env=child_env, size=size,
                   controlling=controlling, file_size_limit=file_size_limit)

    def resize(self, columns: int, rows: int, fd: int | None = None) -> None:
        """Set the window size (the child gets SIGWINCH when it is running)."""
        winsize = struct.pack("HHHH", rows, columns, 0, 0)
        fcntl.ioctl(self.master if fd is None else fd, termios.TIOCSWINSZ, winsize)
        self.size = (columns, rows)

    # -- reading --------------------------------------------------------------------
    def read(self, timeout: float = 0.1) -> bytes:
        """Read what arrives within ``timeout`` seconds (after the first chunk, only
        what is already waiting); returns it and adds it to :attr:`output`."""
        chunks: list[bytes] = []
        wait = timeout
        while True:
            if self.master < 0:
                break
            ready, _, _ = select.select([self.master], [], [], wait)
            if not ready:
                break
            try:
                chunk = os.read(self.master, 65536)
            except OSError:  # EIO: the child side is closed
                chunk = b""
            if not chunk:
                break
            chunks.append(chunk)
            wait = 0
        data = b"".join(chunks)
        self.output += data
        return data

    @property
    def text(self) -> str:
        """Everything printed so far, without escape sequences."""
        return strip_escapes(bytes(self.output))

    def wait_for(self, needle: str, timeout: float = DEFAULT_TIMEOUT, start: int = 0) -> str:
        """Read until ``needle`` appears in the text printed after byte ``start``."""
        deadline = time.monotonic() + timeout
        while True:
            if needle in strip_escapes(bytes(self.output[start:])):
                return self.text
            if time.monotonic() > deadline:
                raise PtyExitTimeout(
                    f"{needle!r} never appeared; the screen printed:\n{self.text[-2000:]}"
                )
            self.read(0.05)
            if self.poll() is not None and not self.read(0.05):
                if needle in strip_escapes(bytes(self.output[start:])):
                    return self.text
                raise PtyExitTimeout(
                    f"the process exited ({self.returncode}) before {needle!r} appeared:\n"
                    f"{self.text[-2000:]}"
                )

    def settle(self, quiet: float = 0.2, timeout: float = DEFAULT_TIMEOUT) -> int:
        """Read until nothing arrives for ``quiet`` seconds; returns bytes read.

        Only a pause before the next key: what a test checks it waits for with
        :meth:`wait_for`, so a shorter quiet period costs no certainty."""
        total = 0
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            data = self.read(quiet)
            if not data:
                return total
            total += len(data)
        return total

    def count_bytes(self, seconds: float) -> int:
        """How many bytes the child sends in ``seconds`` (for idle-traffic checks)."""
        total = 0
        end = time.monotonic() + seconds
        while (left := end - time.monotonic()) > 0:
            total += len(self.read(left))
        return total

    @staticmethod
    def bytes_over(terms: Sequence[PtyApp], seconds: float) -> list[int]:
        """How many bytes each of ``terms`` sends during the same ``seconds`` (read
        together, so N terminals cost one window, not N)."""
        counts = [0] * len(terms)
        end = time.monotonic() + seconds
        while (left := end - time.monotonic()) > 0:
            open_terms = [t for t in terms if t.master >= 0]
            ready, _, _ = select.select([t.master for t in open_terms], [], [], left)
            for term in open_terms:
                if term.master in ready:
                    counts[terms.index(term)] += len(term.read(0))
        return counts

    # -- writing --------------------------------------------------------------------
    def send(self, data: bytes | str) -> None:
        """Write raw bytes (or text) to the terminal, as if typed."""
        os.write(self.master, data.encode("utf-8") if isinstance(data, str) else data)

    def press(self, *keys: str) -> None:
        """Press keys by name (``"q"``, ``"enter"``, ``"ctrl+q"``, ``"f1"``), one by one."""
        for key in keys:
            self.send(key_bytes(key))
            self.read(0.05)

    def type(self, text: str) -> None:
        """Type ``text`` character by character."""
        for char in text:
            self.send(char)
            self.read(0.01)

    # -- signals and exit -------------------------------------------------------------
    def signal(self, signum: int = signal.SIGHUP) -> None:
        """Send a signal to the child."""
        self.proc.send_signal(signum)

    def hang_up(self) -> None:
        """Close the terminal, as a dropped SSH connection does (the kernel sends SIGHUP)."""
        if self.master >= 0:
            os.close(self.master)
            self.master = -1

    def poll(self) -> int | None:
        """The exit code, or ``None`` while running."""
        self.returncode = self.proc.poll()
        return self.returncode

    def wait_exit(self, timeout: float = DEFAULT_TIMEOUT) -> int:
        """Wait for the child to exit (reading its output meanwhile); returns the code."""
        deadline = time.monotonic() + timeout
        while self.poll() is None:
            if time.monotonic() > deadline:
                raise PtyExitTimeout(
                    f"the process did not exit; the screen printed:\n{self.text[-2000:]}"
                )
            if self.master >= 0:
                self.read(0.05)
            else:
                time.sleep(0.02)
        if self.master >= 0:
            self.read(0.05)
        assert self.returncode is not None
        return self.returncode

    def close(self) -> None:
        """Kill the child if it still runs and release the terminal."""
        if self.poll() is None:
            self.proc.kill()
            self.proc.wait()
        if self.master >= 0:
            os.close(self.master)
            self.master = -1

    def __enter__(self) -> PtyApp:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def _preexec(controlling: bool, file_size_limit: int | None):  # noqa: ANN202
    """What the child runs before ``exec``: take the terminal, cap file sizes."""

    def run() -> None:
        if controlling:
            _take_controlling_terminal()
        if file_size_limit is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (file_size_limit, file_size_limit))

    return run


def _take_controlling_terminal() -> None:
    """In the child, after ``setsid``: make stdin (the pty) the controlling terminal."""
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)
