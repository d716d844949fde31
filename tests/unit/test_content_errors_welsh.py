"""A broken content file, read with the interface in Welsh, is described in Welsh
(issue 20): values.json and cy/values.json, stocktake.json and cy/stocktake.json,
the spectrum and complexity scenarios and the reading manifests. The file's path,
its JSON keys and paths (``values[2].id``) and the ids a trainer typed stay as
written; the same file read in English gives the English message, unchanged."""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from coprod_tui import i18n
from coprod_tui.complexity import records as cx
from coprod_tui.errors import CoprodError
from coprod_tui.journal.values import ContentError
from coprod_tui.journal.values_content import load_values
from coprod_tui.reading.loader import load_catalog
from coprod_tui.spectrum.scenario_content import load_scenarios
from coprod_tui.stocktake import records as stocktakes
from tests.conftest import ROOT
from tests.ui.welsh_check import english_lines

CONTENT = ROOT / "content"
# English words of these messages that welsh_check's short list does not hold:
# none of them is a Welsh word, so none may remain once the allowed text is out.
MESSAGE_WORDS = frozenset({
    "must", "needs", "found", "expected", "should", "missing", "unknown", "appears",
    "twice", "once", "prompt", "prompts", "framework", "hint", "list", "object",
    "scores", "choices", "level", "top", "keep", "english", "some", "empty", "number",
    "nothing", "file", "valid", "line", "column", "scenario", "section", "tier",
    "lead", "expecting", "property", "double", "quotes", "cannot", "read", "value",
    "statements", "step", "least", "translation", "adds", "none", "whole", "true",
    "false", "give", "used", "skipped", "pack", "web", "address", "starting",
})
_WORD = re.compile(r"[A-Za-z]+")


def english_left(message: str, allow: list[str]) -> list[str]:
    """English found in ``message`` once ``allow`` (paths, keys, ids) is taken out."""
    found = english_lines(message, allow=allow)
    for allowed in sorted(allow, key=len, reverse=True):
        message = message.replace(allowed, " ")
    found += [word for word in _WORD.findall(message) if word.lower() in MESSAGE_WORDS]
    return found


def both_languages(load: Callable[[], Any], error: type[Exception] = CoprodError) -> tuple[str, str]:
    """The message ``load()`` fails with in English, then in Welsh."""
    messages = []
    for code in ("en", "cy"):
        i18n.set_language(code)
        with pytest.raises(error) as caught:
            load()
        messages.append(str(caught.value))
    return messages[0], messages[1]


def _write(path: Path, data: Any) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return path


def _shipped(name: str) -> Any:
    return json.loads((CONTENT / name).read_text(encoding="utf-8"))


def _changed(name: str, change: Callable[[Any], Any]) -> Any:
    data = copy.deepcopy(_shipped(name))
    change(data)
    return data


# -- values.json and cy/values.json ----------------------------------------------------
IDS = ["strengths", "networks", "what-matters", "relationships", "change-makers"]
VALUES_KEYS = ["values[0].id", "values[0]", '"values"', "explanation", "text", "title",
               '"about": "team"', "about='team'", "about='practice'", "about='nowhere'",
               "practice, team", "what, so-what, now-what, code", "free, rolfe, gibbs, values",
               "'why'", "'what'", "'rolfe'", "'kolb'", "'assets'", "null", *IDS]
