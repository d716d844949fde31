"""Practice scenarios for the spectrum: their shape, validation and scoring.

Pure: the loader (``toolkit/spectrum_scenarios.py``) reads the JSON and hands
the parsed data here. A scenario is valid only if its expected answers lead to
its expected place under the rules in :mod:`coprod_tui.spectrum.rules`, so a
trainer cannot ship a scenario that contradicts the exercise.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Any

from coprod_tui.errors import CoprodError
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


def _text(item: dict[str, Any], key: str, where: str) -> str:
    value = item.get(key)
    if not isinstance(value, str) or not value.strip():
        raise ScenarioError(f"{where}: '{key}' must be a non-empty string")
    return value.strip()


def parse_scenario(item: object, source: str, index: int) -> Scenario:
    """Validate one scenario dict (raises :class:`ScenarioError`)."""
    where = f"{source}: scenario {index + 1}"
    if not isinstance(item, dict):
        raise ScenarioError(f"{where}: must be an object with id, title, text, place, answers")
    sid = item.get("id")
    if not isinstance(sid, str) or not sid or not set(sid) <= _ID_CHARS:
        raise ScenarioError(f"{where}: 'id' must be lower-case letters, digits and '-'")
    where = f"{source}: scenario '{sid}'"
    title = _text(item, "title", where)
    text = _text(item, "text", where)
    explanation = _text(item, "explanation", where)
    expected = item.get("place")
    if expected not in APPROACH_IDS:
        raise ScenarioError(
            f"{where}: 'place' is {expected!r}; choices: {', '.join(APPROACH_IDS)}"
        )
    citizens = item.get("citizens", True)
    if not isinstance(citizens, bool):
        raise ScenarioError(f"{where}: 'citizens' must be true or false")
    raw = item.get("answers", {})
    if not isinstance(raw, dict):
        raise ScenarioError(f"{where}: 'answers' must be an object with {', '.join(QUESTION_IDS)}")
    unknown = sorted(set(raw) - set(QUESTION_IDS))
    if unknown:
        raise ScenarioError(
            f"{where}: unknown answer {unknown[0]!r}; questions: {', '.join(QUESTION_IDS)}"
        )
    for qid in QUESTION_IDS:
        value = raw.get(qid)
        if value is None and not citizens:
            continue
        if value not in HOLDERS:
            raise ScenarioError(
                f"{where}: answer to '{qid}' is {value!r}; choices: {', '.join(HOLDERS)}"
            )
    refine = item.get("refine")
    if refine is not None and refine not in REFINE_IDS:
        raise ScenarioError(
            f"{where}: 'refine' is {refine!r}; choices: {', '.join(REFINE_IDS)}"
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
            f"{where}: its answers lead to '{got}', not to its place '{expected}'"
        )
    return Scenario(sid, title, text, expected, answers, explanation, source)


def parse_scenarios(data: object, source: str) -> list[Scenario]:
    """Validate a whole file: ``{"scenarios": [...]}`` with unique ids."""
    if not isinstance(data, dict) or not isinstance(data.get("scenarios"), list):
        raise ScenarioError(f"{source}: must be an object with a list 'scenarios'")
    result: list[Scenario] = []
    seen: set[str] = set()
    for index, item in enumerate(data["scenarios"]):
        scenario = parse_scenario(item, source, index)
        if scenario.id in seen:
            raise ScenarioError(f"{source}: scenario '{scenario.id}' appears twice")
        seen.add(scenario.id)
        result.append(scenario)
    return result


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
