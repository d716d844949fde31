"""The shipped values.json is valid; broken copies give clear errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from coprod_tui.journal.entry import FRAMEWORKS, VALUE_IDS
from coprod_tui.journal.values import ContentError, parse_values_content
from coprod_tui.journal.values_content import load_values, read_values_file, values_file

SHIPPED = Path(__file__).resolve().parents[2] / "content" / "values.json"


def shipped() -> dict:
    return json.loads(SHIPPED.read_text(encoding="utf-8"))


def test_shipped_values_have_prompts_and_a_team_prompt_each() -> None:
    content = read_values_file(SHIPPED)
    assert [v.id for v in content.values] == list(VALUE_IDS)
    for value in content.values:
        assert 4 <= len(value.prompts) <= 6
        assert any(p.about == "team" for p in value.prompts)
        assert value.explanation.count(".") >= 2
    for framework_id, sections in FRAMEWORKS.items():
        guide = content.frameworks[framework_id]
        assert all(guide.hint(sid) for sid, _ in sections), framework_id


def test_load_values_uses_a_content_pack_copy(tmp_path: Path) -> None:
    data = shipped()
    data["values"][0]["name"] = "Assets"
    (tmp_path / "values.json").write_text(json.dumps(data), encoding="utf-8")
    assert values_file([tmp_path]) == tmp_path / "values.json"
    assert load_values([tmp_path]).name("strengths") == "Assets"
    assert load_values([]).name("strengths") == "Strengths"


def _break(change) -> str:
    data = shipped()
    change(data)
    with pytest.raises(ContentError) as caught:
        parse_values_content(data, "pack/values.json")
    return str(caught.value)


def test_errors_name_the_file_and_problem() -> None:
    message = _break(lambda d: d["values"].pop())
    assert message.startswith("pack/values.json:") and "missing value(s): change-makers" in message
    message = _break(lambda d: d["values"][1]["prompts"].__delitem__(slice(0, 3)))
    assert "'networks' has 2 prompts" in message
    message = _break(lambda d: d["values"][0].__setitem__("id", "assets"))
    assert "unknown value 'assets'" in message and "choices: strengths" in message
    message = _break(
        lambda d: [p.__setitem__("about", "practice") for p in d["values"][2]["prompts"]]
    )
    assert "'what-matters' needs at least one prompt" in message
    message = _break(lambda d: d["frameworks"]["rolfe"]["hints"].__setitem__("why", "x"))
    assert "unknown section 'why'" in message
    message = _break(lambda d: d["values"][3].__setitem__("explanation", " "))
    assert "explanation must be non-empty text" in message


def test_unreadable_json_is_reported(tmp_path: Path) -> None:
    bad = tmp_path / "values.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(ContentError, match="not valid JSON"):
        read_values_file(bad)
