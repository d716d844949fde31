"""Plain mode: place an activity on the spectrum of engagement, practise on
scenarios, and list saved placements. :func:`practice_round` is also
``coprod spectrum --practice``."""

from __future__ import annotations

import random
from typing import TYPE_CHECKING

from coprod_tui.core.clock import local_display
from coprod_tui.core.text import one_line
from coprod_tui.i18n import _
from coprod_tui.plain.console import Back, Console
from coprod_tui.spectrum import records
from coprod_tui.spectrum.rules import (
    APPROACHES,
    CITIZENS_HELP,
    CITIZENS_PROMPT,
    HOLDER_LABELS,
    HOLDERS,
    QUESTIONS,
    REFINING,
    SpectrumAnswers,
    approach,
    base_approach,
    path_text,
    place,
)
from coprod_tui.spectrum.scenarios import Attempt, Scenario, pick_round, score

if TYPE_CHECKING:
    from coprod_tui.plain.app import Plain


def run(plain: Plain) -> None:
    """The spectrum menu."""
    while True:
        choice = plain.console.choose(
            _("Spectrum of engagement"),
            [_("Place an activity (three questions)"), _("Practise on scenarios"),
             _("Saved placements ({count})").format(count=len(records.placements(plain.store)))])
        try:
            if choice == 0:
                place_activity(plain)
            elif choice == 1:
                from coprod_tui.spectrum.scenario_content import load_scenarios

                attempts = practice_round(plain.console, load_scenarios(plain.content_dirs))
                records.save_round(plain.store, attempts)
                plain.console.say(_("Your score is kept in the practice history."))
                plain.console.say()
            else:
                _saved(plain)
        except Back:
            continue


def ask_answers(console: Console) -> SpectrumAnswers:
    """The three questions (and the optional refining one), as numbered choices."""
    console.wrap(_(CITIZENS_HELP))
    citizens = console.choose(_(CITIZENS_PROMPT), [_("Yes"), _("No")]) == 0
    values: dict[str, str | None] = {q.id: None for q in QUESTIONS}
    if citizens:
        for question in QUESTIONS:
            console.wrap(_(question.help))
            values[question.id] = HOLDERS[console.choose(
                _(question.prompt), [_(HOLDER_LABELS[h]) for h in HOLDERS])]
    base = base_approach(SpectrumAnswers(values["knowledge"], values["decisions"],
                                         values["acts"], citizens))
    refine = None
    refining = REFINING.get(base.group)
    if refining is not None:
        options = [_(o.label) for o in refining.options] + [_("Skip this question")]
        picked = console.choose(_("Optional: {question}").format(question=_(refining.prompt)),
                                options)
        refine = refining.options[picked].id if picked < len(refining.options) else None
    return SpectrumAnswers(values["knowledge"], values["decisions"], values["acts"],
                           citizens, refine)


def place_activity(plain: Plain) -> None:
    """Ask the questions, print where the activity sits, offer to save it."""
    from coprod_tui.spectrum.cli import result_text

    console = plain.console
    result = place(ask_answers(console))
    console.say(result_text(result))
    console.say()
    if console.yes_no(_("Save this placement?"), default=False):
        title = ""
        while not title:
            title = console.text(_("Title of the activity"))
        description = console.text(_("What the activity is (optional)"))
        doc = records.save_placement(plain.store, title, description, result)
        console.say(_("Saved as {id}: {title}").format(id=str(doc["id"])[:8], title=title))
        console.say()


def _saved(plain: Plain) -> None:
    console = plain.console
    docs = records.placements(plain.store)
    if not docs:
        console.say(_("No placements saved yet."))
        return
    options = [f"{local_display(d.get('created', ''), with_time=False)}  "
               f"{one_line(d.get('title', ''), 40)}: {_(records.place_name(d))}" for d in docs]
    doc = docs[console.choose(_("Saved placements, newest first"), options)]
    from coprod_tui.spectrum.cli import result_text

    console.say(_("Title: {title}").format(title=doc.get("title", "")))
    if doc.get("description"):
        console.say(_("Description: {text}").format(text=doc["description"]))
    console.say(result_text(records.result_of(doc)))
    console.say()
    console.pause()


def practice_round(console: Console, scenarios: list[Scenario],
                   rng: random.Random | None = None) -> list[Attempt]:
    """Ask a round of scenarios one by one with feedback; returns the attempts
    (the caller keeps them). Ends with the score and a review of what was missed."""
    chosen = pick_round(scenarios, rng=rng)
    attempts: list[Attempt] = []
    places = [f"{_(ap.name)} ({_(ap.group_label)})" for ap in APPROACHES]
    for number, scenario in enumerate(chosen, start=1):
        console.say()
        console.say(_("Scenario {number} of {total}: {title}   (right so far: {right})").format(
            number=number, total=len(chosen), title=scenario.title, right=score(attempts)))
        console.wrap(scenario.text)
        picked = APPROACHES[console.choose(_("Where does it sit?"), places)].id
        attempt = Attempt(scenario.id, picked, scenario.place)
        attempts.append(attempt)
        right = approach(scenario.place)
        console.say(_("Right.") if attempt.correct else
                    _("Not quite: you chose {name}.").format(name=_(approach(picked).name)))
        console.say(_("The place: {name} ({group}).").format(name=_(right.name),
                                                             group=_(right.group_label)))
        console.wrap(_("Why: ") + scenario.explanation)
        console.say(_("How the three questions lead there:"))
        console.say(path_text(scenario.answers))
        console.say(_("Right so far: {right} of {total}.").format(right=score(attempts),
                                                                  total=len(attempts)))
        if number < len(chosen):
            console.pause()
    console.say()
    console.say(_("Round finished: you placed {right} of {total} right.").format(
        right=score(attempts), total=len(attempts)))
    missed = [(s, a) for s, a in zip(chosen, attempts, strict=True) if not a.correct]
    if missed:
        console.say(_("To look at again:"))
        for scenario, attempt in missed:
            console.say("  " + _("{title}: you said {chosen}, expected {expected}").format(
                title=scenario.title, chosen=_(approach(attempt.chosen).name),
                expected=_(approach(attempt.expected).name)))
    return attempts
