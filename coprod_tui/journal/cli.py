"""Journal subcommands: ``coprod add`` and ``coprod list`` (no full-screen UI).

A plain path for scripts and screen-reader users. User text is printed through
``make_visible`` so escape sequences in an entry cannot reach the terminal.
"""

from __future__ import annotations

import argparse
import datetime as dt
import signal
import sys
from pathlib import Path

from coprod_tui.core.cli_context import content_dirs, is_terminal, open_store
from coprod_tui.core.clock import local_display, parse_day
from coprod_tui.core.store import Store
from coprod_tui.core.text import json_text, make_visible, one_line
from coprod_tui.core.textin import (
    ASK,
    WHY,
    HungUp,
    StdinLines,
    ask_block,
    ask_line,
    keep_unsaved,
    new_private_file,
    plaintext_folder,
    raise_hung_up,
    resolve,
    run_editor,
    text_option,
)
from coprod_tui.errors import CoprodError, UsageError, describe_os_error
from coprod_tui.i18n import _, ngettext
from coprod_tui.journal.actions import date_problems, parse_actions
from coprod_tui.journal.entry import FRAMEWORKS, VALUE_IDS, WRITING_FRAMEWORKS, Entry
from coprod_tui.journal.privacy_check import GUIDANCE, check_privacy
from coprod_tui.journal.records import ENTRIES, EntryStore
from coprod_tui.journal.search import Filters, SearchIndex, may_fall_within, parse_tags
from coprod_tui.journal.template import parse_template, render_template
from coprod_tui.journal.values import ContentError

LETTERS = {"strengths": "S", "networks": "N", "what-matters": "W",
           "relationships": "R", "change-makers": "C"}


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """Add ``add`` and ``list``."""
    p = subparsers.add_parser(
        "add", parents=[common], help=_("add a journal entry without the full-screen app"),
        description=_("Add a journal entry. On a terminal with no TEXT you are asked for the "
                      "values, title, tags and each part in turn (end a part with a line "
                      "holding only a full stop, or Ctrl-D). TEXT - reads standard input; "
                      "--editor opens your own editor.") + " " + _(WHY),
    )
    p.add_argument("--value", action="append", default=[], metavar="VALUE",
                   help=_("a value the entry covers (repeat): {choices}").format(
                       choices=", ".join(VALUE_IDS)))
    text_option(p, "--title", what=_("a title (with TEXT -, --title - takes the first line)"))
    p.add_argument("--tag", action="append", default=[], metavar="TAG", help=_("a tag (repeat)"))
    p.add_argument("--framework", default=None, metavar="FRAMEWORK",
                   help=_("how the text is laid out: {choices} (default: your journal "
                          "setting when asked or in the editor, else free)").format(
                       choices=", ".join(WRITING_FRAMEWORKS)))
    p.add_argument("--editor", action="store_true",
                   help=_("write the entry in your own editor ($VISUAL or $EDITOR)"))
    p.add_argument("--resume", nargs="?", const="", default=None, metavar="PATH",
                   help=_("add a text kept after a failed save or a hang-up (the newest, or PATH)"))
    p.add_argument("text", nargs="?", metavar="TEXT",
                   help=_("- to read the entry from standard input (text typed here is "
                          "visible to other users in the process list)"))
    p.set_defaults(func=cmd_add)
    p = subparsers.add_parser("list", parents=[common],
                              help=_("print journal entries, newest first"),
                              description=_("Print journal entries, newest first.") + " " + _(WHY))
    p.add_argument("--value", metavar="VALUE", help=_("only entries about: {choices}").format(
                       choices=", ".join(VALUE_IDS)))
    p.add_argument("--tag", metavar="TAG", help=_("only entries with this tag"))
    p.add_argument("--since", metavar="YYYY-MM-DD", help=_("written on or after this day"))
    p.add_argument("--until", metavar="YYYY-MM-DD", help=_("written on or before this day"))
    text_option(p, "--search", what=_("words that must all appear"), default="")
    p.add_argument("--json", action="store_true", help=_("print the entries as JSON"))
    p.set_defaults(func=cmd_list)


