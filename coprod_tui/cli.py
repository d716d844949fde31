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

from coprod_tui import __version__, i18n
from coprod_tui.errors import CoprodError, UsageError, describe_os_error
from coprod_tui.i18n import N_, _

# Each module adds its subcommands (a short name is ``coprod_tui.cli.<name>``; a
# dotted path is a feature package's own ``cli`` module) with ``register(subparsers, common)``. Named
# (or given as modules): they are imported only when the command line needs the
# subcommands, which keeps them and the domain code they load off the start-up
# path of the full-screen app.
COMMAND_MODULES: list[str | ModuleType] = [
    "coprod_tui.shell.cli", "coprod_tui.reading.cli", "coprod_tui.journal.cli",
    "coprod_tui.journal.entries_cli", "coprod_tui.journal.drafts_cli",
    "coprod_tui.journal.trash_cli", "coprod_tui.spectrum.cli", "coprod_tui.complexity.cli",
    "coprod_tui.stocktake.cli", "coprod_tui.transfer.cli", "coprod_tui.shell.settings_cli",
    "coprod_tui.revalidation.cli",
]

# Which of COMMAND_MODULES registers each subcommand, so that ``coprod list ...``
# builds (and imports) only the journal's part of the command line: a tenth of
# a second of imports on a command that should cost little more than reading
# the file. tests/unit/test_cli_dispatch.py checks it against the modules.
COMMAND_HOMES: dict[str, str] = {
    "where": "coprod_tui.shell.cli", "check": "coprod_tui.shell.cli",
    "backups": "coprod_tui.shell.cli", "restore": "coprod_tui.shell.cli",
    "encrypt": "coprod_tui.shell.cli", "passphrase": "coprod_tui.shell.cli",
    "decrypt": "coprod_tui.shell.cli",
    "read": "coprod_tui.reading.cli",
    "add": "coprod_tui.journal.cli", "list": "coprod_tui.journal.cli",
    "show": "coprod_tui.journal.entries_cli", "edit": "coprod_tui.journal.entries_cli",
    "actions": "coprod_tui.journal.entries_cli", "drafts": "coprod_tui.journal.drafts_cli",
    "delete": "coprod_tui.journal.trash_cli", "trash": "coprod_tui.journal.trash_cli",
    "spectrum": "coprod_tui.spectrum.cli", "complexity": "coprod_tui.complexity.cli",
    "stocktake": "coprod_tui.stocktake.cli",
    "export": "coprod_tui.transfer.cli", "import": "coprod_tui.transfer.cli",
    "settings": "coprod_tui.shell.settings_cli",
    "revalidation": "coprod_tui.revalidation.cli",
    "registration": "coprod_tui.revalidation.cli", "cpd": "coprod_tui.revalidation.cli",
    "feedback": "coprod_tui.revalidation.cli", "hours": "coprod_tui.revalidation.cli",
    "discussion": "coprod_tui.revalidation.cli",
}
# Options before the subcommand that take a value (``--data-dir DIR``).
_VALUE_OPTIONS = ("--data-dir", "--content-dir", "--lang", "--passphrase-file")


