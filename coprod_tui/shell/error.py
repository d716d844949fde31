"""A fatal error (corrupt data, unsafe folder): say what and why, write nothing, quit."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, Static

from coprod_tui.core.ui.screens import screen_css
from coprod_tui.core.ui.text import literal
from coprod_tui.i18n import N_, _


class ErrorScreen(Screen[None]):
    """Shown instead of the app when the data cannot be used safely."""

    CSS = screen_css(__file__, "error.tcss")

    BINDINGS = [Binding("q", "app.quit_app", N_("Quit"), id="error-quit")]

    def __init__(self, message: str) -> None:
        super().__init__()
        self.message = message

    def compose(self) -> ComposeResult:
        with Vertical(id="error-box", classes="dialog"):
            yield Static(_("coprod cannot open your data"), classes="dialog-title")
            yield Static(literal(self.message), id="error-message")
            yield Static(_("Nothing has been written. Press q to quit."), classes="dialog-keys")
        yield Footer()
