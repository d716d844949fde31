"""Read what the app shows as plain text (for asserting on literal user text)."""

from __future__ import annotations

import io

from rich.console import Console
from textual.app import App


def screen_text(app: App) -> str:
    """The current screen as plain text, one line a row."""
    width, height = app.size
    console = Console(width=width, height=height, file=io.StringIO(), record=True,
                      force_terminal=True, color_system="truecolor", legacy_windows=False)
    console.print(app.screen._compositor.render_update(full=True))
    return console.export_text(styles=False)


def footer_line(app: App) -> str:
    """The bottom row of the screen (the footer and its keys)."""
    return screen_text(app).rstrip("\n").split("\n")[-1]
