"""Terminal support that Textual leaves to us: a high-contrast theme and a minimum
size (ASCII drawing for the Linux console is ``compat.use_ascii_drawing``).
"""

from __future__ import annotations

import os

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


# Terminals known to show no colour, for when terminfo cannot be asked.
MONOCHROME_TERMS = frozenset({
    "vt52", "vt100", "vt102", "vt220", "vt320", "vt420", "xterm-mono", "xterm-old",
    "vt100-am", "vt220-8", "vs100", "wy50", "adm3a",
})


def terminfo_colours(term: str) -> int | None:
    """How many colours terminfo says ``term`` has (0 when it names none), or
    ``None`` when terminfo does not know the terminal."""
    try:
        import curses
    except ImportError:  # pragma: no cover - Python built without curses
        return None
    try:
        fd = os.open(os.devnull, os.O_WRONLY)
    except OSError:  # pragma: no cover
        return None
    try:
        curses.setupterm(term, fd)
        return max(0, curses.tigetnum("colors"))
    except curses.error:
        return None
    finally:
        os.close(fd)


def monochrome_terminal(term: str | None) -> bool:
    """Whether ``TERM`` names a terminal without colour (``vt100``, ``xterm-mono``
    and the like: terminfo gives it fewer than 8 colours).

    Such terminals get what ``--ascii`` and ``NO_COLOR`` give: ASCII drawing
    and no colour (their character sets lack Textual's block glyphs too). A
    terminal terminfo does not know is left alone (it may be a new one).
    """
    if not term or term == "dumb":  # dumb starts plain mode before this is asked
        return False
    name = term.lower()
    if name in MONOCHROME_TERMS or name.endswith("-mono") or name.endswith("-m"):
        return True
    colours = terminfo_colours(term)
    return colours is not None and colours < 8


def too_small(width: int, height: int) -> bool:
    """Whether the terminal is below the size every screen is designed for."""
    return width < MIN_WIDTH or height < MIN_HEIGHT
