"""The built-in reading content: manifest against files, links, times, width."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from coprod_tui import paths
from coprod_tui.reading.catalog import load_catalog
from coprod_tui.reading.text import (
    estimated_minutes,
    find_links,
    minutes_match,
    to_plain,
    word_count,
)
from tests.conftest import ROOT

READING = ROOT / "content" / "reading"
TRANSLATIONS = ("cy",)
LANGUAGES = ("en", *TRANSLATIONS)

# Every link in the toolkit's Part 1 (checked against the reference text too when it is present).
TOOLKIT_LINKS = [
    "https://www.nesta.org.uk/report/good-and-bad-help-how-purpose-and-confidence-transform-lives/",
    "https://www.youtube.com/watch?v=rqsmRZVd1Jg",
    "https://drive.google.com/file/d/1lwI0VyBKIZB4BeaE8UJBiUDN4xNzZoyr/view",
    "https://podcasters.spotify.com/pod/show/copronetwales/episodes/S02E01-What-is-co-production--Part-1-e20m4kk",
    "https://podcasters.spotify.com/pod/show/copronetwales/episodes/S02E03-The-Ladder-of-Participation-e20msf1",
    "https://podcasters.spotify.com/pod/show/copronetwales/episodes/S02E04-Simple--complicated-and-complex-e20msh6",
    "https://youtu.be/9JiiDahD218",
    "https://info.copronet.wales/the-self-evaluation-audit-tool/",
]


def _reference_toolkit() -> Path | None:
    for base in (ROOT.parent, ROOT.parent.parent):
        candidate = base / "shared" / "reference" / "co-production-toolkit-part1.txt"
        if candidate.is_file():
            return candidate
    return None


def _all_markdown() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(READING.rglob("*.md")))


def test_builtin_content_is_the_checkout_content() -> None:
    assert paths.builtin_content_dir().resolve() == (ROOT / "content").resolve()


def test_manifest_and_files_agree() -> None:
    catalog = load_catalog()
    assert catalog.problems == ()
    assert [t.id for t in catalog.tiers] == ["10-minutes", "30-minutes", "an-hour", "follow-up"]
    listed = {s.path.resolve() for s in catalog.sections()}
    # Translations (reading/cy/...) are checked in test_reading_welsh.py.
    on_disk = {p.resolve() for p in READING.rglob("*.md")
               if p.relative_to(READING).parts[0] not in TRANSLATIONS}
    assert listed == on_disk, "every Markdown file is in the manifest and the other way round"
    ids = [s.id for s in catalog.sections()]
    assert len(ids) == len(set(ids))
    assert len(catalog.tier("10-minutes").sections) == 6
    raw = json.loads((READING / "manifest.json").read_text(encoding="utf-8"))
    assert sum(len(t["sections"]) for t in raw["tiers"]) == len(ids)


def test_every_toolkit_link_is_in_the_content() -> None:
    expected = set(TOOLKIT_LINKS)
    reference = _reference_toolkit()
    if reference is not None:
        found = set(re.findall(r"<(https://[^>]+)>", reference.read_text(encoding="utf-8")))
        assert found == expected, "the test's list matches the toolkit"
    text = _all_markdown()
    missing = [url for url in expected if url not in text]
    assert missing == []
    linked = {link.url for s in load_catalog().sections() for link in find_links(s.read_text())}
    assert expected <= linked, "each link is also listed (and copyable) in the reader"


@pytest.mark.parametrize("language", LANGUAGES)
def test_reading_times_match_word_counts(language: str) -> None:
    for section in load_catalog(language=language).sections():
        words = word_count(section.read_text())
        assert minutes_match(section.minutes, words), (
            f"{section.id}: {section.minutes} min stated, {words} words"
            f" (about {estimated_minutes(words)} min)"
        )


def test_minutes_match_rejects_a_wrong_time() -> None:
    assert minutes_match(3, 600)
    assert not minutes_match(1, 900)
    assert not minutes_match(10, 200)


@pytest.mark.parametrize("language", LANGUAGES)
def test_tables_and_plain_text_fit_80_columns(language: str) -> None:
    for section in load_catalog(language=language).sections():
        text = section.read_text()
        for line in text.splitlines():
            if line.startswith("|"):
                assert len(line) <= 78, f"{section.id}: table line too wide: {line}"
        for line in to_plain(text, 79).splitlines():
            if "http" not in line:
                assert len(line) <= 79, f"{section.id}: {line}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_sections_are_short_enough_to_open_fast(language: str) -> None:
    # The Markdown widget is quick for a few hundred words; long documents are split.
    for section in load_catalog(language=language).sections():
        assert word_count(section.read_text()) < 900, section.id


def test_credits_name_the_toolkit_and_its_authors() -> None:
    text = _all_markdown()
    for name in ("Co-production Network for Wales", "Carer Aware", "Noreen Blanluet",
                 "Co-producing with carers in health settings"):
        assert name in text.replace("\n", " ")


@pytest.mark.parametrize("markdown, expected", [
    ("See <https://a.example/x>.", [("See", "https://a.example/x")]),
    ("# Head\n\n<https://b.example/>", [("Head", "https://b.example/")]),
    ("- Podcast one:\n  <https://c.example/1>", [("Podcast one", "https://c.example/1")]),
    ("[the report](https://d.example/r) and <https://d.example/r>",
     [("the report", "https://d.example/r")]),
])
def test_find_links(markdown: str, expected: list[tuple[str, str]]) -> None:
    assert [(link.label, link.url) for link in find_links(markdown)] == expected


def test_plain_text_has_no_markup_and_keeps_urls_whole() -> None:
    url = "https://example.org/" + "a" * 70
    plain = to_plain(f"# Title\n\nSome **bold** and *soft* words <{url}>\n\n- item one\n", 40)
    assert "**" not in plain and "<" not in plain and "*soft*" not in plain
    assert url in plain
    assert "Title\n=====" in plain
    assert "- item one" in plain


def test_table_rows_are_never_continuations() -> None:
    # The reader draws a rule between table rows, so a row with an empty first
    # cell (a wrapped line) would look like a separate row.
    for section in load_catalog().sections():
        for line in section.read_text().splitlines():
            if line.startswith("|"):
                assert line.split("|")[1].strip(), f"{section.id}: {line}"
