"""The ``json`` export (the backup format) and the rules for merging one back in.

A dump holds every record of every table, so it is lossless::

    {"format": "coprod-export", "schema": 2, "exported": "...", "app": "coprod 0.1.0",
     "tables": {"entries": [{...}, ...], "settings": [...], ...}}

Tables are sorted by name and records keep their stored order, so exporting
the same data twice gives the same ``tables``. Merging is decided record by
record (:func:`decide`): new ids are added, a newer ``updated`` wins, anything
else is skipped, so importing the same file twice adds nothing.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from coprod_tui.core.clock import parse_iso
from coprod_tui.journal.entry import FRAMEWORKS

Doc = dict[str, Any]
FORMAT_ID = "coprod-export"
STAMP_KEYS = ("updated", "saved")
_TABLE_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_.-]{0,63}$")
# C1 controls and DEL are legal inside JSON strings but some terminals act on
# them: write them as \u escapes so the file can be printed safely.
_UNSAFE = re.compile(r"[\x7f-\x9f]")


class DumpError(ValueError):
    """The data is not a coprod export this version can read (message says why)."""


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


def looks_like_jrnl(data: Any) -> bool:
    """True for the JSON that ``jrnl --export json`` writes."""
    return (
        isinstance(data, dict)
        and isinstance(data.get("entries"), list)
        and isinstance(data.get("tags"), dict)
        and "format" not in data
    )


def parse_dump(data: Any, supported_schema: int) -> tuple[int, dict[str, list[Doc]]]:
    """Check a parsed export; return its schema version and tables.

    Raises :class:`DumpError` for anything that is not a complete, valid
    export from this or an older version.
    """
    if looks_like_jrnl(data):
        raise DumpError("it looks like a jrnl export; import it with --from jrnl")
    if not isinstance(data, dict) or data.get("format") != FORMAT_ID:
        raise DumpError("it is not a coprod json export (no \"format\": \"coprod-export\")")
    schema = data.get("schema")
    if not isinstance(schema, int) or isinstance(schema, bool) or schema < 1:
        raise DumpError("its schema version is missing or not a whole number")
    if schema > supported_schema:
        raise DumpError(
            f"it was written by a newer version of coprod (data version {schema}, "
            f"this version reads up to {supported_schema}); upgrade coprod to import it"
        )
    tables = data.get("tables")
    if not isinstance(tables, dict):
        raise DumpError("it has no \"tables\"")
    for name, docs in tables.items():
        if not isinstance(name, str) or not _TABLE_NAME.match(name):
            raise DumpError(f"it has a table with an unusable name ({name!r})")
        if not isinstance(docs, list):
            raise DumpError(f"table {name!r} is not a list of records")
        seen: set[str] = set()
        for index, doc in enumerate(docs, start=1):
            where = f"record {index} of table {name!r}"
            if not isinstance(doc, dict):
                raise DumpError(f"{where} is not an object")
            record_id = doc.get("id")
            if not isinstance(record_id, str) or not record_id:
                raise DumpError(f"{where} has no id")
            if record_id in seen:
                raise DumpError(f"{where} repeats the id {record_id}")
            seen.add(record_id)
            problem = record_problem(name, doc)
            if problem:
                what = ("is not a valid journal entry" if name in ("entries", "trash")
                        else "cannot be shown")
                raise DumpError(f"{where} (id {record_id}) {what}: {problem}")
    both = {d["id"] for d in tables.get("entries", [])} & {d["id"] for d in tables.get("trash", [])}
    if both:
        raise DumpError(f"the id {sorted(both)[0]} is both in \"entries\" and in \"trash\"")
    return schema, tables


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
# with the words used in a refusal. Fields absent from a record take defaults.
_ENTRY_FIELDS: dict[str, tuple[Any, str]] = {
    "title": (_is_str, "text"),
    "framework": (lambda v: v in FRAMEWORKS, "one of " + ", ".join(FRAMEWORKS)),
    "values": (_is_str_list, "a list of texts"),
    "sections": (_is_str_dict, "an object of texts"),
    "tags": (_is_str_list, "a list of texts"),
    "created": (_is_stamp, "a date and time (ISO 8601)"),
    "updated": (_is_stamp, "a date and time (ISO 8601)"),
    "links": (lambda v: isinstance(v, list) and all(_is_link(x) for x in v),
              "a list of links (kind, ref, label: texts)"),
    "actions": (lambda v: isinstance(v, list) and all(_is_action(x) for x in v),
                "a list of actions (text; due, done_at: texts or null; done: true/false)"),
    "code_themes": (_is_str_list, "a list of texts"),
    "account_kind": (_opt(_is_str), "text or null"),
}
SHAPES: dict[str, dict[str, tuple[Any, str]]] = {
    "entries": _ENTRY_FIELDS,
    "trash": {**_ENTRY_FIELDS, "deleted": (_is_stamp, "a date and time (ISO 8601)")},
    "stocktakes": {
        "level": (_is_str, "text"),
        "participants": (_is_str, "text"),
        "scores": (_is_scores, "an object of lists of scores 1 to 5 (or null)"),
        "notes": (_is_notes, "an object of objects of texts"),
        "started": (_is_stamp, "a date and time (ISO 8601)"),
        "updated": (_is_stamp, "a date and time (ISO 8601)"),
        "finished": (_is_bool, "true or false"),
        "finished_at": (_opt(_is_stamp), "a date and time (ISO 8601) or null"),
        "position": (_is_int, "a whole number"),
    },
    "spectrum": {
        "title": (_is_str, "text"),
        "description": (_is_str, "text"),
        "knowledge": (_opt(_is_str), "text or null"),
        "decisions": (_opt(_is_str), "text or null"),
        "acts": (_opt(_is_str), "text or null"),
        "refine": (_opt(_is_str), "text or null"),
        "citizens": (_is_bool, "true or false"),
        "place": (_is_str, "text"),
        "group": (_is_str, "text"),
        "created": (_is_stamp, "a date and time (ISO 8601)"),
        "link": (_opt(_is_link), "a link (kind, ref, label: texts) or null"),
    },
    "complexity": {
        "title": (_is_str, "text"),
        "description": (_is_str, "text"),
        "answers": (_is_str_dict, "an object of texts"),
        "domain": (_is_str, "text"),
        "plan": (_is_str_dict, "an object of texts"),
        "created": (_is_stamp, "a date and time (ISO 8601)"),
        "updated": (_is_stamp, "a date and time (ISO 8601)"),
        "history": (lambda v: isinstance(v, list) and all(_is_dict(x) for x in v),
                    "a list of objects"),
    },
    "practice": {
        "exercise": (_is_str, "text"),
        "date": (_is_stamp, "a date and time (ISO 8601)"),
        "score": (_is_int, "a whole number"),
        "total": (_is_int, "a whole number"),
        "attempts": (lambda v: isinstance(v, list) and all(_is_dict(x) for x in v),
                     "a list of objects"),
    },
    "reading": {
        "read": (_is_bool, "true or false"),
        "read_at": (_is_stamp, "a date and time (ISO 8601)"),
        "section": (_is_str, "text"),
        "scroll": (_is_int, "a whole number"),
    },
    "drafts": {
        "data": (_is_dict, "an object"),
        "saved": (_is_stamp, "a date and time (ISO 8601)"),
    },
}


def record_problem(table: str, doc: Any) -> str | None:
    """Why the app could not show ``doc`` as a record of ``table``, or ``None``.

    Names the field and what it must hold, e.g. ``"title" must be text``.
    Tables this version does not know are only checked for an id.
    """
    if not isinstance(doc, dict):
        return "it is not an object"
    record_id = doc.get("id")
    if not isinstance(record_id, str) or not record_id:
        return "it has no id"
    for key, (check, words) in SHAPES.get(table, {}).items():
        if key in doc:
            try:
                ok = bool(check(doc[key]))
            except (TypeError, ValueError, OverflowError):
                ok = False
            if not ok and key == "framework":
                return (f"unknown framework {repr(doc[key])[:40]}; "
                        f"choices: {', '.join(FRAMEWORKS)}")
            if not ok:
                return f"\"{key}\" must be {words}"
    return None


def _check_entry(doc: Doc, where: str) -> None:
    """Refuse an entry the journal could not show (kept for callers of the old name)."""
    problem = record_problem("entries", doc)
    if problem:
        raise DumpError(f"{where} is not a valid journal entry: {problem}")


def as_stored_tables(tables: dict[str, list[Doc]]) -> dict[str, dict[str, Doc]]:
    """Tables in the shape the data file keeps (for running schema upgrades)."""
    return {name: {str(i): dict(d) for i, d in enumerate(docs, 1)} for name, docs in tables.items()}


def from_stored_tables(stored: dict[str, dict[str, Doc]]) -> dict[str, list[Doc]]:
    """The inverse of :func:`as_stored_tables` (the ``_meta`` table is dropped)."""
    return {
        name: list(docs.values()) for name, docs in stored.items() if not name.startswith("_")
    }


def _stamp(doc: Doc) -> str | None:
    for key in STAMP_KEYS:
        value = doc.get(key)
        if isinstance(value, str) and value:
            return value
    return None


def _newer(incoming: str, local: str) -> bool:
    try:
        return parse_iso(incoming) > parse_iso(local)
    except (TypeError, ValueError):
        return incoming > local


def decide(local: Doc | None, incoming: Doc, deleted: Doc | None = None) -> str:
    """``"add"``, ``"update"`` or ``"skip"`` for one incoming record.

    A record that exists is replaced only if its ``updated`` (or ``saved``)
    time is newer; without times on both sides the local record is kept.
    ``deleted`` is the local trash copy of an entry: an import does not bring
    back what was deleted here, unless the incoming copy was changed later.
    """
    if local is None and deleted is not None:
        when = deleted.get("deleted") or _stamp(deleted)
        theirs = _stamp(incoming)
        if not (isinstance(when, str) and theirs and _newer(theirs, when)):
            return "skip"
    if local is None:
        return "add"
    if local == incoming:
        return "skip"
    mine, theirs = _stamp(local), _stamp(incoming)
    if mine and theirs and _newer(theirs, mine):
        return "update"
    return "skip"


@dataclass
class MergeSummary:
    """How many records an import added, updated and skipped, per table."""

    source: str
    added: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)
    skipped: dict[str, int] = field(default_factory=dict)
    kept_copy: str | None = None

    def count(self, outcome: str, table: str) -> None:
        """Record one outcome (``add``, ``update`` or ``skip``) for ``table``."""
        bucket = {"add": self.added, "update": self.updated, "skip": self.skipped}[outcome]
        bucket[table] = bucket.get(table, 0) + 1

    @property
    def changed(self) -> bool:
        """Whether anything was added or updated."""
        return bool(self.added or self.updated)

    def lines(self) -> list[str]:
        """A plain summary, one line per outcome."""
        def part(bucket: dict[str, int]) -> str:
            total = sum(bucket.values())
            detail = ", ".join(f"{table} {n}" for table, n in sorted(bucket.items()))
            return f"{total}" + (f" ({detail})" if detail else "")

        lines = [
            f"imported {self.source}",
            f"  added:   {part(self.added)}",
            f"  updated: {part(self.updated)}",
            f"  skipped: {part(self.skipped)} (already here, or older than what is here)",
        ]
        if self.kept_copy:
            lines.append(f"  your data before the import was kept as {self.kept_copy}")
        return lines
