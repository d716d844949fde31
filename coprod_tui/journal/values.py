"""The five values with their explanations and prompts, and the frameworks' hints.

Pure: :func:`parse_values_content` turns the decoded JSON of ``content/values.json``
into typed objects and checks it, raising :class:`ContentError` naming the file
and the problem; :func:`translate_values` applies a translation of it
(``content/cy/values.json``). Reading the files is ``values_content.py``'s job.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from coprod_tui.core.content import Field, check_shape
from coprod_tui.i18n import N_, _, ngettext
from coprod_tui.journal.entry import FRAMEWORKS, VALUE_IDS

MIN_PROMPTS = 4
MAX_PROMPTS = 6
PROMPT_KINDS = ("practice", "team")


class ContentError(ValueError):
    """Trainer-edited content is malformed; the message names the file and problem."""


@dataclass(frozen=True)
class Prompt:
    """A reflection question; ``about`` is ``practice`` or ``team`` (own organisation)."""

    text: str
    about: str = "practice"


@dataclass(frozen=True)
class Value:
    """One of the five values of co-production."""

    id: str
    name: str
    title: str
    explanation: str
    prompts: tuple[Prompt, ...]


@dataclass(frozen=True)
class FrameworkGuide:
    """How a reflective framework is presented: its name and a hint per section."""

    id: str
    name: str
    about: str
    hints: dict[str, str] = field(default_factory=dict)

    def hint(self, section_id: str) -> str:
        """The hint for one section ('' if none)."""
        return self.hints.get(section_id, "")


@dataclass(frozen=True)
class ValuesContent:
    """Everything in ``values.json``."""

    values: tuple[Value, ...]
    frameworks: dict[str, FrameworkGuide]

    def value(self, value_id: str) -> Value:
        """The value with this id (``KeyError`` if unknown)."""
        for value in self.values:
            if value.id == value_id:
                return value
        raise KeyError(value_id)

    def name(self, value_id: str) -> str:
        """A value's short name, or the id itself if unknown."""
        try:
            return self.value(value_id).name
        except KeyError:
            return value_id


# Shapes of values.json's objects (the checks beyond shape follow in the parsers).
# Messages: ``{where}`` is the file and the value or framework, ``{key}`` the JSON key.
_STYLE = N_("{where}: {key} must be {what}")
_FILE_STYLE = N_('{where}: "{key}" must be {what}')
FILE_SHAPE = {"values": Field("list"), "frameworks": Field("object", required=False)}
VALUE_SHAPE = {"id": Field("text"), "name": Field("text"), "title": Field("text"),
               "explanation": Field("text"), "prompts": Field("list")}
PROMPT_SHAPE = {"text": Field("text"), "about": Field("any text", required=False)}
FRAMEWORK_SHAPE = {"name": Field("text"), "hints": Field("object", required=False)}


def _text(data: Any, field: str, source: str) -> str:
    """``data`` stripped, if it is non-empty text; ``field`` is its JSON path."""
    if not isinstance(data, str) or not data.strip():
        raise ContentError(_("{source}: {field} must be non-empty text").format(
            source=source, field=field))
    return data.strip()


def _hint_text(data: Any, framework_id: str, section_id: str, source: str) -> str:
    if not isinstance(data, str) or not data.strip():
        raise ContentError(
            _("{source}: framework {framework!r} hint {section!r} must be non-empty text").format(
                source=source, framework=framework_id, section=section_id))
    return data.strip()


def _value_place(source: str, value_id: str) -> str:
    """``FILE: value 'networks'``: where a value's fields are, in messages."""
    return _("{source}: value {id!r}").format(source=source, id=value_id)


def _prompt_place(source: str, value_id: str, number: int) -> str:
    """``FILE: value 'networks' prompt 2``: where a prompt's fields are, in messages."""
    return _("{source}: value {id!r} prompt {number}").format(
        source=source, id=value_id, number=number)


