"""Revalidation subcommands: ``registration``, ``revalidation``, ``cpd``, ``feedback``,
``hours`` and ``discussion``.

Long text (what you learned, what was said, an address) never has to go on the
command line, where every user of a shared server can read it (``ps``): give
``-`` to read it from standard input, ``@FILE`` to read a file, or leave it
out on a terminal and you are asked for it. Never imports the screens.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from coprod_tui.core.cli_context import is_terminal, open_store
from coprod_tui.core.store import Store
from coprod_tui.core.text import json_text, make_visible, one_line
from coprod_tui.core.textin import read_stdin
from coprod_tui.errors import CoprodError, UsageError
from coprod_tui.i18n import N_, _, ngettext
from coprod_tui.journal.entry import CODE_THEMES
from coprod_tui.journal.privacy_check import GUIDANCE, check_privacy
from coprod_tui.revalidation import records, rules

#: The most a long text field reads from a file or standard input (four bytes
#: for each of the characters a field may hold).
MAX_TEXT_BYTES = 4 * rules.MAX_TEXT

TEXT_HELP = N_("- reads standard input, @FILE reads a file; left out on a terminal, you are asked")


def _text_help(what: str) -> str:
    """An option's help for a long text field: what it is, then how to give it."""
    return f"{what}: {_(TEXT_HELP)}"


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """Add the revalidation subcommands."""
    p = subparsers.add_parser(
        "revalidation", parents=[common],
        help=_("progress towards revalidation (NMC) or renewal (HCPC) and what is still needed"),
        description=_("Show progress against your regulator's requirements for the window "
                      "ending on your revalidation date (set it with `coprod registration`)."))
    p.add_argument("--json", action="store_true", help=_("print the progress as JSON"))
    p.set_defaults(func=cmd_revalidation)

    p = subparsers.add_parser(
        "registration", parents=[common],
        help=_("set or show your regulator and revalidation date"),
        description=_("With no options, show the registration; with both, set it."))
    p.add_argument("--regulator", metavar="R", help=rules.regulators_hint())
    p.add_argument("--date", metavar="YYYY-MM-DD",
                   help=_("your revalidation (NMC) or renewal date; the window is the cycle "
                          "before it (NMC 3 years, HCPC 2, GMC 5)"))
    p.set_defaults(func=cmd_registration)

    _log(subparsers, common, "cpd", _("your CPD log (NMC CPD record, HCPC activities)"),
         _cpd_options, cmd_cpd_add, cmd_cpd_list, records.CPD)
    _log(subparsers, common, "feedback",
         _("practice-related feedback (the kind of source, no names)"),
         _feedback_options, cmd_feedback_add, cmd_feedback_list, records.FEEDBACK)
    _log(subparsers, common, "hours", _("practice hours"), _hours_options, cmd_hours_add,
         cmd_hours_list, records.HOURS)
    _log(subparsers, common, "discussion", _("the reflective discussion form (NMC)"),
         _discussion_options, cmd_discussion_add, cmd_discussion_list, records.DISCUSSIONS)


def _log(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser, name: str,
         help_text: str, options: Callable[[argparse.ArgumentParser], None],
         add: Callable[[argparse.Namespace], int], show: Callable[[argparse.Namespace], int],
         table: str) -> None:
    p = subparsers.add_parser(name, parents=[common], help=help_text,
                              description=_("{what}: add, list, or delete one for good.").format(
                                  what=f"{help_text[0].upper()}{help_text[1:]}"))
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True,
                               parser_class=type(p))
    a = actions.add_parser("add", parents=[common], help=_("add to {name}").format(name=name),
                           description=_("Add to {name}. Long text: {how}.").format(
                               name=name, how=_(TEXT_HELP)))
    options(a)
    a.set_defaults(func=add)
    lst = actions.add_parser("list", parents=[common], help=_("list {name}").format(name=name))
    lst.add_argument("--json", action="store_true", help=_("print as JSON"))
    if name == "discussion":
        lst.add_argument("--with-partner", action="store_true",
                         help=_("also show the partner's name, PIN, email, address and "
                                "postcode"))
    lst.set_defaults(func=show)
    d = actions.add_parser(
        "delete", parents=[common],
        help=_("remove one from {name} for good, backups included").format(name=name),
        description=_("Remove one record from {name} for good: from the log and from every "
                      "backup in your data folder (for something typed by mistake, such as a "
                      "name). Asks first on a terminal; --yes for scripts.").format(name=name))
    d.add_argument("id", metavar="ID",
                   help=_("the record's id (or its start) as `coprod {name} list --json` "
                          "shows it").format(name=name))
    d.add_argument("--yes", action="store_true", help=_("do not ask"))
    d.set_defaults(func=cmd_delete, table=table, log_name=name)


