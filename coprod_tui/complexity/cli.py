"""``coprod complexity``: the five questions on the command line.

Flags give the answers; with none on a terminal it asks line by line. Plain
text only (a screen reader reads it as it comes), or ``--json`` for scripts.
"""

from __future__ import annotations

import argparse
import sys
import textwrap

from coprod_tui.complexity import records as cx
from coprod_tui.complexity.rules import (
    ANSWERS,
    DOMAINS,
    PLAN_FIELDS,
    QUESTIONS,
    Result,
    assess,
    change_lines,
    normalise_answer,
    reasons_text,
)
from coprod_tui.core.cli_context import is_terminal, open_store
from coprod_tui.core.clock import local_display, parse_day
from coprod_tui.core.text import json_text, make_visible, one_line
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

CHOICES = ", ".join(ANSWERS)


def _answer(text: str) -> str:
    value = normalise_answer(text)
    if value is None:
        raise argparse.ArgumentTypeError(_("invalid answer {answer!r}; choices: {choices}").format(
            answer=text, choices=CHOICES))
    return value


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """Add ``complexity``."""
    p = subparsers.add_parser(
        "complexity", parents=[common],
        help=_("is a challenge simple, complicated, complex or chaotic? (five questions)"),
        description=_(
            "Answer five questions about a challenge to see whether it is simple, "
            "complicated, complex or chaotic (or not clear yet), how to respond, and "
            "what that means for co-production. With no answers on a terminal, the "
            "questions are asked one by one."
        ) + " " + _(WHY),
    )
    for q in QUESTIONS:
        p.add_argument(f"--{q.id}", type=_answer, metavar="ANSWER",
                       help=f"{_(q.text)} ({CHOICES})")
    p.add_argument("--json", action="store_true", help=_("print the result as JSON"))
    text_option(p, "--save",
                what=_("also save the challenge under a title (reopen it in the app)"))
    text_option(p, "--description", what=_("with --save: a description"), default="")
    for key, label in PLAN_FIELDS:
        hint = (" (YYYY-MM-DD)" if key == "review"
                else " " + _("('not known' is fine)") if key == "expected" else "")
        text_option(p, f"--{key}", what=_("with --save: {field}").format(
            field=f"{_(label).lower()}{hint}"), default="")
    p.add_argument("--editor", action="store_true",
                   help=_("write the title, description and plan in your own editor (then "
                          "saves)"))
    p.add_argument("--list", action="store_true", help=_("list your saved challenges and stop"))
    p.add_argument("--practice", action="store_true",
                   help=_("practise on a round of scenarios (answers read line by line, "
                          "from a terminal or a pipe); the score is kept"))
    p.set_defaults(func=cmd_complexity)


def _ask(question_number: int, text: str, hint: str) -> str:
    print(f"\n{question_number}. {text}")
    print(f"   {hint}")
    while True:
        try:
            typed = input("   " + _("Answer ({choices}): ").format(choices=CHOICES))
        except EOFError:
            print()
            raise UsageError(_("no answer given; nothing was assessed")) from None
        value = normalise_answer(typed)
        if value is not None:
            return value
        print("   " + _("Please type one of: {choices}.").format(choices=CHOICES))


def _text(result: Result) -> str:
    info = result.info
    lines = [
        _("Result: {name} ({verbs})").format(name=_(info.label), verbs=_(info.verbs)),
        f"{_(info.verbs).capitalize()}: {_(info.verbs_gloss)}",
        "",
        _("What it means: {text}").format(text=_(info.meaning)),
        _("Like: {text}").format(text=_(info.analogy)),
        _("How to respond: {text}").format(text=_(info.response)),
        _("For co-production: {text}").format(text=_(info.coproduction)),
        "",
        _("Why: ") + reasons_text(result),
    ]
    changes = change_lines(result)
    if changes:
        lines += ["", _("This is sense-making, not sorting. What would change the result:")]
        lines += [f"  - {line}" for line in changes]
    return "\n".join(lines)


def result_text(result: Result) -> str:
    """The result as plain text (also shown by plain mode)."""
    return _text(result)


def as_json(result: Result) -> dict[str, object]:
    """The result as a JSON-ready dict."""
    info = result.info
    return {
        "answers": result.answers,
        "domain": result.domain,
        "label": info.label,
        "verbs": info.verbs,
        "verbs_gloss": info.verbs_gloss,
        "meaning": info.meaning,
        "analogy": info.analogy,
        "response": info.response,
        "coproduction": info.coproduction,
        "reasons": list(result.reasons),
        "changes": [
            {"question": c.question, "answer": c.answer, "domain": c.domain,
             "label": DOMAINS[c.domain].label}
            for c in result.changes
        ],
    }


