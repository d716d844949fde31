"""The ``coprod`` command: the full-screen app with no arguments, plain
subcommands for scripts and screen readers.

Importing this module must stay cheap: ``textual`` is imported only when the
full-screen app starts.
"""

from __future__ import annotations

import argparse
import importlib
import os
import signal
import sys
from collections.abc import Sequence
from types import ModuleType

from coprod_tui import __version__
from coprod_tui.errors import CoprodError, UsageError, describe_os_error

# Each module adds its subcommands (a short name is ``coprod_tui.cli.<name>``; a
# dotted path is a feature package's own ``cli`` module) with ``register(subparsers, common)``. Named
# (or given as modules): they are imported only when the command line needs the
# subcommands, which keeps them and the domain code they load off the start-up
# path of the full-screen app.
COMMAND_MODULES: list[str | ModuleType] = [
    "core", "reading", "journal", "entries", "drafts", "trash", "spectrum", "complexity",
    "stocktake", "transfer", "settings", "coprod_tui.revalidation.cli",
]


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser whose errors are short: usage line, message, exit 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        from coprod_tui.domain.text import make_visible

        self.print_usage(sys.stderr)
        # The message quotes what was typed: show its control characters, never replay them.
        self.exit(2, f"{self.prog}: error: {make_visible(message)}\n(see `coprod --help`)\n")


def common_options() -> argparse.ArgumentParser:
    """Options accepted before or after any subcommand."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--data-dir", metavar="DIR", default=argparse.SUPPRESS,
        help="data folder (default: $COPROD_DATA_DIR or your per-user data folder)",
    )
    common.add_argument(
        "--content-dir", metavar="DIR", action="append", default=argparse.SUPPRESS,
        help="extra content pack folder; repeat or separate with ':' ($COPROD_CONTENT_DIR)",
    )
    return common


def build_parser() -> argparse.ArgumentParser:
    """The whole command line."""
    common = common_options()
    parser = _Parser(
        prog="coprod",
        description=(
            "Learn and reflect on co-production with carers in health settings. "
            "With no command, opens the full-screen app."
        ),
        parents=[common],
        epilog=(
            "Data is private to you (folder 0700, files 0600). Never type a reflection, "
            "title or search after an option: other users on a shared computer can read "
            "every command's arguments (ps, /proc/PID/cmdline). Give such text as - "
            "(standard input), with no value (asked on the terminal) or with --editor. "
            "See the README for more."
        ),
    )
    parser.add_argument("--version", action="version", version=f"coprod {__version__}")
    parser.add_argument("--no-mouse", action="store_true", default=argparse.SUPPRESS,
                        help="do not capture the mouse (your terminal's own copy works)")
    parser.add_argument("--ascii", action="store_true", default=argparse.SUPPRESS,
                        help="draw with ASCII characters only (also when TERM=linux)")
    parser.add_argument("--plain", action="store_true", default=argparse.SUPPRESS,
                        help="plain mode: numbered menus and questions, one line at a time, "
                             "no escape codes (for screen readers; also when TERM=dumb)")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for entry in COMMAND_MODULES:
        if isinstance(entry, str):
            # A short name is a module here; a dotted path is a feature package's cli.
            entry = importlib.import_module(entry if "." in entry else f"coprod_tui.cli.{entry}")
        module = entry
        module.register(subparsers, common)
    parser.set_defaults(func=_run_tui)
    return parser


class _NotJustOptions(Exception):
    """The command line is more than the full-screen app's own options."""


class _OptionsOnlyParser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise _NotJustOptions(message)


def _full_screen_args(argv: Sequence[str] | None) -> argparse.Namespace | None:
    """The parsed options when the command line only opens the full-screen app
    (no subcommand, no help or version): then the subcommand modules are never
    imported. ``None`` for anything else, which the full parser then handles
    (and reports exactly as before)."""
    parser = _OptionsOnlyParser(add_help=False, parents=[common_options()])
    parser.add_argument("--no-mouse", action="store_true", default=argparse.SUPPRESS)
    parser.add_argument("--ascii", action="store_true", default=argparse.SUPPRESS)
    parser.add_argument("--plain", action="store_true", default=argparse.SUPPRESS)
    try:
        args, rest = parser.parse_known_args(argv)
    except _NotJustOptions:
        return None
    if rest:
        return None
    args.command = None
    args.func = _run_tui
    return args


def _run_tui(args: argparse.Namespace) -> int:
    if getattr(args, "plain", False) or os.environ.get("TERM") == "dumb":
        from coprod_tui.cli.plain import run

        return run(args)
    from coprod_tui.cli.tui import run_tui

    return run_tui(args)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``coprod`` console script; returns the exit code."""
    if hasattr(signal, "SIGXFSZ"):
        # A file-size limit must give EFBIG (a clear message), not kill us.
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    args = _full_screen_args(argv)
    if args is None:
        args = build_parser().parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except UsageError as error:
        _say(f"coprod: {error}")
        return 2
    except CoprodError as error:
        _say(f"coprod: error: {error}")
        return error.exit_code
    except KeyboardInterrupt:
        _say("coprod: interrupted")
        return 130
    except BrokenPipeError:
        return 0
    except OSError as error:
        # Every path ends here: no "[Errno 36] File name too long" for users.
        _say(f"coprod: error: {describe_os_error(error)}")
        return 1
    except RecursionError:
        _say("coprod: error: the data is nested too deeply to read; nothing was changed")
        return 1


def _say(message: str) -> None:
    """Print one error line; control characters in it (from a path) are shown visibly."""
    from coprod_tui.domain.text import make_visible

    try:
        print(make_visible(message), file=sys.stderr)
    except OSError:
        pass
