"""``coprod spectrum``: place an activity on the spectrum of engagement in plain text.

With the three answers as flags it prints the result; with none on a terminal
it asks the questions one line at a time (a path for screen-reader users).
"""

from __future__ import annotations

import argparse
import json
import sys
import textwrap
from collections.abc import Callable

from coprod_tui.core.cli_context import is_terminal
from coprod_tui.core.text import make_visible
from coprod_tui.core.textin import (
    WHY,
    StdinLines,
    edit_fields,
    resolve,
    save_keeping_text,
    text_option,
)
from coprod_tui.errors import CoprodError, UsageError
from coprod_tui.i18n import _
from coprod_tui.spectrum.drawing import draw_spectrum
from coprod_tui.spectrum.rules import (
    CITIZENS_HELP,
    CITIZENS_PROMPT,
    HOLDERS,
    QUESTIONS,
    REFINE_IDS,
    REFINING,
    SpectrumAnswers,
    SpectrumResult,
    base_approach,
    place,
)

_ALIASES = {"organization": "organisation", "org": "organisation"}
_YES = {"y", "yes"}
_NO = {"n", "no"}


def _yes() -> set[str]:
    """Answers meaning yes: English always, and the interface language's own."""
    return _YES.union([_("yes")])


def _no() -> set[str]:
    """Answers meaning no: English always, and the interface language's own."""
    return _NO.union([_("no")])


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """Add ``spectrum``."""
    p = subparsers.add_parser(
        "spectrum", parents=[common],
        help=_("place an activity on the spectrum of engagement"),
        description=_(
            "Place an activity on the spectrum of engagement by who holds the knowledge, "
            "who makes the decisions and who acts on them. Answers that fit no row of the "
            "toolkit's table are named as lying between two places. With no answers on a "
            "terminal, asks the questions one at a time."
        ) + " " + _(WHY),
    )
    choices = ", ".join(HOLDERS)
    p.add_argument("--knowledge", metavar="X",
                   help=_("who holds the knowledge: {choices}").format(choices=choices))
    p.add_argument("--decisions", metavar="Y",
                   help=_("who makes the decisions: {choices}").format(choices=choices))
    p.add_argument("--acts", metavar="Z",
                   help=_("who carries out the activity (acts on the decisions): "
                          "{choices}").format(choices=choices))
    p.add_argument("--no-citizens", action="store_true",
                   help=_("no people who use the service (patients, carers) are involved"))
    p.add_argument("--refine", metavar="R",
                   help=_("optional refining answer: safety, behaviour or inform when the "
                          "organisation knows, decides and acts (protection, education, "
                          "information); inform, ask or listen when it listens to "
                          "people's knowledge (information, consultation, participation)"))
    p.add_argument("--draw", action="store_true",
                   help=_("also draw the spectrum (78 columns)"))
    p.add_argument("--json", action="store_true", help=_("print the result as JSON"))
    text_option(p, "--save",
                what=_("keep the placement under a title (listed in the app's Saved)"))
    text_option(p, "--description", what=_("with --save: what the activity is"), default="")
    p.add_argument("--editor", action="store_true",
                   help=_("write the title and description in your own editor (then saves)"))
    p.add_argument("--practice", action="store_true",
                   help=_("practise on a round of scenarios (answers read line by line, "
                          "from a terminal or a pipe); the score is kept"))
    p.set_defaults(func=cmd_spectrum)


def _holder(flag: str, value: str) -> str:
    cleaned = _ALIASES.get(value.strip().lower(), value.strip().lower())
    if cleaned not in HOLDERS:
        raise UsageError(_("{field}: {value!r} is not a valid answer; choices: {choices}").format(
            field=f"--{flag}", value=make_visible(value), choices=", ".join(HOLDERS)))
    return cleaned


def _ask(prompt: str, valid: Callable[[str], str | None], read: Callable[[str], str]) -> str:
    """Ask until ``valid`` accepts the answer (returns its cleaned form)."""
    while True:
        try:
            raw = read(prompt)
        except EOFError:
            print()
            raise CoprodError(_("no answer given; nothing was placed")) from None
        cleaned = valid(raw.strip().lower())
        if cleaned is not None:
            return cleaned
        print(_("  Please answer one of the choices shown."))


