"""``coprod read``: the reading tiers as plain wrapped text (for screen
readers, braille displays, ``less`` and scripts)."""

from __future__ import annotations

import argparse
import shutil
import sys

from coprod_tui.core.cli_context import content_dirs
from coprod_tui.core.text import make_visible
from coprod_tui.errors import UsageError
from coprod_tui.i18n import _, current_language
from coprod_tui.reading.catalog import Catalog, Section, Tier, load_catalog
from coprod_tui.reading.text import to_plain

MAX_WIDTH = 100


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """Add ``coprod read``."""
    p = subparsers.add_parser(
        "read", parents=[common],
        help=_("read the toolkit as plain text: `coprod read --list`, "
               "`coprod read TIER [SECTION]`"),
        description=_("Print a reading tier, or one section of it, as plain text wrapped to "
                      "the terminal. With no tier (or --list), list tiers and sections."),
    )
    p.add_argument("tier", metavar=_("TIER"), nargs="?", help=_("tier id, e.g. 10-minutes"))
    p.add_argument("section", metavar=_("SECTION"), nargs="?",
                   help=_("section id within the tier"))
    p.add_argument("--list", action="store_true", help=_("list tier and section ids with times"))
    p.add_argument("--mark-read", action="store_true",
                   help=_("record what is printed as read, as the full-screen app does"))
    p.set_defaults(func=cmd_read)


def _mark_read(args: argparse.Namespace, sections: list[Section]) -> None:
    """Record ``sections`` as read (progress shows on home and in the app)."""
    if not getattr(args, "mark_read", False):
        return
    from coprod_tui.core.cli_context import open_store
    from coprod_tui.reading.records import ReadingProgress

    progress = ReadingProgress(open_store(args))
    for section in sections:
        progress.set_read(section.id)
    names = ", ".join(section.id for section in sections)
    print(_("coprod: marked read: {names}").format(names=names), file=sys.stderr)


def _catalog(args: argparse.Namespace) -> Catalog:
    catalog = load_catalog(content_dirs(args))
    for problem in catalog.problems:
        print(f"coprod: {make_visible(problem)}", file=sys.stderr)
    return catalog


def _width() -> int:
    columns = shutil.get_terminal_size((80, 24)).columns
    return max(20, min(columns - 1, MAX_WIDTH))


def _section_text(section: Section, width: int) -> str:
    return make_visible(to_plain(section.read_text(), width))


def _in_other_language(section: Section) -> str:
    """A note after a section's title when its text is not in the interface language."""
    if section.language == current_language():
        return ""
    # Translators: after the title of a section whose text is still in English.
    return " " + _("[in English]")


def list_text(catalog: Catalog) -> str:
    """Every tier and section with ids and reading times."""
    lines: list[str] = []
    for tier in catalog.tiers:
        if tier.timed:
            lines.append(_("{id}  {title} (about {minutes} min of reading)").format(
                id=tier.id, title=tier.title, minutes=tier.minutes))
        else:  # e.g. a recording whose length the toolkit does not give
            lines.append(f"{tier.id}  {tier.title}")
        for section in tier.sections:
            if tier.timed:
                lines.append(_("  {id:<28} {minutes:>2} min  {title}").format(
                    id=section.id, minutes=section.minutes,
                    title=section.title + _in_other_language(section)))
            else:
                lines.append(f"  {section.id:<28}         "
                             f"{section.title + _in_other_language(section)}")
        lines.append("")
    lines.append(_("Read one with: coprod read TIER [SECTION]"))
    return make_visible("\n".join(lines))


def _tier(catalog: Catalog, tier_id: str) -> Tier:
    tier = catalog.tier(tier_id)
    if tier is None:
        choices = ", ".join(t.id for t in catalog.tiers)
        raise UsageError(_("unknown tier {tier!r}; choices: {choices}").format(
            tier=make_visible(tier_id), choices=choices))
    return tier


def cmd_read(args: argparse.Namespace) -> int:
    """List the tiers, or print a tier or one of its sections."""
    catalog = _catalog(args)
    if args.list or not args.tier:
        print(list_text(catalog))
        return 0
    tier = _tier(catalog, args.tier)
    width = _width()
    if args.section:
        section = next((s for s in tier.sections if s.id == args.section), None)
        if section is None:
            choices = ", ".join(s.id for s in tier.sections)
            raise UsageError(_("unknown section {section!r} in tier {tier}; "
                               "choices: {choices}").format(
                section=make_visible(args.section), tier=tier.id, choices=choices))
        print(_section_text(section, width), end="")
        _mark_read(args, [section])
        return 0
    print(make_visible(to_plain(f"# {tier.title}\n\n{tier.about}", width)))
    for index, section in enumerate(tier.sections, 1):
        if tier.timed:
            print(_("[{index} of {count}, {minutes} min]").format(
                index=index, count=len(tier.sections), minutes=section.minutes))
        else:
            print(f"[{index}/{len(tier.sections)}]")
        print(_section_text(section, width))
    _mark_read(args, list(tier.sections))
    return 0
