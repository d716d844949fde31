"""``coprod delete`` and ``coprod trash``: remove a journal entry, for good if need be.

A user who pasted a patient's name must be able to remove it from the command
line too. These call the same store operations as the app's journal screens,
so emptying the trash here purges exactly what the app's "empty trash" does.
"""

from __future__ import annotations

import argparse
import sys

from coprod_tui.core.cli_context import is_terminal, open_store
from coprod_tui.core.clock import local_display
from coprod_tui.core.text import make_visible, one_line
from coprod_tui.core.textin import ask_line
from coprod_tui.errors import CoprodError, UsageError
from coprod_tui.i18n import _, ngettext
from coprod_tui.journal.records import EntryStore


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """Add ``delete`` and ``trash``."""
    p = subparsers.add_parser(
        "delete", parents=[common], help=_("move a journal entry to the trash"),
        description=_("Move an entry to the trash, as the app does. `coprod trash --restore ID` "
                      "brings it back; `coprod trash --empty` removes it for good."),
    )
    p.add_argument("entry", metavar="ID",
                   help=_("an entry id, or its start as `coprod list` shows it"))
    p.set_defaults(func=cmd_delete)
    p = subparsers.add_parser(
        "trash", parents=[common], help=_("list, restore or empty the trash"),
        description=_("List deleted entries; --restore ID puts one back; --empty removes them "
                      "all for good, as the app's \"empty trash\" does (asks first on a "
                      "terminal; --yes for scripts)."),
    )
    p.add_argument("--restore", metavar="ID", help=_("put this entry back in the journal"))
    p.add_argument("--empty", action="store_true", help=_("remove every deleted entry for good"))
    p.add_argument("--yes", action="store_true", help=_("with --empty: do not ask"))
    p.set_defaults(func=cmd_trash)


def match_id(ids: list[str], prefix: str, where: str) -> str:
    """The one id in ``ids`` starting with ``prefix`` (raises :class:`UsageError`)."""
    matches = [i for i in ids if i.startswith(prefix)] if prefix else []
    if len(matches) != 1:
        problem = (_("{id!r} matches several entries in {where}") if matches
                   else _("{id!r} matches no entry in {where}"))
        raise UsageError(problem.format(id=make_visible(prefix), where=where))
    return matches[0]


def _title(doc: dict) -> str:
    title = doc.get("title") if isinstance(doc.get("title"), str) else ""
    if not title:
        sections = doc.get("sections") if isinstance(doc.get("sections"), dict) else {}
        title = " ".join(str(v) for v in sections.values())
    return one_line(title, 48) or _("(untitled)")


def cmd_delete(args: argparse.Namespace) -> int:
    """Move one entry to the trash."""
    journal = EntryStore(open_store(args))
    ids = [doc["id"] for doc in journal.store.all("entries") if isinstance(doc.get("id"), str)]
    entry_id = match_id(ids, args.entry, _("the journal (`coprod list` shows the ids)"))
    if not journal.delete(entry_id):
        raise CoprodError(_("entry {id} was deleted meanwhile; nothing changed").format(
            id=entry_id[:8]))
    print(_("moved entry {id} to the trash; `coprod trash --restore {id}` brings it back, "
            "`coprod trash --empty` removes it for good").format(id=entry_id[:8]))
    return 0


def cmd_trash(args: argparse.Namespace) -> int:
    """List, restore from or empty the trash."""
    if args.restore is not None and args.empty:
        raise UsageError(_("give --restore or --empty, not both"))
    if args.yes and not args.empty:
        raise UsageError(_("--yes goes with --empty"))
    journal = EntryStore(open_store(args))
    docs = journal.trash()
    if args.restore is not None:
        ids = [d["id"] for d in docs if isinstance(d.get("id"), str)]
        entry_id = match_id(ids, args.restore, _("the trash (`coprod trash` lists it)"))
        if not journal.restore(entry_id):
            raise CoprodError(_("entry {id} left the trash meanwhile; nothing changed").format(
                id=entry_id[:8]))
        print(_("restored entry {id} to the journal").format(id=entry_id[:8]))
        return 0
    if args.empty:
        return _empty(args, journal, len(docs))
    if not docs:
        print(_("the trash is empty"))
        return 0
    for doc in docs:
        when = local_display(doc.get("deleted", "")) if isinstance(doc.get("deleted"), str) else ""
        print(f"{when:<17}  {str(doc.get('id', ''))[:8]}  {_title(doc)}")
    print(_("{count} in the trash; `coprod trash --restore ID` puts one back, "
            "`coprod trash --empty` removes them for good").format(count=len(docs)))
    return 0


def _empty(args: argparse.Namespace, journal: EntryStore, count: int) -> int:
    if count == 0:
        print(_("the trash is already empty"))
        return 0
    if not args.yes:
        if not is_terminal(sys.stdin):
            raise UsageError(_("--empty removes entries for good: add --yes to confirm "
                               "(standard input is not a terminal to ask on)"))
        answer = ask_line(ngettext(
            "Remove {count} entry for good? This cannot be undone. Type yes to confirm: ",
            "Remove {count} entries for good? This cannot be undone. Type yes to confirm: ",
            count).format(count=count))
        # "yes" in the language of the question is accepted, and English always.
        if answer.strip().lower() not in ("y", "yes", _("yes")):
            print(_("nothing removed"))
            return 0
    removed = journal.empty_trash()
    print(ngettext("removed {count} entry for good", "removed {count} entries for good",
                   removed).format(count=removed))
    return 0
