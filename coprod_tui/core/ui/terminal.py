"""Terminal support that Textual leaves to us: ASCII drawing for the Linux
console, a high-contrast theme and a minimum size.
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


def use_ascii_drawing() -> None:
    """Draw every border and scrollbar with ASCII characters only.

    The Linux console lacks many glyphs Textual uses, so each border style is
    mapped onto the ``ascii`` style, scrollbars onto ``#``, the lines between
    table cells (Markdown tables, keylines) onto ``-``, ``|`` and ``+``, and the
    header's circle icon onto ``*``.
    """
    from textual import _border, _box_drawing
    from textual.scrollbar import ScrollBarRender
    from textual.widgets._header import Header, HeaderIcon

    ascii_chars = _border.BORDER_CHARS["ascii"]
    ascii_locations = _border.BORDER_LOCATIONS["ascii"]
    for name in list(_border.BORDER_CHARS):
        if name not in ("", "none", "hidden", "blank"):
            _border.BORDER_CHARS[name] = ascii_chars  # type: ignore[index]
            _border.BORDER_LOCATIONS[name] = ascii_locations  # type: ignore[index]
    ScrollBarRender.VERTICAL_BARS = ["#"] * 7 + [" "]
    ScrollBarRender.HORIZONTAL_BARS = ["#"] * 7 + [" "]
    boxes = _box_drawing.BOX_CHARACTERS  # imported by name in textual.canvas: change in place
    for quad in boxes:
        top, right, bottom, left = quad
        vertical, horizontal = bool(top or bottom), bool(left or right)
        boxes[quad] = "+" if vertical and horizontal else "|" if vertical else (
            "-" if horizontal else " "
        )
    # The icon's default is read when each Header is created; no public switch exists.
    for widget in (Header, HeaderIcon):
        widget.icon._default = "*"  # noqa: SLF001
        widget._default_icon = "*"  # type: ignore[attr-defined]  # noqa: SLF001


def too_small(width: int, height: int) -> bool:
    """Whether the terminal is below the size every screen is designed for."""
    return width < MIN_WIDTH or height < MIN_HEIGHT
