"""Filtering and full-text search over journal entries, in memory.

The journal loads every entry once and builds a :class:`SearchIndex`; each
keystroke then runs :func:`SearchIndex.search`, a pass over lowercased strings,
which stays well under a frame for 10,000 entries.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from coprod_tui.core.clock import parse_iso, to_local
from coprod_tui.i18n import _
from coprod_tui.journal.entry import VALUE_IDS, Entry

# ``Filters.value`` for entries with no value chosen yet (e.g. moved in from jrnl).
NO_VALUE = "\x00none"


@dataclass(frozen=True)
class Filters:
    """What the list is narrowed to; empty fields do not filter."""

    words: str = ""
    value: str | None = None
    tag: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None

    def describe(self, value_name: Callable[[str], str] | None = None) -> str:
        """A short line such as ``value: Networks · tag: carers · since 2026-01-01``
        (``value_name`` gives a value's name for its id; the id if not given)."""
        parts = []
        if self.value == NO_VALUE:
            parts.append(_("no value chosen yet"))
        elif self.value:
            name = value_name(self.value) if value_name else self.value
            parts.append(_("value: {name}").format(name=name))
        if self.tag:
            parts.append(_("tag: {tag}").format(tag=self.tag))
        if self.since:
            parts.append(_("since {day}").format(day=self.since.isoformat()))
        if self.until:
            parts.append(_("until {day}").format(day=self.until.isoformat()))
        return " · ".join(parts)


def may_fall_within(created: object, since: dt.date | None, until: dt.date | None) -> bool:
    """Whether an entry document created at ``created`` could be on a local day
    between ``since`` and ``until``: a cheap test on the stored text, before any
    :class:`Entry` is built. Never wrong in the "no" direction: two days of slack
    cover any time zone between the stored offset and the local one, and
    anything that does not start with a date is kept for the exact filter."""
    if not isinstance(created, str) or len(created) < 10:
        return True
    try:
        day = dt.date.fromisoformat(created[:10])
    except ValueError:
        return True
    slack = dt.timedelta(days=2)
    if since is not None and day < since - slack:
        return False
    return not (until is not None and day > until + slack)


def entry_day(entry: Entry) -> dt.date | None:
    """The local calendar day an entry was created."""
    try:
        return to_local(parse_iso(entry.created)).date()
    except (TypeError, ValueError, OverflowError):
        return None


@dataclass
class _Row:
    entry: Entry
    haystack: str
    tags: frozenset[str]
    day: dt.date | None


def haystack(entry: Entry) -> str:
    """Everything searchable in an entry, lowercased: title, sections, tags, actions."""
    parts = [entry.title, *entry.sections.values(), *entry.tags]
    parts.extend(action.text for action in entry.actions)
    return "\n".join(parts).casefold()


@dataclass
class SearchIndex:
    """Entries newest first with their lowercased text, ready to filter."""

    rows: list[_Row] = field(default_factory=list)
    _counts: dict[str, int] | None = field(default=None, repr=False, compare=False)

    @classmethod
    def build(cls, entries: list[Entry]) -> SearchIndex:
        """Index ``entries`` (any order; kept newest first)."""
        ordered = sorted(entries, key=lambda e: e.created, reverse=True)
        return cls(
            [
                _Row(e, haystack(e), frozenset(t.casefold() for t in e.tags), entry_day(e))
                for e in ordered
            ]
        )

    def __len__(self) -> int:
        return len(self.rows)

    def entries(self) -> list[Entry]:
        """Every entry, newest first."""
        return [row.entry for row in self.rows]

    def value_counts(self) -> dict[str, int]:
        """:func:`value_counts` of every entry (worked out once per index)."""
        if self._counts is None:
            self._counts = value_counts(self.entries())
        return dict(self._counts)

    def search(self, filters: Filters) -> list[Entry]:
        """Entries matching every word (anywhere) and every filter, newest first."""
        words = filters.words.casefold().split()
        tag = filters.tag.casefold() if filters.tag else None
        result = []
        for row in self.rows:
            if filters.value == NO_VALUE:
                if row.entry.values:
                    continue
            elif filters.value and filters.value not in row.entry.values:
                continue
            if tag and tag not in row.tags:
                continue
            if filters.since and (row.day is None or row.day < filters.since):
                continue
            if filters.until and (row.day is None or row.day > filters.until):
                continue
            if words and not all(word in row.haystack for word in words):
                continue
            result.append(row.entry)
        return result

    def tags(self) -> list[str]:
        """Every tag used, sorted."""
        seen: dict[str, str] = {}
        for row in self.rows:
            for tag in row.entry.tags:
                seen.setdefault(tag.casefold(), tag)
        return sorted(seen.values(), key=str.casefold)


def value_counts(entries: list[Entry]) -> dict[str, int]:
    """How many entries cover each value (an entry may count for several).

    Entries with no value chosen yet are counted under :data:`NO_VALUE`.
    """
    counts = dict.fromkeys(VALUE_IDS, 0)
    counts[NO_VALUE] = 0
    for entry in entries:
        if not entry.values:
            counts[NO_VALUE] += 1
        for value in entry.values:
            if value in counts:
                counts[value] += 1
    return counts


def parse_tags(text: str) -> list[str]:
    """Tags typed as ``carers, ward 7; team`` -> ``["carers", "ward 7", "team"]`` (no repeats)."""
    tags: list[str] = []
    for raw in text.replace(";", ",").split(","):
        tag = " ".join(raw.split())
        if tag and tag.casefold() not in (t.casefold() for t in tags):
            tags.append(tag)
    return tags
