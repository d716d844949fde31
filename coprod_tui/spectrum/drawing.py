"""The spectrum drawn as plain text, the activity's place marked without colour.

Used by the result screen and the command line. Every line fits ``width``
columns (78 by default, so the drawing fits an 80-column terminal). The place
is shown three ways: ``[x]`` against its label, a ``^`` under it and the words
"this activity". A place between two groups ticks no box and is named in words.
"""

from __future__ import annotations

import textwrap

from coprod_tui.i18n import N_, _
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

# The labels of the six places on the line, marked for the catalogue and
# translated when drawn: at most two lines each (a translation may use one).
_LABELS = {
    "protection": N_("coercion/\nprotection"),
    "education": N_("education/\npersuasion"),
    "information": N_("information"),
    "consultation": N_("consultation"),
    "participation": N_("participation"),
    "co-production": N_("co-\nproduction"),
}
_NEIGHBOUR_LABELS = {
    "community-led": N_("community-led action (people decide and act alone)"),
    "collaboration": N_("collaboration / partnership (no citizens at the table)"),
}
# Shown as _(MARK): the words that point at the marked place.
MARK = N_("this activity")


def _label(place_id: str) -> tuple[str, str]:
    first, _newline, second = _(_LABELS[place_id]).partition("\n")
    return first.strip(), second.strip()


def _slot_widths(width: int) -> list[int]:
    natural = [max(len(line) for line in _label(a.id)) + 2 for a in LINE]
    spare = width - sum(natural)
    if spare >= 0:
        # Share what is left out evenly so the drawing spans the screen.
        extra, rest = divmod(spare, len(natural))
        return [n + extra + (1 if i < rest else 0) for i, n in enumerate(natural)]
    return natural


def _centre(text: str, width: int) -> str:
    return text.center(width)[:width]


def _wrapped(text: str, width: int, indent: str = "") -> list[str]:
    """``text`` in lines of at most ``width`` columns: never cut short."""
    return textwrap.wrap(text, width=width, subsequent_indent=indent,
                         break_long_words=True, break_on_hyphens=False) or [""]


def draw_spectrum(place_id: str | None, width: int = 78) -> list[str]:
    """Lines of text drawing the spectrum with ``place_id`` marked (or none)."""
    width = max(width, 60)
    slots = _slot_widths(width)
    total = sum(slots)
    marked: Approach | None = approach(place_id) if place_id else None
    mark = _(MARK)

    groups = {DOING_TO: 0, DOING_FOR: 0, DOING_WITH: 0}
    for item, slot in zip(LINE, slots, strict=True):
        groups[item.group] += slot
    header = "".join(
        _centre(_(GROUP_LABELS[g]).upper(), w) for g, w in groups.items()
    )
    ruler = ["-"] * total
    edge = 0
    for w in groups.values():
        ruler[edge] = "|"
        edge += w
    ruler[-1] = "|"
    bounds = "".join(ruler)
    labels = [_label(a.id) for a in LINE]
    label1 = "".join(_centre(lab[0], w) for lab, w in zip(labels, slots, strict=True))
    label2 = "".join(_centre(lab[1], w) for lab, w in zip(labels, slots, strict=True))
    boxes = "".join(
        _centre("[x]" if marked is a else "[ ]", w) for a, w in zip(LINE, slots, strict=True)
    )
    lines = [header, bounds, label1]
    if label2.strip():
        lines.append(label2)
    lines.append(boxes)
    if marked is not None and marked.group not in (NEIGHBOUR, BETWEEN):
        centre = boxes.index("[x]") + 1
        lines.append(" " * centre + "^")
        start = max(0, min(centre - len(mark) // 2, total - len(mark)))
        lines.append(" " * start + mark)
    if marked is not None and marked.group == BETWEEN:
        # No box is ticked: the answers fit no single row of the table.
        lines += _wrapped(_("{mark}: {name} (no single box)").format(
            mark=mark, name=_(marked.name)), width, "  ")
    lines.append(_("Off the line:"))
    for pid, label in _NEIGHBOUR_LABELS.items():
        box = "[x]" if marked is not None and marked.id == pid else "[ ]"
        text = f"{box} {_(label)}"
        if box == "[x]":
            text += f"  <- {mark}"
        lines += ["  " + line for line in _wrapped(text, width - 2, "    ")]
    return [line.rstrip() for line in lines]
