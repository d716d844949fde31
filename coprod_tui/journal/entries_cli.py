"""``coprod show``, ``coprod edit`` and ``coprod actions``: one entry, changing
it in your own editor, and the action items across the journal.

Entry text never goes on the command line (every user on a shared server can
read a process's arguments): ``edit`` uses ``$VISUAL``/``$EDITOR`` on a private
file in the data folder. User text is printed through ``make_visible``.
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import subprocess
import sys
import tempfile
from pathlib import Path

from coprod_tui.core.cli_context import content_dirs, open_store
from coprod_tui.core.store import Store
from coprod_tui.core.text import make_visible, one_line
from coprod_tui.errors import CoprodError, UsageError
from coprod_tui.journal.actions import date_problems, parse_actions
from coprod_tui.journal.entry import FRAMEWORKS, Action, Entry
from coprod_tui.journal.entry_save import opened, save_edited
from coprod_tui.journal.records import EntryStore
from coprod_tui.journal.template import parse_template, render_entry


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """Add ``show``, ``edit`` and ``actions``."""
    p = subparsers.add_parser("show", parents=[common], help="print one journal entry in full",
                              description="Print one entry: its values, tags, every part "
                                          "and its actions. ID as `coprod list` shows it.")
    p.add_argument("id", metavar="ID", help="the entry's id (the start of it is enough)")
    p.add_argument("--json", action="store_true", help="print the entry as JSON")
    p.set_defaults(func=cmd_show)

    p = subparsers.add_parser(
        "edit", parents=[common], help="change a journal entry in your editor ($VISUAL/$EDITOR)",
        description="Open the entry in $VISUAL or $EDITOR as a private file in your data "
                    "folder. If the entry was changed elsewhere meanwhile, your version is "
                    "saved as a new entry and both are kept.")
    p.add_argument("id", metavar="ID", help="the entry's id (the start of it is enough)")
    p.set_defaults(func=cmd_edit)

    p = subparsers.add_parser(
        "actions", parents=[common], help="list action items; tick them with --done ID",
        description="List the actions from your entries, open ones first (soonest due "
                    "first), with their ids. --done and --undone tick and untick one.")
    p.add_argument("--done", metavar="ID", help="mark this action done (the start of its id)")
    p.add_argument("--undone", metavar="ID", help="mark this action not done again")
    p.add_argument("--all", action="store_true", help="also list actions already done")
    p.add_argument("--json", action="store_true", help="print the actions as JSON")
    p.set_defaults(func=cmd_actions)


def resolve_entry(store: Store, prefix: str) -> Entry:
    """The entry whose id starts with ``prefix`` (raises :class:`UsageError`)."""
    wanted = prefix.strip().lower()
    entries = EntryStore(store).list()
    found = [e for e in entries if wanted and e.id.lower().startswith(wanted)]
    if len(found) == 1:
        return found[0]
    if not found:
        raise UsageError(f"no entry has the id {make_visible(prefix)!r}; `coprod list` "
                         "shows the ids")
    choices = ", ".join(e.id[:12] for e in found[:10])
    raise UsageError(f"{make_visible(prefix)!r} matches several entries ({choices}); "
                     "type more of the id")


def cmd_show(args: argparse.Namespace) -> int:
    """Print one entry."""
    from coprod_tui.journal.values_content import load_values
    from coprod_tui.plain.journal import entry_lines

    entry = resolve_entry(open_store(args), args.id)
    if args.json:
        print(json.dumps(entry.to_doc(), indent=2, ensure_ascii=False))
        return 0
    try:
        content = load_values(content_dirs(args))
    except CoprodError:
        content = None
    except ValueError:
        content = None
    print(make_visible("\n".join(entry_lines(entry, content))))
    return 0


def _hints(args: argparse.Namespace, framework: str) -> dict[str, str]:
    from coprod_tui.journal.values_content import load_values

    try:
        guide = load_values(content_dirs(args)).frameworks.get(framework)
    except (CoprodError, ValueError):
        return {}
    return dict(guide.hints) if guide else {}


def cmd_edit(args: argparse.Namespace) -> int:
    """Change an entry in the user's editor, never overwriting a change made meanwhile."""
    store = open_store(args)
    entry = resolve_entry(store, args.id)
    before = opened(store, entry.id)
    if any(line.lstrip().startswith("#") for text in entry.sections.values()
           for line in text.splitlines()):
        # The editor file treats such lines as guidance or headings: they would be lost.
        raise CoprodError("this entry has lines starting with '#', which `coprod edit` would "
                          "drop; change it in the app or in plain mode (coprod --plain)")
    if entry.framework not in FRAMEWORKS:
        raise CoprodError(f"entries written as {make_visible(entry.framework)!r} cannot be "
                          "edited here; use the full-screen app")
    editor = os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi"
    template = render_entry(entry, _hints(args, entry.framework))
    # In the private data folder (0700), never in a shared /tmp; mkstemp makes it 0600.
    handle, name = tempfile.mkstemp(prefix=".coprod-edit-", suffix=".md", dir=store.data_dir)
    path = Path(name)
    keep = False
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(template)
        try:
            done = subprocess.run([*shlex.split(editor), str(path)], check=False)
        except OSError as error:
            raise CoprodError(f"cannot start the editor {editor!r}: {error}") from error
        if done.returncode != 0:
            raise CoprodError(f"the editor exited with status {done.returncode}; "
                              "the entry is unchanged")
        text = path.read_text(encoding="utf-8", errors="replace")
        if text == template:
            print("no changes; the entry is as it was")
            return 0
        title, sections, actions_text = parse_template(text, entry.framework)
        if not sections and not title.strip():
            raise CoprodError("the edited entry is empty; the entry is unchanged "
                              "(`coprod delete` removes an entry)")
        entry.title = title
        entry.sections = sections
        entry.actions = parse_actions(actions_text, entry.actions) if actions_text or \
            entry.actions else []
        try:
            outcome = save_edited(store, entry, before)
        except CoprodError as error:
            keep = True
            raise CoprodError(f"{error.message}; your text is kept in {path}") from error
        print(make_visible(outcome.message(entry.id)))
        for problem in date_problems(actions_text or ""):
            print(f"note: {make_visible(problem)}", file=sys.stderr)
        return 0
    finally:
        if not keep:
            path.unlink(missing_ok=True)


