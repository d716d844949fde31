"""Find English left on a screen meant to be in Welsh, and text cut short.

English is found by its commonest short words, which Welsh does not use as
words: a Welsh screen with coprod's own strings translated has none of them,
while almost any English sentence or label has at least one. Text that is
meant to stay English (the user's own words, content not yet in Welsh, a
toolkit title) is named in ``allow`` and taken out before looking.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# Short English words that are not Welsh words ("at", "all", "is", "can",
# "be" and "help", as in "angen help", are, so they are left out). Checked
# against the catalogue: where one of these stands alone in a Welsh msgstr it
# is a command word or a placeholder.
ENGLISH_WORDS = frozenset({
    "the", "and", "your", "you", "with", "this", "that", "what", "which", "for",
    "are", "of", "to", "not", "from", "has", "have", "here", "press", "back",
    "new", "save", "saved", "entry", "entries", "when", "who", "how", "or",
    "by", "it", "its", "will", "no", "yes", "one", "on", "an", "in", "open",
    "close", "show", "next", "previous", "done",
    "delete", "quit", "home", "settings", "journal", "search", "keys",
})

_WORD = re.compile(r"[A-Za-z']+")


def english_lines(text: str, allow: Iterable[str] = ()) -> list[str]:
    """Lines of ``text`` holding an English word, after removing ``allow``.

    Words inside a hyphenated or apostrophised Welsh word (``is-deitl``,
    ``i'r``) do not count: a word counts only between spaces or punctuation
    other than ``-`` and ``'``.
    """
    for allowed in allow:
        text = text.replace(allowed, " ")
    found = []
    for line in text.splitlines():
        words = re.split(r"[^\w'-]+", line)
        if any(word.lower() in ENGLISH_WORDS for word in words if _WORD.fullmatch(word)):
            found.append(line.rstrip())
    return found


def cut_short(text: str) -> list[str]:
    """Lines where Textual shortened text with an ellipsis (it did not fit)."""
    return [line.rstrip() for line in text.splitlines() if "…" in line]
