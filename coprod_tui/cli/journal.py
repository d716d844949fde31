"""Journal subcommands: ``coprod add`` and ``coprod list`` (no full-screen UI).

A plain path for scripts and screen-reader users. User text is printed through
``make_visible`` so escape sequences in an entry cannot reach the terminal.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shlex
import subprocess
import sys
import tempfile
from pathlib import Path

from coprod_tui.cli.context import content_dirs, is_terminal, open_store
from coprod_tui.domain.actions import parse_actions
from coprod_tui.domain.clock import local_display, parse_day
from coprod_tui.domain.entry import FRAMEWORKS, VALUE_IDS, WRITING_FRAMEWORKS, Entry
from coprod_tui.domain.entry_template import parse_template, render_template
from coprod_tui.domain.privacy_check import GUIDANCE, check_privacy
from coprod_tui.domain.search import Filters, SearchIndex, parse_tags
from coprod_tui.domain.text import make_visible, one_line
from coprod_tui.domain.values import ContentError
from coprod_tui.errors import CoprodError, UsageError
from coprod_tui.store.entries import EntryStore

LETTERS = {"strengths": "S", "networks": "N", "what-matters": "W",
           "relationships": "R", "change-makers": "C"}


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """Add ``add`` and ``list``."""
    p = subparsers.add_parser(
        "add", parents=[common], help="add a journal entry without the full-screen app",
        description="Add a journal entry. TEXT, or - to read standard input; with neither "
                    "and a terminal, you are asked for each part line by line.",
    )
    p.add_argument("--value", action="append", default=[], metavar="VALUE",
                   help=f"a value the entry covers (repeat): {', '.join(VALUE_IDS)}")
    p.add_argument("--title", default="", help="a title")
    p.add_argument("--tag", action="append", default=[], metavar="TAG", help="a tag (repeat)")
    p.add_argument("--framework", default="free", metavar="FRAMEWORK",
                   help=f"how the text is laid out: {', '.join(WRITING_FRAMEWORKS)} (default free)")
    p.add_argument("--editor", action="store_true",
                   help="write the entry in your own editor ($VISUAL or $EDITOR)")
    p.add_argument("text", nargs="?", metavar="TEXT", help="the entry's text, or - for stdin")
    p.set_defaults(func=cmd_add)
    p = subparsers.add_parser("list", parents=[common], help="print journal entries, newest first")
    p.add_argument("--value", metavar="VALUE", help=f"only entries about: {', '.join(VALUE_IDS)}")
    p.add_argument("--tag", metavar="TAG", help="only entries with this tag")
    p.add_argument("--since", metavar="YYYY-MM-DD", help="written on or after this day")
    p.add_argument("--until", metavar="YYYY-MM-DD", help="written on or before this day")
    p.add_argument("--search", metavar="WORDS", default="", help="words that must all appear")
    p.add_argument("--json", action="store_true", help="print the entries as JSON")
    p.set_defaults(func=cmd_list)


def check_value(value: str) -> str:
    """``value`` if it is a value id, else a usage error listing the choices."""
    if value not in VALUE_IDS:
        raise UsageError(f"unknown value {value!r}; choices: {', '.join(VALUE_IDS)}")
    return value


def check_day(text: str | None, option: str) -> dt.date | None:
    """A ``YYYY-MM-DD`` option's date, or a usage error."""
    if text is None:
        return None
    try:
        return parse_day(text)
    except ValueError as error:
        raise UsageError(f"{option}: {error}, e.g. 2026-11-26") from None


def _hints(args: argparse.Namespace, framework: str) -> dict[str, str]:
    from coprod_tui.toolkit.values_content import load_values

    try:
        return load_values(content_dirs(args)).frameworks[framework].hints
    except ContentError:
        return {}


def _ask_sections(args: argparse.Namespace, framework: str) -> dict[str, str]:
    """Ask for each part of the framework in turn; an empty line ends a part."""
    hints = _hints(args, framework)
    print("Write each part; an empty line moves on, Ctrl-D finishes.")
    sections: dict[str, str] = {}
    finished = False
    for section_id, label in FRAMEWORKS[framework]:
        print(f"\n{label}" + (f": {hints[section_id]}" if section_id in hints else ""))
        lines: list[str] = []
        while True:
            try:
                line = input("> ")
            except EOFError:
                print()
                finished = True  # Ctrl-D finishes the entry, not just this part
                break
            if not line:
                break
            lines.append(line)
        if lines:
            sections[section_id] = "\n".join(lines)
        if finished:
            break
    return sections


