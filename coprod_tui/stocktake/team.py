"""A stocktake for a team: each person shares scores only, one person combines them.

Pure rules, no files. :func:`share_doc` turns one finished stocktake into a
small versioned document holding the fifteen scores (and, if asked, the notes)
with no name, no date, no level and no id that could link it back to anyone's
data. :func:`parse_share` checks such a document strictly, since it comes from
someone else. :func:`combine` needs three or more: with two, each person could
work out the other's answers from the spread. The team view keeps no trace of
which file said what: every figure is symmetric in the files (lowest, median,
highest, spread) and notes are sorted, so the files' order cannot show.
"""

from __future__ import annotations

import secrets
import statistics
from dataclasses import dataclass, field
from typing import Any

from coprod_tui.core.text import one_line
from coprod_tui.errors import CoprodError
from coprod_tui.i18n import N_, _
from coprod_tui.journal.entry import VALUE_IDS
from coprod_tui.stocktake.rules import NOTE_KINDS, VALUE_MAX, VALUE_MIN, Stocktake
from coprod_tui.stocktake.statements import (
    SCORES,
    STATEMENTS_PER_VALUE,
    StatementSet,
    wording_fingerprint,
)

SHARE_KIND = "coprod-stocktake-share"
SHARE_VERSION = 1
TEAM_KIND = "coprod-stocktake-team"
MIN_PEOPLE = 3
MAX_PEOPLE = 200
MAX_NOTE_CHARS = 4000
MAX_SHARE_BYTES = 256 * 1024  # fifteen scores and ten notes fit in far less
DISAGREE_SHOWN = 5

# Marked for the catalogue; :func:`pair_rule` gives it in the interface language.
# ``PAIR_RULE`` stays the English sentence for callers that have not moved yet.
PAIR_RULE_TEXT = N_(
    "a team view needs at least {count} shared stocktakes: with two, each "
    "person could work out the other's answers from the spread"
)
PAIR_RULE = PAIR_RULE_TEXT.format(count=MIN_PEOPLE)


def pair_rule() -> str:
    """Why a team view needs three or more files, in the interface language."""
    return _(PAIR_RULE_TEXT).format(count=MIN_PEOPLE)


class ShareFileError(CoprodError):
    """A shared stocktake file is not one, or is damaged."""


def statement_id(value_id: str, index: int) -> str:
    """The stable id of a statement: ``strengths.1`` for the first Strengths statement."""
    return f"{value_id}.{index + 1}"


STATEMENT_IDS: tuple[str, ...] = tuple(
    statement_id(v, i) for v in VALUE_IDS for i in range(STATEMENTS_PER_VALUE)
)


def wording_mark(statements: StatementSet) -> str:
    """A short fingerprint of the statements' English wording (to warn when files
    differ): the same whatever language the statements are shown in."""
    return statements.wording or wording_fingerprint(statements.values)


# -- sharing ------------------------------------------------------------------------
def share_doc(stocktake: Stocktake, statements: StatementSet, with_notes: bool = False,
              token: str | None = None) -> dict[str, Any]:
    """The shared form of one complete stocktake: scores only, notes if asked.

    ``token`` is a fresh random value kept nowhere else: it lets the team view
    notice the same file given twice, and links back to nothing.
    """
    if not stocktake.complete():
        raise ValueError("only a complete stocktake can be shared")
    doc: dict[str, Any] = {
        "kind": SHARE_KIND,
        "version": SHARE_VERSION,
        "token": token or secrets.token_hex(8),
        "wording": wording_mark(statements),
        "scores": {statement_id(v, i): stocktake.score_of(v, i)
                   for v in VALUE_IDS for i in range(STATEMENTS_PER_VALUE)},
    }
    if with_notes:
        notes: dict[str, dict[str, str]] = {}
        for value_id in VALUE_IDS:
            for kind, _label in NOTE_KINDS:
                text = stocktake.notes.get(value_id, {}).get(kind, "").strip()
                if text:
                    notes.setdefault(value_id, {})[kind] = text
        doc["notes"] = notes
    return doc


@dataclass(frozen=True)
class SharedStocktake:
    """One person's shared scores, checked."""

    scores: dict[str, int]
    notes: dict[str, dict[str, str]] = field(default_factory=dict)
    token: str = ""
    wording: str = ""


def _kind_of(value: Any) -> str:
    if value is None:
        return _("nothing")
    if isinstance(value, bool):
        return _("true/false")
    kinds = {dict: N_("an object"), list: N_("a list"), str: N_("text"), int: N_("a number"),
             float: N_("a number")}
    kind = kinds.get(type(value))
    return _(kind) if kind else type(value).__name__


