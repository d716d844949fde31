"""The reader's scrolling page, and terminal hyperlinks for rendered links."""

from __future__ import annotations

from textual.containers import VerticalScroll
from textual.content import Content, Span
from textual.style import Style
from textual.widgets import Markdown

from coprod_tui.core.ui.compat import markdown_block_contents


def _click_href(style: object) -> str | None:
    meta = getattr(style, "meta", None) or {}
    action = meta.get("@click", "") if isinstance(meta, dict) else ""
    if isinstance(action, str) and action.startswith("link(") and action.endswith(")"):
        return action[5:-1].strip("'\"")
    return None


def add_hyperlinks(markdown: Markdown) -> None:
    """Make each rendered link a terminal hyperlink (OSC 8) as well as text.

    Terminals without OSC 8 ignore it; the address stays visible as text. This
    relies on how Textual 8 stores block content, so it never raises.
    """
    for block, content in list(markdown_block_contents(markdown)):
        try:
            extra = [Span(span.start, span.end, Style(link=href))
                     for span in content.spans
                     if isinstance(href := _click_href(span.style), str) and href]
            if extra:
                block.set_content(Content(content.plain, [*content.spans, *extra]))
        except Exception:  # noqa: BLE001 - hyperlinks are a bonus, reading must work
            continue


class ReaderBody(VerticalScroll):
    """The scrolling page; keyboard scrolling jumps without animation."""

    def action_scroll_down(self) -> None:
        self.scroll_down(animate=False)

    def action_scroll_up(self) -> None:
        self.scroll_up(animate=False)

    def action_page_down(self) -> None:
        self.scroll_page_down(animate=False)

    def action_page_up(self) -> None:
        self.scroll_page_up(animate=False)

    def action_scroll_home(self) -> None:
        self.scroll_home(animate=False)

    def action_scroll_end(self) -> None:
        self.scroll_end(animate=False)
