"""Plain mode: read the toolkit tier by tier, section by section, and mark what is read."""

from __future__ import annotations

from typing import TYPE_CHECKING

from coprod_tui.i18n import _
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
        console.say(_("note: {problem}").format(problem=problem))
    while True:
        read = ReadingProgress(plain.store).read_ids()
        following = _first_unread(catalog, read)
        options = [(_("{tier}: {read} of {total} sections read, about {minutes} min")
                    if tier.timed else _("{tier}: {read} of {total} sections read")).format(
                       tier=tier.title, read=sum(s.id in read for s in tier.sections),
                       total=len(tier.sections), minutes=tier.minutes)
                   for tier in catalog.tiers]
        if following is not None:
            options.append(_("Continue with the first unread section: {title}").format(
                title=following.title))
        choice = console.choose(_("Read the toolkit: choose a tier"), options)
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
        options = [(_("{mark}{title} ({minutes} min)") if tier.timed else "{mark}{title}").format(
                       mark=_("[read] ") if s.id in read else "[    ] ", title=s.title,
                       minutes=s.minutes)
                   for s in tier.sections]
        choice = console.choose(_("{tier}: choose a section").format(tier=tier.title), options)
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
        said = (_("[Section {number} of {total}, about {minutes} min]") if timed
                else _("[Section {number} of {total}]"))
        console.say(said.format(number=number, total=total, minutes=section.minutes))
        console.write(to_plain(section.read_text(), console.width))
        console.say(_("[End of {title}]").format(title=section.title))
        progress.save_place(section.id, 0)
        while True:
            done = section.id in progress.read_ids()
            after = catalog.neighbour(section.id, 1)
            before = catalog.neighbour(section.id, -1)
            options = [_("Mark as not read yet") if done else _("Mark as read"),
                       _("Next section: {title}").format(title=after.title) if after
                       else _("Next section (none: last)"),
                       _("Previous section: {title}").format(title=before.title) if before
                       else _("Previous section (none: first)"),
                       _("Read this section again")]
            state = _("read") if done else _("not read yet")
            choice = console.choose(_("{title} ({state})").format(title=section.title,
                                                                  state=state), options)
            if choice == 0:
                progress.set_read(section.id, not done)
                console.say(_("Marked as not read yet.") if done else _("Marked as read."))
            elif choice == 1 and after is not None:
                if not done:
                    progress.set_read(section.id)
                    console.say(_("Marked {title} as read.").format(title=section.title))
                section = after
                break
            elif choice == 2 and before is not None:
                section = before
                break
            elif choice == 3:
                break
            else:
                console.say(_("There is no section that way."))