VALUES_CASES = [
    ("blank explanation", lambda d: d["values"][3].__setitem__("explanation", " "),
     "pack/values.json: value 'relationships': explanation must be non-empty text"),
    ("missing value", lambda d: d["values"].pop(),
     "pack/values.json: missing value(s): change-makers"),
    ("too few prompts", lambda d: d["values"][1]["prompts"].__delitem__(slice(0, 3)),
     "pack/values.json: value 'networks' has 2 prompts; it needs 4 to 6"),
    ("unknown value", lambda d: d["values"][0].__setitem__("id", "assets"),
     "pack/values.json: unknown value 'assets'; choices: strengths, networks, what-matters, "
     "relationships, change-makers"),
    ("repeated value", lambda d: d["values"].append(copy.deepcopy(d["values"][0])),
     "pack/values.json: value 'strengths' appears more than once"),
    ("no team prompt",
     lambda d: [p.__setitem__("about", "practice") for p in d["values"][2]["prompts"]],
     "pack/values.json: value 'what-matters' needs at least one prompt with \"about\": \"team\" "
     "(turning to your own team and organisation)"),
    ("prompt kind", lambda d: d["values"][3]["prompts"][0].__setitem__("about", "nowhere"),
     "pack/values.json: value 'relationships': prompt 1 has about='nowhere'; "
     "choices: practice, team"),
    ("prompt not text", lambda d: d["values"][3]["prompts"].__setitem__(0, 5),
     "pack/values.json: value 'relationships': prompt 1 must be text or an object"),
    ("empty prompt", lambda d: d["values"][3]["prompts"].__setitem__(0, {"text": ""}),
     "pack/values.json: value 'relationships' prompt 1: text must be non-empty text"),
    ("value not an object", lambda d: d["values"].__setitem__(0, []),
     "pack/values.json: values[0] must be an object"),
    ("blank id", lambda d: d["values"][0].__setitem__("id", ""),
     "pack/values.json: values[0].id must be non-empty text"),
    ("values not a list", lambda d: d.__setitem__("values", {}),
     'pack/values.json: "values" must be a list of the five values'),
    ("unknown framework", lambda d: d["frameworks"].__setitem__("kolb", {}),
     "pack/values.json: unknown framework 'kolb'; choices: free, rolfe, gibbs, values"),
    ("framework not an object", lambda d: d["frameworks"].__setitem__("rolfe", []),
     "pack/values.json: framework 'rolfe' must be an object"),
    ("unknown section", lambda d: d["frameworks"]["rolfe"]["hints"].__setitem__("why", "x"),
     "pack/values.json: framework 'rolfe' has a hint for unknown section 'why'; "
     "choices: what, so-what, now-what, code"),
    ("blank hint", lambda d: d["frameworks"]["rolfe"]["hints"].__setitem__("what", " "),
     "pack/values.json: framework 'rolfe' hint 'what' must be non-empty text"),
]


@pytest.mark.parametrize(("change", "english"), [case[1:] for case in VALUES_CASES],
                         ids=[case[0] for case in VALUES_CASES])
def test_a_broken_values_file_is_described_in_welsh(tmp_path: Path, change: Callable,
                                                      english: str) -> None:
    pack = tmp_path / "pack"
    _write(pack / "values.json", _changed("values.json", change))
    message_en, message_cy = both_languages(lambda: load_values([pack]), ContentError)
    assert message_en == english.replace("pack/", f"{pack}/")
    assert message_cy.startswith(f"{pack / 'values.json'}: ")
    assert message_cy != message_en
    assert english_left(message_cy, [str(pack / "values.json"), *VALUES_KEYS]) == []


WELSH_VALUES_CASES = [
    ({"values": [{"id": "networks", "prompts": ["a?"] * 7}]},
     "value 'networks' has 7 prompts; the English has 5 (a translation adds none: "
     "each keeps its place)"),
    ({"values": [{"id": "networks", "prompts": [{"text": "a?", "about": "team"}]}]},
     "value 'networks': prompt 1 has about='team' but the English prompt 1 is about "
     "'practice' (keep the English order)"),
    ({"values": [{"id": "networks", "prompts": [5]}]},
     "value 'networks': prompt 1 must be text, an object or null"),
    ({"values": [{"id": "networks", "title": " "}]},
     "value 'networks': title must be non-empty text"),
    ({"values": "all of them"}, '"values" must be a list'),
    ({"values": [{"id": "assets"}]}, "unknown value 'assets'; choices: strengths, networks, "
                                     "what-matters, relationships, change-makers"),
    ([], "the top level must be an object"),
]


