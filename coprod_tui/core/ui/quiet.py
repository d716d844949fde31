"""Input and TextArea that never blink: an idle app must send no bytes.

A blinking cursor costs about 1.7 KB/s over an idle SSH link.
"""

from __future__ import annotations

from typing import Any

from textual.binding import Binding
from textual.widgets import Input, TextArea

from coprod_tui.i18n import N_


class QuietInput(Input):
    """An ``Input`` with a steady cursor."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.cursor_blink = False


class QuietTextArea(TextArea):
    """A ``TextArea`` with a steady cursor; Tab moves focus (no key trap).

    Tab is also a footer binding so the way out is on screen while typing.
    """

    BINDINGS = [
        Binding("tab", "app.focus_next", N_("Next field"), id="text-next-field"),
        Binding("shift+tab", "app.focus_previous", N_("Previous field"), show=False,
                id="text-previous-field"),
        # Textual binds no key to the start and end of the whole text.
        Binding("ctrl+end", "text_end", N_("End of text"), show=False, id="text-end"),
        Binding("ctrl+home", "text_start", N_("Start of text"), show=False, id="text-start"),
    ]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("tab_behavior", "focus")
        kwargs.setdefault("soft_wrap", True)
        super().__init__(*args, **kwargs)
        self.cursor_blink = False

    def action_text_end(self) -> None:
        """Put the cursor after the last character of the text."""
        self.move_cursor(self.document.end)

    def action_text_start(self) -> None:
        """Put the cursor before the first character of the text."""
        self.move_cursor((0, 0))


def quiet_command_palette() -> Any:
    """Textual's command palette with a steady cursor in its search field.

    Imported on first use: the palette module is not needed to start the app.
    """
    from textual.command import CommandPalette

    class QuietCommandPalette(CommandPalette):
        """The command palette; its input never blinks."""

        def on_mount(self) -> None:
            for field in self.query(Input):
                field.cursor_blink = False

    return QuietCommandPalette(id="--command-palette")