def parse_share(data: Any, source: str) -> SharedStocktake:
    """Check a parsed share file and return its scores (:class:`ShareFileError` if bad)."""
    def fail(problem: str) -> ShareFileError:
        return ShareFileError(f"{source}: {problem}")

    if not isinstance(data, dict):
        raise fail(_("not a shared stocktake (expected an object, found {kind})").format(
            kind=_kind_of(data)))
    if data.get("kind") != SHARE_KIND:
        raise fail(_("not a shared stocktake (made with `coprod stocktake --share`)"))
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise fail(_("the format version is missing or not a whole number"))
    if version > SHARE_VERSION:
        raise fail(_("made by a newer coprod (format {version}); update coprod to read "
                     "it").format(version=version))
    scores = data.get("scores")
    if not isinstance(scores, dict):
        raise fail(_("scores: expected an object, found {kind}").format(kind=_kind_of(scores)))
    unknown = sorted(str(key) for key in scores if key not in STATEMENT_IDS)
    if unknown:
        shown = ", ".join(one_line(key, 30) for key in unknown[:3])
        raise fail(_("scores: unknown statement id {ids} (expected {first} to {last})").format(
            ids=shown, first=STATEMENT_IDS[0], last=STATEMENT_IDS[-1]))
    missing = [key for key in STATEMENT_IDS if key not in scores]
    if missing:
        shown = ", ".join(missing[:3])
        raise fail(_("scores: missing {ids} and more").format(ids=shown) if len(missing) > 3
                   else _("scores: missing {ids}").format(ids=shown))
    checked: dict[str, int] = {}
    for key in STATEMENT_IDS:
        score = scores[key]
        if isinstance(score, bool) or score not in SCORES or not isinstance(score, int):
            raise fail(_("scores: {id} should be a whole number from 1 to 5, found "
                         "{kind}").format(id=key, kind=_kind_of(score)))
        checked[key] = score
    notes = _parse_notes(data.get("notes"), fail)
    token, wording = data.get("token", ""), data.get("wording", "")
    return SharedStocktake(
        scores=checked, notes=notes,
        token=token[:64] if isinstance(token, str) else "",
        wording=wording[:64] if isinstance(wording, str) else "",
    )


def _parse_notes(notes: Any, fail: Any) -> dict[str, dict[str, str]]:
    if notes is None:
        return {}
    if not isinstance(notes, dict):
        raise fail(_("notes: expected an object, found {kind}").format(kind=_kind_of(notes)))
    kinds = [kind for kind, _label in NOTE_KINDS]
    result: dict[str, dict[str, str]] = {}
    for value_id, per_value in notes.items():
        if value_id not in VALUE_IDS:
            raise fail(_("notes: unknown value {value!r}; choices: {choices}").format(
                value=one_line(str(value_id), 30), choices=", ".join(VALUE_IDS)))
        if not isinstance(per_value, dict):
            raise fail(_("{field}: expected an object, found {kind}").format(
                field=f"notes.{value_id}", kind=_kind_of(per_value)))
        for kind, text in per_value.items():
            if kind not in kinds:
                raise fail(_("{field}: unknown note {note!r}; choices: {choices}").format(
                    field=f"notes.{value_id}", note=one_line(str(kind), 30),
                    choices=", ".join(kinds)))
            if not isinstance(text, str):
                raise fail(_("{field}: expected text, found {kind}").format(
                    field=f"notes.{value_id}.{kind}", kind=_kind_of(text)))
            if len(text) > MAX_NOTE_CHARS:
                raise fail(_("{field}: longer than {count} characters").format(
                    field=f"notes.{value_id}.{kind}", count=MAX_NOTE_CHARS))
            if text.strip():
                result.setdefault(value_id, {})[kind] = text.strip()
    return result


# -- combining ------------------------------------------------------------------------
@dataclass(frozen=True)
class Spread:
    """Lowest, median and highest of several people's scores for one thing."""

    key: str  # a statement id or a value id
    low: int
    median: float
    high: int
    mean_gap: float  # the average distance from the median: breaks ties in the ranking

    @property
    def spread(self) -> int:
        """Highest minus lowest."""
        return self.high - self.low


def _spread(key: str, scores: list[int]) -> Spread:
    middle = statistics.median(scores)
    gap = sum(abs(s - middle) for s in scores) / len(scores)
    return Spread(key, min(scores), middle, max(scores), gap)


@dataclass(frozen=True)
class TeamView:
    """Three or more shared stocktakes combined, with nothing that shows who said what."""

    people: int
    statements: tuple[Spread, ...]  # in the statements' order
    values: tuple[Spread, ...]  # value scores (3 to 15), in the values' order
    disagreements: tuple[Spread, ...]  # statements with a spread, widest first
    notes: dict[str, dict[str, tuple[str, ...]]]  # value -> kind -> notes, sorted
    mixed_wording: bool


