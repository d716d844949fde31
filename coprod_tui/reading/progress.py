"""Progress over the catalog: counts per tier and the words of the home line.

Pure: it is given the catalog and what was read (see :mod:`.summary`).
"""

from __future__ import annotations

from collections.abc import Iterable

from coprod_tui.i18n import ngettext
from coprod_tui.reading.model import Catalog, Section, Tier


def tier_counts(tier: Tier, read_ids: Iterable[str]) -> tuple[int, int]:
    """(sections read, sections) in ``tier``."""
    done = set(read_ids)
    return (sum(1 for s in tier.sections if s.id in done), len(tier.sections))


def first_unread(catalog: Catalog, read_ids: Iterable[str]) -> Section | None:
    """The first section in reading order not yet read."""
    done = set(read_ids)
    return next((s for s in catalog.sections() if s.id not in done), None)


def continue_section(catalog: Catalog, read_ids: Iterable[str],
                     current: str | None) -> Section | None:
    """Where "Continue" goes: the section being read, unless it is already read,
    then the next unread one after it (else the first unread anywhere); when
    everything is read, the section being read (or the first)."""
    done = set(read_ids)
    ordered = list(catalog.sections())
    if not ordered:
        return None
    section = catalog.section(current) if current else None
    if section is not None and section.id not in done:
        return section
    start = ordered.index(section) + 1 if section is not None else 0
    after = next((s for s in ordered[start:] if s.id not in done), None)
    return after or first_unread(catalog, done) or section or ordered[0]


def tiers_line(catalog: Catalog, read_ids: Iterable[str]) -> str:
    """Progress in every tier, e.g. ``"10-minute tier 4/6, 30-minute tier 0/7, ..."``
    (or that everything is read)."""
    done = set(read_ids)
    total = sum(len(t.sections) for t in catalog.tiers)
    if total and all(tier_counts(t, done)[0] == len(t.sections) for t in catalog.tiers):
        return _all_read(total)
    return ", ".join(
        f"{t.label} {tier_counts(t, done)[0]}/{len(t.sections)}"
        for t in catalog.tiers if t.sections
    )


def _all_read(total: int) -> str:
    """``all 19 sections read``."""
    return ngettext("all {total} sections read", "all {total} sections read", total).format(
        total=total)

