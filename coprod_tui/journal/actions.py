"""Action items written one a line: ``Ring the carers' centre by 2026-12-01``."""

from __future__ import annotations

import re
import uuid

from coprod_tui.core.clock import parse_day
from coprod_tui.journal.entry import Action, Entry

_DUE = re.compile(r"^(?P<text>.*?)[\s,;:(]*(?:\b(?:by|due|before)\s*:?\s*)?(?P<due>\d{4}-\d{2}-\d{2})\)?\s*$",
                  re.IGNORECASE)


def parse_action_line(line: str) -> Action | None:
    """One action from a line; a trailing ``by YYYY-MM-DD`` (or a bare date) is its due date."""
    line = line.strip().lstrip("-*•").strip()
    if not line:
        return None
    match = _DUE.match(line)
    if match and match.group("text").strip():
        try:
            due = parse_day(match.group("due")).isoformat()
        except ValueError:
            return Action(text=line)
        return Action(text=match.group("text").strip(), due=due)
    return Action(text=line)


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
    """Actions back as editable lines (done ones included, so they are not lost)."""
    return "\n".join(a.text + (f" by {a.due}" if a.due else "") for a in actions)


def open_actions(entries: list[Entry]) -> list[tuple[Entry, Action]]:
    """Every action not yet done, soonest due first (undated last), then newest entry."""
    found = [(e, a) for e in entries for a in e.actions if not a.done]
    found.sort(key=lambda pair: pair[0].created, reverse=True)
    found.sort(key=lambda pair: pair[1].due or "9999-99-99")
    return found
