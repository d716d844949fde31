"""The spectrum drawing and the complexity map in Welsh: every place and every
result drawn within 78 columns, marked in Welsh words, with no English left
(issue 20)."""

from __future__ import annotations

import pytest

from coprod_tui import i18n
from coprod_tui.complexity.map import draw_map
from coprod_tui.complexity.rules import DOMAIN_IDS
from coprod_tui.spectrum.drawing import draw_spectrum
from coprod_tui.spectrum.places import APPROACHES, BETWEEN_PLACES, NEIGHBOUR
from tests.ui.welsh_check import english_lines


@pytest.mark.parametrize("place_id", [a.id for a in APPROACHES + BETWEEN_PLACES])
def test_spectrum_drawing_in_welsh(place_id: str) -> None:
    i18n.set_language("cy")
    lines = draw_spectrum(place_id)
    text = "\n".join(lines)
    words = " ".join(text.split())  # the words below the line may wrap
    assert max(len(line) for line in lines) <= 78
    assert english_lines(text) == [], text
    assert "GWNEUD I" in text and "GWNEUD GYDA" in text and "Oddi ar y llinell:" in text
    assert "y gweithgaredd hwn" in words
    if place_id.startswith("between"):
        assert "[x]" not in text and "(dim un blwch)" in words
    else:
        assert text.count("[x]") == 1
    if not place_id.startswith("between") and \
            next(a for a in APPROACHES if a.id == place_id).group != NEIGHBOUR:
        caret = next(line for line in lines if line.strip() == "^")
        marked = next(line for line in lines if "[x]" in line)
        assert marked[caret.index("^") - 1: caret.index("^") + 2] == "[x]"


@pytest.mark.parametrize("domain", [*DOMAIN_IDS, None])
def test_complexity_map_in_welsh(domain: str | None) -> None:
    i18n.set_language("cy")
    for ascii_only in (False, True):
        text = draw_map(domain, ascii_only)
        lines = text.splitlines()
        assert max(len(line) for line in lines) <= 78
        assert len({len(line) for line in lines[1:]}) == 1, text  # the box stays square
        assert english_lines(text) == [], text
        assert text.count("[X]") == (0 if domain is None else 1)
        if domain is not None and domain != "confusion":
            assert ">> MAE EICH HER CHI YMA <<" in text
        assert "DDIM YN GLIR ETO" in text and "heb drefn: dim rysáit" in text