@pytest.mark.parametrize(("translation", "english"), WELSH_VALUES_CASES)
def test_a_broken_values_translation_is_described_in_welsh(tmp_path: Path, translation: Any,
                                                           english: str) -> None:
    path = _write(tmp_path / "pack" / "cy" / "values.json", translation)
    i18n.set_language("en")
    assert load_values([tmp_path / "pack"]).name("networks") == "Networks"  # not read in English
    i18n.set_language("cy")
    with pytest.raises(ContentError) as caught:
        load_values([tmp_path / "pack"])
    message = str(caught.value)
    i18n.set_language("en")
    with pytest.raises(ContentError) as in_english:
        load_values([tmp_path / "pack"], language="cy")
    assert str(in_english.value) == f"{path}: {english}"
    assert message.startswith(f"{path}: ") and message != str(in_english.value)
    assert english_left(message, [str(path), *VALUES_KEYS]) == []


@pytest.mark.parametrize(("text", "english"), [
    ('{"values": [\n  {id: "x"}]}', "not valid JSON at line 2, column 4: "
                                    "Expecting property name enclosed in double quotes"),
    ('{"values": [1 2]}', "not valid JSON at line 1, column 15: Expecting ',' delimiter"),
    ("", "not valid JSON at line 1, column 1: Expecting value"),
    ('{"values": "no end', "not valid JSON at line 1, column 12: "
                           "Unterminated string starting at"),
])
def test_a_values_file_that_is_not_json_is_described_in_welsh(tmp_path: Path, text: str,
                                                              english: str) -> None:
    path = _write(tmp_path / "pack" / "values.json", text)
    message_en, message_cy = both_languages(lambda: load_values([tmp_path / "pack"]),
                                            ContentError)
    assert message_en == f"{path}: {english}"
    assert message_cy.startswith(f"{path}: ") and message_cy != message_en
    assert english_left(message_cy, [str(path)]) == []


def test_an_unreadable_values_file_is_described_in_welsh(tmp_path: Path) -> None:
    path = tmp_path / "pack" / "values.json"
    path.parent.mkdir(parents=True)
    path.write_bytes(b'{"values": "\xff"}')
    message_en, message_cy = both_languages(lambda: load_values([tmp_path / "pack"]),
                                            ContentError)
    assert message_en == f"{path}: cannot read: not UTF-8 text"
    assert english_left(message_cy, [str(path), "UTF-8"]) == []


# -- stocktake.json and cy/stocktake.json ----------------------------------------------
STOCKTAKE_KEYS = ["values[0].next_steps", "values[2].statements", "values[4].statements[1]", "values[0].id",
                  "values[1].id", "values[0].statements[0]", "values[0].statements",
                  "values[0].name", "scale[0].score", "scale[1].score", "scale[0]",
                  "official_tool", "https://", "scale", "values", "title", "null", "'kindness'",
                  "{...}", "[...]", *IDS]
STOCKTAKE_CASES = [
    (lambda d: d["values"].pop(1), "values: missing networks (every value needs its statements)"),
    (lambda d: d["values"][2]["statements"].pop(),
     "values[2].statements: needs exactly 3 statements, found 2"),
    (lambda d: d["values"][0].__setitem__("id", "kindness"),
     "values[0].id: unknown value 'kindness'; choices: strengths, networks, what-matters, "
     "relationships, change-makers"),
    (lambda d: d["values"][1].__setitem__("id", "strengths"),
     "values[1].id: value 'strengths' appears twice"),
    (lambda d: d["scale"][0].__setitem__("score", 2),
     "scale[0].score: should be 1 (scores go 1 to 5 in order)"),
    (lambda d: d["values"][4]["statements"].__setitem__(1, " "),
     "values[4].statements[1]: needs some text"),
    (lambda d: d.__setitem__("official_tool", "copronet"),
     "official_tool: should be a web address starting with https://"),
    (lambda d: d["scale"].pop(), "scale: needs exactly 5 scores (1 to 5), found 4"),
    (lambda d: d.__setitem__("scale", {}), "scale: expected a list of 5 scores, found an object"),
    (lambda d: d.__setitem__("values", {}),
     "values: expected a list of the five values, found an object"),
    (lambda d: d["values"][0].__setitem__("next_steps", []),
     "values[0].next_steps: needs at least one next step"),
    (lambda d: d["values"][0].__setitem__("next_steps", None),
     "values[0].next_steps: expected a list [...] of text, found nothing"),
    (lambda d: d.__setitem__("title", 3), "title: needs some text"),
    (lambda d: d["scale"].__setitem__(0, "x"), "scale[0]: expected an object {...}, found text"),
    (lambda d: d.clear() or d.update({"title": "t", "intro": "i", "official_tool": "https://x",
                                      "values": [[]]}),
     "values[0]: expected an object {...}, found a list"),
]


