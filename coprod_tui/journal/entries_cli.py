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
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

from coprod_tui.core.cli_context import content_dirs, open_store
from coprod_tui.core.store import Store
from coprod_tui.core.text import json_text, make_visible, one_line
from coprod_tui.core.textin import HungUp, plaintext_folder, raise_hung_up
from coprod_tui.errors import CoprodError, UsageError
from coprod_tui.i18n import _
from coprod_tui.journal.actions import date_problems, format_actions, parse_actions
from coprod_tui.journal.entry import FRAMEWORKS, Action, Entry
from coprod_tui.journal.records import DRAFT_PREFIX, EntryStore
from coprod_tui.journal.template import parse_template, render_entry

#: The editor files of ``coprod edit`` (in the private data folder).
EDIT_PREFIX = ".coprod-edit-"


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
    """Change an entry in the user's editor, never overwriting a change made meanwhile.

    The editor's file is private (0600, in the 0700 data folder) and never
    outlives the command: saved, unchanged, or (after a hang-up, SIGTERM, an
    editor that fails, or a save that fails) its changes kept as the entry's
    draft, which ``coprod drafts``, the app and plain mode offer back.
    """
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
    for left in sorted(plaintext_folder(store.data_dir).glob(f"{EDIT_PREFIX}*.md")):
        # Left by a save that failed (its path was printed then), or by a kill no
        # handler sees (SIGKILL, a power cut): say so rather than keep it unseen.
        print(make_visible(_("note: an earlier edit is kept in {path}; copy what you need "
                             "from it, then delete the file").format(path=left)),
              file=sys.stderr)
    if store.load_draft(f"{DRAFT_PREFIX}{entry.id}") is not None:
        print(make_visible(_("note: earlier unsaved changes to this entry are kept as a draft "
                             "(`coprod drafts --show {key}`); this edit starts from the saved "
                             "entry").format(key=f"{DRAFT_PREFIX}{entry.id}")), file=sys.stderr)
    editor = os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi"
    template = render_entry(entry, _hints(args, entry.framework))
    # In the private data folder (0700), never in a shared /tmp; in memory when the
    # journal is encrypted (never plaintext on disk); mkstemp makes it 0600.
    handle, name = tempfile.mkstemp(prefix=EDIT_PREFIX, suffix=".md",
                                    dir=plaintext_folder(store.data_dir))
    path = Path(name)
    keep = False
    # A hang-up (the SSH link dropped) or SIGTERM would end the process without
    # the `finally` below, leaving a copy of the entry in the data folder that
    # nothing offers back nor cleans (and that emptying the trash would miss).
    previous = {signum: signal.signal(signum, raise_hung_up)
                for signum in (signal.SIGHUP, signal.SIGTERM)}
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(template)
        try:
            done = subprocess.run([*shlex.split(editor), str(path)], check=False)
        except OSError as error:
            raise CoprodError(_("cannot start the editor {command!r}: {error}").format(
                command=editor, error=error)) from error
        except HungUp:
            # run() has stopped the editor; what it last wrote is in the file.
            for signum in previous:
                signal.signal(signum, signal.SIG_IGN)  # the terminal is gone: no second one
            kept = _keep_changes(store, entry, opened, path, template)
            keep = kept is False
            raise CoprodError(_("the terminal hung up or coprod was stopped; the entry is "
                                "unchanged{kept}").format(
                kept=_kept_note(kept, entry, path))) from None
        if done.returncode != 0:
            kept = _keep_changes(store, entry, opened, path, template)
            keep = kept is False
            raise CoprodError(_("the editor exited with status {status}; the entry is "
                                "unchanged{kept}").format(status=done.returncode,
                                                          kept=_kept_note(kept, entry, path)))
        text = path.read_text(encoding="utf-8", errors="replace")
        if text == template:
            print(_("no changes; the entry is as it was"))
            return 0
        edited = _edited(entry, text)
        if edited is None:
            raise CoprodError(_("the edited entry is empty; the entry is unchanged "
                                "(`coprod delete` removes an entry)"))
        try:
            outcome = EntryStore(store).save_edit(edited, opened)
        except CoprodError as error:
            keep = True
            raise CoprodError(_("{error}; your text is kept in {path}").format(
                error=error.message, path=path)) from error
        print(make_visible(outcome.line))
        for problem in date_problems(format_actions(edited.actions)):
            print(_("note: {problem}").format(problem=make_visible(problem)), file=sys.stderr)
        return 0
    finally:
        for signum, handler in previous.items():
            if signal.getsignal(signum) is raise_hung_up:
                signal.signal(signum, handler)
        if not keep:
            path.unlink(missing_ok=True)


def _edited(entry: Entry, text: str) -> Entry | None:
    """``entry`` with the editor file's ``text`` read in (``None`` if it is empty)."""
    title, sections, actions_text = parse_template(text, entry.framework)
    if not sections and not title.strip():
        return None
    edited = Entry.from_doc(entry.to_doc())
    edited.title = title
    edited.sections = sections
    edited.actions = parse_actions(actions_text, entry.actions) if actions_text or \
        entry.actions else []
    return edited


def _keep_changes(store: Store, entry: Entry, opened: str, path: Path,
                  template: str) -> bool | None:
    """Keep what the editor's file holds as the entry's draft, in the shape the app and
    plain mode carry on from. ``None``: nothing was changed; ``True``: kept as a
    draft (the file can go); ``False``: no draft could be written (keep the file)."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False
    if text == template:
        return None
    try:
        edited = _edited(entry, text)
        if edited is None:
            return None
        store.save_draft(f"{DRAFT_PREFIX}{entry.id}", {
            "editing": True, "guide_value": None, "entry": edited.to_doc(),
            "shown": dict(edited.sections), "actions_text": format_actions(edited.actions),
            "opened": opened})
    except (CoprodError, OSError, ValueError):
        return False
    return True


def _kept_note(kept: bool | None, entry: Entry, path: Path) -> str:
    if kept is True:
        return _("; your changes are kept as a draft: `coprod drafts --show {key}`, or carry "
                 "on in the app or plain mode").format(key=f"{DRAFT_PREFIX}{entry.id}")
    if kept is False:
        return _("; your changes are kept in {path}").format(path=path)
    return ""


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



