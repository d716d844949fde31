"""Turn user text into Textual content that is never parsed as markup."""

from __future__ import annotations

from textual.content import Content

from coprod_tui.core.text import make_visible, one_line


def literal(text: str, style: str = "") -> Content:
    """``text`` shown exactly as typed (``[bold]`` stays ``[bold]``; ESC shows as ``^[``)."""
    return Content.styled(make_visible(text), style) if style else Content(make_visible(text))


def literal_line(text: str, width: int = 70) -> Content:
    """A one-line literal preview."""
    return Content(one_line(text, width))
