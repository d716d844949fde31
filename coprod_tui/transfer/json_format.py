"""The ``json`` export (the backup format) and the shapes its records must have.

A dump holds every record of every table, so it is lossless::

    {"format": "coprod-export", "schema": 2, "exported": "...", "app": "coprod 0.1.0",
     "tables": {"entries": [{...}, ...], "settings": [...], ...}}

Tables are sorted by name and records keep their stored order, so exporting
the same data twice gives the same ``tables``. :data:`SHAPES` says what each
known table's fields must hold for the app to show a record; imports
(:mod:`.importer`), ``coprod check`` and ``coprod restore`` refuse a record
that breaks it. Reading a dump back and merging it is in :mod:`.importer`.
"""

from __future__ import annotations

import json
import re
from typing import Any

from coprod_tui.core.clock import parse_iso
from coprod_tui.i18n import N_, _
from coprod_tui.journal.entry import FRAMEWORKS

Doc = dict[str, Any]
FORMAT_ID = "coprod-export"
# C1 controls and DEL are legal inside JSON strings but some terminals act on
# them: write them as \u escapes so the file can be printed safely.
_UNSAFE = re.compile(r"[\x7f-\x9f]")


def build_dump(tables: dict[str, list[Doc]], schema: int, exported: str, app: str) -> Doc:
    """The export document for ``tables`` (empty tables are left out)."""
    return {
        "format": FORMAT_ID,
        "schema": schema,
        "exported": exported,
        "app": app,
        "tables": {name: list(docs) for name, docs in sorted(tables.items()) if docs},
    }


def dump_text(dump: Doc) -> str:
    """Serialise a dump: readable, non-ASCII kept, nothing a terminal would act on."""
    text = json.dumps(dump, indent=2, ensure_ascii=False)
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text) + "\n"


def _is_stamp(value: Any) -> bool:
    if not isinstance(value, str):
        return False
    if not value:
        return True
    try:
        parse_iso(value)
    except (ValueError, OverflowError):
        return False
    return True


