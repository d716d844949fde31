"""What an export holds and how records are described, shared by every format.

Pure functions from data to data: the store gathers the tables, the
renderers (``export_md``, ``export_txt``, ``export_nmc``) turn a
:class:`Selection` into text. Exercise and stocktake records of the known
shapes (a stocktake, a complexity challenge, a spectrum placement, a practice
round) are described in words by :func:`describe_record`; anything else is
described generically (title, date, result and other plain fields), so a
change in their shape never breaks an export.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from coprod_tui.complexity import rules as cx
from coprod_tui.core.clock import parse_iso, to_local
from coprod_tui.i18n import N_, _, ngettext
from coprod_tui.journal.entry import FRAMEWORKS, VALUE_IDS, Entry
from coprod_tui.spectrum import rules as sp
from coprod_tui.spectrum.places import approach
from coprod_tui.stocktake.rules import (
    NOTE_KINDS,
    TOTAL_MAX,
    VALUE_MAX,
    Stocktake,
    band_for,
    level_label,
)
from coprod_tui.stocktake.statements import SCORES, StatementSet

Doc = dict[str, Any]

FORMATS: dict[str, str] = {
    "md": N_("Markdown, a readable document for a portfolio"),
    "txt": N_("plain text, for pasting anywhere"),
    "nmc": N_("NMC revalidation pack: accounts, CPD, feedback, discussion"),
    "hcpc": N_("HCPC CPD profile: activities, the five standards, gaps"),
    "html": N_("the revalidation pack (or HCPC profile) as a page to print"),
    "json": N_("everything, lossless: the backup (coprod import)"),
}
EXTENSIONS = {"md": "md", "txt": "txt", "nmc": "nmc.txt", "hcpc": "hcpc.txt", "html": "html",
              "json": "json"}

EXERCISE_TABLES: tuple[tuple[str, str], ...] = (
    ("spectrum", N_("Spectrum of engagement")),
    ("complexity", N_("Complexity of challenges")),
    ("practice", N_("Practice rounds")),
)
STOCKTAKE_TABLE = "stocktakes"
# A link's kind -> the table its record lives in (when the names differ).
LINK_TABLES = {"stocktake": "stocktakes"}

FRAMEWORK_NAMES = {
    "free": N_("Free writing"),
    "rolfe": N_("Rolfe (What? So what? Now what?)"),
    "gibbs": N_("Gibbs reflective cycle"),
    "values": N_("Value by value"),
}

TITLE_KEYS = ("title", "name", "activity", "challenge", "label", "question")
WHEN_KEYS = ("created", "started", "date", "updated", "saved", "finished_at")
RESULT_KEYS = ("result", "placement", "place", "rung", "level", "tier", "domain", "answer",
               "score", "outcome", "summary")
_QUIET_KEYS = {"id"}


def default_filename(fmt: str, day: dt.date) -> str:
    """``coprod-export-YYYY-MM-DD.<ext>`` for format ``fmt``."""
    return f"coprod-export-{day.isoformat()}.{EXTENSIONS[fmt]}"


def entry_filename(fmt: str, day: dt.date, entry_id: str, copy: int = 1) -> str:
    """``coprod-entry-YYYY-MM-DD-<id>.<ext>`` for one entry (``-2``... for later copies)."""
    suffix = f"-{copy}" if copy > 1 else ""
    return f"coprod-entry-{day.isoformat()}-{entry_id[:8]}{suffix}.{EXTENSIONS[fmt]}"


def value_label(value_id: str) -> str:
    """A readable name for a value id (``what-matters`` -> ``What matters``), in the
    interface language when the catalogue has the name (the values' names do)."""
    text = value_id.replace("-", " ").replace("_", " ").strip()
    return _(text[:1].upper() + text[1:]) if text else value_id


def field_label(key: str) -> str:
    """A readable name for a record field (``finished_at`` -> ``Finished at``)."""
    return value_label(key)


def local_day(stamp: Any) -> dt.date | None:
    """The local calendar day of a stored timestamp, or ``None`` if unreadable."""
    if not isinstance(stamp, str) or not stamp:
        return None
    try:
        return to_local(parse_iso(stamp)).date()
    except (TypeError, ValueError, OverflowError):
        return None


def local_time(stamp: str) -> str:
    """``HH:MM`` in local time, or ``""``."""
    try:
        return to_local(parse_iso(stamp)).strftime("%H:%M")
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
            return [_("Everything in the journal (no filter).")]
        lines = []
        if self.ids:
            lines.append(_("Entries chosen one by one: {count}").format(count=len(self.ids)))
        if self.values:
            lines.append(_("Values: {values}").format(
                values=", ".join(value_label(v) for v in self.values)))
        if self.tags:
            lines.append(_("Tags: {tags}").format(tags=", ".join(self.tags)))
        if self.since or self.until:
            start = self.since.isoformat() if self.since else _("the beginning")
            end = self.until.isoformat() if self.until else _("today")
            lines.append(_("Dates: from {start} to {end}").format(start=start, end=end))
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
    # The stocktake statements in use, so scores can be shown beside their
    # statements; ``None`` when they could not be read (scores are still shown).
    statements: StatementSet | None = None

    def linked(self, kind: str, ref: str) -> Doc | None:
        """The record an entry's link points to, if it exists."""
        return self.records.get((LINK_TABLES.get(kind, kind), ref))


def _sort_key(doc: Doc) -> str:
    stamp = record_when(doc)
    return stamp if isinstance(stamp, str) else ""


def select(tables: dict[str, list[Doc]], flt: ExportFilter, exported: str,
           statements: StatementSet | None = None) -> Selection:
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
    return Selection(entries, exercises, stocktakes, records, flt, exported, skipped, statements)


# -- describing entries -------------------------------------------------------------
def sections_of(entry: Entry) -> list[tuple[str, str]]:
    """(label, text) of every written section, in the framework's order.

    Sections the framework does not know (or an unknown framework) follow,
    labelled by their id, so no writing is ever left out.
    """
    known = FRAMEWORKS.get(entry.framework, ())
    result = [(_(label), entry.sections.get(sid, "")) for sid, label in known]
    known_ids = {sid for sid, _label in known}
    result += [
        (field_label(sid), text) for sid, text in entry.sections.items() if sid not in known_ids
    ]
    return [(label, text) for label, text in result if isinstance(text, str) and text.strip()]


def framework_name(framework: str) -> str:
    """A readable name for a framework id."""
    known = FRAMEWORK_NAMES.get(framework)
    return _(known) if known else value_label(framework)


def action_line(action: Any) -> str:
    """``[x] text (due ..., done ...)`` for one action."""
    mark = "[x]" if action.done else "[ ]"
    extra = []
    if action.due:
        extra.append(_("due {day}").format(day=action.due))
    if action.done and action.done_at:
        day = local_day(action.done_at)
        extra.append(_("done {day}").format(day=day.isoformat() if day else action.done_at))
    return f"{mark} {action.text}" + (f" ({', '.join(extra)})" if extra else "")


# -- describing any record ------------------------------------------------------------
def record_title(doc: Doc) -> str:
    """The record's title-like field, or ``Untitled``."""
    for key in TITLE_KEYS:
        value = doc.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return _("Untitled")


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
    return day.isoformat() if day else _("undated")


def _plain(value: Any) -> str | None:
    if value is None or value == "" or value == [] or value == {}:
        return None
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, (str, int, float)):
        return str(value)
    if isinstance(value, list) and all(isinstance(v, (str, int, float)) for v in value):
        return ", ".join(str(v) for v in value)
    if isinstance(value, (list, dict)):
        return ngettext("{count} item", "{count} items", len(value)).format(count=len(value))
    return None


