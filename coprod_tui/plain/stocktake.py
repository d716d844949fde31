"""Plain mode: take a stocktake statement by statement, list past ones, show one."""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

from coprod_tui.i18n import _
from coprod_tui.plain.console import Back, Console
from coprod_tui.stocktake import records as stocktakes
from coprod_tui.stocktake.report import history_line, result_lines
from coprod_tui.stocktake.rules import Stocktake

if TYPE_CHECKING:
    from coprod_tui.plain.app import Plain


class _Lines:
    """A text stream that sends what is printed to the console (made visible there)."""

    def __init__(self, console: Console) -> None:
        self.console = console

    def write(self, text: str) -> int:
        self.console.write(text)
        return len(text)

    def flush(self) -> None:
        self.console.out.flush()


def run(plain: Plain) -> None:
    """The stocktake menu."""
    console = plain.console
    while True:
        done = stocktakes.finished(plain.store)
        choice = console.choose(_("Stocktake"), [
            _("Take a stocktake (fifteen statements)"),
            _("Past stocktakes ({count})").format(count=len(done))])
        try:
            if choice == 0:
                take(plain)
            else:
                history(plain)
        except Back:
            continue


def take(plain: Plain) -> None:
    """The same questions as ``coprod stocktake``; answers are saved one by one."""
    from coprod_tui.stocktake.cli import run_interactive

    statements = stocktakes.load_statements(plain.content_dirs)
    with contextlib.redirect_stdout(_Lines(plain.console)):  # type: ignore[type-var]
        run_interactive(plain.store, statements, plain.console.line)
    plain.console.say()


def show_lines(plain: Plain, stocktake: Stocktake) -> list[str]:
    """One finished stocktake in full, its notes included."""
    statements = stocktakes.load_statements(plain.content_dirs)
    lines = result_lines(stocktake, statements, ascii_only=True)
    if stocktake.participants:
        lines.insert(1, _("Taking part: {people}").format(people=stocktake.participants))
    return lines


def history(plain: Plain) -> None:
    """Past stocktakes, newest first: choose one to read it in full."""
    console = plain.console
    while True:
        done = list(reversed(stocktakes.finished(plain.store)))
        if not done:
            console.say(_("No finished stocktakes yet."))
            return
        chosen = done[console.choose(_("Past stocktakes, newest first"),
                                     [history_line(s) for s in done])]
        for line in show_lines(plain, chosen):
            console.say(line)
        console.say()
        try:
            console.pause()
        except Back:
            continue
