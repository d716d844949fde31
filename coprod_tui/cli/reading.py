"""``coprod read``: the reading tiers as plain wrapped text (for screen
readers, braille displays, ``less`` and scripts)."""

from __future__ import annotations

import argparse
import shutil
import sys

from coprod_tui.cli.context import content_dirs
from coprod_tui.domain.text import make_visible
from coprod_tui.errors import UsageError
from coprod_tui.toolkit import Catalog, Section, Tier, load_catalog
from coprod_tui.toolkit.text import to_plain

MAX_WIDTH = 100


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """Add ``coprod read``."""
    p = subparsers.add_parser(
        "read", parents=[common],
        help="read the toolkit as plain text: `coprod read --list`, `coprod read TIER [SECTION]`",
        description="Print a reading tier, or one section of it, as plain text wrapped to "
                    "the terminal. With no tier (or --list), list tiers and sections.",
    )
    p.add_argument("tier", metavar="TIER", nargs="?", help="tier id, e.g. 10-minutes")
    p.add_argument("section", metavar="SECTION", nargs="?", help="section id within the tier")
    p.add_argument("--list", action="store_true", help="list tier and section ids with times")
    p.add_argument("--mark-read", action="store_true",
                   help="record what is printed as read, as the full-screen app does")
    p.set_defaults(func=cmd_read)


def _mark_read(args: argparse.Namespace, sections: list[Section]) -> None:
    """Record ``sections`` as read (progress shows on home and in the app)."""
    if not getattr(args, "mark_read", False):
        return
    from coprod_tui.cli.context import open_store
    from coprod_tui.store.reading import ReadingProgress

    progress = ReadingProgress(open_store(args))
    for section in sections:
        progress.set_read(section.id)
    names = ", ".join(section.id for section in sections)
    print(f"coprod: marked read: {names}", file=sys.stderr)


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


def list_text(catalog: Catalog) -> str:
    """Every tier and section with ids and reading times."""
    lines: list[str] = []
    for tier in catalog.tiers:
        lines.append(f"{tier.id}  {tier.title} (about {tier.minutes} min of reading)")
        for section in tier.sections:
            lines.append(f"  {section.id:<28} {section.minutes:>2} min  {section.title}")
        lines.append("")
    lines.append("Read one with: coprod read TIER [SECTION]")
    return make_visible("\n".join(lines))


def _tier(catalog: Catalog, tier_id: str) -> Tier:
    tier = catalog.tier(tier_id)
    if tier is None:
        choices = ", ".join(t.id for t in catalog.tiers)
        raise UsageError(f"unknown tier {make_visible(tier_id)!r}; choices: {choices}")
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
            raise UsageError(f"unknown section {make_visible(args.section)!r} in tier "
                             f"{tier.id}; choices: {choices}")
        print(_section_text(section, width), end="")
        _mark_read(args, [section])
        return 0
    print(make_visible(to_plain(f"# {tier.title}\n\n{tier.about}", width)))
    for index, section in enumerate(tier.sections, 1):
        print(f"[{index} of {len(tier.sections)}, {section.minutes} min]")
        print(_section_text(section, width))
    _mark_read(args, list(tier.sections))
    return 0
