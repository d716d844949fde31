"""Content packs merged into the catalog, broken packs, and reading progress."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from coprod_tui.core.store import Store
from coprod_tui.reading.catalog import load_catalog
from coprod_tui.reading.progress import continue_section, first_unread, tiers_line
from coprod_tui.reading.records import PLACE_ID, Place, ReadingProgress
from tests.conftest import ROOT

EXAMPLE = ROOT / "content" / "examples" / "local-pack"


def make_pack(root: Path, manifest: object, files: dict[str, str] | None = None) -> Path:
    reading = root / "reading"
    reading.mkdir(parents=True)
    text = manifest if isinstance(manifest, str) else json.dumps(manifest)
    (reading / "manifest.json").write_text(text, encoding="utf-8")
    for name, body in (files or {}).items():
        (reading / name).parent.mkdir(parents=True, exist_ok=True)
        (reading / name).write_text(body, encoding="utf-8")
    return root


def section(sid: str, file: str, title: str = "A title") -> dict[str, object]:
    return {"id": sid, "title": title, "file": file, "minutes": 1}


def test_example_pack_adds_a_tier_and_replaces_a_section() -> None:
    builtin = load_catalog()
    catalog = load_catalog([EXAMPLE])
    assert catalog.problems == ()
    replaced = catalog.section("discuss-with-your-team")
    assert replaced.title == "Discuss it with your team (our version)"
    assert replaced.path.is_relative_to(EXAMPLE)
    assert "fifteen minutes" in replaced.read_text()
    assert replaced.tier_id == "follow-up"
    follow_up = [s.id for s in catalog.tier("follow-up").sections]
    assert follow_up == [s.id for s in builtin.tier("follow-up").sections], "replaced in place"
    assert [t.id for t in catalog.tiers][-1] == "our-area"
    assert catalog.tier("our-area").label == "Local tier"
    assert catalog.section("local-carers-services").read_text().startswith("# Support")


def test_pack_adds_a_section_to_an_existing_tier(tmp_path: Path) -> None:
    pack = make_pack(tmp_path / "p", {"tiers": [{"id": "10-minutes", "sections": [
        section("our-case-study", "case.md")]}]}, {"case.md": "# Case\n\nText.\n"})
    catalog = load_catalog([pack])
    assert [s.id for s in catalog.tier("10-minutes").sections][-1] == "our-case-study"
    assert catalog.neighbour("co-production-imperative", 1).id == "our-case-study"


@pytest.mark.parametrize("manifest, files, problem", [
    ("{not json", {}, "not valid JSON (line 1"),
    ({"sections": []}, {}, "expected an object with a \"tiers\" list"),
    ({"tiers": [{"id": "x", "title": "X", "sections": [section("a", "missing.md")]}]}, {},
     "section 'a': file 'missing.md' not found"),
    ({"tiers": [{"id": "x", "title": "X", "sections": [section("a", "a.md"),
                                                       section("a", "a.md")]}]},
     {"a.md": "# A\n"}, "section 'a' appears twice (duplicate id)"),
    ({"tiers": [{"id": "x", "title": "X"}, {"id": "x", "title": "Y"}]}, {},
     "tier 'x' appears twice"),
    ({"tiers": [{"id": "Bad Id", "title": "X"}]}, {}, "\"id\" must be lower-case"),
    ({"tiers": [{"id": "new-tier", "sections": [section("a", "a.md")]}]}, {"a.md": "# A\n"},
     "tier 'new-tier' is new, so it needs a \"title\""),
    ({"tiers": [{"id": "x", "title": "X", "sections": [section("a", "../escape.md")]}]}, {},
     "\"file\" must be a .md path inside"),
    ({"tiers": [{"id": "x", "title": "X", "sections": [
        {"id": "a", "title": "A", "file": "a.md", "minutes": "two"}]}]}, {"a.md": "# A\n"},
     "\"minutes\" must be a whole number"),
])
def test_a_broken_pack_is_skipped_with_one_clear_message(
        tmp_path: Path, manifest: object, files: dict[str, str], problem: str) -> None:
    pack = make_pack(tmp_path / "broken", manifest, files)
    catalog = load_catalog([pack, EXAMPLE])
    assert len(catalog.problems) == 1
    message = catalog.problems[0]
    assert str(pack / "reading" / "manifest.json") in message
    assert problem in message
    assert catalog.tier("x") is None and catalog.tier("new-tier") is None
    assert catalog.section("what-is-co-production") is not None, "built-in content still works"
    assert catalog.section("local-carers-services") is not None, "later packs still load"


def test_missing_pack_folder_is_reported_and_folder_without_reading_is_ignored(
        tmp_path: Path) -> None:
    (tmp_path / "other").mkdir()
    catalog = load_catalog([tmp_path / "nope", tmp_path / "other"])
    assert catalog.problems == (f"content pack {tmp_path / 'nope'}: folder not found",)


def test_progress_is_kept_in_the_reading_table(data_dir: Path) -> None:
    store = Store.open(data_dir)
    progress = ReadingProgress(store)
    assert progress.place() is None and progress.read_ids() == set()
    progress.set_read("five-values")
    progress.save_place("complexity", 12)
    again = ReadingProgress(Store.open(data_dir))
    assert again.read_ids() == {"five-values"}
    assert again.place() == Place("complexity", 12)
    assert {d["id"] for d in store.all("reading")} == {"five-values", PLACE_ID}
    again.set_read("five-values", False)
    assert progress.read_ids() == set()
    assert (data_dir / "state.json").exists()


def test_first_unread_follows_the_order_of_the_tiers() -> None:
    catalog = load_catalog()
    ten = [s.id for s in catalog.tier("10-minutes").sections]
    assert first_unread(catalog, ten[:2]).id == ten[2]


def test_continue_skips_a_section_already_read_to_the_end() -> None:
    # Issue 17: "Continue" pointed at the section read to its end.
    catalog = load_catalog()
    ten = [s.id for s in catalog.tier("10-minutes").sections]
    assert continue_section(catalog, [], ten[1]).id == ten[1]  # still being read
    assert continue_section(catalog, [ten[1]], ten[1]).id == ten[2]
    # Read out of order: the next unread after it, not an earlier gap...
    assert continue_section(catalog, [ten[1], ten[2]], ten[1]).id == ten[3]
    # ...and when nothing after it is unread, the first unread anywhere.
    everything = [s.id for s in catalog.sections()]
    assert continue_section(catalog, everything[1:], everything[-1]).id == everything[0]
    # Nothing opened yet: the first unread; all read: where the reader was.
    assert continue_section(catalog, ten[:2], None).id == ten[2]
    assert continue_section(catalog, everything, ten[3]).id == ten[3]


def test_home_line_shows_every_tier() -> None:
    catalog = load_catalog()
    ten = [s.id for s in catalog.tier("10-minutes").sections]
    line = tiers_line(catalog, ten[:4] + ["podcast-episodes"])
    assert line == ("10-minute tier 4/6, 30-minute tier 0/7, One-hour tier 0/1,"
                    " Follow-up 1/5")
    everything = [s.id for s in catalog.sections()]
    assert tiers_line(catalog, everything) == f"all {len(everything)} sections read"


def test_the_hour_tier_is_not_timed_and_a_pack_cannot_say_maybe(tmp_path: Path) -> None:
    catalog = load_catalog()
    assert [t.timed for t in catalog.tiers] == [True, True, False, True]
    pack = tmp_path / "pack"
    (pack / "reading").mkdir(parents=True)
    (pack / "reading" / "manifest.json").write_text(
        '{"tiers": [{"id": "an-hour", "timed": "no", "sections": []}]}')
    broken = load_catalog([pack])
    assert broken.tier("an-hour").timed is False
    assert any('"timed" must be true or false' in p for p in broken.problems)
    (pack / "reading" / "manifest.json").write_text(
        '{"tiers": [{"id": "an-hour", "timed": true, "sections": []}]}')
    assert load_catalog([pack]).tier("an-hour").timed is True
