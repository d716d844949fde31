"""``coprod --plain`` (and ``coprod`` when ``TERM=dumb``): the plain-mode app on
standard input and output. Works on a terminal and from a pipe alike."""

from __future__ import annotations

import argparse
import shutil
import sys

from coprod_tui.cli.context import content_dirs, data_dir


def run(args: argparse.Namespace) -> int:
    """Run plain mode; returns its exit code."""
    from coprod_tui.plain import run_plain

    columns = shutil.get_terminal_size((80, 24)).columns
    return run_plain(sys.stdin, sys.stdout, data_dir(args), content_dirs(args),
                     width=max(20, min(columns - 1, 78)))
