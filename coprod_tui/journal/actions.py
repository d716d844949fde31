"""Action items written one a line: ``Ring the carers' centre by 2026-12-01``.

The word before a due date may be English (``by``, ``due``, ``before``) or
Welsh (``erbyn``), whatever the interface language: lines are read back in
either. :func:`format_actions` writes the interface language's word.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid

from coprod_tui.i18n import N_, _
from coprod_tui.journal.entry import Action, Entry

_KEYWORD = r"\b(?:by|due|before|erbyn)\s*:?\s*"
# A date at the end of the line, after "by"/"due"/"before" or on its own: ISO
# (2026-12-15) or day/month/year (15/12/2026, 15/12/26). After a keyword, also
# 15.12.2026, 15-12-2026 and a day/month with no year (which is refused).
_DUE = re.compile(
    r"^(?P<text>.*?)[\s,;:(]*(?:"
    rf"(?:{_KEYWORD})?(?P<due>\d{{4}}-\d{{1,2}}-\d{{1,2}}|\d{{1,2}}/\d{{1,2}}/\d+)"
    rf"|{_KEYWORD}(?P<kw>\d{{1,2}}[.-]\d{{1,2}}[.-]\d+|\d{{1,2}}/\d{{1,2}})"
    r")\)?\s*$",
    re.IGNORECASE,
)
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_UK = re.compile(r"^(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d+))?$")
_MONTHS = (N_("January"), N_("February"), N_("March"), N_("April"), N_("May"), N_("June"),
           N_("July"), N_("August"), N_("September"), N_("October"), N_("November"),
           N_("December"))


def read_date(text: str) -> dt.date:
    """A due date as written: ``2026-12-15`` (ISO) or day/month/year as in the UK,
    ``15/12/2026`` or ``15/12/26`` (20yy; also with ``.`` or ``-``).

    Raises ``ValueError`` with a sentence saying what is wrong: no year, an
    impossible day or month (``31/02/2026``, ``12/25/2026`` read as
    day/month), a year that is not two or four digits.
    """
    iso = _ISO.match(text)
    if iso:
        year, month, day = (int(part) for part in iso.groups())
    else:
        uk = _UK.match(text)
        if uk is None:
            raise ValueError(_("{text} is not a date (write 15/12/2026 or 2026-12-15)").format(
                text=text))
        day, month = int(uk.group(1)), int(uk.group(2))
        if uk.group(3) is None:
            raise ValueError(_("{text} has no year (write {day}/{month}/YYYY)").format(
                text=text, day=day, month=month))
        if len(uk.group(3)) not in (2, 4):
            raise ValueError(_("{text}: the year must have 2 or 4 digits").format(text=text))
        year = int(uk.group(3)) + (2000 if len(uk.group(3)) == 2 else 0)
        if not 1 <= month <= 12 and 1 <= day <= 12:
            raise ValueError(_("{text} is not a date: coprod reads dates as day/month/year, "
                               "and there is no month {month} (did you mean {other}?)").format(
                text=text, month=month, other=f"{month}/{day}/{uk.group(3)}"))
    if not 1 <= month <= 12:
        raise ValueError(_("{text} is not a date: there is no month {month}").format(
            text=text, month=month))
    if year < 1:
        raise ValueError(_("{text} is not a date: there is no year {year}").format(
            text=text, year=year))
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise ValueError(_("{text} is not a date: {month} {year} has no day {day}").format(
            text=text, month=_(_MONTHS[month - 1]), year=year, day=day)) from None


def read_action_line(line: str) -> tuple[Action | None, str | None]:
    """One action from a line, and a problem with its due date if there is one.

    A trailing date (``by 15/12/2026``, ``by 2026-12-15``, or a bare date) is
    the due date. A date that cannot be read is never dropped: the action keeps
    the whole line as its text, without a due date, and the problem says why.
    """
    line = line.strip().lstrip("-*•").strip()
    if not line:
        return None, None
    match = _DUE.match(line)
    if match and match.group("text").strip():
        written = match.group("due") or match.group("kw")
        try:
            due = read_date(written).isoformat()
        except ValueError as error:
            return Action(text=line), _("{problem}; \"{line}\" is kept with no due date").format(
                problem=error, line=line)
        return Action(text=match.group("text").strip(), due=due), None
    return Action(text=line), None


def parse_action_line(line: str) -> Action | None:
    """One action from a line; a trailing ``by 15/12/2026`` (day/month/year),
    ``by 2026-12-15`` or a bare date is its due date (see :func:`read_action_line`)."""
    return read_action_line(line)[0]


def date_problems(text: str) -> list[str]:
    """One sentence for each action line whose due date cannot be read."""
    problems = (read_action_line(line)[1] for line in text.splitlines())
    return [problem for problem in problems if problem]


def parse_actions(text: str, previous: list[Action] | None = None) -> list[Action]:
    """Actions from lines of ``text``; an unchanged action keeps its id and done state."""
    earlier = {(a.text, a.due): a for a in previous or []}
    result = []
    for line in text.splitlines():
        action = parse_action_line(line)
        if action is None:
            continue
        kept = earlier.pop((action.text, action.due), None)
        if kept is not None:
            result.append(kept)
        else:
            action.id = uuid.uuid4().hex
            result.append(action)
    return result


def format_actions(actions: list[Action]) -> str:
    """Actions back as editable lines (done ones included, so they are not lost),
    a due date after the interface language's word (``by``, ``erbyn``)."""
    return "\n".join(_("{action} by {due}").format(action=a.text, due=a.due) if a.due
                     else a.text for a in actions)


def open_actions(entries: list[Entry]) -> list[tuple[Entry, Action]]:
    """Every action not yet done, soonest due first (undated last), then newest entry."""
    found = [(e, a) for e in entries for a in e.actions if not a.done]
    found.sort(key=lambda pair: pair[0].created, reverse=True)
    found.sort(key=lambda pair: pair[1].due or "9999-99-99")
    return found
