"""The stocktake: a self-evaluation of practice against the five values.

Pure rules: the record (:class:`Stocktake`), the steps of taking one, scores
(3 to 15 per value, 15 to 75 in total), bands, the weakest values, comparing
two stocktakes and the trend over three or more. Stored as plain dicts in the
``stocktakes`` table; ``finished`` is false while the stocktake can be resumed.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from coprod_tui.core.clock import now_iso, parse_iso
from coprod_tui.i18n import N_, _
from coprod_tui.journal.entry import VALUE_IDS
from coprod_tui.stocktake.statements import SCORES, STATEMENTS_PER_VALUE

LEVELS: tuple[tuple[str, str], ...] = (
    ("myself", N_("Myself")),
    ("team", N_("My team")),
    ("organisation", N_("My organisation")),
)
LEVEL_IDS: tuple[str, ...] = tuple(level for level, _ in LEVELS)
VALUE_MIN = STATEMENTS_PER_VALUE * SCORES[0]  # 3
VALUE_MAX = STATEMENTS_PER_VALUE * SCORES[-1]  # 15
TOTAL_MIN = VALUE_MIN * len(VALUE_IDS)  # 15
TOTAL_MAX = VALUE_MAX * len(VALUE_IDS)  # 75
NOTE_KINDS: tuple[tuple[str, str], ...] = (
    ("working", N_("What is working")),
    ("next", N_("What needs to happen next")),
)


def level_label(level: str) -> str:
    """The words for a level id, in the interface language (the id itself if unknown)."""
    label = dict(LEVELS).get(level)
    return _(label) if label else level


@dataclass(frozen=True)
class Step:
    """One step of taking a stocktake: a statement to score, or a value's notes."""

    kind: str  # "statement" or "notes"
    value_id: str
    index: int = 0  # statement number within the value (0-2)


def steps() -> list[Step]:
    """Every step in order: each value's three statements, then its notes."""
    result: list[Step] = []
    for value_id in VALUE_IDS:
        result += [Step("statement", value_id, i) for i in range(STATEMENTS_PER_VALUE)]
        result.append(Step("notes", value_id))
    return result


STEP_COUNT = len(VALUE_IDS) * (STATEMENTS_PER_VALUE + 1)


def _empty_scores() -> dict[str, list[int | None]]:
    return {v: [None] * STATEMENTS_PER_VALUE for v in VALUE_IDS}


def _empty_notes() -> dict[str, dict[str, str]]:
    return {v: {kind: "" for kind, _ in NOTE_KINDS} for v in VALUE_IDS}