def check_value(value: str) -> str:
    """``value`` if it is a value id, else a usage error listing the choices."""
    if value not in VALUE_IDS:
        raise UsageError(_("unknown value {value!r}; choices: {choices}").format(
            value=value, choices=", ".join(VALUE_IDS)))
    return value


def check_day(text: str | None, option: str) -> dt.date | None:
    """A ``YYYY-MM-DD`` option's date, or a usage error."""
    if text is None:
        return None
    try:
        return parse_day(text)
    except ValueError as error:
        raise UsageError(_("{option}: {error}, e.g. 2026-11-26").format(
            option=option, error=error)) from None


def _hints(args: argparse.Namespace, framework: str) -> dict[str, str]:
    from coprod_tui.journal.values_content import load_values

    try:
        return load_values(content_dirs(args)).frameworks[framework].hints
    except ContentError:
        return {}


ADD_PREFIX = ".coprod-add-"
MAX_KEPT_BYTES = 16 * 1024 * 1024


def _default_framework(store: Store) -> str:
    """The journal framework chosen in Settings (``free`` if none or unknown)."""
    try:
        chosen = store.get_setting("journal-framework", "free")
    except CoprodError:
        chosen = "free"
    return chosen if chosen in WRITING_FRAMEWORKS else "free"


def _check_framework(framework: str) -> str:
    if framework not in WRITING_FRAMEWORKS:
        raise UsageError(_("unknown framework {framework!r}; choices: {choices}").format(
            framework=make_visible(framework), choices=", ".join(WRITING_FRAMEWORKS)))
    return framework


def _parse_values(text: str) -> list[str]:
    """Values from ``strengths, networks`` or ``1 2`` (numbers as listed)."""
    found = []
    for word in text.replace(",", " ").split():
        if word.isdigit() and 1 <= int(word) <= len(VALUE_IDS):
            word = VALUE_IDS[int(word) - 1]
        found.append(check_value(word))
    return list(dict.fromkeys(found))


def render_kept(draft: dict) -> str:
    """An entry being written as a file ``--editor`` and ``--resume`` read back."""
    head = [f"Values: {', '.join(draft['values'])}",
            f"Tags: {', '.join(draft['tags'])}",
            f"Framework: {draft['framework']}"]
    body = render_template(draft["framework"], draft["title"], draft.get("hints"))
    if draft.get("sections") or draft.get("actions"):
        lines = [f"Title: {draft['title']}", ""]
        for section_id, label in FRAMEWORKS[draft["framework"]]:
            lines += [f"## {label}", draft["sections"].get(section_id, ""), ""]
        if draft.get("actions"):
            lines += ["## Actions", draft["actions"], ""]
        body = "\n".join(lines)
    return "\n".join(head) + "\n" + body


def parse_kept(text: str, defaults: dict | None = None) -> dict:
    """The draft in a file written by :func:`render_kept` (and edited by the user).

    A ``Values``, ``Tags`` or ``Framework`` line the editor removed or left
    empty falls back to ``defaults`` (what the command line gave).
    """
    defaults = defaults or {}
    head: dict[str, str] = {}
    for line in text.splitlines():
        if line.startswith("## "):
            break
        key, colon, rest = line.partition(":")
        if colon and key in ("Values", "Tags", "Framework"):
            head[key] = rest.strip()
    framework = _check_framework(head.get("Framework") or defaults.get("framework") or "free")
    title, sections, actions = parse_template(text, framework)
    return {"values": _parse_values(head.get("Values", "")) or defaults.get("values", []),
            "title": title,
            "tags": parse_tags(head.get("Tags", "")) if "Tags" in head else defaults.get("tags", []),
            "framework": framework, "sections": sections, "actions": actions}


