"""Stocktake results, comparisons and trends as plain text lines.

Shared by the screens and the command line so both say the same thing.
Everything is readable without colour: bars come with their numbers, and
changes with signs and words. User text (who took part, notes) is passed
through as typed; callers show it literally.
"""

from __future__ import annotations

import datetime as dt

from coprod_tui.core.clock import local_display, to_local
from coprod_tui.core.text import one_line
from coprod_tui.i18n import _
from coprod_tui.stocktake.rules import (
    NOTE_KINDS,
    TOTAL_MAX,
    TOTAL_MIN,
    VALUE_MAX,
    Comparison,
    Stocktake,
    Trend,
    band_for,
    change_words,
    level_label,
    reminder_due,
    signed,
    weakest_values,
    when,
)
from coprod_tui.stocktake.statements import StatementSet

NAME_WIDTH = 15  # the narrowest name column; wider when a name (or a translation) is longer


def name_width(statements: StatementSet, *words: str) -> int:
    """The width of the name column: the longest value name or ``words``, at least
    :data:`NAME_WIDTH`, so the numbers after it line up in every language."""
    return max(NAME_WIDTH, *(len(v.name) for v in statements.values), *(len(w) for w in words))


def bar(score: int, maximum: int, width: int, ascii_only: bool = False) -> str:
    """A bar of ``width`` cells, filled in proportion to ``score`` out of ``maximum``."""
    full, empty = ("#", ".") if ascii_only else ("\u2588", "\u2591")
    filled = round(width * max(0, min(score, maximum)) / maximum) if maximum else 0
    return full * filled + empty * (width - filled)


def day(stocktake: Stocktake) -> str:
    """The stocktake's date, local, without the time."""
    return local_display(stocktake.date, with_time=False)


def heading(stocktake: Stocktake) -> str:
    """Date, level and who took part on one line."""
    line = f"{local_display(stocktake.date)}  {level_label(stocktake.level)}"
    if stocktake.participants.strip():
        line += "  " + _("(with {people})").format(people=one_line(stocktake.participants, 40))
    return line


def score_lines(stocktake: Stocktake, statements: StatementSet, ascii_only: bool = False) -> list[str]:
    """One line per value with its bar and score, then the total."""
    lines = []
    scores = stocktake.value_scores()
    weakest = weakest_values(stocktake)
    total_word = _("Total")
    width = name_width(statements, total_word)
    for value_id, score in scores.items():
        name = statements.name(value_id)
        marker = "  " + _("<- weakest") if value_id in weakest and len(weakest) < len(scores) else ""
        lines.append(f"{name:<{width}} {bar(score, VALUE_MAX, VALUE_MAX, ascii_only)} "
                     f"{score:>2}/{VALUE_MAX}{marker}")
    total = stocktake.total()
    lines.append(f"{total_word:<{width}} {bar(total, TOTAL_MAX, VALUE_MAX, ascii_only)} "
                 f"{total:>2}/{TOTAL_MAX}")
    return lines


def band_lines(stocktake: Stocktake) -> list[str]:
    """The band and what it means."""
    band = band_for(stocktake.total())
    return [_("Band: {name} ({low}-{high} of {most})").format(
        name=_(band.name), low=band.low, high=band.high, most=TOTAL_MAX), _(band.meaning)]


def weakest_lines(stocktake: Stocktake, statements: StatementSet) -> list[str]:
    """The weakest value(s) and suggested next steps."""
    weakest = weakest_values(stocktake)
    scores = stocktake.value_scores()
    if len(weakest) == len(scores):
        lines = [_("All five values scored the same ({score}/{most}). Pick the one that "
                   "matters most to the people you work with.").format(
            score=scores[weakest[0]], most=VALUE_MAX)]
    else:
        names = ", ".join(f"{statements.name(v)} ({scores[v]}/{VALUE_MAX})" for v in weakest)
        lines = [_("Weakest: {names}").format(names=names)]
    for value_id in weakest:
        value = statements.value(value_id)
        lines.append(_("Next steps for {name}: {summary}").format(name=value.name,
                                                                  summary=value.summary))
        lines += [f"  - {step}" for step in value.next_steps]
    return lines


def notes_lines(stocktake: Stocktake, statements: StatementSet) -> list[str]:
    """Each value's notes (only the ones written)."""
    lines = []
    for value in statements.values:
        written = [(_(label), stocktake.notes.get(value.id, {}).get(kind, "").strip())
                   for kind, label in NOTE_KINDS]
        written = [(label, text) for label, text in written if text]
        if written:
            lines.append(f"{value.name}:")
            lines += [f"  {label}: {text}" for label, text in written]
    return lines


