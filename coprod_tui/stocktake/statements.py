"""The stocktake's statements, scale and follow-up, as a trainer writes them.

``content/stocktake.json`` holds fifteen statements (three for each of the five
values), the 1 to 5 scale with a descriptor for each score, next steps and a
reading section per value. :func:`parse_statements` checks a parsed JSON
document and turns it into a :class:`StatementSet`; every problem is reported
as one :class:`StatementsFileError` line naming the file and the place in it.

A translation (``<folder>/cy/stocktake.json`` beside the file in use) has the
same shape with every part optional: values are matched by ``id``, scale
points by ``score``, statements by their place in the list (``null`` or a
shorter list keeps the English). A value's ``next_steps``, when given, replace
the English list as a whole. :func:`translate_statements` applies one; it adds
nothing and removes nothing, so anything not translated stays in English.
Stocktakes, share files and comparisons use ids and places only, never the
wording, so the language shown never changes what is saved or shared.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from typing import Any

from coprod_tui.core.content import Field, check_shape
from coprod_tui.errors import CoprodError
from coprod_tui.i18n import N_, _
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
    # A fingerprint of the English (source) wording, kept when translated: share
    # files made in any language from the same statements carry the same one.
    wording: str = ""
    language: str = "en"

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


def wording_fingerprint(values: tuple[ValueStatements, ...]) -> str:
    """A short fingerprint of statements' wording (to notice share files that differ)."""
    text = "\n".join(s for value in values for s in value.statements)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


# The wording of a field that needs text, and of what a field holds (``found``).
_NEEDS_TEXT = N_("{path}: needs some text")
_KIND_NAMES = {type(None): N_("nothing"), dict: N_("an object"), list: N_("a list"),
               str: N_("text"), bool: N_("true/false"), int: N_("a number"),
               float: N_("a number")}


class _Checker:
    """Collects the path inside the document for error messages.

    A message is ``FILE: PLACE: PROBLEM``: the place is a JSON path (``values[2].id``,
    kept as written in the file) or the top level; the problem is one whole clause.
    """

    def __init__(self, source: str) -> None:
        self.source = source

    def fail(self, where: str, problem: str) -> StatementsFileError:
        return StatementsFileError(f"{self.source}: {where}: {problem}")

    def obj(self, data: Any, where: str) -> dict[str, Any]:
        if not isinstance(data, dict):
            raise self.fail(where, _("expected an object {{...}}, found {found}").format(
                found=_kind(data)))
        return data

    def shape(self, data: dict[str, Any], spec: dict[str, Field], where: str,
              style: str = _NEEDS_TEXT) -> None:
        """Check ``data`` against ``spec`` (the shared checker, this file's wording)."""
        check_shape(data, spec, where, lambda m: StatementsFileError(f"{self.source}: {m}"),
                    style=style, words={"text": N_("some text")})

    def texts(self, data: dict[str, Any], key: str, where: str) -> list[str]:
        value = data.get(key)
        place = f"{where}.{key}"
        if not isinstance(value, list):
            raise self.fail(place, _("expected a list [...] of text, found {found}").format(
                found=_kind(value)))
        for index, item in enumerate(value):
            if not isinstance(item, str) or not item.strip():
                raise self.fail(f"{place}[{index}]", _("needs some text"))
        return [item.strip() for item in value]


def _kind(value: Any) -> str:
    """What a JSON value is, in words (``an object``, ``a list``...)."""
    name = _KIND_NAMES.get(type(value))
    return _(name) if name else type(value).__name__


def _top_level() -> str:
    """The place of a message about the whole file."""
    return _("top level")


def _not_a_link() -> str:
    return _("should be a web address starting with https://")


def _unknown_value(value_id: object) -> str:
    return _("unknown value {id!r}; choices: {choices}").format(
        id=value_id, choices=", ".join(VALUE_IDS))


def _value_twice(value_id: object) -> str:
    return _("value {id!r} appears twice").format(id=value_id)


def _scale(check: _Checker, data: Any) -> tuple[ScalePoint, ...]:
    if not isinstance(data, list):
        raise check.fail("scale", _("expected a list of 5 scores, found {found}").format(
            found=_kind(data)))
    if len(data) != len(SCORES):
        raise check.fail("scale", _("needs exactly 5 scores (1 to 5), found {count}").format(
            count=len(data)))
    points = []
    for index, item in enumerate(data):
        where = f"scale[{index}]"
        item = check.obj(item, where)
        if item.get("score") != index + 1 or isinstance(item.get("score"), bool):
            raise check.fail(f"{where}.score", _(
                "should be {score} (scores go 1 to 5 in order)").format(score=index + 1))
        check.shape(item, POINT_SHAPE, where)
        points.append(ScalePoint(index + 1, item["label"].strip(), item["descriptor"].strip()))
    return tuple(points)


def _values(check: _Checker, data: Any) -> tuple[ValueStatements, ...]:
    if not isinstance(data, list):
        raise check.fail("values", _("expected a list of the five values, found {found}").format(
            found=_kind(data)))
    values = []
    for index, item in enumerate(data):
        where = f"values[{index}]"
        item = check.obj(item, where)
        value_id = item.get("id")
        if value_id not in VALUE_IDS:
            raise check.fail(f"{where}.id", _unknown_value(value_id))
        if any(v.id == value_id for v in values):
            raise check.fail(f"{where}.id", _value_twice(value_id))
        statements = check.texts(item, "statements", where)
        if len(statements) != STATEMENTS_PER_VALUE:
            raise check.fail(f"{where}.statements", _(
                "needs exactly {expected} statements, found {count}").format(
                    expected=STATEMENTS_PER_VALUE, count=len(statements)))
        next_steps = check.texts(item, "next_steps", where)
        if not next_steps:
            raise check.fail(f"{where}.next_steps", _("needs at least one next step"))
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
        raise check.fail("values", _("missing {ids} (every value needs its statements)").format(
            ids=", ".join(missing)))
    # Always in the canonical order, whatever order the file uses.
    return tuple(sorted(values, key=lambda v: VALUE_IDS.index(v.id)))


