"""Start the full-screen app (the only place the CLI imports textual)."""

from __future__ import annotations

import argparse
import os
import sys

from coprod_tui.core.cli_context import content_dirs, data_dir
from coprod_tui.i18n import _


def run_tui(args: argparse.Namespace) -> int:
    """Run the Textual app; returns its exit code."""
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        print(
            _("coprod: the full-screen app needs a terminal; "
              "use a subcommand instead (see `coprod --help`)"),
            file=sys.stderr,
        )
        return 2
    # shutil.get_terminal_size() (used by Textual) prefers exported COLUMNS/LINES over the
    # window's real size, so with them set the app would never see a resize.
    for name in ("COLUMNS", "LINES"):
        os.environ.pop(name, None)
    from coprod_tui.app import CoprodApp
    from coprod_tui.core.ui.terminal import monochrome_terminal

    term = os.environ.get("TERM")
    monochrome = monochrome_terminal(term)
    if monochrome:
        # Textual reads NO_COLOR when the app is made: no colour, as NO_COLOR gives.
        os.environ["NO_COLOR"] = "1"
    ascii_only = bool(getattr(args, "ascii", False)) or term == "linux" or monochrome
    from coprod_tui.core.cli_context import passphrase_file
    from coprod_tui.core.store.peek import peek_setting

    folder = data_dir(args)
    mouse = not getattr(args, "no_mouse", False) and peek_setting(folder, "mouse") != "off"
    app = CoprodApp(
        data_dir=folder,
        content_dirs=content_dirs(args),
        mouse=mouse,
        ascii_only=ascii_only,
        passphrase_file=passphrase_file(args),
    )
    app.run(mouse=app.mouse_enabled)
    if app.fatal_message:
        print(_("coprod: error: {error}").format(error=app.fatal_message), file=sys.stderr)
    return app.return_code or 0
