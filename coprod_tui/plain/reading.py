"""Plain mode: read the toolkit tier by tier, section by section, and mark what is read."""

from __future__ import annotations

from typing import TYPE_CHECKING

from coprod_tui.plain.console import Back
from coprod_tui.reading.catalog import Catalog, Section, load_catalog
from coprod_tui.reading.records import ReadingProgress
from coprod_tui.reading.text import to_plain

if TYPE_CHECKING:
    from coprod_tui.plain.app import Plain


def _first_unread(catalog: Catalog, read: set[str]) -> Section | None:
    return next((s for s in catalog.sections() if s.id not in read), None)


def run(plain: Plain) -> None:
    """Choose a tier (or carry on with the first unread section), then its sections."""
    console = plain.console
    catalog = load_catalog(plain.content_dirs)
    for problem in catalog.problems:
        console.say(f"note: {problem}")
    while True:
        read = ReadingProgress(plain.store).read_ids()
        following = _first_unread(catalog, read)
        options = [f"{tier.title}: {sum(s.id in read for s in tier.sections)} of "
                   f"{len(tier.sections)} sections read"
                   + (f", about {tier.minutes} min" if tier.timed else "")
                   for tier in catalog.tiers]
        if following is not None:
            options.append(f"Continue with the first unread section: {following.title}")
        choice = console.choose("Read the toolkit: choose a tier", options)
        try:
            if choice == len(catalog.tiers):
                assert following is not None
                read_section(plain, catalog, following)
            else:
                _tier(plain, catalog, choice)
        except Back:
            continue


def _tier(plain: Plain, catalog: Catalog, index: int) -> None:
    console = plain.console
    tier = catalog.tiers[index]
    while True:
        read = ReadingProgress(plain.store).read_ids()
        console.wrap(tier.about)
        options = [f"{'[read] ' if s.id in read else '[    ] '}{s.title}"
                   + (f" ({s.minutes} min)" if tier.timed else "")
                   for s in tier.sections]
        choice = console.choose(f"{tier.title}: choose a section", options)
        try:
            read_section(plain, catalog, tier.sections[choice])
        except Back:
            continue


def read_section(plain: Plain, catalog: Catalog, section: Section) -> None:
    """Print a section, then offer: mark read or unread, next, previous."""
    console = plain.console
    progress = ReadingProgress(plain.store)
    while True:
        number, total = catalog.position(section.id)
        tier = catalog.tier(section.tier_id)
        timed = tier is None or tier.timed
        console.say(f"[Section {number} of {total}"
                    + (f", about {section.minutes} min]" if timed else "]"))
        console.write(to_plain(section.read_text(), console.width))
        console.say(f"[End of {section.title}]")
        progress.save_place(section.id, 0)
        while True:
            done = section.id in progress.read_ids()
            after = catalog.neighbour(section.id, 1)
            before = catalog.neighbour(section.id, -1)
            options = ["Mark as not read yet" if done else "Mark as read",
                       f"Next section: {after.title}" if after else "Next section (none: last)",
                       f"Previous section: {before.title}" if before else
                       "Previous section (none: first)",
                       "Read this section again"]
            state = "read" if done else "not read yet"
            choice = console.choose(f"{section.title} ({state})", options)
            if choice == 0:
                progress.set_read(section.id, not done)
                console.say("Marked as not read yet." if done else "Marked as read.")
            elif choice == 1 and after is not None:
                if not done:
                    progress.set_read(section.id)
                    console.say(f"Marked {section.title} as read.")
                section = after
                break
            elif choice == 2 and before is not None:
                section = before
                break
            elif choice == 3:
                break
            else:
                console.say("There is no section that way.")