def _known_result(doc: Doc) -> str:
    """The result of a stocktake, placement or challenge in words, or ``""``."""
    if isinstance(doc.get("scores"), dict):
        take = Stocktake.from_doc(doc)
        if take.finished and take.complete():
            return _("total {total} of {most} ({band})").format(
                total=take.total(), most=TOTAL_MAX, band=_(band_for(take.total()).name))
        return _("not finished yet")
    place_id = doc.get("place")
    if isinstance(place_id, str):
        try:
            return _(approach(place_id).name)
        except KeyError:
            return ""
    if isinstance(doc.get("answers"), dict):
        info = cx.DOMAINS.get(str(doc.get("domain")))
        return _(info.label).lower() if info else ""
    return ""


def record_result(doc: Doc) -> str:
    """The record's main result in a few words, or ``""``."""
    try:
        known = _known_result(doc)
    except (TypeError, ValueError, KeyError, AttributeError):
        known = ""
    if known:
        return known
    for key in RESULT_KEYS:
        text = _plain(doc.get(key))
        if text:
            return text
    if isinstance(doc.get("finished"), bool):
        return _("finished") if doc["finished"] else _("not finished yet")
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
        return _("Reading: {name}").format(name=link.label or link.ref)
    doc = selection.linked(link.kind, link.ref)
    kind = value_label(link.kind)
    if doc is None:
        return _("{kind}: {name} (record not found)").format(kind=kind, name=link.label or link.ref)
    result = record_result(doc)
    title = record_title(doc)
    text = f"{kind}: {title if title != _('Untitled') else link.label}"
    return text + (f" - {result}" if result else "") + f" ({record_day(doc)})"


