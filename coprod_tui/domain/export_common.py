"""What an export holds and how records are described, shared by every format.

Pure functions from data to data: the store gathers the tables, the
renderers (``export_md``, ``export_txt``, ``export_nmc``) turn a
:class:`Selection` into text. Exercise and stocktake records are described
generically (title, date, result and other plain fields when present), so a
change in their shape never breaks an export.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from coprod_tui.domain.clock import parse_iso
from coprod_tui.domain.entry import FRAMEWORKS, Entry

Doc = dict[str, Any]

FORMATS: dict[str, str] = {
    "md": "Markdown, a readable document for a portfolio",
    "txt": "plain text, for pasting anywhere",
    "nmc": "NMC revalidation pack: accounts, CPD, feedback, discussion",
    "hcpc": "HCPC CPD profile: activities, the five standards, gaps",
    "html": "the revalidation pack (or HCPC profile) as a page to print",
    "json": "everything, lossless: the backup (coprod import)",
}
EXTENSIONS = {"md": "md", "txt": "txt", "nmc": "nmc.txt", "hcpc": "hcpc.txt", "html": "html",
              "json": "json"}

EXERCISE_TABLES: tuple[tuple[str, str], ...] = (
    ("spectrum", "Spectrum of engagement"),
    ("complexity", "Complexity of challenges"),
    ("practice", "Practice rounds"),
)
STOCKTAKE_TABLE = "stocktakes"
# A link's kind -> the table its record lives in (when the names differ).
LINK_TABLES = {"stocktake": "stocktakes"}

FRAMEWORK_NAMES = {
    "free": "Free writing",
    "rolfe": "Rolfe (What? So what? Now what?)",
    "gibbs": "Gibbs reflective cycle",
    "values": "Value by value",
}

TITLE_KEYS = ("title", "name", "activity", "challenge", "label", "question")
WHEN_KEYS = ("created", "started", "date", "updated", "saved", "finished_at")
RESULT_KEYS = ("result", "placement", "place", "rung", "level", "tier", "domain", "answer",
               "score", "outcome", "summary")
_QUIET_KEYS = {"id"}


def default_filename(fmt: str, day: dt.date) -> str:
    """``coprod-export-YYYY-MM-DD.<ext>`` for format ``fmt``."""
    return f"coprod-export-{day.isoformat()}.{EXTENSIONS[fmt]}"


def value_label(value_id: str) -> str:
    """A readable name for a value id (``what-matters`` -> ``What matters``)."""
    text = value_id.replace("-", " ").replace("_", " ").strip()
    return text[:1].upper() + text[1:] if text else value_id


def field_label(key: str) -> str:
    """A readable name for a record field (``finished_at`` -> ``Finished at``)."""
    return value_label(key)


def local_day(stamp: Any) -> dt.date | None:
    """The local calendar day of a stored timestamp, or ``None`` if unreadable."""
    if not isinstance(stamp, str) or not stamp:
        return None
    try:
        return parse_iso(stamp).astimezone().date()
    except (TypeError, ValueError, OverflowError):
        return None


def local_time(stamp: str) -> str:
    """``HH:MM`` in local time, or ``""``."""
    try:
        return parse_iso(stamp).astimezone().strftime("%H:%M")
    except (TypeError, ValueError, OverflowError):
        return ""


@dataclass(frozen=True)
class ExportFilter:
    """Which entries to export. Empty fields mean "any"."""

    values: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    since: dt.date | None = None
    until: dt.date | None = None
    ids: tuple[str, ...] = ()  # entries chosen one by one (empty: any)

    def is_all(self) -> bool:
        """True when nothing is filtered out."""
        return not (self.values or self.tags or self.since or self.until or self.ids)

    def narrows_entries(self) -> bool:
        """True when a value or tag filter, or a choice of entries, picks entries."""
        return bool(self.values or self.tags or self.ids)

    def in_range(self, stamp: Any) -> bool:
        """Whether a timestamp falls between ``since`` and ``until`` (inclusive)."""
        if self.since is None and self.until is None:
            return True
        day = local_day(stamp)
        if day is None:
            return False
        if self.since is not None and day < self.since:
            return False
        return not (self.until is not None and day > self.until)

    def matches(self, entry: Entry) -> bool:
        """Whether ``entry`` is selected."""
        if self.ids and entry.id not in self.ids:
            return False
        if self.values and not set(self.values) & set(entry.values):
            return False
        if self.tags:
            wanted = {t.lower() for t in self.tags}
            if not wanted & {t.lower() for t in entry.tags}:
                return False
        return self.in_range(entry.created)

    def describe(self) -> list[str]:
        """Lines saying what was selected (for a title page)."""
        if self.is_all():
            return ["Everything in the journal (no filter)."]
        lines = []
        if self.ids:
            lines.append(f"Entries chosen one by one: {len(self.ids)}")
        if self.values:
            lines.append("Values: " + ", ".join(value_label(v) for v in self.values))
        if self.tags:
            lines.append("Tags: " + ", ".join(self.tags))
        if self.since or self.until:
            start = self.since.isoformat() if self.since else "the beginning"
            end = self.until.isoformat() if self.until else "today"
            lines.append(f"Dates: from {start} to {end}")
        return lines


@dataclass
class Selection:
    """Everything one export shows, already filtered and in date order."""

    entries: list[Entry]
    exercises: dict[str, list[Doc]] = field(default_factory=dict)
    stocktakes: list[Doc] = field(default_factory=list)
    records: dict[tuple[str, str], Doc] = field(default_factory=dict)
    filter: ExportFilter = field(default_factory=ExportFilter)
    exported: str = ""
    skipped: int = 0

    def linked(self, kind: str, ref: str) -> Doc | None:
        """The record an entry's link points to, if it exists."""
        return self.records.get((LINK_TABLES.get(kind, kind), ref))


