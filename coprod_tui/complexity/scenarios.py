"""Practice scenarios for the complexity exercise: checked and turned into objects.

Scenarios come from ``complexity_scenarios.json`` (trainers can extend it in a
content pack). :func:`parse_scenarios` checks already-parsed JSON and raises
:class:`ScenarioError` naming the file, the scenario and the problem. Pure: the
store reads the files.

A translation (``cy/complexity_scenarios.json``) names scenarios by ``id`` and
gives any of their texts (``title``, ``text``, ``explanation``, ``differ``):
:func:`translate_scenarios` puts them in place of the English, one text at a
time. Expected results, answers and ``also`` always come from the English
file. A saved round keeps each scenario's id and its title as the scenario
file gives it (:attr:`Scenario.saved_title`), never a translation, so the
language a round was played in never changes what was saved.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from coprod_tui.complexity.rules import ANSWERS, DOMAIN_IDS, QUESTION_IDS, classify
from coprod_tui.core.content import Field, check_shape, scenario_translations
from coprod_tui.errors import CoprodError
from coprod_tui.i18n import _

REQUIRED_TEXT = ("id", "title", "text", "expected", "explanation")
FILE_SHAPE = {"scenarios": Field("list")}
SCENARIO_SHAPE = {
    **{key: Field("text") for key in REQUIRED_TEXT},
    "answers": Field("object", required=False),
    "differ": Field("any text", required=False),
    "also": Field("list", required=False),
}


class ScenarioError(CoprodError):
    """A scenario file is not valid; the message names the file and the problem."""


@dataclass(frozen=True)
class Scenario:
    """One situation to place, with the expected result and why."""

    id: str
    title: str
    text: str
    expected: str
    answers: dict[str, str]
    explanation: str
    differ: str = ""
    also: tuple[str, ...] = ()
    # The title as the scenario file gives it, before any translation (empty: ``title``).
    source_title: str = ""

    @property
    def saved_title(self) -> str:
        """The title a saved round keeps: the scenario file's own, in any language."""
        return self.source_title or self.title

    def accepts(self, domain: str) -> bool:
        """Whether ``domain`` is the expected result or a listed reasonable view."""
        return domain == self.expected or domain in self.also


def _scenario(item: Any, where: str) -> Scenario:
    check_shape(item, SCENARIO_SHAPE, where, ScenarioError, closed=True)
    where = _("{where} ('{id}')").format(where=where, id=item["id"])
    if item["expected"] not in DOMAIN_IDS:
        raise ScenarioError(
            _("{where}: expected {value!r} is not a result; choices: {choices}").format(
                where=where, value=item["expected"], choices=", ".join(DOMAIN_IDS))
        )
    answers = item.get("answers")
    if not isinstance(answers, dict) or set(answers) != set(QUESTION_IDS):
        # Translators: 'answers' is the file's key, kept as it is written in the file.
        raise ScenarioError(_("{where}: 'answers' must give each of {questions}").format(
            where=where, questions=", ".join(QUESTION_IDS)))
    for qid in QUESTION_IDS:
        if answers[qid] not in ANSWERS:
            raise ScenarioError(
                _("{where}: answer {question} {value!r} is not one of {choices}").format(
                    where=where, question=qid, value=answers[qid], choices=", ".join(ANSWERS))
            )
    got, _reasons = classify(answers)
    if got != item["expected"]:
        raise ScenarioError(
            _("{where}: its answers lead to {got!r}, not the expected {expected!r}; "
              "change the answers or the expected result").format(
                where=where, got=got, expected=item["expected"])
        )
    differ = item.get("differ") or ""
    also = item.get("also") or []
    if any(d not in DOMAIN_IDS or d == item["expected"] for d in also):
        raise ScenarioError(
            # Translators: 'also' is the file's key, kept as it is written in the file.
            _("{where}: 'also' must list other results from {choices}").format(
                where=where, choices=", ".join(DOMAIN_IDS))
        )
    return Scenario(
        id=item["id"].strip(), title=item["title"].strip(), text=item["text"].strip(),
        expected=item["expected"], answers={q: answers[q] for q in QUESTION_IDS},
        explanation=item["explanation"].strip(), differ=differ.strip(), also=tuple(also),
        source_title=item["title"].strip(),
    )


def parse_scenarios(data: Any, source: str) -> list[Scenario]:
    """Scenarios from parsed JSON ``{"scenarios": [...]}``; ``source`` names the file in errors."""
    check_shape(data, FILE_SHAPE, source, ScenarioError,
                style=_("{where}: must be an object with a list '{key}'"))
    scenarios: list[Scenario] = []
    seen: set[str] = set()
    for number, item in enumerate(data["scenarios"], start=1):
        where = _("{source}: scenario {number}").format(source=source, number=number)
        scenario = _scenario(item, where)
        if scenario.id in seen:
            raise ScenarioError(_("{where}: id {id!r} is used twice").format(
                where=where, id=scenario.id))
        seen.add(scenario.id)
        scenarios.append(scenario)
    return scenarios


def merge_scenarios(groups: list[list[Scenario]]) -> list[Scenario]:
    """Built-in scenarios first, then each pack's; a pack's scenario replaces one with its id."""
    merged: dict[str, Scenario] = {}
    for group in groups:
        for scenario in group:
            merged[scenario.id] = scenario
    return list(merged.values())


# -- translations ------------------------------------------------------------------
TRANSLATED = ("title", "text", "explanation", "differ")


def translate_scenarios(scenarios: list[Scenario], data: Any, source: str) -> list[Scenario]:
    """``scenarios`` with a parsed translation's texts in place of their English.

    The translation is ``{"scenarios": [{"id", "title", "text", "explanation",
    "differ"}]}`` with every text optional (left out or null: the English
    stays). It only translates: an id not among ``scenarios``, an id given
    twice, a ``differ`` for a scenario without one, or any other field
    (``expected``, ``answers``, ``also``) raises :class:`ScenarioError` naming
    ``source``. ``source_title`` keeps the English title.
    """
    found = scenario_translations(data, [s.id for s in scenarios], TRANSLATED, source,
                                  ScenarioError)
    by_id = {scenario.id: scenario for scenario in scenarios}
    for sid, item, where in found:
        english = by_id[sid]
        if item.get("differ") is not None and not english.differ:
            raise ScenarioError(
                # Translators: 'differ' is the file's key, kept as it is written in the file.
                _("{where}: 'differ' has no English to translate (the scenario has no "
                  "'differ')").format(where=where))
        by_id[sid] = replace(english, **{key: item[key].strip() for key in TRANSLATED
                                         if item.get(key) is not None},
                             source_title=english.saved_title)
    return [by_id[scenario.id] for scenario in scenarios]
