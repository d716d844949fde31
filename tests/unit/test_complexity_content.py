"""Scenarios and records of the complexity exercise, with a real store and real files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from coprod_tui import paths
from coprod_tui.complexity import records as cx
from coprod_tui.complexity.rules import DOMAIN_IDS, classify
from coprod_tui.complexity.scenarios import ScenarioError, parse_scenarios
from coprod_tui.core.store import Store

BUILTIN = paths.builtin_content_dir() / cx.SCENARIO_FILE
RAW = json.loads(BUILTIN.read_text(encoding="utf-8"))["scenarios"]


def test_at_least_twelve_scenarios_load_and_every_result_is_practised() -> None:
    scenarios = cx.load_scenarios()
    assert len(scenarios) >= 12
    assert {s.expected for s in scenarios} == set(DOMAIN_IDS)
    toolkit = {"cake", "rocket", "child", "pandemic", "loneliness", "substance-use",
               "health-outcomes", "surgery", "patient-app", "new-hospital"}
    assert toolkit <= {s.id for s in scenarios}


@pytest.mark.parametrize("item", RAW, ids=lambda item: item["id"])
def test_each_scenarios_expected_answers_give_its_expected_domain(item: dict) -> None:
    assert classify(item["answers"])[0] == item["expected"]
    assert item["explanation"].strip()


def _write(folder: Path, data: object) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / cx.SCENARIO_FILE
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return folder


def _one(**changes: object) -> dict:
    item = dict(RAW[0])
    item.update(changes)
    return {"scenarios": [item]}


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ("{not json", "not valid JSON at line 1"),
        ({"items": []}, "must be an object with a list 'scenarios'"),
        (_one(expected="complx"), "expected 'complx' is not a result; choices: simple"),
        (_one(title=""), "'title' must be non-empty text"),
        (_one(answers={"recipe": "yes"}), "'answers' must give each of recipe"),
        (_one(answers={**RAW[0]["answers"], "crisis": "maybe"}), "answer crisis 'maybe'"),
        (_one(expected="complex"), "its answers lead to 'simple', not the expected 'complex'"),
        (_one(colour="red"), "unknown field colour"),
        (_one(also=["simple"]), "'also' must list other results"),
        ({"scenarios": [RAW[0], RAW[0]]}, "id 'cake' is used twice"),
    ],
)
def test_a_broken_pack_file_is_named_with_its_problem(tmp_path: Path, data: object, message: str) -> None:
    pack = _write(tmp_path / "pack", data)
    with pytest.raises(ScenarioError) as caught:
        cx.load_scenarios([pack])
    assert str(pack / cx.SCENARIO_FILE) in caught.value.message
    assert message in caught.value.message


def test_a_pack_adds_and_replaces_scenarios(tmp_path: Path) -> None:
    extra = dict(RAW[1], id="my-own", title="Our own rocket")
    replaced = dict(RAW[0], title="A trainer's cake")
    pack = _write(tmp_path / "pack", {"scenarios": [extra, replaced]})
    scenarios = cx.load_scenarios([pack, tmp_path / "missing"])
    by_id = {s.id: s for s in scenarios}
    assert by_id["my-own"].title == "Our own rocket"
    assert by_id["cake"].title == "A trainer's cake"
    assert len(scenarios) == len(RAW) + 1


def test_parse_needs_no_files() -> None:
    assert parse_scenarios({"scenarios": RAW}, "inline")[0].id == "cake"


def test_revising_a_challenge_keeps_earlier_answers(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "data")
    answers = {"recipe": "yes", "expertise": "yes", "predictable": "yes", "people": "no", "crisis": "no"}
    doc = cx.save_challenge(store, cx.new_challenge("Carers' leaflets", "", answers))
    assert doc["domain"] == "complicated" and doc["history"] == []
    revised = dict(doc, answers={**answers, "recipe": "no", "predictable": "no", "people": "yes"},
                   plan={"action": "Ask five carers", "who": "carers' centre",
                         "expected": "not known", "review": "2027-01-10"})
    again = cx.save_challenge(store, revised, doc["id"])
    stored = store.get(cx.TABLE, doc["id"])
    assert stored == again
    assert stored["domain"] == "complex"
    assert stored["history"][0]["answers"] == answers
    assert stored["history"][0]["domain"] == "complicated"
    assert stored["created"] == doc["created"]
    cx.save_challenge(store, stored, doc["id"])  # unchanged: no new history
    assert len(store.get(cx.TABLE, doc["id"])["history"]) == 1
    assert store.count(cx.TABLE) == 1
    assert cx.latest_challenge(store)["id"] == doc["id"]
    assert "Carers' leaflets: complex" in cx.home_summary(store)


def test_rounds_are_kept_with_the_exercise_name(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "data")
    store.insert("practice", {"exercise": "spectrum", "date": "2026-01-01", "score": 1})
    cx.save_round(store, [{"scenario": "cake", "chosen": "simple", "expected": "simple", "correct": True},
                          {"scenario": "rocket", "chosen": "simple", "expected": "complicated", "correct": False}])
    found = cx.rounds(store)
    assert len(found) == 1
    assert (found[0]["exercise"], found[0]["score"], found[0]["total"]) == ("complexity", 1, 2)
    assert [a["scenario"] for a in found[0]["attempts"]] == ["cake", "rocket"]
    assert cx.home_summary(store) == "last practice 1/2"
