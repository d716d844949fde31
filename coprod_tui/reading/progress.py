"""Progress over the catalog: counts per tier and the words of the home line.

Pure: it is given the catalog and what was read (see :mod:`.summary`).
"""

from __future__ import annotations

from collections.abc import Iterable

from coprod_tui.reading.model import Catalog, Section, Tier


def tier_counts(tier: Tier, read_ids: Iterable[str]) -> tuple[int, int]:
    """(sections read, sections) in ``tier``."""
    done = set(read_ids)
    return (sum(1 for s in tier.sections if s.id in done), len(tier.sections))


def first_unread(catalog: Catalog, read_ids: Iterable[str]) -> Section | None:
    """The first section in reading order not yet read."""
    done = set(read_ids)
    return next((s for s in catalog.sections() if s.id not in done), None)


def summary_line(catalog: Catalog, read_ids: Iterable[str], current: str | None) -> str:
    """E.g. ``"10-minute tier: 4 of 6 read"``: the tier being read (else the
    first unfinished one), or that everything is read."""
    done = set(read_ids)
    section = catalog.section(current) if current else None
    tier = catalog.tier(section.tier_id) if section else None
    if tier is None or tier_counts(tier, done)[0] == len(tier.sections):
        tier = next((t for t in catalog.tiers if tier_counts(t, done)[0] < len(t.sections)),
                    None)
    if tier is None:
        total = sum(len(t.sections) for t in catalog.tiers)
        return f"all {total} sections read"
    read, count = tier_counts(tier, done)
    return f"{tier.label}: {read} of {count} read"