def _interactive(args: argparse.Namespace, read: Callable[[str], str]) -> SpectrumAnswers:
    print(_("Spectrum of engagement: three questions about your activity.") + "\n")
    citizens = not args.no_citizens
    if not args.no_citizens and not any((args.knowledge, args.decisions, args.acts)):
        print(_(CITIZENS_HELP))
        answer = _ask(_("{question} [yes/no]: ").format(question=_(CITIZENS_PROMPT)),
                      lambda s: s if s in _yes() | _no() else None, read)
        citizens = answer in _yes()
        print()
    values: dict[str, str | None] = {}
    for question in QUESTIONS:
        given = getattr(args, question.id)
        if given:
            values[question.id] = _holder(question.id, given)
        elif not citizens:
            values[question.id] = None
        else:
            print(_(question.help))
            values[question.id] = _ask(
                f"{_(question.prompt)} [{'/'.join(HOLDERS)}]: ",
                lambda s: _ALIASES.get(s, s) if _ALIASES.get(s, s) in HOLDERS else None,
                read,
            )
            print()
    refine = args.refine
    base = base_approach(SpectrumAnswers(values["knowledge"], values["decisions"],
                                         values["acts"], citizens))
    refining = REFINING.get(base.group)
    if refine is None and refining is not None:
        print(_("Optional: {question}").format(question=_(refining.prompt)))
        for number, option in enumerate(refining.options, start=1):
            print(f"  {number}. {_(option.label)}")
        numbers = {str(n): o.id for n, o in enumerate(refining.options, start=1)}
        chosen = _ask(_("Number, or Enter to skip: "),
                      lambda s: "" if s == "" else numbers.get(s), read)
        refine = chosen or None
        print()
    return SpectrumAnswers(values["knowledge"], values["decisions"], values["acts"],
                           citizens, refine)


def _from_flags(args: argparse.Namespace) -> SpectrumAnswers:
    citizens = not args.no_citizens
    values = {q.id: getattr(args, q.id) for q in QUESTIONS}
    missing = [f"--{k}" for k, v in values.items() if not v]
    if citizens and missing:
        raise UsageError(_("{options} needed (or run on a terminal to be asked); "
                           "choices: {choices}").format(
            options=", ".join(missing), choices=", ".join(HOLDERS)))
    return SpectrumAnswers(
        **{k: _holder(k, v) if v else None for k, v in values.items()},
        citizens=citizens,
        refine=args.refine,
    )


def result_json(result: SpectrumResult) -> dict[str, object]:
    """The result as plain data for ``--json``."""
    a, ap = result.answers, result.approach
    return {
        "place": ap.id,
        "name": ap.name,
        "group": ap.group,
        "group_name": ap.group_label,
        "answers": {q.id: a.get(q.id) for q in QUESTIONS},
        "citizens": a.citizens,
        "refine": a.refine,
        "held_back": list(result.held_back),
        "explanation": result.explanation,
        "right_when": result.right_when,
        "towards_doing_with": result.move,
    }


def _wrap(label: str, text: str) -> str:
    return textwrap.fill(text, width=78, initial_indent=label, subsequent_indent="  ")


def result_text(result: SpectrumResult, draw: bool = False) -> str:
    """The result as plain text, one idea a paragraph."""
    ap = result.approach
    parts = [_("Place: {name} ({group})").format(name=_(ap.name), group=_(ap.group_label))]
    if draw:
        parts.append("\n".join(draw_spectrum(ap.id)))
    parts.append(_wrap(_("Why: "), result.explanation))
    parts.append(_wrap(_("Can it be right? "), result.right_when))
    parts.append(_wrap(_("Towards doing with: "), result.move))
    return "\n\n".join(parts)