@pytest.mark.parametrize(("change", "english"), STOCKTAKE_CASES)
def test_a_broken_stocktake_file_is_described_in_welsh(tmp_path: Path, change: Callable,
                                                       english: str) -> None:
    pack = tmp_path / "pack"
    path = _write(pack / "stocktake.json", _changed("stocktake.json", change))
    message_en, message_cy = both_languages(lambda: stocktakes.load_statements([pack]))
    assert message_en == f"{path}: {english}"
    assert message_cy.startswith(f"{path}: ") and message_cy != message_en
    assert english_left(message_cy, [str(path), *STOCKTAKE_KEYS]) == []


def test_a_stocktake_file_that_is_a_list_is_described_in_welsh(tmp_path: Path) -> None:
    path = _write(tmp_path / "pack" / "stocktake.json", [])
    message_en, message_cy = both_languages(
        lambda: stocktakes.load_statements([tmp_path / "pack"]))
    assert message_en == f"{path}: top level: expected an object {{...}}, found a list"
    assert message_cy == f"{path}: lefel uchaf: disgwylid gwrthrych {{...}}, cafwyd rhestr"


WELSH_STOCKTAKE_CASES = [
    ([], "top level: expected an object {...}, found a list"),
    ({"values": [{"id": "networks", "statements": ["a", "b", "c", "d"]}]},
     "values[0].statements: has 4 statements; the English has 3 (a translation adds none)"),
    ({"values": [{"id": "networks", "statements": [" "]}]},
     "values[0].statements[0]: needs some text (or null to keep the English)"),
    ({"values": [{"id": "networks", "next_steps": []}]},
     "values[0].next_steps: needs at least one next step (or leave it out to keep the English)"),
    ({"values": [{"id": "networks", "name": ""}]},
     "values[0].name: should be some text (or left out to keep the English)"),
    ({"scale": [{"score": 6}]}, "scale[0].score: should be a score from 1 to 5 (the English "
                                "scale's score this item translates)"),
    ({"scale": [{"score": 1}, {"score": 1}]}, "scale[1].score: score 1 appears twice"),
    ({"values": {"networks": {}}}, "values: should be a list (or left out to keep the English)"),
    ({"official_tool": "copronet"},
     "official_tool: should be a web address starting with https://"),
]


@pytest.mark.parametrize(("translation", "english"), WELSH_STOCKTAKE_CASES)
def test_a_broken_stocktake_translation_is_described_in_welsh(tmp_path: Path, translation: Any,
                                                              english: str) -> None:
    pack = tmp_path / "pack"
    _write(pack / "stocktake.json", _shipped("stocktake.json"))
    path = _write(pack / "cy" / "stocktake.json", translation)
    i18n.set_language("cy")
    with pytest.raises(CoprodError) as caught:
        stocktakes.load_statements([pack])
    message = str(caught.value)
    i18n.set_language("en")
    with pytest.raises(CoprodError) as in_english:
        stocktakes.load_statements([pack], language="cy")
    assert str(in_english.value) == f"{path}: {english}"
    assert message.startswith(f"{path}: ") and message != str(in_english.value)
    assert english_left(message, [str(path), *STOCKTAKE_KEYS]) == []


# -- the practice scenarios --------------------------------------------------------------
def _first(name: str, key: str, value: Any) -> Any:
    return _changed(name, lambda d: d["scenarios"][0].__setitem__(key, value))


