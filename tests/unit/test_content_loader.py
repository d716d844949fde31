"""The one content cache and the one shape checker every content loader uses."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from coprod_tui.complexity import records as cx
from coprod_tui.core.content import Field, cached, check_shape
from coprod_tui.stocktake import records as stocktakes


class Problem(ValueError):
    """A test error type."""


SPEC = {"title": Field("text"), "count": Field("int", required=False),
        "tags": Field("list", required=False)}


@pytest.mark.parametrize(("data", "message"), [
    ("text", "f.json: scenario 2: must be an object with title"),
    ({"title": " "}, "f.json: scenario 2: 'title' must be non-empty text"),
    ({"title": "T", "count": True}, "'count' must be a whole number"),
    ({"title": "T", "tags": "a"}, "'tags' must be a list"),
    ({"title": "T", "colour": "red"}, "unknown field colour; fields: count, tags, title"),
])
def test_the_shape_checker_names_the_file_the_record_and_the_field(data: object,
                                                                   message: str) -> None:
    with pytest.raises(Problem) as caught:
        check_shape(data, SPEC, "f.json: scenario 2", Problem, closed=True)
    assert message in str(caught.value)


def test_the_shape_checker_accepts_a_good_object_and_absent_optional_fields() -> None:
    data = {"title": "T", "count": None}
    assert check_shape(data, SPEC, "f.json", Problem, closed=True) is data


def test_the_cache_builds_once_until_a_file_changes(tmp_path: Path) -> None:
    path = tmp_path / "c.json"
    path.write_text("1")
    built: list[int] = []

    def build() -> int:
        built.append(1)
        return len(built)

    assert cached("test-kind", [path], build) == 1
    assert cached("test-kind", [path], build) == 1
    path.write_text("22")
    os.utime(path, ns=(1, 1))
    assert cached("test-kind", [path], build) == 2


def test_an_error_is_not_kept(tmp_path: Path) -> None:
    path = tmp_path / "c.json"
    path.write_text("1")
    calls: list[int] = []

    def build() -> int:
        calls.append(1)
        raise Problem("broken")

    for _ in range(2):
        with pytest.raises(Problem):
            cached("test-error", [path], build)
    assert len(calls) == 2


def test_complexity_scenarios_are_cached_and_sanitised(tmp_path: Path) -> None:
    pack = tmp_path / "pack"
    pack.mkdir()
    builtin = json.loads((Path(cx.paths.builtin_content_dir()) / cx.SCENARIO_FILE).read_text())
    item = dict(builtin["scenarios"][0])
    item["id"] = "escape"
    item["title"] = "Bad \x1b[31mred"
    (pack / cx.SCENARIO_FILE).write_text(json.dumps({"scenarios": [item]}))
    first = cx.load_scenarios([pack])
    assert cx.load_scenarios([pack])[0] is first[0]
    title = next(s.title for s in first if s.id == "escape")
    assert "\x1b" not in title and "^[" in title


def test_stocktake_statements_are_cached_until_the_file_changes(tmp_path: Path) -> None:
    pack = tmp_path / "pack"
    pack.mkdir()
    data = json.loads(stocktakes.statements_path().read_text())
    data["title"] = "One \x1b]0;title\x07"
    (pack / stocktakes.STATEMENTS_FILE).write_text(json.dumps(data))
    first = stocktakes.load_statements([pack])
    assert stocktakes.load_statements([pack]) is first
    assert "\x1b" not in first.title and "\x07" not in first.title
    data["title"] = "Two"
    (pack / stocktakes.STATEMENTS_FILE).write_text(json.dumps(data))
    os.utime(pack / stocktakes.STATEMENTS_FILE, ns=(5, 5))
    assert stocktakes.load_statements([pack]).title == "Two"
