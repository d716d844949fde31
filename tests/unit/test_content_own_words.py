"""Everything in content/ is in our own words: no 9-word run in common with the toolkit.

Facts, names, links and durations carry over from the toolkit; sentences do not.
The only runs allowed are the few listed in ``ALLOWED``: the toolkit's title and
passages that the content quotes openly and credits. Also: the 30-minute tier is
a full retelling (3,500 words or more), and every stated reading time is honest.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from coprod_tui.reading.catalog import load_catalog
from coprod_tui.reading.text import word_count
from tests.conftest import ROOT

CONTENT = ROOT / "content"
FIXTURE = ROOT / "tests" / "fixtures" / "toolkit_runs.txt"
# Nine words: a 12-word test let near-copies through (a sentence with one word
# swapped); nine catches those while a shared fact or name stays shorter.
RUN = 9

# Passages the content may share with the toolkit, each quoted and credited where
# it appears (or a title). Keep this list short: everything else is retold.
ALLOWED = [
    # The toolkit's full title, named in the credits.
    "Co-producing with carers in health settings: A co-production toolkit for"
    " professionals working in and with the health sector",
    # The spectrum table's definition of "doing with" (a definition, kept exact).
    "the organisation and the people listen to each other's knowledge",
    # The community organisers' saying, quoted as such in the 30-minute tier.
    "if you're not at the table, then you're probably on the menu",
    # The network's official definition, quoted and credited in the 30-minute tier.
    "co-production is an asset-based approach to public services, that enables people"
    " providing and people receiving services to share power and responsibility, and to"
    " work together in equal, reciprocal and caring relationships. It creates"
    " opportunities for people to access support when they need it, and to contribute"
    " to social change.",
]

_URL = re.compile(r"<?https?://[^\s<>()\"]+>?")
_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})


def _reference_toolkit() -> Path | None:
    for base in (ROOT.parent, ROOT.parent.parent):
        candidate = base / "shared" / "reference" / "co-production-toolkit-part1.txt"
        if candidate.is_file():
            return candidate
    return None


def normalise(text: str) -> list[str]:
    """Lowercase words with links, punctuation and apostrophes taken out."""
    text = _URL.sub(" | ", text.translate(_QUOTES)).lower().replace("'", "")
    return re.findall(r"[a-z0-9]+", text.replace("-", " "))


def runs(words: list[str], n: int = RUN) -> set[tuple[str, ...]]:
    """Every run of ``n`` consecutive words."""
    return {tuple(words[i:i + n]) for i in range(len(words) - n + 1)}


def _remove_allowed(text: str) -> str:
    """The text with each allowed passage (matched word by word) cut out."""
    flat = " ".join(normalise(text))
    for passage in ALLOWED:
        flat = flat.replace(" ".join(normalise(passage)), " / ")
    return flat


def run_key(run: tuple[str, ...]) -> str:
    """A run of words as a short hash: the fixture holds these, not the text."""
    return hashlib.sha256(" ".join(run).encode()).hexdigest()[:12]


def toolkit_keys(toolkit: str) -> set[str]:
    """The hash of every ``RUN``-word run of the toolkit's text."""
    return {run_key(run) for run in runs(normalise(toolkit))}


def shared_runs(text: str, toolkit: str | set[str]) -> list[str]:
    """Runs of ``RUN`` words that ``text`` shares with the toolkit (its text, or
    its runs' hashes), allowed passages aside."""
    source = toolkit_keys(toolkit) if isinstance(toolkit, str) else toolkit
    found: list[str] = []
    for piece in _remove_allowed(text).split("/"):
        found += [" ".join(run) for run in runs(piece.split()) if run_key(run) in source]
    return sorted(found)


def _fixture_keys() -> set[str]:
    lines = FIXTURE.read_text(encoding="utf-8").splitlines()
    return {line for line in lines if line and not line.startswith("#")}


