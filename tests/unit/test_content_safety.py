"""Content packs are untrusted: whatever bytes a pack holds, what coprod reads from
it (sections, titles, links, JSON content, messages) carries no control character
that a terminal would obey. Property-based where the input is free text."""

from __future__ import annotations

import json
import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coprod_tui.core.content import read_content_json, read_limited_text, visible_strings
from coprod_tui.core.text import make_visible
from coprod_tui.reading.catalog import ContentError, load_catalog
from coprod_tui.reading.text import find_links, to_plain

# C0 controls but tab and newline, DEL, C1 controls.
CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Text biased towards what attackers write: escapes, C1, BEL, and Markdown around them.
PIECES = st.sampled_from(["\x1b", "\x07", "\x9b", "\x9d", "\x9c", "\x7f", "\x00", "\r", "\n",
                          "\t", "\x0b", "\x0c", "\x85", "]52;c;", "[2J", "https://e.org/",
                          "[", "](", ")", "<", ">", "# ", "- ", "|", "*", " "])
HOSTILE = st.lists(st.one_of(PIECES, st.characters()), max_size=80).map("".join)


@given(HOSTILE)
def test_make_visible_leaves_no_control_but_tab_and_newline(text: str) -> None:
    assert not CONTROLS.search(make_visible(text))
    assert make_visible(make_visible(text)) == make_visible(text)


@given(HOSTILE, st.integers(min_value=1, max_value=120))
def test_plain_text_of_any_markdown_has_no_control(text: str, width: int) -> None:
    assert not CONTROLS.search(to_plain(text, width))


@given(HOSTILE)
def test_links_found_in_any_markdown_have_no_control(text: str) -> None:
    for link in find_links(text):
        assert not CONTROLS.search(link.label) and "\n" not in link.label
        assert not CONTROLS.search(link.url) and "\n" not in link.url


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | HOSTILE,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(HOSTILE, inner, max_size=4),
    max_leaves=20,
)


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [s for item in value for s in _strings(item)]
    if isinstance(value, dict):
        return [s for key, item in value.items() for s in [key, *_strings(item)]]
    return []


@settings(deadline=None)  # real files: a loaded machine must not fail the test
@given(JSON_VALUES)
def test_json_content_strings_and_keys_are_made_visible(value: object) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "content.json"
        path.write_text(json.dumps(value), encoding="utf-8")
        loaded = read_content_json(path, ContentError)
    assert loaded == visible_strings(value)
    for text in _strings(loaded):
        assert not CONTROLS.search(text)


def _pack(root: Path, title: str, body: str, about: str = "About") -> Path:
    reading = root / "reading"
    reading.mkdir(parents=True, exist_ok=True)
    (reading / "s.md").write_text(body, encoding="utf-8")
    manifest = {"tiers": [{"id": "pack-tier", "title": title, "label": title, "about": about,
                           "sections": [{"id": "pack-section", "title": title,
                                         "file": "s.md", "minutes": 1}]}]}
    (reading / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    return root


@settings(max_examples=60, deadline=None)
@given(HOSTILE.filter(lambda t: t.strip()), HOSTILE)
def test_a_pack_section_and_its_titles_load_without_controls(title: str, body: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        about = body if body.strip() else "x"
        catalog = load_catalog([_pack(Path(folder), title, body, about=about)])
        assert catalog.problems == ()
        tier = catalog.tier("pack-tier")
        section = catalog.section("pack-section")
        assert tier is not None and section is not None
        for text in (tier.title, tier.label, tier.about, section.title, section.read_text()):
            assert not CONTROLS.search(text)


def test_the_attack_shows_visibly(tmp_path: Path) -> None:
    pack = _pack(tmp_path, "Title \x1b]52;c;SGk=\x07", "Text \x1b[2J and \x9b2J")
    catalog = load_catalog([pack])
    section = catalog.section("pack-section")
    assert section is not None
    assert section.title == "Title ^[]52;c;SGk=^G"
    assert section.read_text() == "Text ^[[2J and <U+009B>2J"


def test_problem_messages_quote_pack_names_visibly(tmp_path: Path) -> None:
    reading = tmp_path / "reading"
    reading.mkdir()
    manifest = {"tiers": [{"id": "t", "title": "T", "sections": [
        {"id": "s", "title": "S", "file": "gone\x1b[2J.md", "minutes": 1}]}]}
    (reading / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    (problem,) = load_catalog([tmp_path]).problems
    assert "^[[2J" in problem and not CONTROLS.search(problem)


def test_deeply_nested_manifest_is_one_clear_problem(tmp_path: Path) -> None:
    reading = tmp_path / "reading"
    reading.mkdir()
    (reading / "manifest.json").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    (problem,) = load_catalog([tmp_path]).problems
    assert "nested too deeply" in problem


def test_only_the_limit_is_read_whatever_the_file_is() -> None:
    with pytest.raises(ValueError, match="content files must be smaller"):
        read_limited_text(Path("/dev/zero"), limit=1024)


def test_an_oversized_section_is_refused_unread(tmp_path: Path) -> None:
    pack = _pack(tmp_path, "Big", "word " * 10)
    (tmp_path / "reading" / "s.md").write_bytes(b"word " * 600_000)  # 3 MB
    section = load_catalog([pack]).section("pack-section")
    assert section is not None
    with pytest.raises(ContentError, match="content files must be smaller"):
        section.read_text()


@pytest.mark.parametrize("name, loader", [
    ("stocktake.json", "coprod_tui.stocktake.records:load_statements"),
    ("complexity_scenarios.json", "coprod_tui.complexity.records:load_scenarios"),
])
def test_a_broken_pack_files_path_is_shown_visibly(tmp_path: Path, name: str,
                                                   loader: str) -> None:
    import importlib

    from coprod_tui.errors import CoprodError

    pack = tmp_path / "pack\x1b[2J\x9b"
    pack.mkdir()
    (pack / name).write_text('{"not": "the right shape"}', encoding="utf-8")
    module, _sep, function = loader.partition(":")
    with pytest.raises(CoprodError) as raised:
        getattr(importlib.import_module(module), function)([pack])
    message = raised.value.message
    assert "\x1b" not in message and "\x9b" not in message, message
    assert "pack" in message
