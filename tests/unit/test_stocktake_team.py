"""Team stocktake: share files hold scores only, hostile files are refused, the view hides who said what."""

from __future__ import annotations

import itertools
import json
import os
import stat
from pathlib import Path
from typing import Any

import pytest

from coprod_tui.errors import CoprodError
from coprod_tui.journal.entry import VALUE_IDS
from coprod_tui.stocktake import records as stocktakes
from coprod_tui.stocktake import share as stocktake_share
from coprod_tui.stocktake.rules import Stocktake
from coprod_tui.stocktake.team import (
    MAX_NOTE_CHARS,
    MAX_SHARE_BYTES,
    SHARE_KIND,
    STATEMENT_IDS,
    ShareFileError,
    combine,
    parse_share,
    share_doc,
    team_doc,
    team_lines,
)

STATEMENTS = stocktakes.load_statements()


def taken(scores: list[int], notes: dict[str, dict[str, str]] | None = None) -> Stocktake:
    """A complete stocktake with the fifteen ``scores`` in statement order."""
    stocktake = Stocktake(level="team", participants="Ann Jones, ward 7", id="abc123def456")
    for n, score in enumerate(scores):
        stocktake.set_score(VALUE_IDS[n // 3], n % 3, score)
    for value_id, kinds in (notes or {}).items():
        for kind, text in kinds.items():
            stocktake.set_note(value_id, kind, text)
    stocktake.finished, stocktake.finished_at = True, "2026-03-04T10:11:12+00:00"
    return stocktake


def shared(scores: list[int], **notes: str) -> Any:
    doc = share_doc(taken(scores, {"networks": notes} if notes else None), STATEMENTS,
                    with_notes=bool(notes))
    return parse_share(json.loads(json.dumps(doc)), "test")


FLAT = [3] * 15


def test_share_holds_scores_only_and_nothing_that_links_back() -> None:
    stocktake = taken(list(range(1, 6)) * 3, {"networks": {"working": "weekly huddle"}})
    doc = share_doc(stocktake, STATEMENTS)
    text = json.dumps(doc)
    assert set(doc) == {"kind", "version", "token", "wording", "scores"}
    assert doc["kind"] == SHARE_KIND and doc["version"] == 1
    assert list(doc["scores"]) == list(STATEMENT_IDS) and doc["scores"]["strengths.1"] == 1
    for private in ("Ann", "ward 7", stocktake.id, "2026-03-04", "team", "weekly huddle"):
        assert private not in text
    # A fresh token each time: two shares of one stocktake are not linkable by it.
    assert share_doc(stocktake, STATEMENTS)["token"] != doc["token"]
    with_notes = share_doc(stocktake, STATEMENTS, with_notes=True)
    assert with_notes["notes"] == {"networks": {"working": "weekly huddle"}}


def test_an_unfinished_stocktake_cannot_be_shared() -> None:
    with pytest.raises(ValueError):
        share_doc(Stocktake(), STATEMENTS)


def _good() -> dict[str, Any]:
    return share_doc(taken(FLAT), STATEMENTS, with_notes=True)


@pytest.mark.parametrize(("change", "message"), [
    (lambda d: [d], "expected an object, found a list"),
    (lambda d: {**d, "kind": "coprod-export"}, "not a shared stocktake"),
    (lambda d: {k: v for k, v in d.items() if k != "kind"}, "not a shared stocktake"),
    (lambda d: {**d, "version": True}, "version"),
    (lambda d: {**d, "version": "1"}, "version"),
    (lambda d: {**d, "version": 2}, "newer coprod"),
    (lambda d: {**d, "scores": [3] * 15}, "scores: expected an object, found a list"),
    (lambda d: {**d, "scores": {**d["scores"], "kindness.1": 3}}, "unknown statement id kindness.1"),
    (lambda d: {**d, "scores": {k: v for k, v in d["scores"].items() if k != "networks.2"}},
     "missing networks.2"),
    (lambda d: {**d, "scores": {**d["scores"], "networks.2": True}}, "networks.2 should be"),
    (lambda d: {**d, "scores": {**d["scores"], "networks.2": 6}}, "1 to 5"),
    (lambda d: {**d, "scores": {**d["scores"], "networks.2": 3.0}}, "1 to 5"),
    (lambda d: {**d, "scores": {**d["scores"], "networks.2": "3"}}, "found text"),
    (lambda d: {**d, "notes": "hello"}, "notes: expected an object"),
    (lambda d: {**d, "notes": {"kindness": {}}}, "unknown value"),
    (lambda d: {**d, "notes": {"networks": {"gossip": "x"}}}, "unknown note"),
    (lambda d: {**d, "notes": {"networks": {"working": 5}}}, "expected text"),
    (lambda d: {**d, "notes": {"networks": {"working": "x" * (MAX_NOTE_CHARS + 1)}}}, "longer than"),
])
def test_wrong_shapes_are_refused_with_a_reason(change: Any, message: str) -> None:
    with pytest.raises(ShareFileError) as caught:
        parse_share(change(_good()), "f.json")
    assert caught.value.message.startswith("f.json: ") and message in caught.value.message


def test_fewer_than_three_is_refused_and_the_reason_is_the_pair() -> None:
    for count in (0, 1, 2):
        with pytest.raises(ShareFileError, match="could work out the other's answers"):
            combine([shared(FLAT) for _ in range(count)])


def test_the_same_share_given_twice_is_refused() -> None:
    one = shared(FLAT)
    with pytest.raises(ShareFileError, match="given twice"):
        combine([one, shared(FLAT), one])


def test_spreads_medians_and_disagreements() -> None:
    a = [1] + [3] * 14
    b = [5] + [3] * 13 + [2]
    c = [3] + [3] * 13 + [4]
    d = [4] + [3] * 14
    view = combine([shared(a), shared(b), shared(c), shared(d)])
    first = view.statements[0]
    assert (first.key, first.low, first.median, first.high, first.spread) == (
        "strengths.1", 1, 3.5, 5, 4)
    assert view.values[0].key == "strengths" and (view.values[0].low, view.values[0].high) == (7, 11)
    # Widest spread first; statements everyone agrees on are not "disagreements".
    assert [s.key for s in view.disagreements] == ["strengths.1", "change-makers.3"]
    text = "\n".join(team_lines(view, STATEMENTS))
    assert "1. Strengths 1: lowest 1, median 3.5, highest 5 (spread 4)" in text
    assert "Team stocktake: 4 people" in text


def test_the_view_is_the_same_whatever_the_order_of_the_files() -> None:
    people = [shared([1, 2, 3, 4, 5] * 3, working="Zed's view"),
              shared([5, 4, 3, 2, 1] * 3, working="alpha view"),
              shared([2] * 15, next="Meet monthly"),
              shared([4] * 15, working="beta view")]
    outputs = set()
    for order in itertools.permutations(people):
        view = combine(list(order))
        outputs.add("\n".join(team_lines(view, STATEMENTS)) + json.dumps(team_doc(view, STATEMENTS)))
    assert len(outputs) == 1
    text = outputs.pop()
    # Notes sorted alphabetically, not in the order of the files.
    assert text.index("alpha view") < text.index("beta view") < text.index("Zed's view")


def test_team_json_has_no_per_file_column() -> None:
    view = combine([shared(FLAT), shared([4] * 15), shared([2] * 15)])
    doc = team_doc(view, STATEMENTS)
    assert doc["people"] == 3 and doc["kind"] == "coprod-stocktake-team"
    row = doc["statements"][0]
    assert set(row) == {"id", "text", "low", "median", "high", "spread"}
    assert (row["low"], row["median"], row["high"]) == (2, 3, 4)


# -- files ---------------------------------------------------------------------------------
def test_write_is_private_and_never_replaces_without_force(tmp_path: Path) -> None:
    target = tmp_path / "me.json"
    stocktake_share.write_share(target, taken(FLAT), STATEMENTS)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert stocktake_share.read_share(target).scores["strengths.1"] == 3
    before = target.read_text()
    with pytest.raises(CoprodError, match="already exists"):
        stocktake_share.write_share(target, taken([4] * 15), STATEMENTS)
    assert target.read_text() == before
    stocktake_share.write_share(target, taken([4] * 15), STATEMENTS, overwrite=True)
    assert stocktake_share.read_share(target).scores["strengths.1"] == 4


def test_write_refuses_targets_that_are_not_regular_files(tmp_path: Path) -> None:
    real = tmp_path / "real.json"
    real.write_text("keep me")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    for target in (link, fifo, tmp_path):
        with pytest.raises(CoprodError, match="not a regular file|a folder"):
            stocktake_share.write_share(target, taken(FLAT), STATEMENTS, overwrite=True)
    assert real.read_text() == "keep me" and link.is_symlink()


@pytest.mark.parametrize(("content", "message"), [
    (b" " * (MAX_SHARE_BYTES + 1) + b"{}", "too big"),
    (b"[" * 50_000 + b"]" * 50_000, "nested too deeply|not valid JSON"),
    (b"\xff\xfe not text", "not UTF-8"),
    (b"{not json", "not valid JSON"),
    (b'{"kind": "coprod-stocktake-share", "version": 1, "scores": {}}', "missing strengths.1"),
])
def test_hostile_files_get_one_line(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    with pytest.raises(ShareFileError, match=message) as caught:
        stocktake_share.read_share(path)
    assert "\n" not in caught.value.message
    assert len(content) < MAX_SHARE_BYTES or "too big" in caught.value.message


def test_reading_a_pipe_does_not_hang(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    with pytest.raises(ShareFileError, match="not a regular file"):
        stocktake_share.read_share(fifo)


def test_the_same_file_by_two_names_is_noticed(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    stocktake_share.write_share(path, taken(FLAT), STATEMENTS)
    other = tmp_path / "b.json"
    stocktake_share.write_share(other, taken(FLAT), STATEMENTS)
    assert stocktake_share.same_file_given_twice([path, other]) is None
    assert stocktake_share.same_file_given_twice([path, other, tmp_path / "." / "a.json"]) == (
        str(path), str(tmp_path / "." / "a.json"))


def test_find_shares_lists_only_share_files(tmp_path: Path) -> None:
    for name in ("b.json", "a.json"):
        stocktake_share.write_share(tmp_path / name, taken(FLAT), STATEMENTS)
    (tmp_path / "journal.json").write_text('{"kind": "coprod-export"}')
    (tmp_path / "notes.txt").write_text("x")
    assert [p.name for p in stocktake_share.find_shares(tmp_path)] == ["a.json", "b.json"]
    with pytest.raises(CoprodError, match="not a folder"):
        stocktake_share.find_shares(tmp_path / "none")


def test_a_file_name_with_control_characters_is_shown_visibly(tmp_path: Path) -> None:
    path = tmp_path / "evil\x1b[2J.json"
    path.write_text("[]")
    with pytest.raises(ShareFileError) as caught:
        stocktake_share.read_share(path)
    assert "\x1b" not in caught.value.message and "^[[2J" in caught.value.message
