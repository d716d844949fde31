"""The practice scenarios' own words, to take out before looking for English.

The scenarios (``content/*_scenarios.json``) are content with no Welsh version
yet, so a Welsh screen or command shows them in English as written. They are
wrapped anywhere (by the screen or by plain text), so a line is compared with
them word by word rather than line by line.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from coprod_tui.complexity import records as cx
from coprod_tui.spectrum.scenario_content import load_scenarios
from tests.ui.welsh_check import english_lines


def scenario_content() -> str:
    """Every built-in scenario's words, as one line with a space at each end."""
    texts = [text for s in load_scenarios(None) for text in (s.title, s.text, s.explanation)]
    texts += [text for s in cx.load_scenarios([])
              for text in (s.title, s.text, s.explanation, s.differ)]
    return " " + " ".join(" ".join(texts).split()) + " "


def _in(words: list[str], content: str) -> bool:
    """Whether the run of ``words`` is in ``content`` (a title may be followed by
    coprod's own colon or comma: ``Title: ...``)."""
    phrase = " ".join(words)
    return f" {phrase} " in content or f" {phrase.rstrip(':,;.')} " in content


def english_outside_content(text: str, content: str, allow: Iterable[str] = ()) -> list[str]:
    """Lines of ``text`` with English once the scenarios' words are taken out.

    A run of two or more whole words found in ``content`` is content; so is a
    run of one at the start or end of a line (a wrapped piece). ``allow`` is
    passed on to :func:`english_lines` (typed text, ids).
    """
    allowed = list(allow)
    found = []
    for line in text.splitlines():
        # Borders and scroll bars (box drawing and blocks) are not words.
        words = re.sub("[\u2500-\u259f]", " ", line).split()
        keep = [True] * len(words)
        i = 0
        while i < len(words):
            j = i
            while j < len(words) and _in(words[i:j + 1], content):
                j += 1
            if j > i and (j - i >= 2 or i == 0 or j == len(words)):
                keep[i:j] = [False] * (j - i)
                i = j
            else:
                i += 1
        rest = " ".join(w for w, k in zip(words, keep, strict=True) if k)
        if english_lines(rest, allow=allowed):
            found.append(line.rstrip())
    return found