@dataclass
class Stocktake:
    """One self-evaluation, finished or in progress."""

    level: str = "myself"
    participants: str = ""
    scores: dict[str, list[int | None]] = field(default_factory=_empty_scores)
    notes: dict[str, dict[str, str]] = field(default_factory=_empty_notes)
    started: str = field(default_factory=now_iso)
    updated: str = ""
    finished: bool = False
    finished_at: str | None = None
    position: int = 0  # index into steps() where to carry on
    id: str = ""

    # -- answers ---------------------------------------------------------------
    def set_score(self, value_id: str, index: int, score: int) -> None:
        """Record the score (1 to 5) for one statement."""
        if value_id not in VALUE_IDS:
            raise ValueError(f"unknown value {value_id!r}")
        if score not in SCORES or isinstance(score, bool):
            raise ValueError(f"a score is 1 to 5, not {score!r}")
        self.scores[value_id][index] = score

    def score_of(self, value_id: str, index: int) -> int | None:
        """The score given to one statement, if any."""
        return self.scores.get(value_id, [None] * STATEMENTS_PER_VALUE)[index]

    def set_note(self, value_id: str, kind: str, text: str) -> None:
        """Record a note ("working" or "next") for one value."""
        self.notes.setdefault(value_id, {})[kind] = text

    def answered(self) -> int:
        """How many of the fifteen statements have a score."""
        return sum(1 for v in VALUE_IDS for s in self.scores.get(v, []) if s is not None)

    def complete(self) -> bool:
        """Whether every statement has a score."""
        return self.answered() == len(VALUE_IDS) * STATEMENTS_PER_VALUE

    # -- scores ------------------------------------------------------------------
    def value_score(self, value_id: str) -> int | None:
        """The value's score (3 to 15), or ``None`` until its statements are scored."""
        scores = self.scores.get(value_id, [])
        if len(scores) != STATEMENTS_PER_VALUE or any(s is None for s in scores):
            return None
        return sum(s for s in scores if s is not None)

    def value_scores(self) -> dict[str, int]:
        """Every value's score (only for a complete stocktake)."""
        result = {v: self.value_score(v) for v in VALUE_IDS}
        if any(s is None for s in result.values()):
            raise ValueError("the stocktake is not complete")
        return {v: int(s or 0) for v, s in result.items()}

    def total(self) -> int:
        """The total (15 to 75) of a complete stocktake."""
        return sum(self.value_scores().values())

    @property
    def date(self) -> str:
        """When the stocktake was taken (finished), as stored."""
        return self.finished_at or self.started

    # -- storage --------------------------------------------------------------------
    def to_doc(self) -> dict[str, Any]:
        """The TinyDB document."""
        return {
            "id": self.id,
            "level": self.level,
            "participants": self.participants,
            "scores": {v: list(s) for v, s in self.scores.items()},
            "notes": {v: dict(n) for v, n in self.notes.items()},
            "started": self.started,
            "updated": self.updated or self.started,
            "finished": self.finished,
            "finished_at": self.finished_at,
            "position": self.position,
        }

    @classmethod
    def from_doc(cls, doc: dict[str, Any]) -> Stocktake:
        """Build from a stored document, tolerating missing or odd fields."""
        scores = _empty_scores()
        for value_id, stored in (doc.get("scores") or {}).items():
            if value_id in scores and isinstance(stored, list):
                for i, score in enumerate(stored[:STATEMENTS_PER_VALUE]):
                    if score in SCORES and not isinstance(score, bool):
                        scores[value_id][i] = score
        notes = _empty_notes()
        for value_id, stored in (doc.get("notes") or {}).items():
            if value_id in notes and isinstance(stored, dict):
                notes[value_id].update({k: str(t) for k, t in stored.items() if isinstance(t, str)})
        position = doc.get("position", 0)
        return cls(
            id=str(doc.get("id", "")),
            level=str(doc.get("level", "myself")),
            participants=str(doc.get("participants", "")),
            scores=scores,
            notes=notes,
            started=str(doc.get("started", "")),
            updated=str(doc.get("updated", "")),
            finished=bool(doc.get("finished", False)),
            finished_at=doc["finished_at"] if isinstance(doc.get("finished_at"), str) else None,
            position=position if isinstance(position, int) and 0 <= position < STEP_COUNT else 0,
        )


# -- bands ------------------------------------------------------------------------
@dataclass(frozen=True)
class Band:
    """A range of totals with a plain-language meaning.

    ``floor_score`` is the average score per statement at the band's lowest
    total: the band's meaning must agree with what that score means on the scale.
    """

    name: str
    low: int
    high: int
    floor_score: int
    meaning: str


# Four equal bands of 15 points; the edges fall where the average score per
# statement reaches 2, 3 and 4, so each band starts at a step of the scale and
# says what that step says. The top band starts at an average of 4 ("strong in
# places, with gaps"), so it must not claim co-production is the usual way of
# working everywhere: only statements scored 5 say that.
BANDS: tuple[Band, ...] = (
    Band(N_("Early days"), 15, 29, 1,
         N_("On average 1 to under 2: most statements are not happening yet. That is an "
         "honest place to start: pick one value and one small step.")),
    Band(N_("First steps"), 30, 44, 2,
         N_("On average 2 to under 3: first steps have been taken on most statements. "
         "Keep going, and choose where to go further first.")),
    Band(N_("Making progress"), 45, 59, 3,
         N_("On average 3 to under 4: co-production happens in several places, though "
         "it is not yet the usual way of working.")),
    Band(N_("Strong in places"), 60, 75, 4,
         N_("On average 4 or more: co-production is strong in many places, with gaps "
         "still to close. Statements scored 5 show where it is already the usual way "
         "of working; look at the others, and share what works.")),
)

# What a stocktake's level means for reading the statements (shown while scoring).
LEVEL_HINTS: dict[str, str] = {
    "myself": N_('About yourself: read "we" and "staff" as you.'),
    "team": N_("About your team: score what the team does now."),
    "organisation": N_("About your organisation: score what happens across it now."),
}


def level_hint(level: str) -> str:
    """How to read the statements for a level (empty if the level is unknown)."""
    hint = LEVEL_HINTS.get(level)
    return _(hint) if hint else ""


