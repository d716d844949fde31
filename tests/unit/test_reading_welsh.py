"""Reading content in Welsh: the built-in translation of the 10-minute tier, the
English fallback for everything else, and translations in content packs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from coprod_tui import i18n
from coprod_tui.reading.catalog import load_catalog
from tests.conftest import ROOT

WELSH = ROOT / "content" / "reading" / "cy"


def make_pack(root: Path, manifest: object | None = None, welsh: object | None = None,
              files: dict[str, str] | None = None) -> Path:
    reading = root / "reading"
    (reading / "cy").mkdir(parents=True)
    if manifest is not None:
        (reading / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    if welsh is not None:
        (reading / "cy" / "manifest.json").write_text(json.dumps(welsh), encoding="utf-8")
    for name, body in (files or {}).items():
        (reading / name).parent.mkdir(parents=True, exist_ok=True)
        (reading / name).write_text(body, encoding="utf-8")
    return root


def test_the_ten_minute_tier_is_whole_in_welsh_and_the_rest_falls_back() -> None:
    english = load_catalog(language="en")
    welsh = load_catalog(language="cy")
    assert welsh.problems == ()
    assert [s.id for s in welsh.sections()] == [s.id for s in english.sections()], (
        "a translation adds, removes and reorders nothing: progress ids are shared")
    ten = welsh.tier("10-minutes")
    assert ten.title == "Os oes gennych 10 munud"
    for section in ten.sections:
        assert section.language == "cy"
        assert section.path.is_relative_to(WELSH / "10-minutes")
        assert section.title != english.section(section.id).title
    assert welsh.section("what-is-co-production").read_text().startswith("# Beth yw cydgynhyrchu")
    for section in welsh.tier("30-minutes").sections:
        assert section.language == "en"
        assert section == english.section(section.id)
    assert welsh.tier("30-minutes").title == "Os oes gennych 30 munud"


def test_every_welsh_file_is_listed_and_every_section_has_its_file() -> None:
    listed = {s.path.resolve() for s in load_catalog(language="cy").sections()
              if s.language == "cy"}
    on_disk = {p.resolve() for p in WELSH.rglob("*.md")}
    assert listed == on_disk


def test_the_interface_language_chooses_the_reading_language() -> None:
    assert load_catalog().section("five-values").language == "en"
    i18n.set_language("cy")
    assert load_catalog().section("five-values").title == "Y pum gwerth"


def test_welsh_uses_the_networks_names_for_the_values() -> None:
    text = (WELSH / "10-minutes" / "five-values.md").read_text(encoding="utf-8")
    flat = " ".join(text.split())
    for name in ("gwerthfawrogi pobl a magu eu cryfderau",
                 "datblygu rhwydweithiau sy'n gweithredu draws seilo",
                 "canolbwyntio ar yr hyn sy'n bwysig i'r bobl dan sylw",
                 "meithrin cysylltiadau a seilir ar ffydd a grym a rennir",
                 "galluogi pobl i ysgogi newid"):
        assert name in flat.lower(), name


def test_a_pack_replacing_a_section_replaces_its_translation_too(tmp_path: Path) -> None:
    pack = make_pack(tmp_path / "p", {"tiers": [{"id": "10-minutes", "sections": [
        {"id": "five-values", "title": "Our values", "file": "ours.md", "minutes": 1}]}]},
        files={"ours.md": "# Our values\n\nLocal text.\n"})
    section = load_catalog([pack], language="cy").section("five-values")
    assert (section.title, section.language) == ("Our values", "en")
    assert load_catalog([pack], language="cy").section("complexity").language == "cy"


def test_a_pack_can_bring_its_own_welsh(tmp_path: Path) -> None:
    pack = make_pack(
        tmp_path / "p",
        {"tiers": [{"id": "10-minutes", "sections": [
            {"id": "local-help", "title": "Local help", "file": "local.md", "minutes": 1}]}]},
        {"tiers": [{"id": "10-minutes", "sections": [
            {"id": "local-help", "title": "Help lleol", "file": "local.md"}]},
            {"id": "30-minutes", "sections": [
                {"id": "spectrum-in-depth", "title": "Rhan 2", "file": "rhan2.md",
                 "minutes": 4}]}]},
        {"local.md": "# Local help\n", "cy/local.md": "# Help lleol\n",
         "cy/rhan2.md": "# Rhan 2\n"})
    catalog = load_catalog([pack], language="cy")
    assert catalog.problems == ()
    assert catalog.section("local-help").title == "Help lleol"
    assert catalog.section("local-help").minutes == 1, "minutes default to the English ones"
    assert (catalog.section("spectrum-in-depth").title, catalog.section("spectrum-in-depth").minutes) == ("Rhan 2", 4)
    english = load_catalog([pack], language="en")
    assert english.section("local-help").title == "Local help"
    assert english.section("spectrum-in-depth").language == "en"


@pytest.mark.parametrize("welsh, files, problem", [
    ({"tiers": [{"id": "no-such-tier"}]}, {}, "tier 'no-such-tier' is not in the English"),
    ({"tiers": [{"id": "10-minutes", "sections": [
        {"id": "no-such-section", "title": "T", "file": "a.md"}]}]},
     {"cy/a.md": "# A\n"}, "section 'no-such-section' is not in tier '10-minutes'"),
    ({"tiers": [{"id": "10-minutes", "sections": [
        {"id": "five-values", "title": "T", "file": "../../x.md"}]}]}, {}, "must be a .md path"),
    ({"tiers": [{"id": "10-minutes", "sections": [
        {"id": "five-values", "title": "T", "file": "gone.md"}]}]}, {}, "not found"),
    ({"tiers": [{"id": "10-minutes", "sections": [
        {"id": "five-values", "title": "T", "file": "a.md", "minutes": 0}]}]},
     {"cy/a.md": "# A\n"}, "\"minutes\" must be a whole number"),
])
def test_a_broken_pack_translation_skips_the_pack(tmp_path: Path, welsh, files, problem) -> None:
    pack = make_pack(tmp_path / "p", None, welsh, files)
    catalog = load_catalog([pack], language="cy")
    assert len(catalog.problems) == 1
    assert problem in catalog.problems[0] and "(pack skipped)" in catalog.problems[0]
    assert catalog.section("five-values").language == "cy", "the built-in Welsh still stands"
    assert load_catalog([pack], language="en").problems == (), "English never reads it"