def _cpd_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--date", metavar="YYYY-MM-DD", help=_("when (default today)"))
    p.add_argument("--title", metavar="TITLE|@FILE",
                   help=_("what the activity was (a short title); leave it out to be asked"))
    p.add_argument("--method", help=_("how: {choices} (or your words)").format(
        choices=rules.methods_hint()))
    p.add_argument("--hours", metavar="H", help=_("how long, e.g. 1.5"))
    group = p.add_mutually_exclusive_group()
    group.add_argument("--participatory", action="store_true", default=None,
                       help=_("learning with others (the NMC asks for 20 such hours)"))
    group.add_argument("--individual", dest="participatory", action="store_false",
                       help=_("learning on your own"))
    p.add_argument("--theme", action="append", default=[], metavar="THEME",
                   help=_("a Code theme (repeat): {choices} (the first word is enough)").format(
                       choices="; ".join(_(t) for t in CODE_THEMES)))
    p.add_argument("--standard", action="append", default=[], metavar="N",
                   help=_("an HCPC standard it meets, 1 to 5 (repeat)"))
    p.add_argument("--learned", metavar="-|@FILE",
                   help=_text_help(_("what you learned and how it relates to your practice")))
    p.add_argument("--evidence-note", metavar="-|@FILE",
                   help=_text_help(_("evidence as a note")))
    p.add_argument("--evidence-file", metavar="PATH",
                   help=_("evidence kept in a file (its path)"))
    p.add_argument("--entry", action="append", default=[], metavar="ID",
                   help=_("a journal entry it links to (id or its start; repeat)"))
    p.add_argument("--from-reading", action="store_true",
                   help=_("log the toolkit sections you have read and not logged yet "
                          "(title, date, hours filled in from them)"))


def _feedback_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--date", metavar="YYYY-MM-DD", help=_("when (default today)"))
    p.add_argument("--source", help=_("who it came from, as a kind: {choices}").format(
        choices=rules.sources_hint()))
    p.add_argument("--said", metavar="-|@FILE", help=_text_help(_("what was said")))
    p.add_argument("--changed", metavar="-|@FILE", help=_text_help(_("what you changed")))


def _hours_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--date", metavar="YYYY-MM-DD",
                   help=_("the day, or the first day of a period"))
    p.add_argument("--until", metavar="YYYY-MM-DD", help=_("the last day of a period"))
    p.add_argument("--hours", metavar="H", help=_("hours of practice"))
    p.add_argument("--role", default=None, metavar="ROLE|@FILE",
                   help=_("role or setting (optional, short); leave it out to be asked"))


#: Said of the partner's details: another person's, so better kept out of ``ps``.
PARTNER_HELP = N_("; @FILE reads it from a file; left out on a terminal, you are asked (typed "
                  "here it is visible to other users in the process list)")


def _discussion_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--partner", metavar="NAME|@FILE",
                   help=_("the NMC registrant you discussed with") + _(PARTNER_HELP))
    p.add_argument("--pin", metavar="PIN|@FILE",
                   help=_("their NMC PIN, e.g. 12A3456B") + _(PARTNER_HELP))
    p.add_argument("--date", metavar="YYYY-MM-DD", help=_("when you met"))
    p.add_argument("--email", metavar="EMAIL|@FILE", help=_("their email") + _(PARTNER_HELP))
    p.add_argument("--postcode", metavar="POSTCODE|@FILE",
                   help=_("the postcode of their professional address") + _(PARTNER_HELP))
    p.add_argument("--address", metavar="-|@FILE",
                   help=_text_help(_("their professional address")))
    p.add_argument("--account", action="append", default=[], metavar="ID",
                   help=_("a journal entry (reflective account) you discussed (repeat for 5)"))
    p.add_argument("--notes", metavar="-|@FILE", help=_text_help(_("notes (optional)")))