class _Formatter(argparse.HelpFormatter):
    """argparse's help layout with its "usage:" prefix in the current language."""

    def add_usage(self, usage, actions, groups, prefix=None):  # type: ignore[no-untyped-def]
        """As argparse does, with a translated prefix."""
        if prefix is None:
            prefix = _("usage: ")
        super().add_usage(usage, actions, groups, prefix)


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser whose errors are short (usage line, message, exit 2) and
    whose own words (usage, section titles, -h) are in the current language."""

    def __init__(self, *args, add_help: bool = True, **kwargs) -> None:  # type: ignore[no-untyped-def]
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, add_help=False, **kwargs)
        # argparse names its two default groups in English at construction;
        # these attributes have been stable since Python 2.7 (a test checks them).
        self._positionals.title = _("positional arguments")
        self._optionals.title = _("options")
        if add_help:
            self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS,
                              help=_("show this help message and exit"))

    def error(self, message: str) -> None:  # type: ignore[override]
        from coprod_tui.core.text import make_visible

        self.print_usage(sys.stderr)
        # The message quotes what was typed: show its control characters, never replay them.
        self.exit(2, _("{prog}: error: {message}\n(see `coprod --help`)\n").format(
            prog=self.prog, message=make_visible(message)))


# argparse's own messages, exactly as argparse words them (it looks each up with
# its module's gettext when it reports a mistake): marked here so they have a
# Welsh entry, and looked up in coprod's catalogue by _translate_argparse().
ARGPARSE_MESSAGES = (
    N_("argument %(argument_name)s: %(message)s"),
    N_("unknown parser %(parser_name)r (choices: %(choices)s)"),
    N_("unrecognized arguments: %s"),
    N_("not allowed with argument %s"),
    N_("ignored explicit argument %r"),
    N_("the following arguments are required: %s"),
    N_("one of the arguments %s is required"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("unexpected option string: %s"),
    N_("invalid %(type)s value: %(value)r"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
)


def _translate_argparse() -> None:
    """Have argparse look its messages up in coprod's catalogue (in the current
    language, at the moment it reports; English stays argparse's own words)."""
    argparse._ = _  # type: ignore[attr-defined]


