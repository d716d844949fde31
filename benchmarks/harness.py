"""Measuring helpers for the benchmarks: medians, pseudo-terminal runs, the table."""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import signal
import statistics
import struct
import subprocess
import sys
import termios
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ANSI = re.compile(rb"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]")


def median_of(runs: int, measure: Callable[[], float]) -> float:
    """Median of ``runs`` calls of ``measure`` (each returns seconds or a number)."""
    return statistics.median(measure() for _ in range(runs))


def plain(output: bytes) -> str:
    """Terminal output with escape sequences removed."""
    return ANSI.sub(b"", output).decode("utf-8", "replace")


class PtyProcess:
    """A real process on a real pseudo-terminal of a given size."""

    def __init__(self, argv: list[str], env: dict[str, str], size: tuple[int, int] = (80, 24)):
        self.master, slave = pty.openpty()
        cols, rows = size
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        self.started = time.perf_counter()
        self.proc = subprocess.Popen(
            argv, stdin=slave, stdout=slave, stderr=slave, env=env,
            start_new_session=True, close_fds=True,
        )
        os.close(slave)
        self.output = bytearray()

    def read(self, timeout: float) -> int:
        """Read what arrives within ``timeout`` seconds; returns the byte count."""
        got = 0
        deadline = time.perf_counter() + timeout
        while True:
            left = deadline - time.perf_counter()
            if left <= 0:
                return got
            ready, _, _ = select.select([self.master], [], [], left)
            if not ready:
                return got
            try:
                chunk = os.read(self.master, 65536)
            except OSError:
                return got
            if not chunk:
                return got
            self.output += chunk
            got += len(chunk)

    def wait_for(self, text: str, timeout: float = 30.0) -> float:
        """Seconds from start until ``text`` appears on screen."""
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            self.read(0.01)
            if text in plain(bytes(self.output)):
                return time.perf_counter() - self.started
        raise TimeoutError(f"{text!r} did not appear; screen: {plain(bytes(self.output))[-500:]!r}")

    def send(self, keys: str) -> None:
        """Type ``keys``."""
        os.write(self.master, keys.encode())

    def close(self) -> None:
        """End the process."""
        try:
            os.killpg(self.proc.pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
        try:
            self.proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait()
        os.close(self.master)


def python() -> str:
    """The interpreter running the benchmarks."""
    return sys.executable


@dataclass
class Row:
    """One line of the results table."""

    figure: str
    measured: float
    unit: str
    baseline: float | None = None
    budget: str = ""
    ok: bool | None = None

    @property
    def ratio(self) -> float | None:
        """measured / baseline."""
        return self.measured / self.baseline if self.baseline else None


def fmt(value: float | None, unit: str) -> str:
    """A number with its unit."""
    if value is None:
        return "-"
    if unit == "ms":
        return f"{value * 1000:.0f} ms"
    if unit == "MB":
        return f"{value:.0f} MB"
    return f"{value:.1f} {unit}".strip()


def table(rows: list[Row]) -> str:
    """The results as a Markdown table."""
    lines = [
        "| Figure | Measured | Baseline | Ratio | Budget | Within |",
        "|---|---|---|---|---|---|",
    ]
    for r in rows:
        ratio = f"{r.ratio:.2f}x" if r.ratio is not None else "-"
        within = "yes" if r.ok else ("no" if r.ok is not None else "-")
        lines.append(
            f"| {r.figure} | {fmt(r.measured, r.unit)} | {fmt(r.baseline, r.unit)} | "
            f"{ratio} | {r.budget} | {within} |"
        )
    return "\n".join(lines)


ROOT = Path(__file__).resolve().parent.parent