# -- reading input ------------------------------------------------------------------
class _Input:
    """Gathers fields from options, standard input (once), files or prompts."""

    def __init__(self) -> None:
        self.stdin_used = False
        self.ask = is_terminal(sys.stdin)

    def text(self, given: str | None, option: str, label: str, required: bool = False) -> str:
        """A long text field: ``-``, ``@FILE``, or asked for on a terminal."""
        if given is None:
            if self.ask:
                return self._ask_lines(label)
            if required:
                raise UsageError(_("give {option} - (standard input) or {option} @FILE").format(
                    option=option))
            return ""
        if given == "-":
            if self.stdin_used:
                raise UsageError(_("{option}: standard input was already read for another "
                                   "field; use @FILE").format(option=option))
            self.stdin_used = True
            # Bounded: `< /dev/zero` must not fill a shared server's memory.
            return read_stdin(limit=MAX_TEXT_BYTES)
        if given.startswith("@"):
            return read_text_file(Path(given[1:]).expanduser(), option)
        raise UsageError(_("{option} takes - (standard input) or @FILE: text on the command "
                           "line can be read by other users of this machine (ps)").format(
                               option=option))

    def private_short(self, given: str | None, option: str, label: str) -> str:
        """A short field holding another person's details: ``@FILE`` (its first line),
        asked on a terminal, or (with a warning that ``ps`` shows it) the value given."""
        if given is not None and given.strip() and not given.startswith("@"):
            print(_("note: {option} given on the command line can be read by other users of "
                    "this computer (ps); next time leave it out to be asked, or give "
                    "{option} @FILE").format(option=option), file=sys.stderr)
        return self.short(given, option, label)

    def short(self, given: str | None, option: str, label: str, default: str | None = None) -> str:
        """A short field: the option (``@FILE``: that file's first line, kept out of
        ``ps``), else a prompt on a terminal, else the default."""
        if given is not None and given.startswith("@"):
            text = read_text_file(Path(given[1:]).expanduser(), option).strip()
            return text.splitlines()[0] if text else ""
        if given is not None:
            return given
        if self.ask:
            suffix = f" [{default}]" if default else ""
            try:
                answer = input(f"{label}{suffix}: ").strip()
            except EOFError:
                answer = ""
            return answer or (default or "")
        if default is not None:
            return default
        raise UsageError(_("give {option}").format(option=option))

    def yes_no(self, given: bool | None, option: str, label: str) -> bool:
        """A yes/no field."""
        if given is not None:
            return given
        if self.ask:
            try:
                answer = input(_("{question} (y/n): ").format(question=label))
            except EOFError:
                return False
            typed, yes = answer.strip().lower(), _("yes")
            # English "y..." always works; so do the interface language's yes and its first letter.
            return typed.startswith("y") or typed in (yes, yes[:1])
        raise UsageError(_("say {option} or its opposite").format(option=option))

    @staticmethod
    def _ask_lines(label: str) -> str:
        print(_("{label} (an empty line ends it):").format(label=label))
        lines = []
        while True:
            try:
                line = input("> ")
            except EOFError:
                print()
                break
            if not line:
                break
            lines.append(line)
        return "\n".join(lines)


def read_text_file(path: Path, option: str) -> str:
    """The text of ``@FILE``: a regular file of this user's that only they can change.

    A symbolic link, a pipe or device (a FIFO would wait for ever, ``/dev/zero``
    would fill the memory), another user's file (one planted in a shared folder)
    or a file over :data:`MAX_TEXT_BYTES` is refused with a one-line message.
    """
    from coprod_tui.shell.cli import read_own_file

    try:
        data = read_own_file(path, limit=MAX_TEXT_BYTES)
    except CoprodError as error:
        raise CoprodError(f"{option}: {error.message}") from None
    return data.decode("utf-8", errors="replace")


def _built(build: Callable[..., dict[str, Any]], **fields: Any) -> dict[str, Any]:
    try:
        return build(**fields)
    except ValueError as error:
        raise UsageError(str(error)) from None