def _ask_entry(args: argparse.Namespace, draft: dict) -> None:
    """Ask for what the command line did not give, line by line (the terminal default)."""
    print(_("A new journal entry. What you type here stays out of the process list."))
    if not draft["values"]:
        listed = ", ".join(f"{n} {v}" for n, v in enumerate(VALUE_IDS, 1))
        while not draft["values"]:
            try:
                typed = input(_("Values it covers ({listed}): ").format(listed=listed))
            except EOFError:
                print()
                raise UsageError(_("no value given; nothing was added")) from None
            try:
                draft["values"] = _parse_values(typed)
            except UsageError as error:
                print(f"  {error}")
            else:
                if not draft["values"]:
                    print(_("  Give at least one value (a number or a name)."))
    if args.title in (None, ASK):
        draft["title"] = ask_line(_("Title (Enter for none): ")).strip()
    if not args.tag:
        draft["tags"] = parse_tags(ask_line(_("Tags, separated by commas (Enter for none): ")))
    hints = _hints(args, draft["framework"])
    print(_("Write each part; end it with a line holding only a full stop (.).\n"
            "Ctrl-D ends the whole entry (the parts after it stay empty)."))
    for section_id, label in FRAMEWORKS[draft["framework"]]:
        print(f"\n{_(label)}" + (f": {hints[section_id]}" if section_id in hints else ""))
        lines: list[str] = []
        draft["sections"][section_id] = lines  # filled as typed: a hang-up keeps it
        ended: list[bool] = []
        text = ask_block(lines=lines, ended=ended)
        if text.strip():
            draft["sections"][section_id] = text
        else:
            del draft["sections"][section_id]
        if ended:
            break


def cmd_add(args: argparse.Namespace) -> int:
    """Add one entry and say where it went; text that cannot be saved is kept."""
    store = open_store(args)  # an unusable folder fails before anything is typed
    if args.resume is not None:
        return _resume(args, store)
    _mention_leftovers(store.data_dir)
    values = list(dict.fromkeys(check_value(v) for v in args.value))
    if args.framework is not None:
        _check_framework(args.framework)
    asking = args.text is None and not args.editor
    if asking and not is_terminal(sys.stdin):
        raise UsageError(_("give - to read the entry from standard input, or --editor "
                           "(on a terminal you are asked line by line)"))
    if not values and not args.editor and not asking:
        raise UsageError(_("say which value(s) with --value; choices: {choices}").format(
            choices=", ".join(VALUE_IDS)))
    if args.editor and args.text is not None:
        raise UsageError(_("give either TEXT or --editor, not both"))
    framework = args.framework or (_default_framework(store) if args.text is None else "free")
    stdin = StdinLines()
    if not asking:
        resolve(args, [("title", "--title", _("Title"))], stdin)
    draft = {"values": values, "title": args.title if args.title not in (None, ASK) else "",
             "tags": parse_tags(",".join(args.tag)), "framework": framework,
             "sections": {}, "actions": ""}
    if args.editor:
        return _add_in_editor(args, store, draft)
    if args.text == "-":
        draft["sections"] = {FRAMEWORKS[framework][0][0]: stdin.rest()}
    elif args.text is not None:
        draft["sections"] = {FRAMEWORKS[framework][0][0]: args.text}
    else:
        _ask_typed(args, store, draft)
    return _save_draft(store, draft, kept=None)


def _ask_typed(args: argparse.Namespace, store: Store, draft: dict) -> None:
    """Ask line by line; if the terminal hangs up, or the writer presses Ctrl-C,
    keep what was typed so far for ``coprod add --resume``."""
    previous = signal.signal(signal.SIGHUP, raise_hung_up)
    try:
        _ask_entry(args, draft)
    except (HungUp, KeyboardInterrupt, OSError) as error:
        signal.signal(signal.SIGHUP, signal.SIG_IGN)  # the terminal is gone: no second one
        sections = {k: "\n".join(v) if isinstance(v, list) else v
                    for k, v in draft["sections"].items()}
        if not any(v.strip() for v in sections.values()) and not draft["title"]:
            if isinstance(error, KeyboardInterrupt):
                raise
            raise CoprodError(_("the terminal is gone; nothing was typed, nothing added")) from None
        where = keep_unsaved(store.data_dir, render_kept({**draft, "sections": sections}),
                             prefix=ADD_PREFIX)
        what = _("the terminal hung up") if isinstance(error, HungUp) else _("interrupted")
        raise CoprodError(_("{what}; nothing was added. {where}; "
                            "`coprod add --resume` adds it").format(
            what=what, where=where[0].upper() + where[1:])) from None
    finally:
        if signal.getsignal(signal.SIGHUP) is raise_hung_up:
            signal.signal(signal.SIGHUP, previous)


