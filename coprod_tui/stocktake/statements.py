"""The stocktake's statements, scale and follow-up, as a trainer writes them.

``content/stocktake.json`` holds fifteen statements (three for each of the five
values), the 1 to 5 scale with a descriptor for each score, next steps and a
reading section per value. :func:`parse_statements` checks a parsed JSON
document and turns it into a :class:`StatementSet`; every problem is reported
as one :class:`StatementsFileError` line naming the file and the place in it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from coprod_tui.core.content import Field, check_shape
from coprod_tui.errors import CoprodError
from coprod_tui.journal.entry import VALUE_IDS

STATEMENTS_PER_VALUE = 3
SCORES: tuple[int, ...] = (1, 2, 3, 4, 5)
# Shapes of stocktake.json's objects; counts, order and choices are checked after.
FILE_SHAPE = {"title": Field("text"), "intro": Field("text"), "official_tool": Field("text")}
POINT_SHAPE = {"label": Field("text"), "descriptor": Field("text")}
VALUE_SHAPE = {"name": Field("text"), "summary": Field("text"), "reading": Field("text")}


class StatementsFileError(CoprodError):
    """The statements file is missing, unreadable or not in the expected shape."""


@dataclass(frozen=True)
class ScalePoint:
    """One score of the 1 to 5 scale, with its short label and descriptor."""

    score: int
    label: str
    descriptor: str


@dataclass(frozen=True)
class ValueStatements:
    """One value's three statements and what to do next when it is weakest."""

    id: str
    name: str
    summary: str
    statements: tuple[str, ...]
    next_steps: tuple[str, ...]
    reading: str


@dataclass(frozen=True)
class StatementSet:
    """Everything the stocktake asks and shows, loaded from the content file."""

    title: str
    intro: str
    official_tool: str
    scale: tuple[ScalePoint, ...]
    values: tuple[ValueStatements, ...]
    source: str = ""

    def value(self, value_id: str) -> ValueStatements:
        """The value with this id (``KeyError`` if unknown)."""
        for value in self.values:
            if value.id == value_id:
                return value
        raise KeyError(value_id)

    def name(self, value_id: str) -> str:
        """The display name of a value (its id if unknown)."""
        try:
            return self.value(value_id).name
        except KeyError:
            return value_id

    def point(self, score: int) -> ScalePoint:
        """The scale point for ``score``."""
        return self.scale[score - 1]


class _Checker:
    """Collects the path inside the document for error messages."""

    def __init__(self, source: str) -> None:
        self.source = source

    def fail(self, where: str, problem: str) -> StatementsFileError:
        return StatementsFileError(f"{self.source}: {where}: {problem}")

    def obj(self, data: Any, where: str) -> dict[str, Any]:
        if not isinstance(data, dict):
            raise self.fail(where, f"expected an object {{...}}, found {_kind(data)}")
        return data

    def shape(self, data: dict[str, Any], spec: dict[str, Field], where: str) -> None:
        """Check ``data`` against ``spec`` (the shared checker, this file's wording)."""
        check_shape(data, spec, where, lambda m: StatementsFileError(f"{self.source}: {m}"),
                    style="{path}: needs some text")

    def texts(self, data: dict[str, Any], key: str, where: str) -> list[str]:
        value = data.get(key)
        place = f"{where}.{key}"
        if not isinstance(value, list):
            raise self.fail(place, f"expected a list [...] of text, found {_kind(value)}")
        for index, item in enumerate(value):
            if not isinstance(item, str) or not item.strip():
                raise self.fail(f"{place}[{index}]", "needs some text")
        return [item.strip() for item in value]


def _kind(value: Any) -> str:
    if value is None:
        return "nothing"
    return {dict: "an object", list: "a list", str: "text", bool: "true/false"}.get(
        type(value), "a number" if isinstance(value, (int, float)) else type(value).__name__
    )


def _scale(check: _Checker, data: Any) -> tuple[ScalePoint, ...]:
    if not isinstance(data, list):
        raise check.fail("scale", f"expected a list of 5 scores, found {_kind(data)}")
    if len(data) != len(SCORES):
        raise check.fail("scale", f"needs exactly 5 scores (1 to 5), found {len(data)}")
    points = []
    for index, item in enumerate(data):
        where = f"scale[{index}]"
        item = check.obj(item, where)
        if item.get("score") != index + 1 or isinstance(item.get("score"), bool):
            raise check.fail(f"{where}.score", f"should be {index + 1} (scores go 1 to 5 in order)")
        check.shape(item, POINT_SHAPE, where)
        points.append(ScalePoint(index + 1, item["label"].strip(), item["descriptor"].strip()))
    return tuple(points)


def _values(check: _Checker, data: Any) -> tuple[ValueStatements, ...]:
    expected = ", ".join(VALUE_IDS)
    if not isinstance(data, list):
        raise check.fail("values", f"expected a list of the five values, found {_kind(data)}")
    values = []
    for index, item in enumerate(data):
        where = f"values[{index}]"
        item = check.obj(item, where)
        value_id = item.get("id")
        if value_id not in VALUE_IDS:
            raise check.fail(f"{where}.id", f"unknown value {value_id!r}; choices: {expected}")
        if any(v.id == value_id for v in values):
            raise check.fail(f"{where}.id", f"value {value_id!r} appears twice")
        statements = check.texts(item, "statements", where)
        if len(statements) != STATEMENTS_PER_VALUE:
            raise check.fail(f"{where}.statements",
                             f"needs exactly {STATEMENTS_PER_VALUE} statements, found {len(statements)}")
        next_steps = check.texts(item, "next_steps", where)
        if not next_steps:
            raise check.fail(f"{where}.next_steps", "needs at least one next step")
        check.shape(item, VALUE_SHAPE, where)
        values.append(ValueStatements(
            id=value_id,
            name=item["name"].strip(),
            summary=item["summary"].strip(),
            statements=tuple(statements),
            next_steps=tuple(next_steps),
            reading=item["reading"].strip(),
        ))
    missing = [v for v in VALUE_IDS if v not in {value.id for value in values}]
    if missing:
        raise check.fail("values", f"missing {', '.join(missing)} (every value needs its statements)")
    # Always in the canonical order, whatever order the file uses.
    return tuple(sorted(values, key=lambda v: VALUE_IDS.index(v.id)))


def parse_statements(data: Any, source: str) -> StatementSet:
    """Check a parsed ``stocktake.json`` and build the :class:`StatementSet`.

    ``source`` names the file in error messages. Raises :class:`StatementsFileError`.
    """
    check = _Checker(source)
    top = check.obj(data, "top level")
    check.shape(top, FILE_SHAPE, "")
    official = top["official_tool"].strip()
    if not official.startswith(("https://", "http://")):
        raise check.fail("official_tool", "should be a web address starting with https://")
    return StatementSet(
        title=top["title"].strip(),
        intro=top["intro"].strip(),
        official_tool=official,
        scale=_scale(check, top.get("scale")),
        values=_values(check, top.get("values")),
        source=source,
    )