# -- exercises in words ------------------------------------------------------------------
Item = tuple[int, str]  # (depth of the list item, its text)


@dataclass(frozen=True)
class RecordView:
    """An exercise or stocktake record as a heading and nested list items."""

    title: str
    day: str
    items: list[Item]


def describe_record(table: str, doc: Doc, statements: StatementSet | None = None) -> RecordView:
    """``doc`` from ``table`` in words: known shapes in full, anything else field by field."""
    describe = {
        STOCKTAKE_TABLE: _stocktake_view,
        "complexity": _challenge_view,
        "spectrum": _placement_view,
        "practice": _round_view,
    }.get(table)
    if describe is not None:
        try:
            view = describe(doc, statements)
        except (TypeError, ValueError, KeyError, AttributeError, IndexError):
            view = None  # an odd shape: fall back to the generic description
        if view is not None:
            return view
    items = [(0, f"{label}: {text}") for label, text in record_facts(doc)]
    return RecordView(record_title(doc), record_day(doc), items)


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def _stocktake_view(doc: Doc, statements: StatementSet | None) -> RecordView | None:
    if not isinstance(doc.get("scores"), dict):
        return None
    take = Stocktake.from_doc(doc)
    items: list[Item] = [(0, _("About: {level}").format(level=level_label(take.level)))]
    if take.participants.strip():
        items.append((0, _("Who took part: {people}").format(people=take.participants.strip())))
    if take.finished and take.complete():
        total = take.total()
        items.append((0, _("Total: {total} of {most} ({band})").format(
            total=total, most=TOTAL_MAX, band=_(band_for(total).name))))
    else:
        items.append((0, _("Not finished yet: {answered} of {count} statements scored").format(
            answered=take.answered(), count=len(VALUE_IDS) * len(take.scores[VALUE_IDS[0]]))))
    for value_id in VALUE_IDS:
        name = statements.name(value_id) if statements else value_label(value_id)
        score = take.value_score(value_id)
        items.append((0, _("{name}: {score} of {most}").format(name=name, score=score,
                                                               most=VALUE_MAX)
                      if score is not None else name))
        texts: tuple[str, ...] = ()
        if statements is not None:
            try:
                texts = statements.value(value_id).statements
            except KeyError:
                texts = ()
        for index, given in enumerate(take.scores[value_id]):
            statement = (texts[index] if index < len(texts)
                         else _("Statement {number}").format(number=index + 1))
            if given is None:
                items.append((1, _("not scored: {statement}").format(statement=statement)))
                continue
            label = f" ({statements.point(given).label})" if statements and given in SCORES else ""
            items.append((1, _("{score} of {most}{label}: {statement}").format(
                score=given, most=SCORES[-1], label=label, statement=statement)))
        for kind, label in NOTE_KINDS:
            note = _text(take.notes.get(value_id, {}).get(kind))
            if note:
                items.append((1, f"{_(label)}: {note}"))
    return RecordView(_("Stocktake of {level}").format(level=level_label(take.level).lower()),
                      record_day(doc), items)