def _save_draft(store: Store, draft: dict, kept: Path | None) -> int:
    """Save ``draft`` as an entry. On failure keep the text (in ``kept`` or a new
    private file) and say where; ``kept`` is removed only once the entry is saved."""
    sections = {k: v for k, v in draft["sections"].items() if v.strip()}
    if not sections and not draft["title"].strip():
        if kept is None:
            raise UsageError(_("the entry is empty: give some text or a title"))
        raise CoprodError(_("the entry in {path} is empty; nothing was added").format(path=kept))
    if not draft["values"]:
        message = _("say which value(s) the entry covers; choices: {choices}").format(
            choices=", ".join(VALUE_IDS))
        if kept is None:
            raise UsageError(message)
        raise CoprodError(_("{message} (on the Values: line of {path}, then "
                            "`coprod add --resume`)").format(message=message, path=kept))
    entry = Entry(values=draft["values"], title=draft["title"], framework=draft["framework"],
                  sections=sections, tags=draft["tags"],
                  actions=parse_actions(draft["actions"]))
    try:
        EntryStore(store).add(entry)
    except (CoprodError, OSError) as error:
        reason = error.message if isinstance(error, CoprodError) else describe_os_error(error)
        reason = reason.split(". ")[0]  # the store's "what you typed is still here" is for the app
        if kept is not None:
            where = _("what you wrote is kept in {path}").format(path=kept)
        else:
            where = keep_unsaved(store.data_dir, render_kept({**draft, "sections": sections}),
                                 prefix=ADD_PREFIX)
        raise CoprodError(_("the entry was not saved: {reason}. {where}; "
                            "`coprod add --resume` adds it once the problem is fixed").format(
            reason=reason, where=where[0].upper() + where[1:])) from None
    if kept is not None:
        kept.unlink(missing_ok=True)
    print(_("added entry {id} ({values})").format(id=entry.id[:8],
                                                  values=", ".join(entry.values)))
    for problem in date_problems(draft["actions"]):
        print(_("note: {problem}").format(problem=make_visible(problem)), file=sys.stderr)
    findings = check_privacy("\n".join([entry.title, *sections.values(), *entry.tags]))
    if findings:
        print(_("warning: this entry may identify someone:"), file=sys.stderr)
        for finding in findings:
            print(f"  ! {one_line(finding.describe(), 70)}", file=sys.stderr)
        print(_(GUIDANCE), file=sys.stderr)
    return 0


def _add_in_editor(args: argparse.Namespace, store: Store, draft: dict) -> int:
    """Write the entry in the user's editor, in a private file kept until it is saved."""
    draft["hints"] = _hints(args, draft["framework"])
    template = render_kept(draft)
    # In the private data folder (0700), never in a shared /tmp; in memory when
    # the journal is encrypted.
    path = new_private_file(store.data_dir, ADD_PREFIX, template)
    text = run_editor(path)
    if text == template:
        path.unlink(missing_ok=True)
        raise CoprodError(_("nothing was written; no entry added"))
    return _save_kept(store, path, text, draft)


def _save_kept(store: Store, path: Path, text: str, defaults: dict | None = None) -> int:
    try:
        draft = parse_kept(text, defaults)
    except UsageError as error:
        raise CoprodError(_("{error} (in {path}: fix it, then `coprod add --resume`)").format(
            error=error, path=path)) from None
    return _save_draft(store, draft, kept=path)