def entry_ids(store: Store, prefixes: list[str], option: str) -> list[str]:
    """Full journal entry ids for ids or their starts (raises :class:`UsageError`)."""
    try:
        return records.entry_ids(store, prefixes)
    except ValueError as error:
        raise UsageError(f"{option} {error}") from None  # the error is the store's words


def _warn_identifying(*texts: str) -> None:
    findings = check_privacy("\n".join(texts))
    if findings:
        print(_("warning: this may identify someone:"), file=sys.stderr)
        for finding in findings:
            print(f"  ! {one_line(finding.describe(), 70)}", file=sys.stderr)
        print(_(GUIDANCE), file=sys.stderr)


def _today() -> str:
    return dt.date.today().isoformat()


# -- commands -----------------------------------------------------------------------------
def cmd_registration(args: argparse.Namespace) -> int:
    """Set or show the registration."""
    store = open_store(args)
    if args.regulator is None and args.date is None:
        reg = records.registration(store)
        if reg is None:
            print(_("no registration yet: coprod registration --regulator nmc --date "
                    "YYYY-MM-DD"))
            return 0
    elif args.regulator is None or args.date is None:
        raise UsageError(_("give both --regulator and --date"))
    else:
        try:
            reg = records.set_registration(store, args.regulator, args.date)
        except ValueError as error:
            raise UsageError(str(error)) from None
    win = rules.window(rules.parse_date(reg["renewal"]), reg.get("regulator"))
    print(_("regulator: {name}").format(name=_(rules.REGULATORS.get(reg.get("regulator"), "?"))))
    print(_("revalidation date: {date} (window {start} to {end})").format(
        date=reg["renewal"], start=win.start, end=win.end))
    return 0


def cmd_revalidation(args: argparse.Namespace) -> int:
    """Print progress and what is still needed."""
    progress = records.progress(open_store(args))
    if args.json:
        json.dump(progress.to_json(), sys.stdout, indent=2)
        print()
        return 0
    for line in progress_lines(progress):
        print(line)
    return 0


def progress_lines(progress: rules.Progress) -> list[str]:
    """Progress in plain lines (for the command line and screen readers)."""
    lines = []
    if progress.regulator:
        lines.append(_("regulator: {name}").format(name=_(rules.REGULATORS[progress.regulator])))
    if progress.window:
        lines.append(_("window: {start} to {end} ({when})").format(
            start=progress.window.start, end=progress.window.end,
            when=rules.days_text(progress.days_left)))
    for req in progress.requirements:
        mark = "[x]" if req.met else "[ ]"
        unit = f" {req.unit}" if req.unit else ""
        need = " " + _("of {need}").format(need=rules.fmt_hours(req.need)) if req.need else ""
        lines.append(f"{mark} {rules.fmt_hours(req.have)}{need}{unit} {_(req.label)}")
    for start, end in progress.gaps:
        lines.append("[ ] " + _("gap in CPD of 3 months or more: {start} to {end}").format(
            start=start, end=end))
    if progress.complete:
        lines.append(_("complete: everything the regulator asks coprod to keep is here"))
    else:
        lines.append(_("still needed:"))
        lines += [f"- {item}" for item in progress.missing(shown=True)]
    return lines


