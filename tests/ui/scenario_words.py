"""The practice scenarios' English words, to be sure a Welsh screen shows none.

Every built-in scenario has its Welsh (``content/cy/*_scenarios.json``), so a
Welsh screen or command shows no English scenario text at all. The check for
coprod's own words (:func:`tests.ui.welsh_check.english_lines`) looks for
common English words, which a short title may not hold ("A hip replacement"),
so this looks for the scenarios' own English: every title, and the opening
words of every text, explanation and "where people differ" note. Screens and
plain text wrap anywhere, so the text is compared with its lines joined.
"""

from __future__ import annotations

import re
from functools import cache

from coprod_tui.complexity import records as cx
from coprod_tui.spectrum.scenario_content import load_scenarios

OPENING_WORDS = 6


@cache
def english_phrases() -> tuple[str, ...]:
    """Each built-in scenario's English title, and the first words of its texts."""
    spectrum = load_scenarios(None, language="en")
    complexity = cx.load_scenarios([], language="en")
    titles = [s.title for s in (*spectrum, *complexity)]
    texts = [text for s in spectrum for text in (s.text, s.explanation)]
    texts += [text for s in complexity for text in (s.text, s.explanation, s.differ) if text]
    return (*titles, *(" ".join(text.split()[:OPENING_WORDS]) for text in texts))


def english_scenario_text(shown: str) -> list[str]:
    """The scenarios' English phrases found in ``shown`` (wrapped lines joined,
    borders and scroll bars taken out)."""
    flat = " " + " ".join(re.sub("[\u2500-\u259f]", " ", shown).split()) + " "
    return [phrase for phrase in english_phrases() if f" {phrase}" in flat]