def common_options() -> argparse.ArgumentParser:
    """Options accepted before or after any subcommand."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--data-dir", metavar="DIR", default=argparse.SUPPRESS,
        help=_("data folder (default: $COPROD_DATA_DIR or your per-user data folder)"),
    )
    common.add_argument(
        "--content-dir", metavar="DIR", action="append", default=argparse.SUPPRESS,
        help=_("extra content pack folder; repeat or separate with ':' ($COPROD_CONTENT_DIR)"),
    )
    common.add_argument(
        "--passphrase-file", metavar="FILE", default=argparse.SUPPRESS,
        help=_("for an encrypted journal: read the passphrase from FILE's first line "
               "(for scripts; the file must be readable only by you; also "
               "$COPROD_PASSPHRASE_FILE). Otherwise it is asked on the terminal"),
    )
    common.add_argument(
        "--lang", choices=i18n.LANGUAGES, default=argparse.SUPPRESS,
        help=_("interface language for this run: cy (Cymraeg) or en (English); "
               "default: the language setting, else your system locale"),
    )
    return common


def build_parser(only: str | None = None,
                 parser_class: type[argparse.ArgumentParser] | None = None,
                 ) -> argparse.ArgumentParser:
    """The whole command line (``only``: just the subcommands of that module)."""
    parser_class = parser_class or _Parser
    common = common_options()
    parser = parser_class(
        prog="coprod",
        description=_(
            "Learn and reflect on co-production with carers in health settings. "
            "With no command, opens the full-screen app."
        ),
        parents=[common],
        epilog=_(
            "Data is private to you (folder 0700, files 0600). Never type a reflection, "
            "title or search after an option: other users on a shared computer can read "
            "every command's arguments (ps, /proc/PID/cmdline). Give such text as - "
            "(standard input), with no value (asked on the terminal) or with --editor. "
            "See the README for more."
        ),
    )
    parser.add_argument("--version", action="version", version=f"coprod {__version__}",
                        help=_("show the version and exit"))
    parser.add_argument("--no-mouse", action="store_true", default=argparse.SUPPRESS,
                        help=_("do not capture the mouse (your terminal's own copy works)"))
    parser.add_argument("--ascii", action="store_true", default=argparse.SUPPRESS,
                        help=_("draw with ASCII characters only (also when TERM=linux)"))
    parser.add_argument("--plain", action="store_true", default=argparse.SUPPRESS,
                        help=_("plain mode: numbered menus and questions, one line at a time, "
                               "no escape codes (for screen readers; also when TERM=dumb)"))
    subparsers = parser.add_subparsers(dest="command", metavar=_("COMMAND"),
                                       parser_class=parser_class)
    for entry in COMMAND_MODULES:
        if only is not None and (entry if isinstance(entry, str) else entry.__name__) != only:
            continue
        if isinstance(entry, str):
            # A short name is a module here; a dotted path is a feature package's cli.
            entry = importlib.import_module(entry)
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


class _OneCommandParser(_Parser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise _NotJustOptions(message)


def _one_command_args(argv: Sequence[str] | None) -> argparse.Namespace | None:
    """The parsed command line when it names one subcommand, parsed by a parser
    holding only that subcommand's module. ``None`` when there is none, or when
    that parser finds anything wrong: the full parser then reports it exactly as
    it always has (a parse that succeeds here is the same as the full one's: the
    other subcommands play no part in it)."""
    words = list(sys.argv[1:] if argv is None else argv)
    command = None
    index = 0
    while index < len(words):
        word = words[index]
        if word in _VALUE_OPTIONS:
            index += 2
            continue
        if not word.startswith("-"):
            command = word
            break
        index += 1
    home = COMMAND_HOMES.get(command or "")
    if home is None or home not in COMMAND_MODULES:
        return None
    try:
        return build_parser(only=home, parser_class=_OneCommandParser).parse_args(words)
    except _NotJustOptions:
        return None


def _run_tui(args: argparse.Namespace) -> int:
    if getattr(args, "plain", False) or os.environ.get("TERM") == "dumb":
        from coprod_tui.plain.launch import run

        return run(args)
    from coprod_tui.shell.tui import run_tui

    return run_tui(args)


class _LanguageScan(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise _NotJustOptions(message)


def _language_for(argv: Sequence[str] | None) -> str:
    """The language of this run, chosen before any parser is built (their help
    text is looked up as they are built): ``--lang`` > the ``language`` setting >
    the system locale > English. An unknown ``--lang`` is passed over here and
    reported by the full parser (exit 2, with the choices)."""
    scan = _LanguageScan(add_help=False)
    scan.add_argument("--lang", default=None)
    scan.add_argument("--data-dir", default=None)
    try:
        found, _rest = scan.parse_known_args(argv)
    except _NotJustOptions:
        found = argparse.Namespace(lang=None, data_dir=None)
    option = found.lang if i18n.normalise(found.lang) == found.lang else None
    setting = None
    if option is None:
        from coprod_tui import paths
        from coprod_tui.core.store.peek import peek_setting

        setting = peek_setting(paths.data_dir(found.data_dir), "language")
    return i18n.choose_language(option, setting)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``coprod`` console script; returns the exit code."""
    if hasattr(signal, "SIGXFSZ"):
        # A file-size limit must give EFBIG (a clear message), not kill us.
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    i18n.set_language(_language_for(argv))
    _translate_argparse()
    args = _full_screen_args(argv)
    if args is None:
        args = _one_command_args(argv)
    if args is None:
        args = build_parser().parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except UsageError as error:
        _say(f"coprod: {error}")
        return 2
    except CoprodError as error:
        _say(_("coprod: error: {error}").format(error=error))
        return error.exit_code
    except KeyboardInterrupt:
        _say(_("coprod: interrupted"))
        return 130
    except BrokenPipeError:
        return 0
    except OSError as error:
        # Every path ends here: no "[Errno 36] File name too long" for users.
        _say(_("coprod: error: {error}").format(error=describe_os_error(error)))
        return 1
    except RecursionError:
        _say(_("coprod: error: the data is nested too deeply to read; nothing was changed"))
        return 1


def _say(message: str) -> None:
    """Print one error line; control characters in it (from a path) are shown visibly."""
    from coprod_tui.core.text import make_visible

    try:
        print(make_visible(message), file=sys.stderr)
    except OSError:
        pass
