"""Terminal support that Textual leaves to us: a high-contrast theme and a minimum
size (ASCII drawing for the Linux console is ``compat.use_ascii_drawing``).
"""

from __future__ import annotations

from textual.theme import Theme

MIN_WIDTH = 80
MIN_HEIGHT = 24

HIGH_CONTRAST = Theme(
    name="coprod-high-contrast",
    primary="#ffff00",
    secondary="#00ffff",
    accent="#ffff00",
    warning="#ffff00",
    error="#ff5555",
    success="#55ff55",
    foreground="#ffffff",
    background="#000000",
    surface="#000000",
    panel="#000000",
    boost="#000000",
    dark=True,
    variables={
        "block-cursor-background": "#ffff00",
        "block-cursor-foreground": "#000000",
        "footer-key-foreground": "#ffff00",
        "input-selection-background": "#ffff00 60%",
    },
)


def too_small(width: int, height: int) -> bool:
    """Whether the terminal is below the size every screen is designed for."""
    return width < MIN_WIDTH or height < MIN_HEIGHT