def cmd_spectrum(args: argparse.Namespace) -> int:
    """Place an activity from flags, or by asking on a terminal."""
    if args.practice:
        return _practice(args)
    if args.refine is not None and args.refine not in REFINE_IDS:
        raise UsageError(_("{field}: {value!r} is not a valid answer; choices: {choices}").format(
            field="--refine", value=make_visible(args.refine), choices=", ".join(REFINE_IDS)))
    complete = args.no_citizens or all((args.knowledge, args.decisions, args.acts))
    asked = not complete and is_terminal(sys.stdin) and not args.json
    if asked:
        answers = _interactive(args, input)
    else:
        answers = _from_flags(args)
    try:
        result = place(answers)
    except ValueError as error:
        raise UsageError(str(error)) from error
    if asked and args.save is None:
        print(result_text(result, draw=args.draw))
        _offer_save(args, result, input)
        return 0
    saved = _save(args, result)
    if args.json:
        data = result_json(result)
        if saved is not None:
            data["id"] = saved
        print(json.dumps(data, indent=2))
    else:
        print(result_text(result, draw=args.draw))
        if saved is not None:
            print("\n" + _("Saved as {id}: {title}").format(id=saved[:8],
                                                           title=make_visible(args.save)))
    return 0


def _save(args: argparse.Namespace, result: SpectrumResult) -> str | None:
    """With ``--save`` (or ``--editor``): store the placement; returns its id."""
    if args.save is None and not args.editor:
        return None
    resolve(args, [("save", "--save", _("Title for this placement")),
                   ("description", "--description", _("What the activity is (Enter for none)"))],
            StdinLines())
    editor_file = None
    if args.editor:
        from coprod_tui.core.cli_context import open_store

        given, editor_file = edit_fields(open_store(args).data_dir,
                                         [("Title", args.save or ""),
                                          ("Description", args.description)])
        args.save, args.description = given.get("Title", ""), given.get("Description", "")
    title = (args.save or "").strip()
    if not title:
        if editor_file is not None:
            raise CoprodError(_("a title is needed to save; nothing was saved, and what you "
                                "wrote is kept in {path}").format(path=editor_file))
        raise UsageError(_("--save needs a title, e.g. --save - to read it from standard input"))
    from coprod_tui.spectrum.records import save_placement

    doc = save_keeping_text(
        args, [("Title", title), ("Description", args.description)],
        lambda store: save_placement(store, title, args.description.strip(), result),
        editor_file,
    )
    return str(doc["id"])


def _offer_save(args: argparse.Namespace, result: SpectrumResult,
                read: Callable[[str], str]) -> None:
    """After asking on a terminal: keep the placement if the user wants to."""
    print()
    try:
        answer = read(_("Save this placement? [y/N]: ")).strip().lower()
        if answer not in _yes():
            return
        title = ""
        while not title:
            title = read(_("Title of the activity: ")).strip()
        description = read(_("What the activity is (optional): ")).strip()
    except EOFError:
        print("\n" + _("Not saved."))
        return
    from coprod_tui.core.cli_context import open_store
    from coprod_tui.spectrum.records import save_placement

    doc = save_placement(open_store(args), title, description, result)
    print(_("Saved as {id}: {title}").format(id=str(doc["id"])[:8], title=make_visible(title)))


def _practice(args: argparse.Namespace) -> int:
    """A practice round on standard input and output; the score is kept."""
    from coprod_tui.core.cli_context import content_dirs, open_store
    from coprod_tui.plain import Back, Console, Home, Quit
    from coprod_tui.plain.spectrum import practice_round
    from coprod_tui.spectrum.records import save_round
    from coprod_tui.spectrum.scenario_content import load_scenarios

    store = open_store(args)
    console = Console(sys.stdin, sys.stdout)
    try:
        attempts = practice_round(console, load_scenarios(content_dirs(args)))
    except (Back, Home, Quit):
        print(_("Round stopped; it was not kept."))
        return 0
    except EOFError:
        raise CoprodError(_("input ended before the round finished; it was not kept")) from None
    save_round(store, attempts)
    print(_("Your score is kept in the practice history."))
    return 0
