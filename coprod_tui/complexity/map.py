"""The map of the four domains, with "not clear yet" in the middle, as text.

Drawn with characters only, so the marked place reads the same without
colour, in the Linux console (``ascii_only``) and in the command line.
"""

from __future__ import annotations

import textwrap

from coprod_tui.complexity.rules import DOMAINS
from coprod_tui.i18n import N_, _

CELL = 30  # inner width of each quadrant (wider for longer words, up to WIDEST)
WIDEST = 37  # two quadrants and three borders in 77 columns
# Shown as _(MARK).
MARK = N_(">> YOUR CHALLENGE IS HERE <<")

# Cynefin's layout: unordered on the left, ordered on the right.
_TOP = ("complex", "complicated")
_BOTTOM = ("chaotic", "simple")
_EXAMPLE = {
    "complex": N_("like raising a child"),
    "complicated": N_("like building a rocket"),
    "chaotic": N_("like a pandemic emergency"),
    "simple": N_("like baking a cake"),
}


def _cell(domain: str, marked: bool) -> list[str]:
    """The quadrant's lines of text, each starting with a space."""
    info = DOMAINS[domain]
    name = _(info.label).upper()
    return [
        f" [X] {name}" if marked else f" {name}",
        f" {_(info.verbs)}",
        f" {_(_EXAMPLE[domain])}",
        f" {_(MARK)}" if marked else "",
    ]


def _fit(lines: list[str], width: int) -> list[str]:
    """Lines no wider than ``width``: longer ones wrap (nothing is cut short)."""
    fitted: list[str] = []
    for line in lines:
        if len(line) <= width:
            fitted.append(line)
        else:
            fitted += [" " + part for part in textwrap.wrap(line, width - 1)]
    return fitted


def draw_map(domain: str | None, ascii_only: bool = False) -> str:
    """The map as lines of text, ``domain`` marked with ``[X]`` and a words marker.

    ``domain`` None draws the map with nothing marked.
    """
    h, v, corner, cross = ("-", "|", "+", "+") if ascii_only else ("─", "│", "┼", "┼")
    tl, tr, bl, br, tt, bt, lt, rt = (
        ("+",) * 8 if ascii_only else ("┌", "┐", "└", "┘", "┬", "┴", "├", "┤")
    )
    del corner
    left = _("unordered: no recipe")
    right = _("ordered: a right way")
    cells = {d: _cell(d, d == domain) for d in _TOP + _BOTTOM}
    longest = max(len(line) for lines in cells.values() for line in lines) + 1
    cell = min(max(CELL, longest, len(left) + 1, len(right) + 1), WIDEST)
    lines = [f" {left:<{cell}} {right:<{cell}}".rstrip()]
    lines.append(tl + h * cell + tt + h * cell + tr)

    def row(pair: tuple[str, str]) -> None:
        a, b = (_fit(cells[d], cell) for d in pair)
        height = max(len(a), len(b))
        a, b = a + [""] * (height - len(a)), b + [""] * (height - len(b))
        for x, y in zip(a, b, strict=True):
            lines.append(f"{v}{x:<{cell}}{v}{y:<{cell}}{v}")

    row(_TOP)
    unclear = _(DOMAINS["confusion"].label).upper()
    middle = (" " + _("[X] {name}: HERE").format(name=unclear) + " " if domain == "confusion"
              else f" ? {unclear} ? ")
    total = cell * 2 + 1
    pad = total - len(middle)
    left_pad = pad // 2
    mid = h * left_pad + middle + h * (pad - left_pad)
    if mid[cell] == h:
        mid = mid[:cell] + cross + mid[cell + 1:]
    lines.append(lt + mid + rt)
    row(_BOTTOM)
    lines.append(bl + h * cell + bt + h * cell + br)
    return "\n".join(lines)
