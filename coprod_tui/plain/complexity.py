"""Plain mode: the five complexity questions, practice scenarios and saved
challenges. :func:`practice_round` is also ``coprod complexity --practice``."""

from __future__ import annotations

import random
from typing import TYPE_CHECKING, Any

from coprod_tui.complexity import records as cx
from coprod_tui.complexity.rules import (
    ANSWER_LABELS,
    ANSWERS,
    DOMAIN_IDS,
    DOMAINS,
    PLAN_FIELDS,
    QUESTIONS,
    assess,
)
from coprod_tui.complexity.scenarios import Scenario
from coprod_tui.core.clock import local_display
from coprod_tui.core.text import one_line
from coprod_tui.i18n import _
from coprod_tui.plain.console import Back, Console

if TYPE_CHECKING:
    from coprod_tui.plain.app import Plain

ROUND_SIZE = 5


def run(plain: Plain) -> None:
    """The complexity menu."""
    while True:
        choice = plain.console.choose(
            _("Complexity: is your challenge one to co-produce?"),
            [_("Assess a challenge (five questions)"), _("Practise on scenarios"),
             _("Saved challenges ({count})").format(count=len(cx.challenges(plain.store)))])
        try:
            if choice == 0:
                assess_challenge(plain)
            elif choice == 1:
                items = practice_round(plain.console, cx.load_scenarios(plain.content_dirs))
                cx.save_round(plain.store, items)
                plain.console.say(_("Your score is kept in the practice history."))
                plain.console.say()
            else:
                _saved(plain)
        except Back:
            continue


def assess_challenge(plain: Plain) -> None:
    """Ask the five questions, print the result, offer to save the challenge."""
    from coprod_tui.complexity.cli import result_text

    console = plain.console
    labels = [_(ANSWER_LABELS[a]) for a in ANSWERS]
    answers: dict[str, str] = {}
    for number, question in enumerate(QUESTIONS, start=1):
        console.wrap(_(question.hint))
        answers[question.id] = ANSWERS[console.choose(f"{number}. {_(question.text)}", labels)]
    result = assess(answers)
    console.wrap(result_text(result))
    console.say()
    if not console.yes_no(_("Save this challenge?"), default=False):
        return
    title = ""
    while not title:
        title = console.text(_("Title of the challenge"))
    description = console.text(_("Description (optional)"))
    plan = {key: console.text(_("{field} (optional)").format(field=_(label)))
            for key, label in PLAN_FIELDS if key != "review"}
    doc = cx.save_challenge(plain.store, cx.new_challenge(title, description, answers, plan))
    console.say(_("Saved as {id}: {title}").format(id=str(doc["id"])[:8], title=title))
    console.say()


def _saved(plain: Plain) -> None:
    console = plain.console
    docs = cx.challenges(plain.store)
    if not docs:
        console.say(_("No challenges saved yet."))
        return
    options = [f"{local_display(d.get('updated', ''), with_time=False)}  "
               f"{_(DOMAINS.get(d.get('domain', ''), DOMAINS['confusion']).label):<13} "
               f"{one_line(d.get('title', ''), 40)}" for d in docs]
    doc = docs[console.choose(_("Saved challenges"), options)]
    from coprod_tui.complexity.cli import result_text

    console.say(_("Title: {title}").format(title=doc.get("title", "")))
    if doc.get("description"):
        console.say(_("Description: {text}").format(text=doc["description"]))
    for key, label in PLAN_FIELDS:
        if (doc.get("plan") or {}).get(key):
            console.say(f"{_(label)}: {doc['plan'][key]}")
    console.wrap(result_text(assess(doc.get("answers", {}))))
    console.say()
    console.pause()


def practice_round(console: Console, scenarios: list[Scenario],
                   rng: random.Random | None = None, size: int = ROUND_SIZE) -> list[dict[str, Any]]:
    """A round of scenarios with feedback; returns the items to keep with
    :func:`coprod_tui.complexity.records.save_round`."""
    rng = rng or random.Random()
    chosen = rng.sample(scenarios, min(size, len(scenarios)))
    items: list[dict[str, Any]] = []
    places = [f"{_(DOMAINS[d].label)}: {_(DOMAINS[d].verbs)}" for d in DOMAIN_IDS]
    for number, scenario in enumerate(chosen, start=1):
        right = sum(1 for item in items if item["correct"])
        console.say()
        console.say(_("Scenario {number} of {total}: {title}   (right so far: {right})").format(
            number=number, total=len(chosen), title=scenario.title, right=right))
        console.wrap(scenario.text)
        domain = DOMAIN_IDS[console.choose(_("Where does it sit?"), places)]
        items.append({"scenario": scenario.id, "title": scenario.saved_title, "chosen": domain,
                      "expected": scenario.expected, "correct": scenario.accepts(domain)})
        console.wrap(feedback_text(scenario, domain))
        if number < len(chosen):
            console.pause()
    right = sum(1 for item in items if item["correct"])
    console.say()
    console.say(_("Round finished: {right} of {total} right.").format(right=right,
                                                                      total=len(items)))
    for scenario, item in zip(chosen, items, strict=True):
        mark = _("[right]") if item["correct"] else _("[wrong]")
        console.say("  " + _("{mark} {title}: you said {chosen}, expected {expected}").format(
            mark=mark, title=scenario.title, chosen=_(DOMAINS[item["chosen"]].label),
            expected=_(DOMAINS[item["expected"]].label)))
    return items


def feedback_text(scenario: Scenario, chosen: str) -> str:
    """What follows a choice: right or not, why, and how the five questions lead there."""
    expected = _(DOMAINS[scenario.expected].label)
    mine = _(DOMAINS[chosen].label)
    if chosen == scenario.expected:
        head = _("Right: {expected}.").format(expected=expected)
    elif scenario.accepts(chosen):
        head = _("A reasonable view: you chose {mine}; the expected answer is "
                 "{expected}.").format(mine=mine, expected=expected)
    else:
        head = _("Not quite: you chose {mine}; the expected answer is {expected}.").format(
            mine=mine, expected=expected)
    lines = [head, scenario.explanation, _("How the five questions lead there:")]
    lines += [f"  {_(ANSWER_LABELS[scenario.answers[q.id]])}: {_(q.text)}" for q in QUESTIONS]
    if scenario.differ:
        lines.append(_("Where people differ: {text}").format(text=scenario.differ))
    return "\n".join(lines)