def _all_actions(store: Store) -> list[tuple[Entry, Action]]:
    entries = EntryStore(store)
    open_ones = entries.open_actions()
    done = [(e, a) for e in entries.list() for a in e.actions if a.done]
    return open_ones + done


def _resolve_action(pairs: list[tuple[Entry, Action]], prefix: str) -> tuple[Entry, Action]:
    wanted = prefix.strip().lower()
    found = [(e, a) for e, a in pairs if wanted and a.id.lower().startswith(wanted)]
    if len(found) == 1:
        return found[0]
    if not found:
        raise UsageError(f"no action has the id {make_visible(prefix)!r}; "
                         "`coprod actions --all` shows the ids")
    raise UsageError(f"{make_visible(prefix)!r} matches several actions; type more of the id")


def cmd_actions(args: argparse.Namespace) -> int:
    """List actions, or tick or untick one."""
    if args.done and args.undone:
        raise UsageError("give either --done or --undone, not both")
    store = open_store(args)
    pairs = _all_actions(store)
    if args.done or args.undone:
        entry, action = _resolve_action(pairs, args.done or args.undone)
        done = bool(args.done)
        EntryStore(store).mark_action_done(entry.id, action.id, done)
        print(make_visible(f"{'done' if done else 'not done'}: {action.text}"
                           + (f" (by {action.due})" if action.due else "")))
        return 0
    shown = [(e, a) for e, a in pairs if args.all or not a.done]
    if args.json:
        print(json.dumps([{"id": a.id, "text": a.text, "due": a.due, "done": a.done,
                           "done_at": a.done_at, "entry": e.id, "entry_title": e.title}
                          for e, a in shown], indent=2, ensure_ascii=False))
        return 0
    if not shown:
        print("no actions to do" if pairs else "no actions yet (Rolfe and Gibbs entries "
                                               "have an actions part)")
        return 0
    for entry, action in shown:
        mark = "[x]" if action.done else "[ ]"
        due = f"by {action.due}" if action.due else "no date"
        print(make_visible(f"{mark} {action.id[:8]}  {due:<13} {one_line(action.text, 40)}"
                           f"  ({one_line(entry.title or entry.text() or 'untitled', 24)})"))
    print(f"{sum(1 for _, a in shown if not a.done)} to do; tick one with "
          "`coprod actions --done ID`")
    return 0



