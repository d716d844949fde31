"""The values, prompts and framework hints in Welsh (content/cy/values.json):
chosen by the interface language, English item by item where a translation
leaves something out, checked like the English, and shipped in the wheel."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from coprod_tui import i18n
from coprod_tui.journal.entry import FRAMEWORKS, VALUE_IDS
from coprod_tui.journal.values import ContentError
from coprod_tui.journal.values_content import (
    load_values,
    read_translation,
    read_values_file,
    values_files,
)
from tests.conftest import ROOT

ENGLISH = ROOT / "content" / "values.json"
WELSH = ROOT / "content" / "cy" / "values.json"

# docs/welsh-glossary.md: the network's full names, coprod's short names.
NETWORK_TITLES = {
    "strengths": "Gwerthfawrogi pobl a magu eu cryfderau",
    "networks": "Datblygu rhwydweithiau sy'n gweithredu draws seilo",
    "what-matters": "Canolbwyntio ar yr hyn sy'n bwysig i'r bobl dan sylw",
    "relationships": "Meithrin cysylltiadau a seilir ar ffydd a grym a rennir",
    "change-makers": "Galluogi pobl i ysgogi newid",
}
SHORT_NAMES = {"strengths": "Cryfderau", "networks": "Rhwydweithiau",
               "what-matters": "Yr hyn sy'n bwysig", "relationships": "Cysylltiadau",
               "change-makers": "Ysgogi newid"}


def test_the_shipped_welsh_translates_every_item() -> None:
    english = read_values_file(ENGLISH)
    welsh = read_translation(english, WELSH)
    assert [v.id for v in welsh.values] == list(VALUE_IDS)
    for value in welsh.values:
        before = english.value(value.id)
        assert value.title == NETWORK_TITLES[value.id]
        assert value.name == SHORT_NAMES[value.id]
        assert value.explanation != before.explanation
        assert len(value.prompts) == len(before.prompts)
        for ours, theirs in zip(value.prompts, before.prompts, strict=True):
            assert ours.text != theirs.text, (value.id, ours.text)
            assert ours.about == theirs.about
    for framework_id, sections in FRAMEWORKS.items():
        guide, before = welsh.frameworks[framework_id], english.frameworks[framework_id]
        assert guide.name != before.name or framework_id == "gibbs" and "Gibbs" in guide.name
        for section_id, _label in sections:
            assert guide.hint(section_id) and guide.hint(section_id) != before.hint(section_id), (
                framework_id, section_id)


def test_the_welsh_file_gives_every_id_once_and_no_more() -> None:
    data = json.loads(WELSH.read_text(encoding="utf-8"))
    assert [v["id"] for v in data["values"]] == list(VALUE_IDS)
    assert set(data["frameworks"]) == set(FRAMEWORKS)


def test_the_interface_language_chooses_the_values_language() -> None:
    assert load_values().name("strengths") == "Strengths"
    i18n.set_language("cy")
    content = load_values()
    assert content.name("strengths") == "Cryfderau"
    assert content.frameworks["rolfe"].name.startswith("Beth? Felly beth?")
    assert load_values(language="en").value("networks").title == "Develop networks across silos"


def test_a_translation_leaving_items_out_falls_back_to_english_one_at_a_time(
        tmp_path: Path) -> None:
    pack = tmp_path / "pack"
    (pack / "cy").mkdir(parents=True)
    (pack / "cy" / "values.json").write_text(json.dumps({
        "values": [{"id": "networks", "name": "Rhwydi", "prompts": [None, "Ail gwestiwn?"]}],
        "frameworks": {"gibbs": {"hints": {"feelings": "Sut oeddech chi'n teimlo?"}}},
    }), encoding="utf-8")
    english = load_values([pack], language="en")
    welsh = load_values([pack], language="cy")
    networks, before = welsh.value("networks"), english.value("networks")
    assert networks.name == "Rhwydi"
    assert networks.title == before.title and networks.explanation == before.explanation
    assert networks.prompts[0] == before.prompts[0]
    assert networks.prompts[1].text == "Ail gwestiwn?"
    assert networks.prompts[1].about == before.prompts[1].about
    assert networks.prompts[2:] == before.prompts[2:]
    assert welsh.value("strengths") == english.value("strengths")
    gibbs = welsh.frameworks["gibbs"]
    assert gibbs.hint("feelings") == "Sut oeddech chi'n teimlo?"
    assert gibbs.hint("analysis") == english.frameworks["gibbs"].hint("analysis")
    assert gibbs.name == english.frameworks["gibbs"].name


def test_a_pack_with_its_own_values_replaces_the_translation_too(tmp_path: Path) -> None:
    data = json.loads(ENGLISH.read_text(encoding="utf-8"))
    data["values"][0]["name"] = "Assets"
    ours = tmp_path / "ours"
    ours.mkdir()
    (ours / "values.json").write_text(json.dumps(data), encoding="utf-8")
    assert values_files([ours], "cy") == (ours / "values.json", None)
    welsh = load_values([ours], language="cy")
    assert welsh.name("strengths") == "Assets"  # the pack's English, not the built-in Welsh
    assert welsh.name("networks") == "Networks"
    (ours / "cy").mkdir()
    (ours / "cy" / "values.json").write_text(
        json.dumps({"values": [{"id": "strengths", "name": "Asedau"}]}), encoding="utf-8")
    assert load_values([ours], language="cy").name("strengths") == "Asedau"


@pytest.mark.parametrize(("translation", "problem"), [
    ({"values": [{"id": "assets"}]}, "unknown value 'assets'"),
    ({"values": [{"id": "networks"}, {"id": "networks"}]}, "'networks' appears more than once"),
    ({"values": [{"id": "networks", "prompts": ["a?"] * 7}]}, "has 7 prompts; the English has 5"),
    ({"values": [{"id": "networks", "prompts": [{"text": "a?", "about": "team"}]}]},
     "prompt 1 has about='team'"),
    ({"values": [{"id": "networks", "title": " "}]}, "title must be non-empty text"),
    ({"frameworks": {"kolb": {}}}, "unknown framework 'kolb'"),
    ({"frameworks": {"rolfe": {"hints": {"why": "Pam?"}}}}, "unknown section 'why'"),
    ([], "the top level must be an object"),
])
def test_a_broken_translation_names_its_file_and_problem(tmp_path: Path, translation: object,
                                                         problem: str) -> None:
    path = tmp_path / "cy" / "values.json"
    path.parent.mkdir()
    path.write_text(json.dumps(translation), encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_values([tmp_path], language="cy")
    message = str(caught.value)
    assert message.startswith(str(path)) and problem in message, message


def test_the_welsh_values_ship_in_the_wheel() -> None:
    """The wheel takes the whole content folder (pyproject force-include), so
    content/cy/values.json is coprod_tui/content/cy/values.json once installed."""
    project = (ROOT / "pyproject.toml").read_text(encoding="utf-8")  # no tomllib on 3.10
    table = project.split("[tool.hatch.build.targets.wheel.force-include]", 1)[1]
    assert table.split("[", 1)[0].strip() == '"content" = "coprod_tui/content"'
    assert WELSH.is_file() and WELSH.is_relative_to(ROOT / "content")