def leftovers(folder: Path) -> list[Path]:
    """Texts kept by ``add`` after a failed save or a hang-up, newest first
    (in memory for an encrypted journal: :func:`plaintext_folder`)."""
    try:
        folder = plaintext_folder(folder)
        found = [p for p in folder.glob(f"{ADD_PREFIX}*.md") if p.is_file()]
        return sorted(found, key=lambda p: p.stat().st_mtime, reverse=True)
    except (OSError, CoprodError):
        return []


def _is_empty_kept(path: Path) -> bool:
    try:
        draft = parse_kept(path.read_text(encoding="utf-8", errors="replace"))
    except (OSError, CoprodError):
        return False
    return not draft["title"] and not draft["sections"] and not draft["actions"]


def _mention_leftovers(folder: Path) -> None:
    """Say that a text is waiting (an editor left by a hang-up, a failed save);
    remove ones that hold nothing but the blank template."""
    waiting = []
    for path in leftovers(folder):
        if _is_empty_kept(path):
            path.unlink(missing_ok=True)
        else:
            waiting.append(path)
    for path in waiting:
        when = dt.datetime.fromtimestamp(path.stat().st_mtime).strftime("%Y-%m-%d %H:%M")
        print(_("coprod: an unsaved entry from {when} is kept in {path}; add it with "
                "`coprod add --resume` (or delete the file)").format(when=when, path=path),
              file=sys.stderr)


def _resume(args: argparse.Namespace, store: Store) -> int:
    """Add a kept text: the newest in the data folder, or the file given."""
    if args.resume:
        path = Path(args.resume).expanduser()
    else:
        found = [p for p in leftovers(store.data_dir) if not _is_empty_kept(p)]
        if not found:
            raise CoprodError(_("no unsaved entry is waiting; nothing to resume"))
        path = found[0]
    from coprod_tui.shell.cli import read_own_file

    # A kept file is small and ours: refuse a link, someone else's file or /dev/zero.
    read_own_file(path, limit=MAX_KEPT_BYTES)
    if args.editor:
        text = run_editor(path)
    else:
        text = read_own_file(path, limit=MAX_KEPT_BYTES).decode("utf-8", errors="replace")
    defaults = {"values": list(dict.fromkeys(check_value(v) for v in args.value)),
                "tags": parse_tags(",".join(args.tag)), "framework": args.framework}
    return _save_kept(store, path, text, defaults)


def cmd_list(args: argparse.Namespace) -> int:
    """Print matching entries, newest first."""
    resolve(args, [("search", "--search", _("Words to search for"))], StdinLines())
    filters = Filters(
        words=args.search,
        value=check_value(args.value) if args.value else None,
        tag=args.tag,
        since=check_day(args.since, "--since"),
        until=check_day(args.until, "--until"),
    )
    docs = open_store(args).all(ENTRIES)
    if filters.since or filters.until:
        # Only entries near the window are built and indexed (a month of ten
        # years is about 150 of 10,000); the exact filter still decides.
        docs = [d for d in docs if may_fall_within(d.get("created"), filters.since, filters.until)]
    found = SearchIndex.build([Entry.from_doc(doc) for doc in docs]).search(filters)
    if args.json:
        sys.stdout.write(json_text([e.to_doc() for e in found]))
        print()
        return 0
    if not found:
        print(_("no entries match") if any([args.search, args.value, args.tag, args.since,
                                            args.until]) else _("no entries yet"))
        return 0
    for entry in found:
        marks = "".join(LETTERS[v] if v in entry.values else "-" for v in VALUE_IDS)
        title = entry.title or one_line(entry.text(), 50) or _("(untitled)")
        print(f"{local_display(entry.created)}  {marks}  {entry.id[:8]}  {one_line(title, 48)}")
        if entry.tags:
            print(" " * 26 + _("tags: {tags}").format(tags=make_visible(", ".join(entry.tags))))
    print(ngettext("{count} entry", "{count} entries", len(found)).format(count=len(found)))
    return 0