def _list(args: argparse.Namespace) -> int:
    docs = cx.challenges(open_store(args))
    if args.json:
        print(json_text(docs))
        return 0
    if not docs:
        print(_("no challenges saved yet"))
    for doc in docs:
        label = _(DOMAINS.get(doc.get("domain", ""), DOMAINS["confusion"]).label)
        print(f"{local_display(doc.get('updated', ''), with_time=False)}  {label:<13}  "
              f"{one_line(doc.get('title', ''), 55)}")
    return 0


def _save(args: argparse.Namespace, answers: dict[str, str]) -> dict[str, object]:
    fields = [("save", "--save", _("Title for this challenge")),
              ("description", "--description", _("A description (Enter for none)"))]
    fields += [(key, f"--{key}", _("{field} (Enter for none)").format(field=_(label)))
               for key, label in PLAN_FIELDS]
    resolve(args, fields, StdinLines())
    labels = [("save", "Title"), ("description", "Description"), *PLAN_FIELDS]
    editor_file = None
    if args.editor:
        given, editor_file = edit_fields(open_store(args).data_dir,
                                         [(label, getattr(args, key) or "") for key, label in labels])
        for key, label in labels:
            setattr(args, key, given.get(label, ""))
    title = (args.save or "").strip()
    try:
        if not title:
            raise UsageError(_("--save needs a title (--save - reads it from standard input)"))
        if args.review:
            try:
                parse_day(args.review)
            except ValueError as error:
                raise UsageError(_("{option}: {error}").format(option="--review",
                                                              error=error)) from None
    except UsageError as error:
        if editor_file is None:
            raise
        raise CoprodError(_("{error}; nothing was saved, and what you wrote is kept in "
                            "{path}").format(error=error, path=editor_file)) from None
    plan = {key: getattr(args, key).strip() for key, _label in PLAN_FIELDS}
    doc = cx.new_challenge(title, args.description, answers, plan)
    return save_keeping_text(args, [(label, getattr(args, key) or "") for key, label in labels],
                             lambda store: cx.save_challenge(store, doc), editor_file)


def cmd_complexity(args: argparse.Namespace) -> int:
    """Assess the answers given (asking for missing ones on a terminal) and print the result."""
    if args.list:
        return _list(args)
    if args.practice:
        return _practice(args)
    answers = {q.id: getattr(args, q.id) for q in QUESTIONS}
    missing = [q for q in QUESTIONS if answers[q.id] is None]
    if missing:
        if not is_terminal(sys.stdin):
            flags = " ".join(f"--{q.id} ANSWER" for q in missing)
            raise UsageError(_("missing {flags} (each one of: {choices})").format(
                flags=flags, choices=CHOICES))
        print(_("Five questions about your challenge (yes, no or unsure)."))
        for q in missing:
            answers[q.id] = _ask(QUESTIONS.index(q) + 1, _(q.text), _(q.hint))
        print()
    result = assess(answers)
    saved = _save(args, answers) if args.save is not None or args.editor else None
    if args.json:
        data = as_json(result)
        if saved is not None:
            data["saved"] = saved["id"]
        print(json_text(data))
    else:
        text = _text(result)
        if is_terminal(sys.stdout):
            text = "\n".join(
                textwrap.fill(line, 78, subsequent_indent="    " if line.startswith("  -") else "")
                for line in text.splitlines()
            )
        print(text)
        if saved is not None:
            print("\n" + _("Saved as {title!r}; reopen it in the app (coprod, then 4) to "
                          "revise it.").format(title=make_visible(str(saved["title"]))))
    return 0


def _practice(args: argparse.Namespace) -> int:
    """A practice round on standard input and output; the score is kept."""
    from coprod_tui.core.cli_context import content_dirs
    from coprod_tui.errors import CoprodError
    from coprod_tui.plain import Back, Console, Home, Quit
    from coprod_tui.plain.complexity import practice_round

    store = open_store(args)
    console = Console(sys.stdin, sys.stdout)
    try:
        items = practice_round(console, cx.load_scenarios(content_dirs(args)))
    except (Back, Home, Quit):
        print(_("Round stopped; it was not kept."))
        return 0
    except EOFError:
        raise CoprodError(_("input ended before the round finished; it was not kept")) from None
    cx.save_round(store, items)
    print(_("Your score is kept in the practice history."))
    return 0
