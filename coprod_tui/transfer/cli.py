"""``coprod export`` and ``coprod import``: take your reflections with you, or bring them in."""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path

from coprod_tui.core.cli_context import open_store
from coprod_tui.core.clock import parse_day
from coprod_tui.core.store import Store
from coprod_tui.core.text import make_visible
from coprod_tui.errors import UsageError
from coprod_tui.i18n import N_, _
from coprod_tui.journal.entry import VALUE_IDS
from coprod_tui.transfer.common import FORMATS, ExportFilter

SOURCES = ("coprod", "jrnl")


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """Add ``export`` and ``import``."""
    p = subparsers.add_parser(
        "export", parents=[common],
        help=_("write your journal as md, txt, json (backup), or a revalidation pack: "
               "nmc, hcpc, html"),
        description=_("Export the journal to standard output, or to a new private (0600) "
                      "file with --output. Filters apply to md, txt and the packs (nmc, hcpc, "
                      "html: for the window ending on your revalidation date unless "
                      "--since/--until say otherwise); json holds everything."),
    )
    p.add_argument("--format", default="md", metavar="FORMAT",
                   help=_("md (default), txt, nmc (NMC revalidation pack), hcpc (HCPC CPD "
                          "profile), html (the pack as a page to print) or json"))
    p.add_argument("--with-partner", action="store_true",
                   help=_("include the reflective discussion partner's name, PIN, email, "
                          "address and postcode (left out unless you ask)"))
    p.add_argument("--value", action="append", default=[], metavar="V",
                   help=_("only entries about this value (repeat for several): {choices}").format(
                       choices=", ".join(VALUE_IDS)))
    p.add_argument("--tag", action="append", default=[], metavar="T",
                   help=_("only entries with this tag (repeat for several)"))
    p.add_argument("--since", metavar="YYYY-MM-DD", help=_("only entries from this day on"))
    p.add_argument("--until", metavar="YYYY-MM-DD", help=_("only entries up to this day"))
    p.add_argument("--entry", action="append", default=[], metavar="ID",
                   help=_("only this entry (an id, or the start of one as `coprod list` "
                          "shows it; repeat for several)"))
    p.add_argument("--output", "-o", metavar="PATH",
                   help=_("write to this new file instead of standard output"))
    p.add_argument("--force", action="store_true", help=_("replace PATH if it exists"))
    p.add_argument("--encrypt-to", action="append", default=[], metavar="RECIPIENT",
                   help=_("write an age file only RECIPIENT can open (an age1... public key "
                          "or an ssh-ed25519/ssh-rsa public key line; repeat for several) "
                          "instead of a plain file"))
    p.set_defaults(func=cmd_export)

    p = subparsers.add_parser(
        "import", parents=[common],
        help=_("merge a coprod json export, or move in from jrnl (--from jrnl)"),
        description=_("Merge a file into your data, all or nothing: records are matched by "
                      "id, the newer wins, and importing the same file twice adds nothing."),
    )
    p.add_argument("file", metavar="FILE",
                   help=_("a `coprod export --format json` file, or with --from jrnl a "
                          "`jrnl --export json` file"))
    p.add_argument("--from", dest="source", default="coprod", metavar="SOURCE",
                   help=_("coprod (default) or jrnl"))
    p.add_argument("--value", action="append", default=[], metavar="V",
                   help=_("with --from jrnl: the value for every imported entry: "
                          "{choices}").format(choices=", ".join(VALUE_IDS)))
    p.set_defaults(func=cmd_import)


_UNKNOWN = {
    "value": N_("unknown value {value!r}; choices: {choices}"),
    "format": N_("unknown format {value!r}; choices: {choices}"),
    "source": N_("unknown source {value!r}; choices: {choices}"),
}


def _choice(kind: str, given: str, choices: tuple[str, ...] | list[str]) -> str:
    if given not in choices:
        raise UsageError(_(_UNKNOWN[kind]).format(value=given, choices=", ".join(choices)))
    return given


def _day(flag: str, text: str | None):  # noqa: ANN202 - dt.date | None
    if text is None:
        return None
    try:
        return parse_day(text)
    except ValueError as error:
        raise UsageError(_("{option}: {error}").format(option=flag, error=error)) from None


