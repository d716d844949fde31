"""The statements file: the built-in one is valid, broken ones get one clear message."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from coprod_tui import paths
from coprod_tui.journal.entry import VALUE_IDS
from coprod_tui.stocktake import records as stocktakes
from coprod_tui.stocktake.statements import StatementsFileError, parse_statements

BUILTIN = paths.builtin_content_dir() / "stocktake.json"


def builtin() -> dict[str, Any]:
    return json.loads(BUILTIN.read_text(encoding="utf-8"))


def test_builtin_file_has_fifteen_statements_three_per_value() -> None:
    statements = stocktakes.load_statements()
    assert [v.id for v in statements.values] == list(VALUE_IDS)
    assert all(len(v.statements) == 3 for v in statements.values)
    assert sum(len(v.statements) for v in statements.values) == 15
    assert [p.score for p in statements.scale] == [1, 2, 3, 4, 5]
    assert [p.label for p in statements.scale] == [
        "Not yet", "Early steps", "In several places", "Strong in places, with gaps",
        "The usual way, throughout"]
    assert statements.official_tool == "https://info.copronet.wales/the-self-evaluation-audit-tool/"
    assert "not the network's audit tool" in statements.intro
    assert all(v.next_steps and v.reading for v in statements.values)


# The Co-production Network for Wales audit's own score wording (DOMAIN.md).
NETWORK_LABELS = ("no action yet", "made a start", "progress on several fronts",
                  "doing really well", "doing well in some areas", "doing well across the board")


def test_score_labels_are_our_own_or_credited_to_the_network() -> None:
    statements = stocktakes.load_statements()
    credited = "Co-production Network for Wales" in statements.intro and "labels" in statements.intro
    for point in statements.scale:
        borrowed = [phrase for phrase in NETWORK_LABELS
                    if phrase in f"{point.label} {point.descriptor}".lower()]
        assert not borrowed or credited, (point.score, borrowed)
    # Our labels are our own, and the intro says so (and names the network's tool).
    assert "score labels are coprod's own" in statements.intro
    assert "Co-production Network for Wales" in statements.intro


def test_statements_ask_one_thing_and_work_about_oneself() -> None:
    statements = stocktakes.load_statements()
    texts = [s for value in statements.values for s in value.statements]
    for text in texts:
        # Two asks joined: ", and ..." followed by a second verb phrase was the old pattern.
        assert ", and " not in text, text
        assert "permission from the top" not in text
    # Read about oneself, "we" and "staff" are "me": the intro and the level hint say so.
    assert '"we" and "staff" as you' in statements.intro
    from coprod_tui.stocktake.rules import level_hint
    assert '"we" and "staff" as you' in level_hint("myself")
    # Nothing that only an organisation can do without an individual reading: money only
    # alongside something a person can set aside.
    change = statements.value("change-makers").statements
    assert "hour in the diary" in change[2]
    assert "agreed route" in change[1]


def _drop_value(d: dict[str, Any]) -> None:
    d["values"].pop(1)


def _two_statements(d: dict[str, Any]) -> None:
    d["values"][2]["statements"].pop()


def _unknown_value(d: dict[str, Any]) -> None:
    d["values"][0]["id"] = "kindness"


def _duplicate_value(d: dict[str, Any]) -> None:
    d["values"][1]["id"] = "strengths"


def _scale_out_of_order(d: dict[str, Any]) -> None:
    d["scale"][0]["score"], d["scale"][1]["score"] = 2, 1


def _empty_statement(d: dict[str, Any]) -> None:
    d["values"][4]["statements"][1] = "  "


def _no_link(d: dict[str, Any]) -> None:
    d["official_tool"] = "copronet"


def _scale_short(d: dict[str, Any]) -> None:
    d["scale"].pop()


def _values_not_a_list(d: dict[str, Any]) -> None:
    d["values"] = {"strengths": []}


@pytest.mark.parametrize(("break_it", "expected"), [
    (_drop_value, "values: missing networks"),
    (_two_statements, "values[2].statements: needs exactly 3 statements, found 2"),
    (_unknown_value, "values[0].id: unknown value 'kindness'; choices: strengths, networks"),
    (_duplicate_value, "values[1].id: value 'strengths' appears twice"),
    (_scale_out_of_order, "scale[0].score: should be 1"),
    (_empty_statement, "values[4].statements[1]: needs some text"),
    (_no_link, "official_tool: should be a web address"),
    (_scale_short, "scale: needs exactly 5 scores (1 to 5), found 4"),
    (_values_not_a_list, "values: expected a list of the five values, found an object"),
])
def test_broken_statements_name_the_file_and_the_problem(
    break_it: Callable[[dict[str, Any]], None], expected: str,
) -> None:
    data = copy.deepcopy(builtin())
    break_it(data)
    with pytest.raises(StatementsFileError) as caught:
        parse_statements(data, "pack/stocktake.json")
    assert caught.value.message.startswith("pack/stocktake.json: ")
    assert expected in caught.value.message


def test_a_content_pack_replaces_the_statements(tmp_path: Path) -> None:
    data = builtin()
    data["values"].reverse()  # any order in the file; canonical order on load
    data["values"][0]["statements"][0] = "Our own first statement."
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "stocktake.json").write_text(json.dumps(data), encoding="utf-8")
    statements = stocktakes.load_statements([tmp_path / "empty", pack])
    assert [v.id for v in statements.values] == list(VALUE_IDS)
    assert statements.value("change-makers").statements[0] == "Our own first statement."
    assert statements.source == str(pack / "stocktake.json")


def test_invalid_json_in_a_pack_says_where(tmp_path: Path) -> None:
    (tmp_path / "stocktake.json").write_text('{"title": "x",\n  oops}', encoding="utf-8")
    with pytest.raises(StatementsFileError) as caught:
        stocktakes.load_statements([tmp_path])
    assert str(tmp_path / "stocktake.json") in caught.value.message
    assert "not valid JSON" in caught.value.message and "line 2" in caught.value.message
