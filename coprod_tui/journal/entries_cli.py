"""``coprod show``, ``coprod edit`` and ``coprod actions``: one entry, changing
it in your own editor, and the action items across the journal.

Entry text never goes on the command line (every user on a shared server can
read a process's arguments): ``edit`` uses ``$VISUAL``/``$EDITOR`` on a private
file in the data folder. User text is printed through ``make_visible``.
"""

from __future__ import annotations

import argparse
import os
import shlex
import subprocess
import tempfile
from pathlib import Path

from coprod_tui.core.cli_context import content_dirs, open_store
from coprod_tui.core.store import Store
from coprod_tui.core.text import json_text, make_visible, one_line
from coprod_tui.errors import CoprodError, UsageError
from coprod_tui.i18n import _
from coprod_tui.journal.actions import parse_actions
from coprod_tui.journal.entry import FRAMEWORKS, Action, Entry
from coprod_tui.journal.records import EntryStore
from coprod_tui.journal.template import parse_template, render_entry


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """Add ``show``, ``edit`` and ``actions``."""
    p = subparsers.add_parser("show", parents=[common], help=_("print one journal entry in full"),
                              description=_("Print one entry: its values, tags, every part "
                                            "and its actions. ID as `coprod list` shows it."))
    p.add_argument("id", metavar="ID", help=_("the entry's id (the start of it is enough)"))
    p.add_argument("--json", action="store_true", help=_("print the entry as JSON"))
    p.set_defaults(func=cmd_show)

    p = subparsers.add_parser(
        "edit", parents=[common],
        help=_("change a journal entry in your editor ($VISUAL/$EDITOR)"),
        description=_("Open the entry in $VISUAL or $EDITOR as a private file in your data "
                      "folder. If the entry was changed elsewhere meanwhile, your version is "
                      "saved as a new entry and both are kept."))
    p.add_argument("id", metavar="ID", help=_("the entry's id (the start of it is enough)"))
    p.set_defaults(func=cmd_edit)

    p = subparsers.add_parser(
        "actions", parents=[common], help=_("list action items; tick them with --done ID"),
        description=_("List the actions from your entries, open ones first (soonest due "
                      "first), with their ids. --done and --undone tick and untick one."))
    p.add_argument("--done", metavar="ID", help=_("mark this action done (the start of its id)"))
    p.add_argument("--undone", metavar="ID", help=_("mark this action not done again"))
    p.add_argument("--all", action="store_true", help=_("also list actions already done"))
    p.add_argument("--json", action="store_true", help=_("print the actions as JSON"))
    p.set_defaults(func=cmd_actions)


def resolve_entry(store: Store, prefix: str) -> Entry:
    """The entry whose id starts with ``prefix`` (raises :class:`UsageError`)."""
    wanted = prefix.strip().lower()
    entries = EntryStore(store).list()
    found = [e for e in entries if wanted and e.id.lower().startswith(wanted)]
    if len(found) == 1:
        return found[0]
    if not found:
        raise UsageError(_("no entry has the id {id!r}; `coprod list` shows the ids").format(
            id=make_visible(prefix)))
    choices = ", ".join(e.id[:12] for e in found[:10])
    raise UsageError(_("{id!r} matches several entries ({choices}); type more of the id").format(
        id=make_visible(prefix), choices=choices))


def cmd_show(args: argparse.Namespace) -> int:
    """Print one entry."""
    from coprod_tui.journal.values_content import load_values
    from coprod_tui.plain.journal import entry_lines

    entry = resolve_entry(open_store(args), args.id)
    if args.json:
        print(json_text(entry.to_doc()))
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
    opened = entry.updated  # the version the editor starts from
    if any(line.lstrip().startswith("#") for text in entry.sections.values()
           for line in text.splitlines()):
        # The editor file treats such lines as guidance or headings: they would be lost.
        raise CoprodError(_("this entry has lines starting with '#', which `coprod edit` would "
                            "drop; change it in the app or in plain mode (coprod --plain)"))
    if entry.framework not in FRAMEWORKS:
        raise CoprodError(_("entries written as {framework!r} cannot be edited here; use the "
                            "full-screen app").format(framework=make_visible(entry.framework)))
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
            raise CoprodError(_("cannot start the editor {command!r}: {error}").format(
                command=editor, error=error)) from error
        if done.returncode != 0:
            raise CoprodError(_("the editor exited with status {status}; "
                                "the entry is unchanged").format(status=done.returncode))
        text = path.read_text(encoding="utf-8", errors="replace")
        if text == template:
            print(_("no changes; the entry is as it was"))
            return 0
        title, sections, actions_text = parse_template(text, entry.framework)
        if not sections and not title.strip():
            raise CoprodError(_("the edited entry is empty; the entry is unchanged "
                                "(`coprod delete` removes an entry)"))
        entry.title = title
        entry.sections = sections
        entry.actions = parse_actions(actions_text, entry.actions) if actions_text or \
            entry.actions else []
        try:
            outcome = EntryStore(store).save_edit(entry, opened)
        except CoprodError as error:
            keep = True
            raise CoprodError(_("{error}; your text is kept in {path}").format(
                error=error.message, path=path)) from error
        print(make_visible(outcome.line))
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
        raise UsageError(_("no action has the id {id!r}; `coprod actions --all` shows the "
                           "ids").format(id=make_visible(prefix)))
    raise UsageError(_("{id!r} matches several actions; type more of the id").format(
        id=make_visible(prefix)))


def cmd_actions(args: argparse.Namespace) -> int:
    """List actions, or tick or untick one."""
    if args.done and args.undone:
        raise UsageError(_("give either --done or --undone, not both"))
    store = open_store(args)
    pairs = _all_actions(store)
    if args.done or args.undone:
        entry, action = _resolve_action(pairs, args.done or args.undone)
        done = bool(args.done)
        EntryStore(store).mark_action_done(entry.id, action.id, done)
        said = _("done: {text}") if done else _("not done: {text}")
        said = said.format(text=action.text)
        if action.due:
            said += " " + _("(by {due})").format(due=action.due)
        print(make_visible(said))
        return 0
    shown = [(e, a) for e, a in pairs if args.all or not a.done]
    if args.json:
        print(json_text([{"id": a.id, "text": a.text, "due": a.due, "done": a.done,
                          "done_at": a.done_at, "entry": e.id, "entry_title": e.title}
                         for e, a in shown]))
        return 0
    if not shown:
        print(_("no actions to do") if pairs else _("no actions yet (Rolfe and Gibbs entries "
                                                    "have an actions part)"))
        return 0
    for entry, action in shown:
        mark = "[x]" if action.done else "[ ]"
        due = _("by {due}").format(due=action.due) if action.due else _("no date")
        about = one_line(entry.title or entry.text() or _("untitled"), 24)
        print(make_visible(f"{mark} {action.id[:8]}  {due:<13} {one_line(action.text, 40)}"
                           f"  ({about})"))
    print(_("{count} to do; tick one with `coprod actions --done ID`").format(
        count=sum(1 for _entry, a in shown if not a.done)))
    return 0



