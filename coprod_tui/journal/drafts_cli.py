"""``coprod drafts``: unsaved writing kept by the full-screen app or plain mode."""

from __future__ import annotations

import argparse
import json
from typing import Any

from coprod_tui.core.cli_context import open_store
from coprod_tui.core.clock import local_display
from coprod_tui.core.store import Store
from coprod_tui.core.text import json_text, make_visible, one_line
from coprod_tui.errors import UsageError
from coprod_tui.i18n import _


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """Add ``drafts``."""
    p = subparsers.add_parser(
        "drafts", parents=[common], help=_("list kept unsaved writing; show or discard a draft"),
        description=_("List drafts (writing kept when you left without saving), newest first. "
                      "Carry on with one in the app (coprod, then 2) or in plain mode."))
    group = p.add_mutually_exclusive_group()
    group.add_argument("--show", metavar="KEY", help=_("print one draft (the start of its key)"))
    group.add_argument("--discard", metavar="KEY", help=_("forget one draft for good"))
    p.add_argument("--json", action="store_true", help=_("print the drafts as JSON"))
    p.set_defaults(func=cmd_drafts)


def _resolve(store: Store, prefix: str) -> dict[str, Any]:
    drafts = store.drafts()
    exact = [d for d in drafts if d.get("id") == prefix]
    found = exact or [d for d in drafts if prefix and str(d.get("id", "")).startswith(prefix)]
    if len(found) == 1:
        return found[0]
    choices = ", ".join(str(d.get("id")) for d in (found or drafts)[:10]) or _("none")
    problem = (_("{key!r} matches several drafts; choices: {choices}") if found
               else _("{key!r} matches no draft; choices: {choices}"))
    raise UsageError(problem.format(key=make_visible(prefix), choices=make_visible(choices)))


def _lines(doc: dict[str, Any]) -> list[str]:
    from coprod_tui.plain.journal import draft_entry, entry_lines

    data = doc.get("data") or {}
    if not str(doc.get("id", "")).startswith("entry:"):
        return [_("Draft {key}:").format(key=doc.get("id")),
                json.dumps(data, indent=2, ensure_ascii=False)]
    entry = draft_entry(data)
    kind = _("changes to a saved entry") if data.get("editing") else _("a new entry")
    return [_("Draft {key} ({kind}), kept {when}").format(
                key=doc.get("id"), kind=kind, when=local_display(doc.get("saved", ""))),
            *entry_lines(entry)[3:]]


def cmd_drafts(args: argparse.Namespace) -> int:
    """List, show or discard drafts."""
    store = open_store(args)
    if args.show:
        print(make_visible("\n".join(_lines(_resolve(store, args.show)))))
        return 0
    if args.discard:
        doc = _resolve(store, args.discard)
        store.discard_draft(str(doc["id"]))
        print(make_visible(_("discarded draft {key}").format(key=doc["id"])))
        return 0
    drafts = store.drafts()
    if args.json:
        print(json_text(drafts))
        return 0
    if not drafts:
        print(_("no drafts"))
        return 0
    from coprod_tui.plain.journal import draft_entry

    for doc in drafts:
        entry = draft_entry(doc.get("data") or {})
        preview = one_line(entry.title or entry.text() or _("(empty)"), 44)
        print(make_visible(f"{local_display(doc.get('saved', ''))}  {doc.get('id')}  {preview}"))
    print(_("show one with `coprod drafts --show KEY`"))
    return 0
