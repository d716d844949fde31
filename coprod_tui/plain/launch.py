"""``coprod --plain`` (and ``coprod`` when ``TERM=dumb``): the plain-mode app on
standard input and output. Works on a terminal and from a pipe alike."""

from __future__ import annotations

import argparse
import shutil
import signal
import sys
from types import FrameType

from coprod_tui.core.cli_context import content_dirs, data_dir


def _interrupt(signum: int, frame: FrameType | None) -> None:
    # Once: a hang-up may come with SIGCONT and a second SIGHUP; the first is enough.
    for name in ("SIGHUP", "SIGTERM"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), signal.SIG_IGN)
    raise KeyboardInterrupt


def run(args: argparse.Namespace) -> int:
    """Run plain mode; returns its exit code. A hang-up (an SSH connection dropping)
    or SIGTERM interrupts it like ctrl+c, so unsaved writing is kept as a draft."""
    from coprod_tui.plain import run_plain

    for name in ("SIGHUP", "SIGTERM"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), _interrupt)
    from coprod_tui.core.cli_context import unlock_key

    folder = data_dir(args)
    key = unlock_key(args, folder)  # an encrypted journal: the passphrase, asked once
    columns = shutil.get_terminal_size((80, 24)).columns
    return run_plain(sys.stdin, sys.stdout, folder, content_dirs(args),
                     width=max(20, min(columns - 1, 78)), key=key)