def cmd_add(args: argparse.Namespace) -> int:
    """Add one entry and say where it went."""
    if not args.value:
        raise UsageError(f"say which value(s) with --value; choices: {', '.join(VALUE_IDS)}")
    values = list(dict.fromkeys(check_value(v) for v in args.value))
    if args.framework not in WRITING_FRAMEWORKS:
        raise UsageError(
            f"unknown framework {args.framework!r}; choices: {', '.join(WRITING_FRAMEWORKS)}"
        )
    first = FRAMEWORKS[args.framework][0][0]
    actions: list = []
    if args.editor:
        if args.text is not None:
            raise UsageError("give either TEXT or --editor, not both")
        store = open_store(args)
        title, sections, actions_text = _write_in_editor(store.data_dir, args)
        args.title = title or args.title
        actions = parse_actions(actions_text)
    elif args.text == "-":
        sections = {first: sys.stdin.read().rstrip("\n")}
    elif args.text is not None:
        sections = {first: args.text}
    elif is_terminal(sys.stdin):
        sections = _ask_sections(args, args.framework)
    else:
        raise UsageError("give the entry's TEXT, or - to read it from standard input")
    sections = {k: v for k, v in sections.items() if v.strip()}
    if not sections and not args.title.strip():
        raise UsageError("the entry is empty: give some text or a --title")
    tags = parse_tags(",".join(args.tag))
    entry = Entry(values=values, title=args.title, framework=args.framework,
                  sections=sections, tags=tags, actions=actions)
    store = open_store(args)
    EntryStore(store).add(entry)
    print(f"added entry {entry.id[:8]} ({', '.join(values)})")
    findings = check_privacy("\n".join([entry.title, *sections.values(), *tags]))
    if findings:
        print("warning: this entry may identify someone:", file=sys.stderr)
        for finding in findings:
            print(f"  ! {one_line(finding.describe(), 70)}", file=sys.stderr)
        print(GUIDANCE, file=sys.stderr)
    return 0


def _write_in_editor(folder: Path, args: argparse.Namespace) -> tuple[str, dict[str, str], str]:
    """Open the template in the user's editor; return what they wrote."""
    editor = os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi"
    template = render_template(args.framework, args.title, _hints(args, args.framework))
    # In the private data folder (0700), never in a shared /tmp.
    handle, name = tempfile.mkstemp(prefix=".coprod-add-", suffix=".md", dir=folder)
    path = Path(name)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(template)
        try:
            done = subprocess.run([*shlex.split(editor), str(path)], check=False)
        except OSError as error:
            raise CoprodError(f"cannot start the editor {editor!r}: {error}") from error
        if done.returncode != 0:
            raise CoprodError(f"the editor exited with status {done.returncode}; nothing added")
        text = path.read_text(encoding="utf-8", errors="replace")
    finally:
        path.unlink(missing_ok=True)
    if text == template:
        raise CoprodError("nothing was written; no entry added")
    return parse_template(text, args.framework)


def cmd_list(args: argparse.Namespace) -> int:
    """Print matching entries, newest first."""
    filters = Filters(
        words=args.search,
        value=check_value(args.value) if args.value else None,
        tag=args.tag,
        since=check_day(args.since, "--since"),
        until=check_day(args.until, "--until"),
    )
    found = SearchIndex.build(EntryStore(open_store(args)).list()).search(filters)
    if args.json:
        json.dump([e.to_doc() for e in found], sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    if not found:
        print("no entries match" if any([args.search, args.value, args.tag, args.since,
                                         args.until]) else "no entries yet")
        return 0
    for entry in found:
        marks = "".join(LETTERS[v] if v in entry.values else "-" for v in VALUE_IDS)
        title = entry.title or one_line(entry.text(), 50) or "(untitled)"
        print(f"{local_display(entry.created)}  {marks}  {entry.id[:8]}  {one_line(title, 48)}")
        if entry.tags:
            print(f"{'':>26}tags: {make_visible(', '.join(entry.tags))}")
    print(f"{len(found)} entr{'y' if len(found) == 1 else 'ies'}")
    return 0