def cmd_cpd_add(args: argparse.Namespace) -> int:
    """Add a CPD activity."""
    ask = _Input()
    store = open_store(args)
    sections: list[str] = []
    if args.from_reading:
        from coprod_tui.core.cli_context import content_dirs

        proposal = records.reading_proposal(store, content_dirs(args))
        if proposal is None:
            raise CoprodError(_("no reading to log: no section is marked read, or all read ones "
                                "are already in your CPD log"))
        print(_("logging your reading of: {sections}").format(
            sections="; ".join(proposal["read"])))
        sections = proposal["sections"]
        args.date = args.date or proposal["date"]
        args.title = args.title or proposal["title"]
        args.method = args.method or proposal["method"]
        args.hours = args.hours or str(proposal["hours"])
        args.participatory = False if args.participatory is None else args.participatory
    fields = dict(
        date=ask.short(args.date, "--date", _("Date (YYYY-MM-DD)"), _today()),
        title=ask.short(args.title, "--title", _("Title")),
        method=ask.short(args.method, "--method", _("Method ({choices})").format(
            choices=rules.methods_hint())),
        hours=ask.short(args.hours, "--hours", _("Hours")),
        participatory=ask.yes_no(args.participatory, "--participatory",
                                 _("Participatory (learning with others)?")),
        sections=sections,
        themes=args.theme, standards=args.standard,
        learned=ask.text(args.learned, "--learned",
                         _("What you learned and how it relates to your practice")),
        evidence="",
        entries=entry_ids(store, args.entry, "--entry"),
    )
    note = ask.text(args.evidence_note, "--evidence-note", _("Evidence (a note)")) \
        if args.evidence_note is not None or (ask.ask and not args.evidence_file) else ""
    evidence = [note.strip()] if note.strip() else []
    if args.evidence_file:
        path = Path(args.evidence_file).expanduser().absolute()
        if not path.exists():
            print(_("note: {path} does not exist (yet)").format(path=make_visible(str(path))),
                  file=sys.stderr)
        # Written into the record in the language of the day (the user's text from then on).
        evidence.append(_("File: {path}").format(path=path))
    fields["evidence"] = "\n".join(evidence)
    doc = records.add(store, records.CPD, _built(rules.make_cpd, **fields))
    _warn_identifying(doc["title"], doc["learned"], doc["evidence"])
    kind = _("participatory") if doc["participatory"] else _("individual")
    print(_("added CPD {id}: {hours} h {kind} on {date}").format(
        id=doc["id"][:8], hours=rules.fmt_hours(doc["hours"]), kind=kind, date=doc["date"]))
    return 0


def cmd_feedback_add(args: argparse.Namespace) -> int:
    """Add practice-related feedback."""
    ask = _Input()
    fields = dict(
        date=ask.short(args.date, "--date", _("Date (YYYY-MM-DD)"), _today()),
        source=rules.feedback_source(ask.short(args.source, "--source", _("Source ({choices})").format(
            choices=rules.sources_hint()))),
        said=ask.text(args.said, "--said", _("What was said (no names)"), required=True),
        changed=ask.text(args.changed, "--changed", _("What you changed as a result")),
    )
    record = _built(rules.make_feedback, **fields)
    doc = records.add(open_store(args), records.FEEDBACK, record)
    _warn_identifying(doc["said"], doc["changed"])
    print(_("added feedback {id} from a {source} on {date}").format(
        id=doc["id"][:8], source=rules.shown_choice(doc["source"]), date=doc["date"]))
    return 0


def cmd_hours_add(args: argparse.Namespace) -> int:
    """Add practice hours."""
    ask = _Input()
    record = _built(
        rules.make_hours,
        date=ask.short(args.date, "--date", _("Date or first day (YYYY-MM-DD)"), _today()),
        hours=ask.short(args.hours, "--hours", _("Hours of practice")),
        role=ask.short(args.role, "--role", _("Role or setting (optional)"), ""),
        until=args.until,
    )
    doc = records.add(open_store(args), records.HOURS, record)
    span = (_("{start} to {end}").format(start=doc["date"], end=doc["until"])
            if doc.get("until") else doc["date"])
    print(_("added {hours} practice hours ({span})").format(
        hours=rules.fmt_hours(doc["hours"]), span=span))
    return 0


def cmd_discussion_add(args: argparse.Namespace) -> int:
    """Record the reflective discussion."""
    ask = _Input()
    store = open_store(args)
    partner = ask.private_short(args.partner, "--partner", _("Partner's name"))
    pin = ask.private_short(args.pin, "--pin", _("Partner's NMC PIN"))
    try:  # checked at once, before anything longer is asked for
        pin = rules.check_pin(pin)
    except ValueError as error:
        raise UsageError(f"--pin: {error}") from None
    accounts = args.account
    if not accounts and ask.ask:
        accounts = ask.short(None, "--account",
                             _("Entry ids discussed (separated by spaces)")).split()
    record = _built(
        rules.make_discussion,
        partner=partner, pin=pin,
        date=ask.short(args.date, "--date", _("Date (YYYY-MM-DD)"), _today()),
        email=ask.private_short(args.email, "--email", _("Partner's email")),
        postcode=ask.private_short(args.postcode, "--postcode",
                                   _("Postcode of their professional address")),
        address=ask.text(args.address, "--address", _("Their professional address"),
                         required=True),
        accounts=entry_ids(store, accounts, "--account"),
        notes=ask.text(args.notes, "--notes", _("Notes (optional)")),
    )
    doc = records.add(store, records.DISCUSSIONS, record)
    count = len(doc["accounts"])
    print(ngettext("added the reflective discussion of {date} ({count} account); exports leave "
                   "the partner out unless --with-partner",
                   "added the reflective discussion of {date} ({count} accounts); exports leave "
                   "the partner out unless --with-partner", count).format(
                       date=doc["date"], count=count))
    return 0


