"""The ``coprod`` command: the full-screen app with no arguments, plain
subcommands for scripts and screen readers.

Importing this module must stay cheap: ``textual`` is imported only when the
full-screen app starts.
"""

from __future__ import annotations

import argparse
import signal
import sys
from collections.abc import Sequence

from coprod_tui import __version__
from coprod_tui.cli import complexity, core, journal, reading, spectrum, transfer
from coprod_tui.cli import stocktake as stocktake_cli
from coprod_tui.errors import CoprodError, UsageError

# Each module adds its subcommands with ``register(subparsers, common)``.
COMMAND_MODULES = [core, reading, journal, spectrum, complexity, stocktake_cli, transfer]


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser whose errors are short: usage line, message, exit 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: error: {message}\n(see `coprod --help`)\n")


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
        epilog="Data is private to you (folder 0700, files 0600). See the README for more.",
    )
    parser.add_argument("--version", action="version", version=f"coprod {__version__}")
    parser.add_argument("--no-mouse", action="store_true", default=argparse.SUPPRESS,
                        help="do not capture the mouse (your terminal's own copy works)")
    parser.add_argument("--ascii", action="store_true", default=argparse.SUPPRESS,
                        help="draw with ASCII characters only (also when TERM=linux)")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for module in COMMAND_MODULES:
        module.register(subparsers, common)
    parser.set_defaults(func=_run_tui)
    return parser


def _run_tui(args: argparse.Namespace) -> int:
    from coprod_tui.cli.tui import run_tui

    return run_tui(args)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``coprod`` console script; returns the exit code."""
    if hasattr(signal, "SIGXFSZ"):
        # A file-size limit must give EFBIG (a clear message), not kill us.
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except UsageError as error:
        print(f"coprod: {error}", file=sys.stderr)
        return 2
    except CoprodError as error:
        print(f"coprod: error: {error}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        print("coprod: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except OSError as error:
        print(f"coprod: error: {error}", file=sys.stderr)
        return 1