def _framework_place(source: str, framework_id: str) -> str:
    """``FILE: framework 'rolfe'``: where a framework's fields are, in messages."""
    return _("{source}: framework {id!r}").format(source=source, id=framework_id)


def _unknown_value(source: str, value_id: str) -> ContentError:
    return ContentError(_("{source}: unknown value {id!r}; choices: {choices}").format(
        source=source, id=value_id, choices=", ".join(VALUE_IDS)))


def _repeated_value(source: str, value_id: str) -> ContentError:
    return ContentError(_("{source}: value {id!r} appears more than once").format(
        source=source, id=value_id))


def _unknown_framework(source: str, framework_id: str) -> ContentError:
    return ContentError(_("{source}: unknown framework {id!r}; choices: {choices}").format(
        source=source, id=framework_id, choices=", ".join(FRAMEWORKS)))


def _unknown_section(source: str, framework_id: str, section_id: str,
                     known: list[str]) -> ContentError:
    return ContentError(_("{source}: framework {id!r} has a hint for unknown section "
                          "{section!r}; choices: {choices}").format(
        source=source, id=framework_id, section=section_id, choices=", ".join(known)))


def _not_an_object(source: str, index: int) -> ContentError:
    # Translators: values[{index}] is the place in the file, kept as it is written there.
    return ContentError(_("{source}: values[{index}] must be an object").format(
        source=source, index=index))


def _top_level(source: str) -> ContentError:
    return ContentError(_("{source}: the top level must be an object").format(source=source))


def _parse_value(data: Any, index: int, source: str) -> Value:
    if not isinstance(data, dict):
        raise _not_an_object(source, index)
    value_id = _text(data.get("id"), f"values[{index}].id", source)
    check_shape(data, VALUE_SHAPE, _value_place(source, value_id), ContentError, style=_STYLE)
    prompts_data = data["prompts"]
    if not MIN_PROMPTS <= len(prompts_data) <= MAX_PROMPTS:
        raise ContentError(ngettext(
            "{source}: value {id!r} has {count} prompt; it needs {least} to {most}",
            "{source}: value {id!r} has {count} prompts; it needs {least} to {most}",
            len(prompts_data)).format(source=source, id=value_id, count=len(prompts_data),
                                      least=MIN_PROMPTS, most=MAX_PROMPTS))
    prompts = []
    for number, item in enumerate(prompts_data, 1):
        if isinstance(item, str):
            item = {"text": item}
        if not isinstance(item, dict):
            raise ContentError(
                _("{source}: value {id!r}: prompt {number} must be text or an object").format(
                    source=source, id=value_id, number=number))
        check_shape(item, PROMPT_SHAPE, _prompt_place(source, value_id, number), ContentError,
                    style=_STYLE)
        about = item.get("about") or "practice"
        if about not in PROMPT_KINDS:
            raise ContentError(
                # Translators: about=... is the file's key and its value, kept as written.
                _("{source}: value {id!r}: prompt {number} has about={about!r}; "
                  "choices: {choices}").format(source=source, id=value_id, number=number,
                                               about=about, choices=", ".join(PROMPT_KINDS)))
        prompts.append(Prompt(item["text"].strip(), about))
    if not any(p.about == "team" for p in prompts):
        raise ContentError(
            # Translators: "about": "team" is written in the file as it is here.
            _('{source}: value {id!r} needs at least one prompt with "about": "team" '
              "(turning to your own team and organisation)").format(source=source, id=value_id))
    return Value(
        id=value_id,
        name=data["name"].strip(),
        title=data["title"].strip(),
        explanation=data["explanation"].strip(),
        prompts=tuple(prompts),
    )


def _framework_not_an_object(source: str, framework_id: str) -> ContentError:
    return ContentError(_("{source}: framework {id!r} must be an object").format(
        source=source, id=framework_id))


