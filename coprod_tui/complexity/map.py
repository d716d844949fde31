"""The map of the four domains, with "not clear yet" in the middle, as text.

Drawn with characters only, so the marked place reads the same without
colour, in the Linux console (``ascii_only``) and in the command line.
"""

from __future__ import annotations

from coprod_tui.complexity.rules import DOMAINS

CELL = 30  # inner width of each quadrant
MARK = ">> YOUR CHALLENGE IS HERE <<"

# Cynefin's layout: unordered on the left, ordered on the right.
_TOP = ("complex", "complicated")
_BOTTOM = ("chaotic", "simple")
_EXAMPLE = {
    "complex": "like raising a child",
    "complicated": "like building a rocket",
    "chaotic": "like a pandemic emergency",
    "simple": "like baking a cake",
}


def _cell(domain: str, marked: bool) -> list[str]:
    info = DOMAINS[domain]
    name = info.label.upper()
    return [
        f" [X] {name}" if marked else f" {name}",
        f" {info.verbs}",
        f" {_EXAMPLE[domain]}",
        f" {MARK}" if marked else "",
    ]


def draw_map(domain: str | None, ascii_only: bool = False) -> str:
    """The map as lines of text, ``domain`` marked with ``[X]`` and a words marker.

    ``domain`` None draws the map with nothing marked.
    """
    h, v, corner, cross = ("-", "|", "+", "+") if ascii_only else ("─", "│", "┼", "┼")
    tl, tr, bl, br, tt, bt, lt, rt = (
        ("+",) * 8 if ascii_only else ("┌", "┐", "└", "┘", "┬", "┴", "├", "┤")
    )
    del corner
    left = "unordered: no recipe"
    right = "ordered: a right way"
    lines = [f" {left:<{CELL}} {right:<{CELL}}".rstrip()]
    lines.append(tl + h * CELL + tt + h * CELL + tr)

    def row(pair: tuple[str, str]) -> None:
        a, b = (_cell(d, d == domain) for d in pair)
        for x, y in zip(a, b, strict=True):
            lines.append(f"{v}{x:<{CELL}}{v}{y:<{CELL}}{v}")

    row(_TOP)
    middle = " [X] NOT CLEAR YET: HERE " if domain == "confusion" else " ? NOT CLEAR YET ? "
    total = CELL * 2 + 1
    pad = total - len(middle)
    left_pad = pad // 2
    mid = h * left_pad + middle + h * (pad - left_pad)
    if mid[CELL] == h:
        mid = mid[:CELL] + cross + mid[CELL + 1:]
    lines.append(lt + mid + rt)
    row(_BOTTOM)
    lines.append(bl + h * CELL + bt + h * CELL + br)
    return "\n".join(lines)
