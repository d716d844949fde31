"""``coprod stocktake``: the self-evaluation line by line, its history and comparisons.

The plain path for screen readers and scripts: questions one per line on a
terminal, results as text with numbers (bars drawn in ASCII), ``--history
--json`` for machines.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import Any

from coprod_tui.core.cli_context import content_dirs, is_terminal, open_store
from coprod_tui.core.clock import local_display
from coprod_tui.core.store import Store
from coprod_tui.core.text import json_text, make_visible
from coprod_tui.errors import CoprodError, UsageError
from coprod_tui.i18n import _
from coprod_tui.stocktake import records as stocktakes
from coprod_tui.stocktake import share as stocktake_share
from coprod_tui.stocktake.report import (
    comparison_lines,
    history_line,
    result_lines,
    trend_lines,
)
from coprod_tui.stocktake.rules import (
    LEVEL_IDS,
    LEVELS,
    NOTE_KINDS,
    STEP_COUNT,
    TOTAL_MIN,
    Stocktake,
    band_for,
    compare,
    level_hint,
    level_label,
    match_prefix,
    steps,
    trend,
)
from coprod_tui.stocktake.statements import SCORES, StatementSet
from coprod_tui.stocktake.team import (
    MAX_PEOPLE,
    MIN_PEOPLE,
    combine,
    pair_rule,
    team_doc,
    team_lines,
)

Ask = Callable[[str], str]


class _Paused(Exception):
    """The user asked to stop for now (``p`` or end of input)."""


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """Add ``stocktake``."""
    p = subparsers.add_parser(
        "stocktake", parents=[common],
        help=_("score your practice against the five values, or list and compare past "
               "stocktakes"),
        description=_(
            "With no option, asks fifteen statements line by line (a terminal is needed) and "
            "prints the result; an unfinished stocktake is offered for resuming. For a team: "
            "each person runs --share, one person runs --team with three or more files. These "
            "statements are coprod's own, not the Co-production Network for Wales audit tool."
        ),
    )
    group = p.add_mutually_exclusive_group()
    group.add_argument("--history", action="store_true", help=_("list finished stocktakes"))
    group.add_argument("--compare", nargs=2, metavar=("ID1", "ID2"),
                       help=_("compare two stocktakes (ids from --history; a prefix is "
                              "enough)"))
    group.add_argument("--share", nargs="?", const="", default=None, metavar="ID",
                       help=_("write one finished stocktake (the latest without ID) to the "
                              "file given with -o, for a team view: scores only, no name, no "
                              "journal"))
    group.add_argument("--team", nargs="+", metavar="FILE",
                       help=_("combine {count} or more --share files into a team view: the "
                              "spread for each statement and value, and where people disagree "
                              "most").format(count=MIN_PEOPLE))
    group.add_argument("--show", metavar="ID",
                       help=_("print one finished stocktake in full, with its notes"))
    p.add_argument("--output", "-o", metavar="FILE", help=_("with --share: the file to write"))
    p.add_argument("--with-notes", action="store_true",
                   help=_("with --share: add the notes (what is working, what next)"))
    p.add_argument("--force", action="store_true", help=_("with --share: replace FILE if it exists"))
    p.add_argument("--json", action="store_true", help=_("with --history or --team: print JSON"))
    p.set_defaults(func=cmd_stocktake)


def cmd_stocktake(args: argparse.Namespace) -> int:
    """Run the chosen stocktake command."""
    if args.json and not (args.history or args.team):
        raise UsageError(_("--json works only with --history or --team"))
    if args.share is None:
        for flag, given in (("-o/--output", args.output), ("--with-notes", args.with_notes),
                            ("--force", args.force)):
            if given:
                raise UsageError(_("{flag} works only with --share").format(flag=flag))
    if args.share is not None:
        return _share(args)
    if args.team:
        return _team(args)
    if args.history:
        return _history(open_store(args), stocktakes.load_statements(content_dirs(args)), args.json)
    if args.show:
        return _show(open_store(args), stocktakes.load_statements(content_dirs(args)), args.show)
    if args.compare:
        return _compare(open_store(args), stocktakes.load_statements(content_dirs(args)),
                        args.compare)
    if not is_terminal(sys.stdin):
        raise UsageError(_("`coprod stocktake` asks its questions on a terminal and standard "
                           "input is not one; run it in a terminal, or use --history or "
                           "--compare ID1 ID2"))
    statements = stocktakes.load_statements(content_dirs(args))
    return run_interactive(open_store(args), statements, input)


# -- history and comparison ------------------------------------------------------------
def _doc(stocktake: Stocktake) -> dict[str, Any]:
    total = stocktake.total()
    return {
        "id": stocktake.id,
        "date": stocktake.date,
        "level": stocktake.level,
        "participants": stocktake.participants,
        "scores": stocktake.scores,
        "value_scores": stocktake.value_scores(),
        "total": total,
        "band": band_for(total).name,
        "notes": stocktake.notes,
    }


def _history(store: Store, statements: StatementSet, as_json: bool) -> int:
    done = stocktakes.finished(store)
    if as_json:
        print(json_text([_doc(s) for s in reversed(done)]))
        return 0
    if not done:
        print(_("No finished stocktakes yet. Run `coprod stocktake` on a terminal to take one."))
    for stocktake in reversed(done):
        print(make_visible(history_line(stocktake)))
    waiting = stocktakes.unfinished(store)
    if waiting is not None:
        print(_("(one unfinished, started {when}: {answered} of {count} answered; "
                "`coprod stocktake` carries on)").format(
            when=local_display(waiting.started), answered=waiting.answered(), count=TOTAL_MIN))
    result = trend(done)
    if result is not None:
        print("\n" + _("Trend"))
        for line in trend_lines(result, statements, ascii_only=True):
            print(make_visible(line))
    return 0


def _resolve(done: list[Stocktake], prefix: str) -> Stocktake:
    found = match_prefix(done, prefix)
    if len(found) == 1:
        return found[0]
    if not found:
        choices = ", ".join(s.id[:8] for s in reversed(done)) or _("none yet")
        raise UsageError(_("no finished stocktake has the id {id!r}; choices: {choices}").format(
            id=prefix, choices=choices))
    choices = ", ".join(s.id for s in found)
    raise UsageError(_("{id!r} matches several stocktakes ({choices}); type more of the "
                       "id").format(id=prefix, choices=choices))


def _show(store: Store, statements: StatementSet, prefix: str) -> int:
    stocktake = _resolve(stocktakes.finished(store), prefix)
    lines = result_lines(stocktake, statements, ascii_only=True)
    if stocktake.participants:
        lines.insert(1, _("Taking part: {people}").format(people=stocktake.participants))
    print(make_visible("\n".join(lines)))
    return 0


def _compare(store: Store, statements: StatementSet, ids: list[str]) -> int:
    done = stocktakes.finished(store)
    first, second = (_resolve(done, prefix) for prefix in ids)
    if first.id == second.id:
        raise UsageError(_("{first!r} and {second!r} are the same stocktake; give two "
                           "different ids").format(first=ids[0], second=ids[1]))
    for line in comparison_lines(compare(first, second), statements):
        print(make_visible(line))
    return 0


# -- a team's stocktake ----------------------------------------------------------------
def _share(args: argparse.Namespace) -> int:
    if not args.output:
        raise UsageError(_("--share needs a file to write: add -o FILE (for example -o "
                           "{name})").format(name=stocktake_share.default_share_name()))
    store = open_store(args)
    statements = stocktakes.load_statements(content_dirs(args))
    done = stocktakes.finished(store)
    if not done:
        raise CoprodError(_("no finished stocktake to share yet; take one with "
                            "`coprod stocktake`"))
    chosen = _resolve(done, args.share) if args.share else done[-1]
    path = stocktake_share.write_share(args.output, chosen, statements,
                                       with_notes=args.with_notes, overwrite=args.force)
    notes = _("scores and notes") if args.with_notes else _("scores only (no notes)")
    print(make_visible(_("Shared the stocktake of {when} to {path}: {notes}; no name, date or "
                         "journal. Send it to the person combining the team's files "
                         "(`coprod stocktake --team FILE FILE FILE`).").format(
        when=local_display(chosen.date), path=path, notes=notes)))
    return 0


def _team(args: argparse.Namespace) -> int:
    files: list[str] = args.team
    if len(files) < MIN_PEOPLE:
        raise UsageError(_("{rule}; {count} given").format(rule=pair_rule(), count=len(files)))
    if len(files) > MAX_PEOPLE:  # before reading any: each may hold notes up to the limit
        raise UsageError(_("at most {count} shared stocktakes can be combined; {given} "
                           "given").format(count=MAX_PEOPLE, given=len(files)))
    twice = stocktake_share.same_file_given_twice(list(files))
    if twice is not None:
        raise UsageError(make_visible(_("{first!r} and {second!r} are the same file; give "
                                        "each person's file once").format(
            first=twice[0], second=twice[1])))
    # --json is for machines: the statements' English words, whatever the language.
    statements = stocktakes.load_statements(content_dirs(args),
                                            language="en" if args.json else None)
    shares = [stocktake_share.read_share(path) for path in files]
    view = combine(shares)
    if args.json:
        print(json_text(team_doc(view, statements)))
        return 0
    for line in team_lines(view, statements):
        print(make_visible(line))
    return 0


# -- asking line by line ----------------------------------------------------------------
def _ask(ask: Ask, prompt: str) -> str:
    try:
        answer = ask(prompt)
    except EOFError:
        print()
        raise _Paused from None
    return answer.strip()


def _choose_level(ask: Ask) -> str:
    choices = ", ".join(f"{n} {_(label).lower()}" for n, (_id, label) in enumerate(LEVELS, 1))
    while True:
        answer = _ask(ask, _("Who is this stocktake about? {choices} [1]: ").format(
            choices=choices)).lower()
        if not answer:
            return LEVEL_IDS[0]
        if answer.isdigit() and 1 <= int(answer) <= len(LEVELS):
            return LEVEL_IDS[int(answer) - 1]
        if answer in LEVEL_IDS:
            return answer
        print(_("Please type 1, 2 or 3 (choices: {choices}).").format(
            choices=", ".join(LEVEL_IDS)))


def _print_scale(statements: StatementSet) -> None:
    print(_("Scores:"))
    for point in statements.scale:
        print(f"  {point.score}  {point.label}: {point.descriptor}")


def _start(store: Store, ask: Ask) -> Stocktake:
    waiting = stocktakes.unfinished(store)
    if waiting is not None:
        print(_("You have an unfinished stocktake, started {when} ({answered} of {count} "
                "answered).").format(when=local_display(waiting.started),
                                     answered=waiting.answered(), count=TOTAL_MIN))
        while True:
            answer = _ask(ask, _("Carry on with it? y yes, n delete it and start again "
                                 "[y]: ")).lower()
            if answer in ("", "y", "yes", _("yes")):
                return waiting
            if answer in ("n", "no", _("no")):
                stocktakes.discard(store, waiting.id)
                break
            print(_("Please type y or n."))
    level = _choose_level(ask)
    participants = _ask(ask, _("Who is taking part? (optional: names or roles; Enter to "
                               "skip): "))
    return stocktakes.save(store, Stocktake(level=level, participants=participants))


def _statement(stocktake: Stocktake, statements: StatementSet, ask: Ask, position: int) -> int:
    """Ask one statement; returns the next position."""
    step = steps()[position]
    value = statements.value(step.value_id)
    number = sum(1 for s in steps()[: position + 1] if s.kind == "statement")
    print("\n" + _("Statement {number} of {count} ({value}):").format(
        number=number, count=TOTAL_MIN, value=value.name))
    print(make_visible(value.statements[step.index]))
    current = stocktake.score_of(step.value_id, step.index)
    default = f" [{current}]" if current else ""
    while True:
        answer = _ask(ask, _("Score 1-5 (b back, p pause, ? scores){current}: ").format(
            current=default)).lower()
        if answer == "?":
            _print_scale(statements)
        elif answer == "p":
            raise _Paused
        elif answer == "b":
            return max(position - 1, 0)
        elif not answer and current:
            return position + 1
        elif answer.isdigit() and int(answer) in SCORES:
            stocktake.set_score(step.value_id, step.index, int(answer))
            return position + 1
        else:
            print(_("Please type a number from 1 to 5 (or b, p, ?)."))


def _notes(stocktake: Stocktake, statements: StatementSet, ask: Ask, position: int) -> int:
    step = steps()[position]
    name = statements.name(step.value_id)
    print("\n" + _("Notes on {name} (optional; Enter keeps what is shown in brackets, p "
                   "pauses):").format(name=name))
    for kind, label in NOTE_KINDS:
        current = stocktake.notes.get(step.value_id, {}).get(kind, "")
        shown = f" [{make_visible(current)}]" if current else ""
        answer = _ask(ask, f"{_(label)}?{shown} ")
        if answer.lower() == "p":
            raise _Paused
        if answer:
            stocktake.set_note(step.value_id, kind, answer)
    return position + 1


def _first_unanswered(stocktake: Stocktake) -> int | None:
    for position, step in enumerate(steps()):
        if step.kind == "statement" and stocktake.score_of(step.value_id, step.index) is None:
            return position
    return None


def run_interactive(store: Store, statements: StatementSet, ask: Ask) -> int:
    """Ask every statement (saving after each answer), then print the result."""
    print(statements.title)
    print(statements.intro)
    print(_("Official tool: {tool}").format(tool=statements.official_tool) + "\n")
    try:
        stocktake = _start(store, ask)
    except _Paused:
        print(_("Nothing started."))
        return 0
    _print_scale(statements)
    print(_("About: {level}. {hint}").format(level=level_label(stocktake.level),
                                            hint=level_hint(stocktake.level)).rstrip())
    position = stocktake.position
    try:
        while True:
            while position < STEP_COUNT:
                kind = steps()[position].kind
                ask_step = _statement if kind == "statement" else _notes
                position = ask_step(stocktake, statements, ask, position)
                stocktake.position = min(position, STEP_COUNT - 1)
                stocktakes.save(store, stocktake)
            missing = _first_unanswered(stocktake)
            if missing is None:
                break
            print("\n" + _("A statement still needs a score."))
            position = missing
    except _Paused:
        stocktakes.save(store, stocktake)
        print(_("Paused: your answers are kept. Run `coprod stocktake` again to carry on."))
        return 0
    stocktakes.finish(store, stocktake)
    print()
    for line in result_lines(stocktake, statements, ascii_only=True):
        print(make_visible(line))
    print("\n" + _("Saved as {id}. `coprod stocktake --history` lists every stocktake.").format(
        id=stocktake.id[:8]))
    for line in next_commands(stocktake, statements):
        print(make_visible(line))
    return 0


def next_commands(stocktake: Stocktake, statements: StatementSet) -> list[str]:
    """The plain-path twins of the result screen's `w` and `r` for the weakest value."""
    from coprod_tui.reading.catalog import load_catalog
    from coprod_tui.reading.model import ContentError
    from coprod_tui.stocktake.rules import weakest_values

    value = statements.value(weakest_values(stocktake)[0])
    read = _("`coprod read --list` (section {section})").format(section=value.reading)
    try:
        section = load_catalog().section(value.reading)
    except ContentError:
        section = None
    if section is not None:
        read = f"`coprod read {section.tier_id} {section.id}`"
    return [_("Write about {name}: `coprod add --value {id}`").format(name=value.name,
                                                                       id=value.id),
            _("Read on the values: {command}").format(command=read)]