def _parse_framework(framework_id: str, data: Any, source: str) -> FrameworkGuide:
    if not isinstance(data, dict):
        raise _framework_not_an_object(source, framework_id)
    check_shape(data, FRAMEWORK_SHAPE, _framework_place(source, framework_id), ContentError,
                style=_STYLE)
    hints = data.get("hints") or {}
    known = [sid for sid, _label in FRAMEWORKS[framework_id]]
    for section_id, hint in hints.items():
        if section_id not in known:
            raise _unknown_section(source, framework_id, section_id, known)
        _hint_text(hint, framework_id, section_id, source)
    return FrameworkGuide(
        id=framework_id,
        name=data["name"].strip(),
        about=str(data.get("about", "")),
        hints={k: v.strip() for k, v in hints.items()},
    )


def parse_values_content(data: Any, source: str = "values.json") -> ValuesContent:
    """Validate decoded ``values.json`` and return it typed.

    Raises :class:`ContentError` when a value is missing, duplicated or unknown,
    a value has too few or too many prompts or none about the team, or a
    framework hint names a section the framework does not have.
    """
    if not isinstance(data, dict):
        raise _top_level(source)
    check_shape(data, FILE_SHAPE, source, ContentError,
                words={"list": N_("a list of the five values")}, style=_FILE_STYLE)
    raw_values = data["values"]
    values = [_parse_value(item, i, source) for i, item in enumerate(raw_values)]
    ids = [v.id for v in values]
    for value_id in ids:
        if value_id not in VALUE_IDS:
            raise _unknown_value(source, value_id)
        if ids.count(value_id) > 1:
            raise _repeated_value(source, value_id)
    missing = [v for v in VALUE_IDS if v not in ids]
    if missing:
        raise ContentError(_("{source}: missing value(s): {ids}").format(
            source=source, ids=", ".join(missing)))
    ordered = tuple(sorted(values, key=lambda v: VALUE_IDS.index(v.id)))
    raw_frameworks = data.get("frameworks") or {}
    frameworks: dict[str, FrameworkGuide] = {}
    for framework_id, item in raw_frameworks.items():
        if framework_id not in FRAMEWORKS:
            raise _unknown_framework(source, framework_id)
        frameworks[framework_id] = _parse_framework(framework_id, item, source)
    for framework_id in FRAMEWORKS:
        frameworks.setdefault(framework_id, FrameworkGuide(framework_id, framework_id, ""))
    return ValuesContent(values=ordered, frameworks=frameworks)


# A translation (``<lang>/values.json``) has the same shape, with every field but the
# ids optional: what it leaves out (or sets to null) stays in English.
T_FILE_SHAPE = {"values": Field("list", required=False),
                "frameworks": Field("object", required=False)}
T_VALUE_SHAPE = {"id": Field("text"), "name": Field("text", required=False),
                 "title": Field("text", required=False),
                 "explanation": Field("text", required=False),
                 "prompts": Field("list", required=False)}
T_PROMPT_SHAPE = {"text": Field("text", required=False),
                  "about": Field("any text", required=False)}
T_FRAMEWORK_SHAPE = {"name": Field("text", required=False),
                     "about": Field("any text", required=False),
                     "hints": Field("object", required=False)}


def _translated(data: dict[str, Any], key: str, english: str) -> str:
    text = data.get(key)
    return text.strip() if isinstance(text, str) and text.strip() else english


