"""Ids one content file uses to point into another all exist (built-in content)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from coprod_tui.reading.catalog import load_catalog
from tests.conftest import ROOT

CONTENT = ROOT / "content"
# Keys whose value names a reading section, wherever they appear in a JSON content file.
READING_KEYS = {"reading", "read", "section", "reading_section"}


def reading_refs(data: Any, where: str) -> Iterator[tuple[str, str]]:
    """(where, section id) for every reading reference in ``data``."""
    if isinstance(data, dict):
        for key, value in data.items():
            if key in READING_KEYS and isinstance(value, str):
                yield f"{where}.{key}", value
            else:
                yield from reading_refs(value, f"{where}.{key}")
    elif isinstance(data, list):
        for index, item in enumerate(data):
            yield from reading_refs(item, f"{where}[{index}]")


def test_every_reading_id_in_content_files_exists() -> None:
    section_ids = {section.id for section in load_catalog([]).sections()}
    refs = []
    for path in sorted(CONTENT.glob("*.json")):
        refs += list(reading_refs(json.loads(path.read_text(encoding="utf-8")), path.name))
    assert refs, "stocktake.json points each value to its reading"
    missing = [(where, ref) for where, ref in refs if ref not in section_ids]
    assert missing == []


def test_stocktake_points_each_value_to_the_values_in_depth() -> None:
    data = json.loads((CONTENT / "stocktake.json").read_text(encoding="utf-8"))
    refs = {ref for _, ref in reading_refs(data, "stocktake")}
    assert refs == {"five-values-in-depth"}


def test_follow_up_audit_points_to_the_in_app_stocktake() -> None:
    text = (CONTENT / "reading" / "follow-up" / "self-evaluation-audit.md").read_text(
        encoding="utf-8")
    assert "**Stocktake** area (press **5**" in text
    assert "coprod stocktake" in text
