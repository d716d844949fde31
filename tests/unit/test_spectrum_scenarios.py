"""The practice scenarios: the shipped file is valid and agrees with the rules."""

from __future__ import annotations

import collections
import json
import random
from pathlib import Path

import pytest

from coprod_tui import paths
from coprod_tui.spectrum.rules import APPROACH_IDS, place
from coprod_tui.spectrum.scenario_content import SCENARIOS_FILE, load_scenarios
from coprod_tui.spectrum.scenarios import (
    Attempt,
    ScenarioError,
    parse_scenarios,
    pick_round,
    score,
)

BUILTIN = paths.builtin_content_dir() / SCENARIOS_FILE


def test_shipped_scenarios_cover_every_place_at_least_twice() -> None:
    scenarios = load_scenarios()
    assert len(scenarios) >= 18
    counts = collections.Counter(s.place for s in scenarios)
    for place_id in APPROACH_IDS:
        assert counts[place_id] >= 2, place_id


def test_each_scenario_answers_lead_to_its_place() -> None:
    raw = json.loads(BUILTIN.read_text(encoding="utf-8"))["scenarios"]
    for item, scenario in zip(raw, load_scenarios(), strict=True):
        assert scenario.id == item["id"]
        assert place(scenario.answers).approach.id == item["place"], scenario.id
        assert scenario.explanation and scenario.text


def _one(**changes) -> dict:
    item = {
        "id": "test-one", "title": "T", "text": "Some text.", "place": "consultation",
        "answers": {"knowledge": "people", "decisions": "organisation", "acts": "organisation"},
        "explanation": "Because.",
    }
    item.update(changes)
    return {"scenarios": [item]}


@pytest.mark.parametrize("changes, message", [
    ({"place": "co-production"}, "'test-one': its answers lead to 'consultation'"),
    ({"place": "ladder"}, "'test-one': 'place' is 'ladder'; choices: protection"),
    ({"answers": {"knowledge": "everyone", "decisions": "organisation", "acts": "both"}},
     "'test-one': answer to 'knowledge' is 'everyone'; choices: organisation, people, both"),
    ({"answers": {"knowledge": "people", "decisions": "organisation"}},
     "answer to 'acts' is None"),
    ({"answers": {"knowledge": "people", "decisions": "organisation", "acts": "both",
                  "who": "x"}}, "unknown answer 'who'"),
    ({"title": ""}, "'test-one': 'title' must be a non-empty string"),
    ({"id": "Bad Id"}, "scenario 1: 'id' must be"),
    ({"refine": "maybe"}, "'refine' is 'maybe'"),
    ({"citizens": "no"}, "'citizens' must be true or false"),
])
def test_bad_scenarios_name_file_scenario_and_problem(changes, message) -> None:
    with pytest.raises(ScenarioError) as caught:
        parse_scenarios(_one(**changes), "packs/spectrum_scenarios.json")
    assert caught.value.message.startswith("packs/spectrum_scenarios.json: ")
    assert message in caught.value.message


def test_duplicate_ids_and_bad_shape_are_refused() -> None:
    data = _one()
    data["scenarios"].append(dict(data["scenarios"][0]))
    with pytest.raises(ScenarioError, match="'test-one' appears twice"):
        parse_scenarios(data, "f.json")
    with pytest.raises(ScenarioError, match="f.json: must be an object with a list"):
        parse_scenarios([], "f.json")


def test_a_content_pack_adds_and_replaces_scenarios(tmp_path: Path) -> None:
    pack = tmp_path / "pack"
    pack.mkdir()
    builtin = load_scenarios()
    replaced = _one(id=builtin[0].id, title="Replaced")["scenarios"][0]
    added = _one(id="pack-extra")["scenarios"][0]
    (pack / SCENARIOS_FILE).write_text(json.dumps({"scenarios": [replaced, added]}))
    merged = {s.id: s for s in load_scenarios([pack])}
    assert len(merged) == len(builtin) + 1
    assert merged[builtin[0].id].title == "Replaced"
    assert "pack-extra" in merged


def test_a_broken_pack_file_is_reported_with_its_path(tmp_path: Path) -> None:
    (tmp_path / SCENARIOS_FILE).write_text("{not json")
    with pytest.raises(ScenarioError) as caught:
        load_scenarios([tmp_path])
    assert str(tmp_path / SCENARIOS_FILE) in caught.value.message
    assert "not valid JSON" in caught.value.message


def test_round_picks_different_scenarios_and_scores() -> None:
    scenarios = load_scenarios()
    chosen = pick_round(scenarios, 6, random.Random(1))
    assert len({s.id for s in chosen}) == 6
    attempts = [Attempt(s.id, s.place if i % 2 else "protection", s.place)
                for i, s in enumerate(chosen)]
    assert score(attempts) == sum(1 for a in attempts if a.chosen == a.expected)


@pytest.mark.parametrize("changes, message", [
    # The old information rule (organisation knowledge, people decide and act).
    ({"place": "information",
      "answers": {"knowledge": "organisation", "decisions": "people", "acts": "people"}},
     "its answers lead to 'community-led', not to its place 'information'"),
    # Shared decisions with the organisation acting are not participation.
    ({"place": "participation",
      "answers": {"knowledge": "both", "decisions": "both", "acts": "organisation"}},
     "its answers lead to 'between-for-with', not to its place 'participation'"),
    # A leaflet needs the refining answer to be information.
    ({"place": "information",
      "answers": {"knowledge": "organisation", "decisions": "organisation",
                  "acts": "organisation"}},
     "its answers lead to 'protection', not to its place 'information'"),
])
def test_a_scenario_built_on_a_wrong_rule_is_caught_on_load(changes, message) -> None:
    with pytest.raises(ScenarioError) as caught:
        parse_scenarios(_one(**changes), "pack.json")
    assert message in caught.value.message


def test_information_scenarios_are_refined_leaflets_and_pages() -> None:
    info = [s for s in load_scenarios() if s.place == "information"]
    assert len(info) >= 2
    for scenario in info:
        assert scenario.answers.refine == "inform"
        assert place(scenario.answers).base.group == "doing-to"