def _translate_prompts(items: list[Any], value: Value, source: str) -> tuple[Prompt, ...]:
    if len(items) > len(value.prompts):
        raise ContentError(ngettext(
            "{source}: value {id!r} has {count} prompt; the English has {english} "
            "(a translation adds none: each keeps its place)",
            "{source}: value {id!r} has {count} prompts; the English has {english} "
            "(a translation adds none: each keeps its place)",
            len(items)).format(source=source, id=value.id, count=len(items),
                               english=len(value.prompts)))
    prompts = list(value.prompts)
    for number, item in enumerate(items, 1):
        if item is None:
            continue
        if isinstance(item, str):
            item = {"text": item}
        if not isinstance(item, dict):
            raise ContentError(
                _("{source}: value {id!r}: prompt {number} must be text, an object or "
                  "null").format(source=source, id=value.id, number=number))
        check_shape(item, T_PROMPT_SHAPE, _prompt_place(source, value.id, number), ContentError,
                    style=_STYLE)
        english = value.prompts[number - 1]
        about = item.get("about")
        if about and about != english.about:
            raise ContentError(
                # Translators: about=... is the file's key and its value, kept as written.
                _("{source}: value {id!r}: prompt {number} has about={about!r} but the "
                  "English prompt {number} is about {english!r} (keep the English "
                  "order)").format(source=source, id=value.id, number=number, about=about,
                                   english=english.about))
        prompts[number - 1] = Prompt(_translated(item, "text", english.text), english.about)
    return tuple(prompts)


def _translate_value(item: Any, index: int, english: ValuesContent, seen: set[str],
                     source: str) -> Value:
    if not isinstance(item, dict):
        raise _not_an_object(source, index)
    value_id = _text(item.get("id"), f"values[{index}].id", source)
    if value_id not in VALUE_IDS:
        raise _unknown_value(source, value_id)
    if value_id in seen:
        raise _repeated_value(source, value_id)
    seen.add(value_id)
    check_shape(item, T_VALUE_SHAPE, _value_place(source, value_id), ContentError, style=_STYLE)
    value = english.value(value_id)
    return replace(
        value,
        name=_translated(item, "name", value.name),
        title=_translated(item, "title", value.title),
        explanation=_translated(item, "explanation", value.explanation),
        prompts=_translate_prompts(item.get("prompts") or [], value, source),
    )


def _translate_framework(framework_id: str, item: Any, guide: FrameworkGuide,
                         source: str) -> FrameworkGuide:
    if not isinstance(item, dict):
        raise _framework_not_an_object(source, framework_id)
    check_shape(item, T_FRAMEWORK_SHAPE, _framework_place(source, framework_id), ContentError,
                style=_STYLE)
    known = [sid for sid, _label in FRAMEWORKS[framework_id]]
    hints = dict(guide.hints)
    for section_id, hint in (item.get("hints") or {}).items():
        if section_id not in known:
            raise _unknown_section(source, framework_id, section_id, known)
        if hint is not None:
            hints[section_id] = _hint_text(hint, framework_id, section_id, source)
    return replace(guide, name=_translated(item, "name", guide.name),
                   about=_translated(item, "about", guide.about), hints=hints)


def translate_values(english: ValuesContent, data: Any,
                     source: str = "cy/values.json") -> ValuesContent:
    """``english`` with a translation's texts in place of its own.

    The translation names values and frameworks by their ids; any text it
    leaves out (or sets to null) stays in English, one item at a time. It adds
    nothing: an unknown id or section, a repeated value, or more prompts than
    the English has raise :class:`ContentError` naming the file and the problem.
    A prompt keeps its place, so its kind (``about``) is the English one's.
    """
    if not isinstance(data, dict):
        raise _top_level(source)
    check_shape(data, T_FILE_SHAPE, source, ContentError, style=_FILE_STYLE)
    seen: set[str] = set()
    translated: dict[str, Value] = {}
    for index, item in enumerate(data.get("values") or []):
        value = _translate_value(item, index, english, seen, source)
        translated[value.id] = value
    frameworks = dict(english.frameworks)
    for framework_id, item in (data.get("frameworks") or {}).items():
        if framework_id not in FRAMEWORKS:
            raise _unknown_framework(source, framework_id)
        frameworks[framework_id] = _translate_framework(framework_id, item,
                                                        frameworks[framework_id], source)
    values = tuple(translated.get(v.id, v) for v in english.values)
    return ValuesContent(values=values, frameworks=frameworks)
