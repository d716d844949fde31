"""Lists and boxes whose ticks are characters, not colour (WCAG 1.4.1).

Textual's ``SelectionList`` and ``Checkbox`` draw the same ``▐X▌`` for a ticked
and an unticked row and tell them apart by colour alone: with ``NO_COLOR`` (or on a
monochrome terminal, or to someone who cannot tell the colours apart) every row
looks ticked. These draw ``[x]`` and ``[ ]`` instead.
"""

from __future__ import annotations

from typing import TypeVar

from rich.segment import Segment
from rich.style import Style
from textual.content import Content
from textual.strip import Strip
from textual.widgets import Checkbox, OptionList, SelectionList

TICKED = "[x]"
UNTICKED = "[ ]"

ValueT = TypeVar("ValueT")


def tick_mark(ticked: bool) -> str:
    """``[x]`` or ``[ ]``."""
    return TICKED if ticked else UNTICKED


class TickList(SelectionList[ValueT]):
    """A ``SelectionList`` showing ``[x]``/``[ ]`` before each row (space ticks)."""

    def _get_left_gutter_width(self) -> int:
        return len(TICKED) + 1

    def render_line(self, y: int) -> Strip:
        """The option's line with its tick in characters (on its first line only)."""
        line = OptionList.render_line(self, y)
        try:
            # (option index, line within the option) for each line of the list.
            index, offset = self._lines[self.scroll_offset.y + y]  # noqa: SLF001
            selection = self.get_option_at_index(index)
        except (IndexError, AttributeError, ValueError, LookupError):
            return line
        style = (next(iter(line)).style if line.cell_length else None) or self.rich_style
        mark = tick_mark(selection.value in self._selected) if offset == 0 else "   "
        # The option index in the style lets a click on the mark tick the row.
        return Strip([Segment(mark + " ", style + Style(meta={"option": index})), *line])


class TickBox(Checkbox):
    """A ``Checkbox`` drawn as ``[x] label`` / ``[ ] label``."""

    @property
    def _button(self) -> Content:
        return Content(tick_mark(self.value))


__all__ = ["TICKED", "UNTICKED", "TickBox", "TickList", "tick_mark"]
