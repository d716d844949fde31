"""The practice scenarios in Welsh (content/cy/spectrum_scenarios.json and
content/cy/complexity_scenarios.json): chosen by the interface language, matched
by id, translating only the texts; what a translation leaves out stays English,
a pack's own scenarios stay English unless it brings its own translation, a
broken translation names its file, and saved rounds never change with the
language (issue 20)."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from coprod_tui import i18n, paths
from coprod_tui.complexity import records as cx
from coprod_tui.complexity.history_screen import round_details
from coprod_tui.complexity.scenarios import ScenarioError as ComplexityError
from coprod_tui.core.store import Store
from coprod_tui.plain import complexity as plain_complexity
from coprod_tui.plain import spectrum as plain_spectrum
from coprod_tui.plain.console import Console
from coprod_tui.spectrum import records as spectrum_records
from coprod_tui.spectrum.scenario_content import SCENARIOS_FILE, load_scenarios
from coprod_tui.spectrum.scenarios import ScenarioError as SpectrumError

ROOT = Path(__file__).resolve().parents[2]
SPECTRUM_EN = json.loads((ROOT / "content" / SCENARIOS_FILE).read_text(encoding="utf-8"))
COMPLEXITY_EN = json.loads((ROOT / "content" / cx.SCENARIO_FILE).read_text(encoding="utf-8"))

# Each exercise: its loader, its file name, its error, and the fields a translation gives.
EXERCISES: dict[str, tuple[Callable[..., list[Any]], str, type[Exception], tuple[str, ...]]] = {
    "spectrum": (load_scenarios, SCENARIOS_FILE, SpectrumError, ("title", "text", "explanation")),
    "complexity": (cx.load_scenarios, cx.SCENARIO_FILE, ComplexityError,
                   ("title", "text", "explanation", "differ")),
}
# What a translation never changes.
FIXED = {"spectrum": ("id", "place", "answers", "source"),
         "complexity": ("id", "expected", "answers", "also", "saved_title")}


def _write(path: Path, data: object) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return path


def _english(exercise: str, sid: str | None = None) -> dict[str, Any]:
    raw = SPECTRUM_EN if exercise == "spectrum" else COMPLEXITY_EN
    return next(item for item in raw["scenarios"] if sid is None or item["id"] == sid)


@pytest.mark.parametrize("exercise", EXERCISES)
def test_every_builtin_scenario_is_in_welsh_with_the_same_ids_and_answers(exercise: str) -> None:
    load, _name, _error, texts = EXERCISES[exercise]
    english, welsh = load(None, language="en"), load(None, language="cy")
    assert [s.id for s in welsh] == [s.id for s in english] and len(welsh) >= 19
    for en, cy in zip(english, welsh, strict=True):
        for key in FIXED[exercise]:
            assert getattr(cy, key) == getattr(en, key), (en.id, key)
        for key in texts:
            if key == "differ" and not en.differ:
                assert cy.differ == "", en.id
                continue
            assert getattr(cy, key).strip() and getattr(cy, key) != getattr(en, key), (en.id, key)


@pytest.mark.parametrize("exercise", EXERCISES)
def test_the_interface_language_chooses_and_english_never_reads_a_translation(
        exercise: str, tmp_path: Path) -> None:
    load, name, _error, _texts = EXERCISES[exercise]
    first = _english(exercise)
    i18n.set_language("cy")
    assert load(None)[0].title != first["title"]
    i18n.set_language("en")
    assert load(None)[0].title == first["title"]
    # English is English whatever a pack's translation holds, broken or not.
    _write(tmp_path / "cy" / name, "{not json")
    assert load([tmp_path])[0].title == first["title"]


@pytest.mark.parametrize("exercise", EXERCISES)
def test_what_a_translation_leaves_out_stays_english(exercise: str, tmp_path: Path) -> None:
    load, name, _error, _texts = EXERCISES[exercise]
    item = dict(_english(exercise), id="pack-one", title="Pack title", text="Pack text.")
    _write(tmp_path / name, {"scenarios": [item]})
    _write(tmp_path / "cy" / name,
           {"scenarios": [{"id": "pack-one", "title": "Teitl y pecyn", "text": None}]})
    (found,) = [s for s in load([tmp_path], language="cy") if s.id == "pack-one"]
    assert found.title == "Teitl y pecyn"
    assert found.text == "Pack text." and found.explanation == item["explanation"]


@pytest.mark.parametrize("exercise", EXERCISES)
def test_a_packs_own_scenarios_stay_english_unless_it_brings_their_welsh(
        exercise: str, tmp_path: Path) -> None:
    load, name, _error, _texts = EXERCISES[exercise]
    builtin = load(None, language="cy")
    first, second = builtin[0], builtin[1]
    # The pack replaces the first built-in scenario and adds one, in English only.
    replaced = dict(_english(exercise, first.id), title="Our version")
    added = dict(_english(exercise), id="pack-extra", title="Our extra")
    pack = tmp_path / "pack"
    _write(pack / name, {"scenarios": [replaced, added]})
    shown = {s.id: s for s in load([pack], language="cy")}
    assert shown[first.id].title == "Our version"  # the built-in Welsh no longer fits
    assert shown["pack-extra"].title == "Our extra"
    assert shown[second.id].title == second.title  # the rest keep their Welsh
    # With its own cy/ file, the pack's scenarios are Welsh too.
    _write(pack / "cy" / name, {"scenarios": [{"id": first.id, "title": "Ein fersiwn ni"},
                                              {"id": "pack-extra", "title": "Ein hychwanegiad"}]})
    shown = {s.id: s for s in load([pack], language="cy")}
    assert shown[first.id].title == "Ein fersiwn ni"
    assert shown["pack-extra"].title == "Ein hychwanegiad"
    # A later pack holding only a translation translates what stands before it.
    only = tmp_path / "only"
    _write(only / "cy" / name, {"scenarios": [{"id": second.id, "title": "Teitl arall"}]})
    shown = {s.id: s for s in load([pack, only], language="cy")}
    assert shown[second.id].title == "Teitl arall" and shown[first.id].title == "Ein fersiwn ni"
    # ... but a pack after it that brings its own English for that scenario wins.
    later = tmp_path / "later"
    _write(later / name, {"scenarios": [dict(_english(exercise, second.id), title="Later")]})
    shown = {s.id: s for s in load([pack, only, later], language="cy")}
    assert shown[second.id].title == "Later"


def _broken(exercise: str) -> list[tuple[object, str]]:
    first = _english(exercise)["id"]
    answers = "place" if exercise == "spectrum" else "expected"
    cases: list[tuple[object, str]] = [
        ("{not json", "not valid JSON at line 1"),
        ([], "must be an object with a list 'scenarios'"),
        ({"scenarios": [{"title": "Teitl"}]}, "'id' must be non-empty text"),
        ({"scenarios": [{"id": "no-such-one", "title": "Teitl"}]},
         "there is no scenario with this id to translate"),
        ({"scenarios": [{"id": first}, {"id": first}]}, "twice"),
        ({"scenarios": [{"id": first, answers: "simple"}]},
         f"{answers} cannot be translated; a translation gives only title, text, explanation"),
        ({"scenarios": [{"id": first, "answers": {}}]}, "answers cannot be translated"),
        ({"scenarios": [{"id": first, "title": "  "}]},
         "'title' must be a non-empty string, or be left out to keep the English"
         if exercise == "spectrum" else
         "'title' must be non-empty text, or be left out to keep the English"),
        ({"scenarios": [{"id": first, "text": 3}]}, "'text' must be"),
    ]
    if exercise == "complexity":  # the cake has no "where people differ" note
        cases.append(({"scenarios": [{"id": "cake", "differ": "Mae pobl yn anghytuno."}]},
                      "'differ' has no English to translate"))
    return cases


@pytest.mark.parametrize(("exercise", "data", "problem"),
                         [(e, d, p) for e in EXERCISES for d, p in _broken(e)])
def test_a_broken_translation_names_its_file_and_problem(exercise: str, data: object,
                                                        problem: str, tmp_path: Path) -> None:
    load, name, error, _texts = EXERCISES[exercise]
    path = _write(tmp_path / "cy" / name, data)
    with pytest.raises(error) as caught:
        load([tmp_path], language="cy")
    message = str(caught.value)
    assert message.startswith(str(path)) and problem in message, message


def test_the_welsh_scenarios_ship_in_the_wheel() -> None:
    """The wheel takes the whole content folder (pyproject force-include; .ci/run
    checks every file of content/ is installed), so the Welsh scenarios are
    coprod_tui/content/cy/... once installed, beside the English."""
    project = (ROOT / "pyproject.toml").read_text(encoding="utf-8")  # no tomllib on 3.10
    table = project.split("[tool.hatch.build.targets.wheel.force-include]", 1)[1]
    assert table.split("[", 1)[0].strip() == '"content" = "coprod_tui/content"'
    for name in (SCENARIOS_FILE, cx.SCENARIO_FILE):
        assert (ROOT / "content" / "cy" / name).is_file()
        assert (paths.builtin_content_dir() / "cy" / name).is_file()


# -- saved rounds never change with the language ------------------------------------
def _complexity_round(language: str, choice: str = "1") -> list[dict[str, Any]]:
    i18n.set_language(language)
    scenarios = cx.load_scenarios([])
    out = io.StringIO()
    return plain_complexity.practice_round(
        Console(io.StringIO(f"{choice}\n\n" * len(scenarios)), out), scenarios,
        rng=_InOrder(), size=5)


class _InOrder:
    """Stands in for random.Random: the first scenarios, in file order."""

    def sample(self, items: list[Any], count: int) -> list[Any]:
        return list(items)[:count]


def test_a_complexity_round_is_saved_the_same_in_either_language(data_dir: Path) -> None:
    store = Store.open(data_dir)
    welsh = cx.save_round(store, _complexity_round("cy"))
    english = cx.save_round(store, _complexity_round("en"))
    assert welsh["attempts"] == english["attempts"]
    assert (welsh["score"], welsh["total"]) == (english["score"], english["total"])
    titles = [item["title"] for item in welsh["attempts"]]
    assert titles == [item["title"] for item in COMPLEXITY_EN["scenarios"][:5]]


def test_a_complexity_round_saved_in_english_reads_in_welsh_and_back(data_dir: Path) -> None:
    store = Store.open(data_dir)
    saved = cx.save_round(store, _complexity_round("en", "3"))
    (doc,) = cx.rounds(Store.open(data_dir))
    assert doc["attempts"] == saved["attempts"]
    i18n.set_language("cy")
    welsh = {s.id: s.title for s in cx.load_scenarios([])}
    shown = round_details(doc, welsh)
    for item in doc["attempts"]:
        assert welsh[item["scenario"]] in shown and item["title"] not in shown
    assert shown.count("[cywir]") + shown.count("[anghywir]") == 5
    # Scenarios that cannot be read (a broken pack): the titles the round kept.
    assert all(item["title"] in round_details(doc) for item in doc["attempts"])
    i18n.set_language("en")
    english = {s.id: s.title for s in cx.load_scenarios([])}
    shown = round_details(doc, english)
    assert all(item["title"] in shown for item in doc["attempts"]) and "[right]" in shown


def test_a_spectrum_round_is_saved_the_same_in_either_language(
        data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(plain_spectrum, "pick_round", lambda items, rng=None: list(items)[:6])
    store = Store.open(data_dir)
    saved = []
    for language in ("cy", "en"):
        i18n.set_language(language)
        scenarios = load_scenarios(None)
        attempts = plain_spectrum.practice_round(
            Console(io.StringIO("6\n\n" * 6), io.StringIO()), scenarios)
        saved.append(spectrum_records.save_round(store, attempts))
    welsh, english = saved
    assert welsh["attempts"] == english["attempts"]
    assert [a["scenario"] for a in welsh["attempts"]] == \
        [item["id"] for item in SPECTRUM_EN["scenarios"][:6]]
    assert all(set(a) == {"scenario", "chosen", "expected", "correct"} for a in welsh["attempts"])
