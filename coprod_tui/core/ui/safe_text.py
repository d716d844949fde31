"""Journal text fields that never pass terminal control characters to the screen.

Textual draws a ``TextArea`` or ``Input`` line as it is, so an ESC pasted in
would reach the terminal and recolour or move things. These widgets show
pasted control characters in caret form (``^[``), as the rest of the app does.
"""

from __future__ import annotations

from textual import events

from coprod_tui.core.text import make_visible
from coprod_tui.core.ui.quiet import QuietInput, QuietTextArea


def visible_paste(text: str) -> str:
    """Pasted text with Windows and old Mac line ends as newlines, controls made visible."""
    return make_visible(text.replace("\r\n", "\n").replace("\r", "\n"))


class SafeTextArea(QuietTextArea):
    """A steady-cursor text area whose pastes cannot smuggle escape sequences in."""

    def _on_paste(self, event: events.Paste) -> None:  # type: ignore[override]
        # Textual then calls TextArea._on_paste itself (handlers run down the MRO).
        event.text = visible_paste(event.text)


class SafeInput(QuietInput):
    """A steady-cursor input whose pastes cannot smuggle escape sequences in."""

    def _on_paste(self, event: events.Paste) -> None:
        # Textual then calls Input._on_paste itself (handlers run down the MRO).
        event.text = visible_paste(event.text)
