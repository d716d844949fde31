"""Journal text fields that never pass terminal control characters to the screen.

Textual draws a ``TextArea`` or ``Input`` line as it is, so an ESC pasted in
would reach the terminal and recolour or move things. These widgets show
pasted control characters in caret form (``^[``), as the rest of the app does.
"""

from __future__ import annotations

from typing import Any

from textual import events
from textual.binding import Binding

from coprod_tui.core.text import make_visible
from coprod_tui.core.ui.quiet import QuietInput, QuietTextArea
from coprod_tui.i18n import N_


def visible_paste(text: str) -> str:
    """Pasted text with Windows and old Mac line ends as newlines, controls made visible."""
    return make_visible(text.replace("\r\n", "\n").replace("\r", "\n"))


class SafeTextArea(QuietTextArea):
    """A steady-cursor text area whose pastes cannot smuggle escape sequences in."""

    def _on_paste(self, event: events.Paste) -> None:  # type: ignore[override]
        # Textual then calls TextArea._on_paste itself (handlers run down the MRO).
        event.text = visible_paste(event.text)


# How many earlier values ctrl+z can bring back in one box.
UNDO_DEPTH = 200


class SafeInput(QuietInput):
    """A steady-cursor input whose pastes cannot smuggle escape sequences in.

    Tabbing in does not select what is there (Textual's default would let the first
    key replace a filled Title or Tags box), and ``ctrl+z`` brings back earlier text.
    """

    BINDINGS = [
        Binding("ctrl+z", "undo", N_("Undo"), show=False, id="text-undo",
                tooltip=N_("Bring back the text as it was before the last change")),
    ]

    _undoing = False

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("select_on_focus", False)
        self._undo: list[str] = []
        super().__init__(*args, **kwargs)

    def watch_value(self, old: str, new: str) -> None:
        """Remember the text before each change, for ``ctrl+z``."""
        # The value it starts with is not a change to undo.
        if self._undoing or old == new or not self.is_mounted:
            return
        self._undo.append(old)
        del self._undo[:-UNDO_DEPTH]

    def action_undo(self) -> None:
        """Put back the text as it was before the last change."""
        if not self._undo:
            return
        self._undoing = True
        try:
            self.value = self._undo.pop()
        finally:
            self._undoing = False
        self.cursor_position = len(self.value)

    def _on_paste(self, event: events.Paste) -> None:
        # Textual then calls Input._on_paste itself (handlers run down the MRO).
        event.text = visible_paste(event.text)