def result_lines(stocktake: Stocktake, statements: StatementSet, ascii_only: bool = False) -> list[str]:
    """The whole result of a finished stocktake."""
    lines = [heading(stocktake), ""]
    lines += score_lines(stocktake, statements, ascii_only)
    lines += [""] + band_lines(stocktake) + [""] + weakest_lines(stocktake, statements)
    notes = notes_lines(stocktake, statements)
    if notes:
        lines += ["", _("Notes")] + notes
    lines += ["", _("These statements are coprod's own. The official audit tool of the "
                    "Co-production Network for Wales: {tool}").format(tool=statements.official_tool)]
    return lines


def history_line(stocktake: Stocktake) -> str:
    """One stocktake in a list: date, level, total, band and short id."""
    total = stocktake.total()
    return (f"{day(stocktake)}  {level_label(stocktake.level):<16} {total:>2}/{TOTAL_MAX}  "
            f"{_(band_for(total).name):<16} {stocktake.id[:8]}")


def comparison_lines(comparison: Comparison, statements: StatementSet) -> list[str]:
    """Two stocktakes side by side with the change per value and in total."""
    older, newer = comparison.older, comparison.newer
    change_word, total_word, band_word, level_word = _("Change"), _("Total"), _("Band"), _("Level")
    width = name_width(statements, total_word, band_word, level_word)
    lines = [
        f"{'':<{width}} {day(older):>10}  {day(newer):>10}  {change_word}",
        f"{'':<{width}} {older.id[:8]:>10}  {newer.id[:8]:>10}",
    ]
    for change in comparison.values:
        lines.append(
            f"{statements.name(change.key):<{width}} {change.before:>7}/{VALUE_MAX}  "
            f"{change.after:>7}/{VALUE_MAX}  {signed(change.change):>3} ({change_words(change.change)})"
        )
    total = comparison.total
    lines.append(
        f"{total_word:<{width}} {total.before:>7}/{TOTAL_MAX}  {total.after:>7}/{TOTAL_MAX}  "
        f"{signed(total.change):>3} ({change_words(total.change)})"
    )
    lines.append(f"{band_word:<{width}} {_(band_for(total.before).name)}  ->  "
                 f"{_(band_for(total.after).name)}")
    lines.append(f"{level_word:<{width}} {level_label(older.level)}  ->  "
                 f"{level_label(newer.level)}")
    return lines


def trend_lines(result: Trend, statements: StatementSet, ascii_only: bool = False) -> list[str]:
    """Totals over time as bars, the direction and each value's change overall."""
    lines = []
    width = name_width(statements)
    previous: int | None = None
    for stocktake, total in result.points:
        change = "" if previous is None else f"  {signed(total - previous)}"
        lines.append(f"{day(stocktake)}  {bar(total, TOTAL_MAX, 30, ascii_only)} "
                     f"{total:>2}/{TOTAL_MAX}{change}")
        previous = total
    first, last = day(result.points[0][0]), day(result.points[-1][0])
    lines += ["", _("Overall: {direction}, {change} ({words}) from {first} to {last}").format(
        direction=_(result.direction), change=signed(result.total.change),
        words=change_words(result.total.change), first=first, last=last)]
    for change in result.values:
        lines.append(f"  {statements.name(change.key):<{width}} {change.before:>2} -> "
                     f"{change.after:>2}  {signed(change.change):>3} ({change_words(change.change)})")
    return lines


def summary_line(done: list[Stocktake], waiting: Stocktake | None, months: int | None,
                 today: dt.date) -> str:
    """One line for home: the last stocktake's date and total, a gentle reminder
    when it is older than ``months``, and any stocktake in progress."""
    parts = []
    if done:
        last = done[-1]
        taken = to_local(when(last)).date()
        total = last.total()
        parts.append(_("last {day}: {total}/{most}, {band}").format(
            day=taken.isoformat(), total=total, most=TOTAL_MAX, band=_(band_for(total).name)))
        if reminder_due(taken, today, months):
            parts.append(_("over {months} months ago: time for another when you are "
                           "ready").format(months=months))
    if waiting is not None:
        parts.append(_("one in progress ({answered} of {count} answered)").format(
            answered=waiting.answered(), count=TOTAL_MIN))
    if not parts:
        return _("Take stock of your practice against the five values")
    return "; ".join(parts)