def _is_str_list(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def _is_str_dict(value: Any) -> bool:
    return isinstance(value, dict) and all(isinstance(v, str) for v in value.values())


def _opt(check: Any) -> Any:
    return lambda value: value is None or check(value)


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_str(value: Any) -> bool:
    return isinstance(value, str)


def _is_bool(value: Any) -> bool:
    return isinstance(value, bool)


def _is_dict(value: Any) -> bool:
    return isinstance(value, dict)


def _is_link(value: Any) -> bool:
    return (isinstance(value, dict) and set(value) <= {"kind", "ref", "label"}
            and {"kind", "ref"} <= set(value) and all(isinstance(v, str) for v in value.values()))


def _is_action(value: Any) -> bool:
    if not isinstance(value, dict) or "text" not in value:
        return False
    if not set(value) <= {"text", "due", "done", "done_at", "id"}:
        return False
    return (isinstance(value["text"], str) and _opt(_is_str)(value.get("due"))
            and _is_bool(value.get("done", False)) and _opt(_is_str)(value.get("done_at"))
            and _is_str(value.get("id", "")))


def _is_scores(value: Any) -> bool:
    return isinstance(value, dict) and all(
        isinstance(v, list) and all(s is None or (_is_int(s) and 1 <= s <= 5) for s in v)
        for v in value.values())


def _is_notes(value: Any) -> bool:
    return isinstance(value, dict) and all(_is_str_dict(v) for v in value.values())


# What each known table's fields must hold for the app to show the record,
# with the words used in a refusal (shown as ``_(words)``; the field names are
# the format's keys and stay as they are). Fields absent from a record take defaults.
TEXT = N_("text")
TEXTS = N_("a list of texts")
TEXT_OBJECT = N_("an object of texts")
STAMP = N_("a date and time (ISO 8601)")
TEXT_OR_NULL = N_("text or null")
TRUE_FALSE = N_("true or false")
WHOLE = N_("a whole number")
OBJECTS = N_("a list of objects")
_ENTRY_FIELDS: dict[str, tuple[Any, str]] = {
    "title": (_is_str, TEXT),
    "framework": (lambda v: v in FRAMEWORKS, N_("one of the frameworks")),
    "values": (_is_str_list, TEXTS),
    "sections": (_is_str_dict, TEXT_OBJECT),
    "tags": (_is_str_list, TEXTS),
    "created": (_is_stamp, STAMP),
    "updated": (_is_stamp, STAMP),
    "links": (lambda v: isinstance(v, list) and all(_is_link(x) for x in v),
              N_("a list of links (kind, ref, label: texts)")),
    "actions": (lambda v: isinstance(v, list) and all(_is_action(x) for x in v),
                N_("a list of actions (text; due, done_at: texts or null; done: true/false)")),
    "code_themes": (_is_str_list, TEXTS),
    "account_kind": (_opt(_is_str), TEXT_OR_NULL),
}
SHAPES: dict[str, dict[str, tuple[Any, str]]] = {
    "entries": _ENTRY_FIELDS,
    "trash": {**_ENTRY_FIELDS, "deleted": (_is_stamp, STAMP)},
    "stocktakes": {
        "level": (_is_str, TEXT),
        "participants": (_is_str, TEXT),
        "scores": (_is_scores, N_("an object of lists of scores 1 to 5 (or null)")),
        "notes": (_is_notes, N_("an object of objects of texts")),
        "started": (_is_stamp, STAMP),
        "updated": (_is_stamp, STAMP),
        "finished": (_is_bool, TRUE_FALSE),
        "finished_at": (_opt(_is_stamp), N_("a date and time (ISO 8601) or null")),
        "position": (_is_int, WHOLE),
    },
    "spectrum": {
        "title": (_is_str, TEXT),
        "description": (_is_str, TEXT),
        "knowledge": (_opt(_is_str), TEXT_OR_NULL),
        "decisions": (_opt(_is_str), TEXT_OR_NULL),
        "acts": (_opt(_is_str), TEXT_OR_NULL),
        "refine": (_opt(_is_str), TEXT_OR_NULL),
        "citizens": (_is_bool, TRUE_FALSE),
        "place": (_is_str, TEXT),
        "group": (_is_str, TEXT),
        "created": (_is_stamp, STAMP),
        "link": (_opt(_is_link), N_("a link (kind, ref, label: texts) or null")),
    },
    "complexity": {
        "title": (_is_str, TEXT),
        "description": (_is_str, TEXT),
        "answers": (_is_str_dict, TEXT_OBJECT),
        "domain": (_is_str, TEXT),
        "plan": (_is_str_dict, TEXT_OBJECT),
        "created": (_is_stamp, STAMP),
        "updated": (_is_stamp, STAMP),
        "history": (lambda v: isinstance(v, list) and all(_is_dict(x) for x in v),
                    OBJECTS),
    },
    "practice": {
        "exercise": (_is_str, TEXT),
        "date": (_is_stamp, STAMP),
        "score": (_is_int, WHOLE),
        "total": (_is_int, WHOLE),
        "attempts": (lambda v: isinstance(v, list) and all(_is_dict(x) for x in v),
                     OBJECTS),
    },
    "reading": {
        "read": (_is_bool, TRUE_FALSE),
        "read_at": (_is_stamp, STAMP),
        "section": (_is_str, TEXT),
        "scroll": (_is_int, WHOLE),
    },
    "drafts": {
        "data": (_is_dict, N_("an object")),
        "saved": (_is_stamp, STAMP),
    },
}


def record_problem(table: str, doc: Any) -> str | None:
    """Why the app could not show ``doc`` as a record of ``table``, or ``None``.

    Names the field and what it must hold, e.g. ``"title" must be text``.
    Tables this version does not know are only checked for an id.
    """
    if not isinstance(doc, dict):
        return _("it is not an object")
    record_id = doc.get("id")
    if not isinstance(record_id, str) or not record_id:
        return _("it has no id")
    for key, (check, words) in SHAPES.get(table, {}).items():
        if key in doc:
            try:
                ok = bool(check(doc[key]))
            except (TypeError, ValueError, OverflowError):
                ok = False
            if not ok and key == "framework":
                return _("unknown framework {framework}; choices: {choices}").format(
                    framework=repr(doc[key])[:40], choices=", ".join(FRAMEWORKS))
            if not ok:
                return _("\"{key}\" must be {what}").format(key=key, what=_(words))
    return None


def table_problem(table: str, docs: list[Any]) -> str | None:
    """The first record of ``table`` the app could not show, in words naming the
    record and its field (``record 3 of table 'entries' (id ab12) is not a valid
    journal entry: "title" must be text``), or ``None``."""
    for index, doc in enumerate(docs, start=1):
        problem = record_problem(table, doc)
        if problem:
            record_id = doc.get("id") if isinstance(doc, dict) else None
            if isinstance(record_id, str) and record_id:
                where = _("record {number} of table {table!r} (id {id})").format(
                    number=index, table=table, id=record_id)
            else:
                where = _("record {number} of table {table!r}").format(number=index, table=table)
            what = (_("{where} is not a valid journal entry: {problem}")
                    if table in ("entries", "trash")
                    else _("{where} cannot be shown: {problem}"))
            return what.format(where=where, problem=problem)
    return None