def _list(args: argparse.Namespace, table: str, line: Callable[[dict[str, Any]], str],
          shape: Callable[[dict[str, Any]], dict[str, Any]] = dict) -> int:
    docs = [shape(d) for d in records.listed(open_store(args), table)]
    if args.json:
        sys.stdout.write(json_text(docs))
        print()
        return 0
    if not docs:
        print(_("nothing yet"))
    for doc in docs:
        print(make_visible(line(doc)))
    return 0


def cmd_delete(args: argparse.Namespace) -> int:
    """Remove one record of a log for good, from the backups too (asks first)."""
    store = open_store(args)
    try:
        record_id = records.record_id(store, args.table, args.id)
    except ValueError as error:
        raise UsageError(_("{problem}; `coprod {name} list` shows the records (--json their "
                           "ids)").format(problem=make_visible(str(error)),
                                          name=args.log_name)) from None
    if not args.yes:
        if not is_terminal(sys.stdin):
            raise UsageError(_("delete removes the record for good: add --yes to confirm "
                               "(standard input is not a terminal to ask on)"))
        try:
            answer = input(_("Remove {name} record {id} for good, from the backups too? This "
                             "cannot be undone. Type yes to confirm: ").format(
                                 name=args.log_name, id=record_id[:8]))
        except EOFError:
            answer = ""
        # "yes" always works; so does the interface language's word for it.
        if answer.strip().lower() not in ("y", "yes", _("yes")):
            print(_("nothing removed"))
            return 0
    if not records.remove_for_good(store, args.table, record_id):
        raise CoprodError(_("{name} record {id} is no longer there (removed in another "
                            "session?)").format(name=args.log_name, id=record_id[:8]))
    print(_("removed {name} record {id} for good, and from every backup").format(
        name=args.log_name, id=record_id[:8]))
    return 0


def cmd_cpd_list(args: argparse.Namespace) -> int:
    """List CPD activities."""
    def line(d: dict[str, Any]) -> str:
        kind = _("participatory") if d.get("participatory") else _("individual")
        return (f"{d.get('date')}  {str(d.get('id', ''))[:8]}  {rules.fmt_hours(rules.hours_of(d))} h "
                f"{kind}  {one_line(str(d.get('title', '')), 40)} ({d.get('method', '')})")
    return _list(args, records.CPD, line)


def cmd_feedback_list(args: argparse.Namespace) -> int:
    """List feedback."""
    return _list(args, records.FEEDBACK, lambda d: (
        f"{d.get('date')}  {str(d.get('id', ''))[:8]}  {rules.shown_choice(d.get('source'))}: "
        f"{one_line(str(d.get('said', '')), 50)}"))


def cmd_hours_list(args: argparse.Namespace) -> int:
    """List practice hours."""
    def line(d: dict[str, Any]) -> str:
        span = (_("{start} to {end}").format(start=d.get("date"), end=d["until"])
                if d.get("until") else str(d.get("date")))
        return f"{span}  {rules.fmt_hours(rules.hours_of(d))} h  {d.get('role') or ''}".rstrip()
    return _list(args, records.HOURS, line)


def cmd_discussion_list(args: argparse.Namespace) -> int:
    """List reflective discussions (the partner's details only with --with-partner)."""
    def line(d: dict[str, Any]) -> str:
        who = ("  " + _("with {partner} ({pin})").format(partner=d["partner"], pin=d.get("pin"))
               if "partner" in d else "")
        count = len(rules.strings(d, "accounts"))
        accounts = ngettext("{count} account", "{count} accounts", count).format(count=count)
        return f"{d.get('date')}  {str(d.get('id', ''))[:8]}  {accounts}{who}"
    shape = dict if args.with_partner else rules.without_partner
    return _list(args, records.DISCUSSIONS, line, shape)