@pytest.mark.parametrize(("data", "english", "allow"), [
    (_first("complexity_scenarios.json", "expected", "odd"),
     "scenario 1 ('cake'): expected 'odd' is not a result; choices: simple, complicated, "
     "complex, chaotic, confusion",
     ["('cake')", "'odd'", "'expected'", "simple, complicated, complex, chaotic, confusion"]),
    (_first("complexity_scenarios.json", "colour", "red"),
     "scenario 1: unknown field colour; fields: also, answers, differ, expected, explanation, "
     "id, text, title",
     ["colour", "also, answers, differ, expected, explanation, id, text, title"]),
    (_first("complexity_scenarios.json", "title", ""),
     "scenario 1: 'title' must be non-empty text", ["'title'"]),
    (_first("complexity_scenarios.json", "answers", {}),
     "scenario 1 ('cake'): 'answers' must give each of recipe, expertise, predictable, "
     "people, crisis",
     ["('cake')", "'answers'", "recipe, expertise, predictable, people, crisis"]),
    ({"scenarios": {}}, "must be an object with a list 'scenarios'", ["'scenarios'"]),
])
def test_a_broken_complexity_scenario_is_described_in_welsh(tmp_path: Path, data: Any,
                                                            english: str,
                                                            allow: list[str]) -> None:
    pack = tmp_path / "pack"
    path = _write(pack / "complexity_scenarios.json", data)
    message_en, message_cy = both_languages(lambda: cx.load_scenarios([pack]))
    assert message_en == f"{path}: {english}"
    assert message_cy.startswith(f"{path}: ") and message_cy != message_en
    assert english_left(message_cy, [str(path), *allow]) == []


@pytest.mark.parametrize(("data", "english", "allow"), [
    (_first("spectrum_scenarios.json", "place", "odd"),
     "scenario 'safeguarding-referral': 'place' is 'odd'; choices: protection, education, "
     "information, consultation, participation, co-production, community-led, collaboration",
     ["'safeguarding-referral'", "'place'", "'odd'", "protection, education, information, "
      "consultation, participation, co-production, community-led, collaboration"]),
    (_first("spectrum_scenarios.json", "id", "Bad id"),
     "scenario 1: 'id' must be lower-case letters, digits and '-'", ["'id'"]),
    (_first("spectrum_scenarios.json", "citizens", "yes"),
     "scenario 'safeguarding-referral': 'citizens' must be true or false",
     ["'safeguarding-referral'", "'citizens'", "true", "false"]),
    (_first("spectrum_scenarios.json", "answers", 3),
     "scenario 'safeguarding-referral': 'answers' must be an object with knowledge, "
     "decisions, acts", ["'safeguarding-referral'", "'answers'", "knowledge, decisions, acts"]),
])
def test_a_broken_spectrum_scenario_is_described_in_welsh(tmp_path: Path, data: Any,
                                                          english: str,
                                                          allow: list[str]) -> None:
    pack = tmp_path / "pack"
    path = _write(pack / "spectrum_scenarios.json", data)
    message_en, message_cy = both_languages(lambda: load_scenarios([pack]))
    assert message_en == f"{path}: {english}"
    assert message_cy.startswith(f"{path}: ") and message_cy != message_en
    assert english_left(message_cy, [str(path), *allow]) == []


# -- the reading manifests ---------------------------------------------------------------
@pytest.mark.parametrize(("relative", "data", "allow"), [
    ("reading/manifest.json", {"tiers": [{"id": "Bad"}]}, ['"id"', '"Bad"']),
    ("reading/manifest.json", '{"tiers": [\n  {id: 1}]}', []),
    ("reading/manifest.json", {"tiers": [{"id": "new-tier"}]}, ["'new-tier'", '"title"']),
    ("reading/cy/manifest.json", {"tiers": [{"id": "nowhere"}]}, ["'nowhere'"]),
])
def test_a_broken_reading_manifest_is_described_in_welsh(tmp_path: Path, relative: str,
                                                         data: Any, allow: list[str]) -> None:
    pack = tmp_path / "pack"
    path = _write(pack / relative, data)
    i18n.set_language("cy")
    problems = load_catalog([pack]).problems
    assert len(problems) == 1 and str(path) in problems[0], problems
    assert english_left(problems[0], [str(path), *allow]) == []