def export_filter(args: argparse.Namespace) -> ExportFilter:
    """The filter described by the command-line flags (raises :class:`UsageError`)."""
    values = tuple(_choice("value", v, VALUE_IDS) for v in args.value)
    since, until = _day("--since", args.since), _day("--until", args.until)
    if since and until and since > until:
        raise UsageError(_("--since {since} is after --until {until}").format(
            since=since, until=until))
    return ExportFilter(values, tuple(args.tag), since, until)


def _entry_ids(store: Store, prefixes: list[str]) -> tuple[str, ...]:
    """Full entry ids for ids or id prefixes (raises :class:`UsageError`)."""
    known = [doc["id"] for doc in store.all("entries") if isinstance(doc.get("id"), str)]
    found = []
    for prefix in prefixes:
        matches = [i for i in known if i.startswith(prefix)] if prefix else []
        if len(matches) != 1:
            problem = (_("--entry {id!r} matches several entries; `coprod list` shows the ids")
                       if matches else
                       _("--entry {id!r} matches no entry; `coprod list` shows the ids"))
            raise UsageError(problem.format(id=prefix))
        found.append(matches[0])
    return tuple(found)


def cmd_export(args: argparse.Namespace) -> int:
    """Export to standard output or a new file."""
    from coprod_tui.transfer.files import render, write_export

    fmt = _choice("format", args.format, list(FORMATS))
    flt = export_filter(args)
    if fmt == "json" and (not flt.is_all() or args.entry):
        raise UsageError(_("json is the full backup and takes no filters; "
                           "use md, txt, nmc, hcpc or html to export a selection"))
    store = open_store(args)
    if args.entry:
        flt = replace(flt, ids=_entry_ids(store, args.entry))
    recipients = _recipients(args.encrypt_to)
    if recipients and args.output is None and sys.stdout.isatty():
        raise UsageError(_("an encrypted export is binary: give --output FILE, or redirect "
                           "standard output to a file"))
    if not recipients and store.encrypted:
        # Said before anything is written.
        print(_("note: your journal is encrypted, but this export is an ordinary file that "
                "anyone who can read it can read; --encrypt-to RECIPIENT writes an age file"),
              file=sys.stderr)
    text = render(store, fmt, flt, with_partner=args.with_partner)
    payload: str | bytes = text
    if recipients:
        import pyrage

        payload = pyrage.encrypt(text.encode("utf-8"), recipients)
    if args.output is None:
        if isinstance(payload, bytes):
            sys.stdout.buffer.write(payload)
            sys.stdout.buffer.flush()
        else:
            sys.stdout.write(payload)
            sys.stdout.flush()
        return 0
    path = write_export(Path(args.output), payload, overwrite=args.force)
    if recipients:
        said = _("saved {format} export, encrypted (age), to {path}")
    else:
        said = _("saved {format} export to {path}")
    print(make_visible(said.format(format=fmt, path=path)), file=sys.stderr)
    return 0


def _recipients(given: list[str]) -> list[object]:
    """Parse ``--encrypt-to`` values (age X25519 or SSH public keys); exit 2 if bad."""
    if not given:
        return []
    import pyrage

    found: list[object] = []
    for text in given:
        text = text.strip()
        try:
            if text.startswith("age1"):
                found.append(pyrage.x25519.Recipient.from_str(text))
            elif text.startswith(("ssh-ed25519 ", "ssh-rsa ")):
                found.append(pyrage.ssh.Recipient.from_str(text))
            else:
                raise ValueError
        except Exception:  # noqa: BLE001 - any parse failure is a usage error
            raise UsageError(_("--encrypt-to {given!r} is not an age recipient: give an "
                               "age1... public key (`age-keygen -y KEYFILE`) or an "
                               "ssh-ed25519/ssh-rsa public key line").format(
                                   given=make_visible(text)[:60])) from None
    return found


def cmd_import(args: argparse.Namespace) -> int:
    """Import a file and print what changed."""
    from coprod_tui.transfer.importer import import_file

    source = _choice("source", args.source, SOURCES)
    values = [_choice("value", v, VALUE_IDS) for v in args.value]
    if values and source != "jrnl":
        raise UsageError(_("--value is for --from jrnl (a coprod export keeps its own values)"))
    summary = import_file(open_store(args), Path(args.file), source, values)
    print(make_visible("\n".join(summary.lines())))
    return 0