def _challenge_view(doc: Doc, _statements: StatementSet | None) -> RecordView | None:
    answers = doc.get("answers")
    if not isinstance(answers, dict):
        return None
    items: list[Item] = []
    description = _text(doc.get("description"))
    if description:
        items.append((0, _("Description: {text}").format(text=description)))
    info = cx.DOMAINS.get(str(doc.get("domain")))
    if info is not None:
        items += [(0, _("Result: {name} ({verbs})").format(name=_(info.label),
                                                           verbs=_(info.verbs))),
                  (1, _(info.meaning)),
                  (1, _("Response: {text}").format(text=_(info.response))),
                  (1, _("For co-production: {text}").format(text=_(info.coproduction)))]
    items.append((0, _("Answers:")))
    for question in cx.QUESTIONS:
        label = cx.ANSWER_LABELS.get(str(answers.get(question.id)))
        given = _(label) if label else _("not answered")
        items.append((1, f"{_(question.text)} {given}"))
    plan = doc.get("plan") if isinstance(doc.get("plan"), dict) else {}
    written = [(_(label), _text(plan.get(key))) for key, label in cx.PLAN_FIELDS]
    written = [(label, text) for label, text in written if text]
    if written:
        items.append((0, _("Plan:")))
        items += [(1, f"{label}: {text}") for label, text in written]
    history = doc.get("history")
    if isinstance(history, list) and history:
        items.append((0, _("Earlier versions kept: {count}").format(count=len(history))))
    return RecordView(record_title(doc), record_day(doc), items)


def _placement_view(doc: Doc, _statements: StatementSet | None) -> RecordView | None:
    place_id = doc.get("place")
    if not isinstance(place_id, str):
        return None
    try:
        chosen = approach(place_id)
    except KeyError:
        return None
    items: list[Item] = []
    description = _text(doc.get("description"))
    if description:
        items.append((0, _("Description: {text}").format(text=description)))
    items.append((0, _("Place: {name} ({group})").format(name=_(chosen.name),
                                                         group=_(chosen.group_label))))
    items.append((1, _("What it says: {text}").format(text=_(chosen.stance))))
    answers = sp.SpectrumAnswers(
        knowledge=doc.get("knowledge"), decisions=doc.get("decisions"), acts=doc.get("acts"),
        citizens=bool(doc.get("citizens", True)), refine=doc.get("refine"))
    try:
        result = sp.place(answers)
    except ValueError:
        result = None
    if result is not None and result.approach.id == chosen.id:
        items.append((1, _("Why: ") + result.explanation))
    items.append((1, _("Can it be right? ") + _(chosen.right_when)))
    items.append((1, _("Towards doing with: ") + _(chosen.move)))
    if answers.citizens:
        items.append((0, _("Answers:")))
        for question in sp.QUESTIONS:
            holder = sp.HOLDER_LABELS.get(str(answers.get(question.id)))
            given = _(holder) if holder else _("not answered")
            items.append((1, f"{_(question.prompt)} {given}"))
    else:
        no = _("no")
        items.append((0, f"{_(sp.CITIZENS_PROMPT)} {no}"))
    return RecordView(record_title(doc), record_day(doc), items)


def scenario_titles(exercise: str) -> dict[str, str]:
    """The practice scenarios' titles in the interface language, by id (empty
    when the scenarios cannot be read: a round then shows the titles it kept)."""
    from coprod_tui.errors import CoprodError

    try:
        if exercise == "spectrum":
            from coprod_tui.spectrum.scenario_content import load_scenarios
        else:
            from coprod_tui.complexity.records import load_scenarios
        return {s.id: s.title for s in load_scenarios()}
    except (CoprodError, OSError):
        return {}


def _round_view(doc: Doc, _statements: StatementSet | None) -> RecordView | None:
    attempts = doc.get("attempts")
    exercise = doc.get("exercise")
    if not isinstance(attempts, list) or exercise not in ("spectrum", "complexity"):
        return None
    name = _("spectrum of engagement") if exercise == "spectrum" else _("complexity")

    def named(answer: Any) -> str:
        if exercise == "spectrum":
            try:
                return _(approach(str(answer)).name)
            except KeyError:
                return str(answer)
        info = cx.DOMAINS.get(str(answer))
        return _(info.label).lower() if info else str(answer)

    titles = scenario_titles(exercise)
    items: list[Item] = [(0, _("Score: {score} of {total}").format(
        score=doc.get("score", 0), total=doc.get("total", len(attempts))))]
    for attempt in attempts:
        if not isinstance(attempt, dict):
            continue
        what = (titles.get(str(attempt.get("scenario"))) or _text(attempt.get("title"))
                or str(attempt.get("scenario", _("a scenario"))))
        mark = _("right") if attempt.get("correct") else _("not this time")
        items.append((1, _("{what}: chose {chosen}, the answer was {expected} ({mark})").format(
            what=what, chosen=named(attempt.get("chosen")),
            expected=named(attempt.get("expected")), mark=mark)))
    return RecordView(_("Practice round: {name}").format(name=name), record_day(doc), items)
