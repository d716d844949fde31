"""The spectrum drawn as plain text, the activity's place marked without colour.

Used by the result screen and the command line. Every line fits ``width``
columns (78 by default, so the drawing fits an 80-column terminal). The place
is shown three ways: ``[x]`` against its label, a ``^`` under it and the words
"this activity". A place between two groups ticks no box and is named in words.
"""

from __future__ import annotations

from coprod_tui.spectrum.rules import (
    BETWEEN,
    DOING_FOR,
    DOING_TO,
    DOING_WITH,
    GROUP_LABELS,
    LINE,
    NEIGHBOUR,
    Approach,
    approach,
)

# Two-line labels for the six places on the line.
_LABELS = {
    "protection": ("coercion/", "protection"),
    "education": ("education/", "persuasion"),
    "information": ("information", ""),
    "consultation": ("consultation", ""),
    "participation": ("participation", ""),
    "co-production": ("co-", "production"),
}
_NEIGHBOUR_LABELS = {
    "community-led": "community-led action (people decide and act alone)",
    "collaboration": "collaboration / partnership (no citizens at the table)",
}
MARK = "this activity"


def _slot_widths(width: int) -> list[int]:
    natural = [max(len(line) for line in _LABELS[a.id]) + 2 for a in LINE]
    spare = width - sum(natural)
    if spare >= 0:
        # Share what is left out evenly so the drawing spans the screen.
        extra, rest = divmod(spare, len(natural))
        return [n + extra + (1 if i < rest else 0) for i, n in enumerate(natural)]
    return natural


def _centre(text: str, width: int) -> str:
    return text.center(width)[:width]


def draw_spectrum(place_id: str | None, width: int = 78) -> list[str]:
    """Lines of text drawing the spectrum with ``place_id`` marked (or none)."""
    width = max(width, 60)
    slots = _slot_widths(width)
    total = sum(slots)
    marked: Approach | None = approach(place_id) if place_id else None

    groups = {DOING_TO: 0, DOING_FOR: 0, DOING_WITH: 0}
    for item, slot in zip(LINE, slots, strict=True):
        groups[item.group] += slot
    header = "".join(
        _centre(GROUP_LABELS[g].upper(), w) for g, w in groups.items()
    )
    ruler = ["-"] * total
    edge = 0
    for w in groups.values():
        ruler[edge] = "|"
        edge += w
    ruler[-1] = "|"
    bounds = "".join(ruler)
    label1 = "".join(_centre(_LABELS[a.id][0], w) for a, w in zip(LINE, slots, strict=True))
    label2 = "".join(_centre(_LABELS[a.id][1], w) for a, w in zip(LINE, slots, strict=True))
    boxes = "".join(
        _centre("[x]" if marked is a else "[ ]", w) for a, w in zip(LINE, slots, strict=True)
    )
    lines = [header, bounds, label1, label2, boxes]
    if marked is not None and marked.group not in (NEIGHBOUR, BETWEEN):
        centre = boxes.index("[x]") + 1
        lines.append(" " * centre + "^")
        start = max(0, min(centre - len(MARK) // 2, total - len(MARK)))
        lines.append(" " * start + MARK)
    if marked is not None and marked.group == BETWEEN:
        # No box is ticked: the answers fit no single row of the table.
        lines.append(f"{MARK}: {marked.name} (no single box)"[:width])
    lines.append("Off the line:")
    for pid, label in _NEIGHBOUR_LABELS.items():
        box = "[x]" if marked is not None and marked.id == pid else "[ ]"
        tail = f"  <- {MARK}" if box == "[x]" else ""
        lines.append(f"  {box} {label}{tail}"[:width])
    return [line.rstrip() for line in lines]