def parse_statements(data: Any, source: str) -> StatementSet:
    """Check a parsed ``stocktake.json`` and build the :class:`StatementSet`.

    ``source`` names the file in error messages. Raises :class:`StatementsFileError`.
    """
    check = _Checker(source)
    top = check.obj(data, _top_level())
    check.shape(top, FILE_SHAPE, "")
    official = top["official_tool"].strip()
    if not official.startswith(("https://", "http://")):
        raise check.fail("official_tool", _not_a_link())
    values = _values(check, top.get("values"))
    return StatementSet(
        title=top["title"].strip(),
        intro=top["intro"].strip(),
        official_tool=official,
        scale=_scale(check, top.get("scale")),
        values=values,
        source=source,
        wording=wording_fingerprint(values),
    )


# -- translations ------------------------------------------------------------------
OPTIONAL_STYLE = N_("{path}: should be {what} (or left out to keep the English)")
TRANSLATION_SHAPE = {"title": Field("text", required=False), "intro": Field("text", required=False),
                     "official_tool": Field("text", required=False),
                     "scale": Field("list", required=False), "values": Field("list", required=False)}
POINT_TRANSLATION = {"label": Field("text", required=False),
                     "descriptor": Field("text", required=False)}
VALUE_TRANSLATION = {"name": Field("text", required=False), "summary": Field("text", required=False),
                     "statements": Field("list", required=False),
                     "next_steps": Field("list", required=False)}


def _given(data: dict[str, Any], key: str, english: str) -> str:
    """The translated text for ``key``, or the English when it is not given."""
    value = data.get(key)
    return value.strip() if isinstance(value, str) else english


def _translated_scale(check: _Checker, data: Any,
                      scale: tuple[ScalePoint, ...]) -> tuple[ScalePoint, ...]:
    if data is None:
        return scale
    points = {point.score: point for point in scale}
    seen: set[int] = set()
    for index, item in enumerate(data):
        where = f"scale[{index}]"
        item = check.obj(item, where)
        score = item.get("score")
        if isinstance(score, bool) or score not in SCORES:
            raise check.fail(f"{where}.score", _("should be a score from 1 to 5 (the English "
                                                 "scale's score this item translates)"))
        if score in seen:
            raise check.fail(f"{where}.score", _("score {score} appears twice").format(
                score=score))
        seen.add(score)
        check.shape(item, POINT_TRANSLATION, where, OPTIONAL_STYLE)
        english = points[score]
        points[score] = ScalePoint(score, _given(item, "label", english.label),
                                   _given(item, "descriptor", english.descriptor))
    return tuple(points[score] for score in SCORES)


def _translated_value(check: _Checker, item: dict[str, Any], where: str,
                      english: ValueStatements) -> ValueStatements:
    check.shape(item, VALUE_TRANSLATION, where, OPTIONAL_STYLE)
    statements = list(english.statements)
    given = item.get("statements")
    if given is not None:
        if len(given) > STATEMENTS_PER_VALUE:
            raise check.fail(f"{where}.statements", _(
                "has {count} statements; the English has {english} (a translation "
                "adds none)").format(count=len(given), english=STATEMENTS_PER_VALUE))
        for index, text in enumerate(given):
            if text is None:
                continue  # this one stays in English
            if not isinstance(text, str) or not text.strip():
                raise check.fail(f"{where}.statements[{index}]",
                                 _("needs some text (or null to keep the English)"))
            statements[index] = text.strip()
    next_steps = english.next_steps
    if item.get("next_steps") is not None:
        next_steps = tuple(check.texts(item, "next_steps", where))
        if not next_steps:
            raise check.fail(f"{where}.next_steps", _(
                "needs at least one next step (or leave it out to keep the English)"))
    return replace(english, name=_given(item, "name", english.name),
                   summary=_given(item, "summary", english.summary),
                   statements=tuple(statements), next_steps=next_steps)


def translate_statements(english: StatementSet, data: Any, source: str,
                         language: str) -> StatementSet:
    """``english`` with a parsed translation applied (:class:`StatementsFileError`
    naming ``source`` for a broken one). What it does not give stays in English;
    ids, reading sections and the wording fingerprint never change."""
    check = _Checker(source)
    top = check.obj(data, _top_level())
    check.shape(top, TRANSLATION_SHAPE, "", OPTIONAL_STYLE)
    official = _given(top, "official_tool", english.official_tool)
    if not official.startswith(("https://", "http://")):
        raise check.fail("official_tool", _not_a_link())
    values = {value.id: value for value in english.values}
    seen: set[str] = set()
    for index, item in enumerate(top.get("values") or []):
        where = f"values[{index}]"
        item = check.obj(item, where)
        value_id = item.get("id")
        if value_id not in values:
            raise check.fail(f"{where}.id", _unknown_value(value_id))
        if value_id in seen:
            raise check.fail(f"{where}.id", _value_twice(value_id))
        seen.add(value_id)
        values[value_id] = _translated_value(check, item, where, values[value_id])
    return replace(
        english,
        title=_given(top, "title", english.title),
        intro=_given(top, "intro", english.intro),
        official_tool=official,
        scale=_translated_scale(check, top.get("scale"), english.scale),
        values=tuple(values[value.id] for value in english.values),
        language=language,
    )