def _sort_key(doc: Doc) -> str:
    stamp = record_when(doc)
    return stamp if isinstance(stamp, str) else ""


def select(tables: dict[str, list[Doc]], flt: ExportFilter, exported: str) -> Selection:
    """Pick what an export of ``tables`` (table name -> records) shows under ``flt``.

    Entries that cannot be read are counted in ``skipped``. Exercises and
    stocktakes follow the date range; with a value or tag filter, only those
    linked from a selected entry are kept.
    """
    entries: list[Entry] = []
    skipped = 0
    for doc in tables.get("entries", []):
        try:
            entry = Entry.from_doc(doc)
        except (TypeError, ValueError, AttributeError, KeyError):
            skipped += 1
            continue
        if flt.matches(entry):
            entries.append(entry)
    entries.sort(key=lambda e: (e.created, e.title))
    records = {
        (table, doc["id"]): doc
        for table, docs in tables.items()
        for doc in docs
        if isinstance(doc, dict) and isinstance(doc.get("id"), str)
    }
    linked = {
        (LINK_TABLES.get(link.kind, link.kind), link.ref) for e in entries for link in e.links
    }

    def keep(table: str, doc: Doc) -> bool:
        if not isinstance(doc, dict):
            return False
        if flt.narrows_entries():
            return (table, doc.get("id")) in linked
        return flt.in_range(record_when(doc)) if (flt.since or flt.until) else True

    exercises = {
        table: sorted((d for d in tables.get(table, []) if keep(table, d)), key=_sort_key)
        for table, _ in EXERCISE_TABLES
    }
    stocktakes = sorted(
        (d for d in tables.get(STOCKTAKE_TABLE, []) if keep(STOCKTAKE_TABLE, d)), key=_sort_key
    )
    return Selection(entries, exercises, stocktakes, records, flt, exported, skipped)


# -- describing entries -------------------------------------------------------------
def sections_of(entry: Entry) -> list[tuple[str, str]]:
    """(label, text) of every written section, in the framework's order.

    Sections the framework does not know (or an unknown framework) follow,
    labelled by their id, so no writing is ever left out.
    """
    known = FRAMEWORKS.get(entry.framework, ())
    result = [(label, entry.sections.get(sid, "")) for sid, label in known]
    known_ids = {sid for sid, _ in known}
    result += [
        (field_label(sid), text) for sid, text in entry.sections.items() if sid not in known_ids
    ]
    return [(label, text) for label, text in result if isinstance(text, str) and text.strip()]


def framework_name(framework: str) -> str:
    """A readable name for a framework id."""
    return FRAMEWORK_NAMES.get(framework, value_label(framework))


def action_line(action: Any) -> str:
    """``[x] text (due ..., done ...)`` for one action."""
    mark = "[x]" if action.done else "[ ]"
    extra = []
    if action.due:
        extra.append(f"due {action.due}")
    if action.done and action.done_at:
        day = local_day(action.done_at)
        extra.append(f"done {day.isoformat() if day else action.done_at}")
    return f"{mark} {action.text}" + (f" ({', '.join(extra)})" if extra else "")


# -- describing any record ------------------------------------------------------------
def record_title(doc: Doc) -> str:
    """The record's title-like field, or ``Untitled``."""
    for key in TITLE_KEYS:
        value = doc.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return "Untitled"


def record_when(doc: Doc) -> str:
    """The record's first timestamp-like field, or ``""``."""
    for key in WHEN_KEYS:
        value = doc.get(key)
        if isinstance(value, str) and value:
            return value
    return ""


def record_day(doc: Doc) -> str:
    """The record's local day as ``YYYY-MM-DD``, or ``"undated"``."""
    day = local_day(record_when(doc))
    return day.isoformat() if day else "undated"


def _plain(value: Any) -> str | None:
    if value is None or value == "" or value == [] or value == {}:
        return None
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (str, int, float)):
        return str(value)
    if isinstance(value, list) and all(isinstance(v, (str, int, float)) for v in value):
        return ", ".join(str(v) for v in value)
    if isinstance(value, (list, dict)):
        return f"{len(value)} items"
    return None


def record_result(doc: Doc) -> str:
    """The record's main result in a few words, or ``""``."""
    for key in RESULT_KEYS:
        text = _plain(doc.get(key))
        if text:
            return text
    if isinstance(doc.get("finished"), bool):
        return "finished" if doc["finished"] else "not finished yet"
    return ""


def record_facts(doc: Doc) -> list[tuple[str, str]]:
    """(label, text) for each plain field except id, title and timestamp."""
    title_key = next((k for k in TITLE_KEYS if isinstance(doc.get(k), str) and doc[k].strip()),
                     None)
    facts = []
    for key, value in doc.items():
        if key in _QUIET_KEYS or key == title_key or not isinstance(key, str):
            continue
        if key in WHEN_KEYS:
            day = local_day(value)
            text = day.isoformat() if day else _plain(value)
        else:
            text = _plain(value)
        if text:
            facts.append((field_label(key), text))
    return facts


def link_summary(selection: Selection, link: Any) -> str:
    """One line describing what an entry's link points to."""
    if link.kind == "reading":
        return f"Reading: {link.label or link.ref}"
    doc = selection.linked(link.kind, link.ref)
    kind = value_label(link.kind)
    if doc is None:
        return f"{kind}: {link.label or link.ref} (record not found)"
    result = record_result(doc)
    text = f"{kind}: {record_title(doc) if record_title(doc) != 'Untitled' else link.label}"
    return text + (f" - {result}" if result else "") + f" ({record_day(doc)})"
