"""Working with section Markdown without a renderer: words, reading time,
links, and plain wrapped text for the command line and screen readers.

Sections use a small Markdown subset: ``#`` headings, paragraphs, ``-`` and
``1.`` lists (indent two spaces to nest), ``>`` quotes, tables, ``**bold**``,
``*italic*``, ``<https://...>`` links and ``[text](https://...)`` links.

Section text is made visible when it is read (``Section.read_text``); the
functions here make their own output visible as well, so a link label, an
address or plain text never carries a control character whatever they are given.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass

from coprod_tui.core.text import make_visible

WORDS_PER_MINUTE = 200

_URL = re.compile(r"https?://[^\s<>()]+")
_AUTOLINK = re.compile(r"<(https?://[^\s<>]+)>")
_LINK = re.compile(r"\[([^\]]+)\]\((https?://[^\s)]+)\)")
_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’-]*")
_LIST_ITEM = re.compile(r"^(\s*)([-*]|\d+[.)])\s+(.*)$")
_TABLE_RULE = re.compile(r"^\|?[\s:|-]+\|?$")


@dataclass(frozen=True)
class SectionLink:
    """A web link found in a section: what it is, and the address."""

    label: str
    url: str


def word_count(markdown: str) -> int:
    """Words a reader reads (addresses and Markdown signs are not counted)."""
    text = _LINK.sub(r"\1", markdown)
    text = _URL.sub(" ", text)
    return len(_WORD.findall(text))


def estimated_minutes(words: int) -> int:
    """Reading time in whole minutes at an unhurried pace (at least one)."""
    return max(1, round(words / WORDS_PER_MINUTE))


def minutes_match(stated: int, words: int) -> bool:
    """True when a stated reading time fits the word count (within a quarter, or one minute)."""
    estimate = estimated_minutes(words)
    return abs(stated - estimate) <= max(1, estimate // 4)


def inline_plain(text: str) -> str:
    """One line of Markdown as plain text: emphasis dropped, links spelled out."""
    text = _LINK.sub(lambda m: f"{m.group(1)} ({m.group(2)})", text)
    text = _AUTOLINK.sub(r"\1", text)
    text = re.sub(r"\*\*(.+?)\*\*", r"\1", text)
    text = re.sub(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])", r"\1", text)
    return text.replace("`", "")


def find_links(markdown: str) -> list[SectionLink]:
    """Every web link in ``markdown`` once, in order. A ``[text](url)`` link is
    labelled by its text; a bare address by the other words on its line, else
    the list item just above it, else the nearest heading above."""
    found: dict[str, SectionLink] = {}
    heading = ""
    item = ""
    for line in markdown.splitlines():
        for match in _LINK.finditer(line):
            url = make_visible(match.group(2))
            found.setdefault(url, SectionLink(make_visible(inline_plain(match.group(1))), url))
        rest = _LINK.sub(" ", line)
        for url in _URL.findall(rest):
            url = make_visible(url.rstrip(".,;:>"))
            words = make_visible(_URL.sub("", inline_plain(rest)).strip(" -:<>*"))
            found.setdefault(url, SectionLink(words or item or heading or url, url))
        stripped = line.strip()
        if stripped.startswith("#"):
            heading = make_visible(inline_plain(stripped.lstrip("# ")))
        list_item = _LIST_ITEM.match(line)
        item = make_visible(inline_plain(list_item.group(3)).strip(" :")) if list_item else ""
    return list(found.values())


def _wrap(text: str, width: int, first: str = "", rest: str = "") -> list[str]:
    return textwrap.wrap(
        inline_plain(text), width=max(width, 20), initial_indent=first,
        subsequent_indent=rest, break_long_words=False, break_on_hyphens=False,
    ) or [first.rstrip()]


def _blocks(markdown: str) -> list[list[str]]:
    blocks: list[list[str]] = [[]]
    for line in markdown.splitlines():
        if line.strip():
            blocks[-1].append(line.rstrip())
        elif blocks[-1]:
            blocks.append([])
    return [b for b in blocks if b]


def _list_block(block: list[str], width: int) -> list[str]:
    items: list[tuple[str, str, str]] = []
    for line in block:
        match = _LIST_ITEM.match(line)
        if match:
            items.append((match.group(1), match.group(2), match.group(3)))
        elif items:
            indent, marker, text = items[-1]
            items[-1] = (indent, marker, f"{text} {line.strip()}")
    out: list[str] = []
    for indent, marker, text in items:
        lead = " " * len(indent) + ("-" if marker in "-*" else marker) + " "
        out += _wrap(text, width, lead, " " * len(lead))
    return out


def to_plain(markdown: str, width: int = 80) -> str:
    """``markdown`` as plain text wrapped to ``width`` (no escape codes, no markup).

    Control characters in ``markdown`` are shown visibly (``^[``), tabs aside.
    """
    out: list[str] = []
    for block in _blocks(make_visible(markdown)):
        first = block[0].lstrip()
        if first.startswith("#"):
            level = len(first) - len(first.lstrip("#"))
            title = inline_plain(" ".join(line.strip() for line in block).lstrip("# "))
            out += [title, ("=" if level == 1 else "-") * min(len(title), width)]
        elif first.startswith("|"):
            for line in block:
                if _TABLE_RULE.match(line.strip()):
                    out.append(re.sub(r"[^|]", "-", line.strip()))
                else:
                    out.append(inline_plain(line.strip()))
        elif _LIST_ITEM.match(block[0]):
            out += _list_block(block, width)
        elif first.startswith(">"):
            text = " ".join(line.lstrip().lstrip(">").strip() for line in block)
            out += _wrap(text, width, "  | ", "  | ")
        else:
            out += _wrap(" ".join(line.strip() for line in block), width)
        out.append("")
    return "\n".join(out).rstrip() + "\n"