def combine(shares: list[SharedStocktake]) -> TeamView:
    """Combine shared stocktakes (at least three; :class:`ShareFileError` otherwise)."""
    if len(shares) < MIN_PEOPLE:
        raise ShareFileError(pair_rule())
    if len(shares) > MAX_PEOPLE:
        raise ShareFileError(_("at most {count} shared stocktakes can be combined").format(
            count=MAX_PEOPLE))
    tokens = [s.token for s in shares if s.token]
    if len(set(tokens)) != len(tokens):
        raise ShareFileError(_("the same shared stocktake was given twice (two files hold the "
                               "same share); give each person's file once"))
    by_statement = [_spread(key, [s.scores[key] for s in shares]) for key in STATEMENT_IDS]
    by_value = []
    for value_id in VALUE_IDS:
        totals = [sum(s.scores[statement_id(value_id, i)] for i in range(STATEMENTS_PER_VALUE))
                  for s in shares]
        by_value.append(_spread(value_id, totals))
    ranked = sorted((s for s in by_statement if s.spread > 0),
                    key=lambda s: (-s.spread, -s.mean_gap, STATEMENT_IDS.index(s.key)))
    notes: dict[str, dict[str, tuple[str, ...]]] = {}
    for value_id in VALUE_IDS:
        for kind, _label in NOTE_KINDS:
            texts = sorted((s.notes.get(value_id, {}).get(kind, "") for s in shares),
                           key=lambda t: (t.casefold(), t))
            texts = [t for t in texts if t]
            if texts:
                notes.setdefault(value_id, {})[kind] = tuple(texts)
    return TeamView(
        people=len(shares),
        statements=tuple(by_statement),
        values=tuple(by_value),
        disagreements=tuple(ranked),
        notes=notes,
        mixed_wording=len({s.wording for s in shares}) > 1,
    )


# -- showing ----------------------------------------------------------------------------
def number(value: float) -> str:
    """A median as ``3`` or ``3.5``."""
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}"


def statement_label(key: str, statements: StatementSet) -> str:
    """``Networks 2`` for ``networks.2``."""
    value_id, _sep, n = key.partition(".")
    return f"{statements.name(value_id)} {n}"


def statement_text(key: str, statements: StatementSet) -> str:
    """The wording of a statement by its id."""
    value_id, _sep, n = key.partition(".")
    return statements.value(value_id).statements[int(n) - 1]


def _range(spread: Spread) -> str:
    return _("lowest {low}, median {median}, highest {high} (spread {spread})").format(
        low=spread.low, median=number(spread.median), high=spread.high, spread=spread.spread)


def team_lines(view: TeamView, statements: StatementSet) -> list[str]:
    """The team view as plain text: disagreements first, then every value and statement.

    Notes are user text from other people: callers show them literally.
    """
    lines = [_("Team stocktake: {count} people. Nothing here shows who gave which score, and "
               "the order of the files is not kept.").format(count=view.people), ""]
    if view.mixed_wording:
        lines += [_("Note: these files were made with different statement wording; scores "
                    "are combined by statement number."), ""]
    lines.append(_("Where people disagree most (talk about these first)"))
    if not view.disagreements:
        lines.append("  " + _("Everyone gave the same score to every statement."))
    for rank, spread in enumerate(view.disagreements[:DISAGREE_SHOWN], 1):
        lines.append(f"  {rank}. {statement_label(spread.key, statements)}: {_range(spread)}")
        lines.append(f"     {statement_text(spread.key, statements)}")
    lines += ["", _("Each value ({low} to {high})").format(low=VALUE_MIN, high=VALUE_MAX)]
    width = max(15, *(len(statements.name(s.key)) for s in view.values))
    for spread in view.values:
        lines.append(f"  {statements.name(spread.key):<{width}} {_range(spread)}")
    lines += ["", _("Each statement ({low} to {high})").format(low=min(SCORES),
                                                                high=max(SCORES))]
    for spread in view.statements:
        lines.append(f"  {statement_label(spread.key, statements)}: {_range(spread)}")
        lines.append(f"     {statement_text(spread.key, statements)}")
    if view.notes:
        lines += ["", _("Notes (in alphabetical order, so they cannot be matched to a file)")]
        for value_id, kinds in view.notes.items():
            for kind, label in NOTE_KINDS:
                for text in kinds.get(kind, ()):
                    flat = one_line(text, MAX_NOTE_CHARS + 1)  # newlines become spaces
                    lines.append(f"  {statements.name(value_id)}, {_(label).lower()}: {flat}")
    return lines


def team_doc(view: TeamView, statements: StatementSet) -> dict[str, Any]:
    """The team view for machines (``--team --json``)."""
    def row(spread: Spread) -> dict[str, Any]:
        return {"low": spread.low, "median": spread.median, "high": spread.high,
                "spread": spread.spread}

    return {
        "kind": TEAM_KIND,
        "version": SHARE_VERSION,
        "people": view.people,
        "mixed_wording": view.mixed_wording,
        "disagreements": [s.key for s in view.disagreements],
        "values": [{"id": s.key, "name": statements.name(s.key), **row(s)}
                   for s in view.values],
        "statements": [{"id": s.key, "text": statement_text(s.key, statements), **row(s)}
                       for s in view.statements],
        "notes": {v: {k: list(t) for k, t in kinds.items()} for v, kinds in view.notes.items()},
    }
