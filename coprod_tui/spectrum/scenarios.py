"""Practice scenarios for the spectrum: their shape, validation and scoring.

Pure: the loader (:mod:`coprod_tui.spectrum.scenario_content`) reads the JSON
and hands the parsed data here. A scenario is valid only if its expected answers
lead to its expected place under the rules in :mod:`coprod_tui.spectrum.rules`,
so a trainer cannot ship a scenario that contradicts the exercise.

A translation (``cy/spectrum_scenarios.json``) names scenarios by ``id`` and
gives any of their texts (``title``, ``text``, ``explanation``):
:func:`translate_scenarios` puts them in place of the English, one text at a
time, and changes nothing else. Places and answers always come from the English
file, and rounds keep ids and places only, so a round reads the same in every
language.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, replace

from coprod_tui.core.content import Field, check_shape, scenario_translations
from coprod_tui.errors import CoprodError
from coprod_tui.i18n import N_, _
from coprod_tui.spectrum.rules import (
    APPROACH_IDS,
    HOLDERS,
    QUESTION_IDS,
    REFINE_IDS,
    SpectrumAnswers,
    place,
)

ROUND_SIZE = 6
_ID_CHARS = set("abcdefghijklmnopqrstuvwxyz0123456789-")
FILE_SHAPE = {"scenarios": Field("list")}
SCENARIO_SHAPE = {
    "title": Field("text"),
    "text": Field("text"),
    "explanation": Field("text"),
    "citizens": Field("bool", required=False),
    "answers": Field("object", required=False),
}
# Translators: 'id' is the file's key, kept as it is written in the file.
_ID_RULE = N_("{where}: 'id' must be lower-case letters, digits and '-'")


class ScenarioError(CoprodError):
    """A scenario file that cannot be used: names the file, the scenario and the problem."""


@dataclass(frozen=True)
class Scenario:
    """One practice situation with its expected place and answers."""

    id: str
    title: str
    text: str
    place: str
    answers: SpectrumAnswers
    explanation: str
    source: str = ""


def parse_scenario(item: object, source: str, index: int) -> Scenario:
    """Validate one scenario dict (raises :class:`ScenarioError`)."""
    where = _("{source}: scenario {number}").format(source=source, number=index + 1)
    check_shape(item, {"id": Field("text")}, where, ScenarioError, style=_(_ID_RULE))
    sid = item["id"]
    if not set(sid) <= _ID_CHARS:
        raise ScenarioError(_(_ID_RULE).format(where=where))
    where = _("{source}: scenario '{id}'").format(source=source, id=sid)
    check_shape(item, SCENARIO_SHAPE, where, ScenarioError,
                words={"text": _("a non-empty string"),
                       "object": _("an object with {keys}").format(keys=", ".join(QUESTION_IDS))})
    title, text = item["title"].strip(), item["text"].strip()
    explanation = item["explanation"].strip()
    expected = item.get("place")
    if expected not in APPROACH_IDS:
        raise ScenarioError(
            # Translators: 'place' is the file's key, kept as it is written in the file.
            _("{where}: 'place' is {value!r}; choices: {choices}").format(
                where=where, value=expected, choices=", ".join(APPROACH_IDS))
        )
    citizens = item.get("citizens")
    citizens = True if citizens is None else citizens
    raw = item.get("answers") or {}
    unknown = sorted(set(raw) - set(QUESTION_IDS))
    if unknown:
        raise ScenarioError(
            _("{where}: unknown answer {name!r}; questions: {questions}").format(
                where=where, name=unknown[0], questions=", ".join(QUESTION_IDS))
        )
    for qid in QUESTION_IDS:
        value = raw.get(qid)
        if value is None and not citizens:
            continue
        if value not in HOLDERS:
            raise ScenarioError(
                _("{where}: answer to '{question}' is {value!r}; choices: {choices}").format(
                    where=where, question=qid, value=value, choices=", ".join(HOLDERS))
            )
    refine = item.get("refine")
    if refine is not None and refine not in REFINE_IDS:
        raise ScenarioError(
            # Translators: 'refine' is the file's key, kept as it is written in the file.
            _("{where}: 'refine' is {value!r}; choices: {choices}").format(
                where=where, value=refine, choices=", ".join(REFINE_IDS))
        )
    answers = SpectrumAnswers(
        knowledge=raw.get("knowledge"),
        decisions=raw.get("decisions"),
        acts=raw.get("acts"),
        citizens=citizens,
        refine=refine,
    )
    got = place(answers).approach.id
    if got != expected:
        raise ScenarioError(
            _("{where}: its answers lead to '{got}', not to its place '{expected}'").format(
                where=where, got=got, expected=expected)
        )
    return Scenario(sid, title, text, expected, answers, explanation, source)


def parse_scenarios(data: object, source: str) -> list[Scenario]:
    """Validate a whole file: ``{"scenarios": [...]}`` with unique ids."""
    check_shape(data, FILE_SHAPE, source, ScenarioError,
                style=_("{where}: must be an object with a list '{key}'"))
    result: list[Scenario] = []
    seen: set[str] = set()
    for index, item in enumerate(data["scenarios"]):
        scenario = parse_scenario(item, source, index)
        if scenario.id in seen:
            raise ScenarioError(_("{source}: scenario '{id}' appears twice").format(
                source=source, id=scenario.id))
        seen.add(scenario.id)
        result.append(scenario)
    return result


# -- translations ------------------------------------------------------------------
TRANSLATED = ("title", "text", "explanation")


def translate_scenarios(scenarios: list[Scenario], data: object,
                        source: str) -> list[Scenario]:
    """``scenarios`` with a parsed translation's texts in place of their English.

    The translation is ``{"scenarios": [{"id", "title", "text", "explanation"}]}``
    with every text optional (left out or null: the English stays). It only
    translates: an id not among ``scenarios``, an id given twice, or any other
    field (a place, answers) raises :class:`ScenarioError` naming ``source``.
    """
    found = scenario_translations(data, [s.id for s in scenarios], TRANSLATED, source,
                                  ScenarioError, words={"text": _("a non-empty string")})
    by_id = {scenario.id: scenario for scenario in scenarios}
    for sid, item, _where in found:
        by_id[sid] = replace(by_id[sid], **{key: item[key].strip() for key in TRANSLATED
                                            if item.get(key) is not None})
    return [by_id[scenario.id] for scenario in scenarios]


def merge(*lists: list[Scenario]) -> list[Scenario]:
    """Later lists add scenarios and replace earlier ones with the same id."""
    merged: dict[str, Scenario] = {}
    for scenarios in lists:
        for scenario in scenarios:
            merged[scenario.id] = scenario
    return list(merged.values())


def pick_round(scenarios: list[Scenario], size: int = ROUND_SIZE,
               rng: random.Random | None = None) -> list[Scenario]:
    """A round of up to ``size`` different scenarios in random order."""
    rng = rng or random.Random()
    return rng.sample(scenarios, min(size, len(scenarios)))


@dataclass(frozen=True)
class Attempt:
    """One scenario answered in a round."""

    scenario: str
    chosen: str
    expected: str

    @property
    def correct(self) -> bool:
        """Whether the chosen place was the expected one."""
        return self.chosen == self.expected


def score(attempts: list[Attempt]) -> int:
    """How many attempts were right."""
    return sum(1 for a in attempts if a.correct)