def band_for(total: int) -> Band:
    """The band a total (15 to 75) falls in."""
    if not TOTAL_MIN <= total <= TOTAL_MAX:
        raise ValueError(f"a total is {TOTAL_MIN} to {TOTAL_MAX}, not {total}")
    return next(band for band in BANDS if band.low <= total <= band.high)


def weakest_values(stocktake: Stocktake) -> list[str]:
    """The value(s) with the lowest score, in the values' order (ties all count)."""
    scores = stocktake.value_scores()
    lowest = min(scores.values())
    return [v for v in VALUE_IDS if scores[v] == lowest]


# -- comparing -----------------------------------------------------------------------
def signed(change: int) -> str:
    """A change as ``+3``, ``-2`` or ``0``."""
    return f"{change:+d}" if change else "0"


def change_words(change: int) -> str:
    """A change in words: ``up 3``, ``down 2`` or ``no change``."""
    if change > 0:
        return _("up {change}").format(change=change)
    if change < 0:
        return _("down {change}").format(change=-change)
    return _("no change")


@dataclass(frozen=True)
class Change:
    """A score before and after."""

    key: str  # a value id, or "total"
    before: int
    after: int

    @property
    def change(self) -> int:
        """After minus before."""
        return self.after - self.before


@dataclass(frozen=True)
class Comparison:
    """Two finished stocktakes side by side, the older first."""

    older: Stocktake
    newer: Stocktake
    values: tuple[Change, ...]
    total: Change


_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc)


def when(stocktake: Stocktake) -> dt.datetime:
    """When the stocktake was taken (1970 if the stored date is unreadable)."""
    try:
        return parse_iso(stocktake.date)
    except (TypeError, ValueError):
        return _EPOCH


def by_date(stocktakes: Sequence[Stocktake]) -> list[Stocktake]:
    """Oldest first."""
    return sorted(stocktakes, key=lambda s: (when(s), s.id))


def compare(first: Stocktake, second: Stocktake) -> Comparison:
    """Compare two complete stocktakes, whichever order they are given in."""
    older, newer = by_date([first, second])
    before, after = older.value_scores(), newer.value_scores()
    return Comparison(
        older=older,
        newer=newer,
        values=tuple(Change(v, before[v], after[v]) for v in VALUE_IDS),
        total=Change("total", sum(before.values()), sum(after.values())),
    )


@dataclass(frozen=True)
class Trend:
    """Totals over time, and each value's change from the first to the last."""

    points: tuple[tuple[Stocktake, int], ...]  # oldest first
    values: tuple[Change, ...]
    total: Change
    direction: str  # "rising", "falling", "steady" or "up and down"


def trend(stocktakes: Sequence[Stocktake]) -> Trend | None:
    """The trend across complete stocktakes; ``None`` with fewer than three."""
    done = by_date([s for s in stocktakes if s.complete()])
    if len(done) < 3:
        return None
    totals = [s.total() for s in done]
    steps_between = [b - a for a, b in zip(totals, totals[1:], strict=False)]
    if all(d == 0 for d in steps_between):
        direction = N_("steady")
    elif all(d >= 0 for d in steps_between):
        direction = N_("rising")
    elif all(d <= 0 for d in steps_between):
        direction = N_("falling")
    else:
        direction = N_("up and down")
    first, last = done[0].value_scores(), done[-1].value_scores()
    return Trend(
        points=tuple(zip(done, totals, strict=True)),
        values=tuple(Change(v, first[v], last[v]) for v in VALUE_IDS),
        total=Change("total", totals[0], totals[-1]),
        direction=direction,
    )


def match_prefix(stocktakes: Sequence[Stocktake], prefix: str) -> list[Stocktake]:
    """Stocktakes whose id starts with ``prefix`` (case-insensitive)."""
    wanted = prefix.strip().lower()
    if not wanted:
        return []
    return [s for s in stocktakes if s.id.lower().startswith(wanted)]


# -- reminders ---------------------------------------------------------------------------
def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` plus ``months`` calendar months (the 31st becomes the month's last day)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return day.replace(year=year, month=month,
                       day=min(day.day, calendar.monthrange(year, month)[1]))


def reminder_due(last: dt.date, today: dt.date, months: int | None) -> bool:
    """Whether another stocktake is due: ``months`` have passed since ``last``."""
    if not months:
        return False
    return today >= add_months(last, months)