def write_fixture(toolkit: str) -> None:
    """Write the hashes of the toolkit's runs (run this module to refresh them)."""
    header = (f"# sha256[:12] of every {RUN}-word run of the toolkit's text, normalised as\n"
              "# tests/unit/test_content_own_words.py does: lets the own-words check run\n"
              "# where the reference text is absent (CI), without holding the text.\n")
    FIXTURE.write_text(header + "\n".join(sorted(toolkit_keys(toolkit))) + "\n",
                       encoding="utf-8")


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def content_texts() -> Iterator[tuple[str, str]]:
    """(path, text) for every text file in content/: JSON by its strings."""
    for path in sorted(CONTENT.rglob("*")):
        if path.suffix == ".json":
            strings = _strings(json.loads(path.read_text(encoding="utf-8")))
            yield str(path.relative_to(ROOT)), "\n/\n".join(strings)
        elif path.suffix in {".md", ".txt"}:
            yield str(path.relative_to(ROOT)), path.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def toolkit() -> str:
    reference = _reference_toolkit()
    if reference is None:
        pytest.skip("the toolkit's reference text is not beside this checkout")
    return reference.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def source_keys() -> set[str]:
    """The toolkit's runs: from its text when it is here, else from the fixture."""
    reference = _reference_toolkit()
    if reference is None:
        return _fixture_keys()
    return toolkit_keys(reference.read_text(encoding="utf-8"))


def test_the_fixture_holds_the_toolkits_runs(toolkit: str) -> None:
    assert _fixture_keys() == toolkit_keys(toolkit), (
        "refresh it: python -m tests.unit.test_content_own_words")


def test_content_shares_no_nine_word_run_with_the_toolkit(source_keys: set[str]) -> None:
    checked = 0
    problems: dict[str, list[str]] = {}
    for name, text in content_texts():
        checked += 1
        if found := shared_runs(text, source_keys):
            problems[name] = found
    assert checked >= 25, "every content file is checked"
    report = "\n".join(f"{name}: {run}" for name, found in problems.items() for run in found)
    assert problems == {}, f"{RUN}-word runs copied from the toolkit:\n{report}"


def test_a_pasted_toolkit_sentence_is_caught(source_keys: set[str]) -> None:
    pasted = (
        "Our own opening. Every one of us is networked, in connection, with our family,"
        " friends, neighbours, colleagues. Our own ending."
    )
    assert shared_runs(pasted, source_keys) != []
    # Punctuation, case and curly quotes do not hide a copy.
    assert shared_runs(pasted.upper().replace(",", ";"), source_keys) != []


def test_every_allowed_passage_is_used_and_credited(toolkit: str) -> None:
    everything = " ".join(" ".join(normalise(text)) for _, text in content_texts())
    source = " ".join(normalise(toolkit))
    for passage in ALLOWED:
        words = " ".join(normalise(passage))
        assert words in source, f"not the toolkit's words: {passage[:40]}"
        assert words in everything, f"allowed but unused: {passage[:40]}"


def test_the_thirty_minute_tier_retells_the_whole_essay() -> None:
    tier = load_catalog().tier("30-minutes")
    words = sum(word_count(section.read_text()) for section in tier.sections)
    assert words >= 3500, f"{words} words"


@pytest.mark.parametrize("tier_id", ["10-minutes", "30-minutes", "an-hour", "follow-up"])
def test_stated_minutes_fit_200_to_230_words_a_minute(tier_id: str) -> None:
    # A tier's total is honest: between 230 and 200 words a minute, a section
    # never counting for less than the one minute the manifest can state.
    tier = load_catalog().tier(tier_id)
    counts = [word_count(section.read_text()) for section in tier.sections]
    stated = sum(section.minutes for section in tier.sections)
    fastest = sum(max(1.0, words / 230) for words in counts)
    slowest = sum(max(1.0, words / 200) for words in counts)
    assert fastest - 1.5 <= stated <= slowest + 1.5, (
        f"{tier_id}: {stated} min stated for {sum(counts)} words"
        f" ({fastest:.1f} to {slowest:.1f} min)"
    )


if __name__ == "__main__":
    found = _reference_toolkit()
    if found is None:
        raise SystemExit("the toolkit's reference text is not beside this checkout")
    write_fixture(found.read_text(encoding="utf-8"))
    print(f"wrote {FIXTURE}")
