"""Shown over everything while the terminal is smaller than the minimum."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import ModalScreen
from textual.widgets import Static

from coprod_tui.core.ui.screens import screen_css
from coprod_tui.core.ui.terminal import MIN_HEIGHT, MIN_WIDTH
from coprod_tui.i18n import N_, _


def message(width: int, height: int) -> str:
    """The text shown, e.g. ``terminal too small: needs 80 x 24, now 60 x 20``."""
    return _(
        "terminal too small: needs {min_width} x {min_height}, now {width} x {height}\n"
        "Make the window larger (or the font smaller); q quits. Nothing is lost."
    ).format(min_width=MIN_WIDTH, min_height=MIN_HEIGHT, width=width, height=height)


class TooSmallScreen(ModalScreen[None]):
    """A plain message; it goes away by itself when the terminal is large enough."""

    BINDINGS = [Binding("q", "app.quit_app", N_("Quit"), id="too-small-quit")]

    CSS = screen_css(__file__, "too_small.tcss")

    def __init__(self, width: int, height: int) -> None:
        super().__init__()
        self._text = message(width, height)

    def compose(self) -> ComposeResult:
        yield Static(self._text, id="too-small", markup=False)

    def show_size(self, width: int, height: int) -> None:
        """Update the numbers after another resize (maybe before the text is mounted)."""
        self._text = message(width, height)
        for text in self.query("#too-small").results(Static):
            text.update(self._text)
