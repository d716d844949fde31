"""Journal entries that are complete NMC reflective accounts, for revalidation tests.

Question 4 (how the account relates to the Code) is answered by the entry's
"code" section and its Code themes.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from coprod_tui.journal.entry import Action, Entry

TOPICS = (
    ("Asking a carer what matters first", "strengths"),
    ("A carer on the discharge panel", "relationships"),
    ("Sharing the ward timetable with families", "networks"),
    ("Planning visits around a carer's work", "what-matters"),
    ("Carers shaping the leaflet", "change-makers"),
)


def complete_account(number: int, created: dt.datetime) -> Entry:
    """Account ``number`` (0-4): Gibbs for even numbers, Rolfe for odd ones."""
    title, value = TOPICS[number]
    if number % 2 == 0:
        sections = {
            "description": f"Account {number}: at a meeting I asked the carer first.",
            "feelings": "I worried it would take longer.",
            "evaluation": "It took less time than usual.",
            "analysis": "The carer knew the routine better than the notes did.",
            "conclusion": "Asking first saves time later.",
            "action-plan": "Ask carers first at every meeting.",
            "code": "It puts the person and those close to them first.",
        }
        framework = "gibbs"
    else:
        sections = {
            "what": f"Account {number}: a carer told us the plan did not fit her week.",
            "so-what": "Our plans assumed carers are free in the day.",
            "now-what": "I now ask about carers' hours before booking.",
            "code": "Working with carers as partners is effective practice.",
        }
        framework = "rolfe"
    return Entry(
        values=[value], title=title, framework=framework, sections=sections,
        created=created.isoformat(timespec="seconds"), updated=created.isoformat(timespec="seconds"),
        actions=[Action("Share what I learned at the team meeting", id=f"act-{number}")],
        code_themes=["Prioritise people", "Practise effectively"],
        account_kind="event or experience", id=str(number) * 32,
    )


def write_import_file(path: Path, entries: list[Entry]) -> Path:
    """A coprod json export holding ``entries`` (for ``coprod import``)."""
    dump = {"format": "coprod-export", "schema": 2, "exported": "2026-01-01T00:00:00+00:00",
            "app": "coprod tests", "tables": {"entries": [e.to_doc() for e in entries]}}
    path.write_text(json.dumps(dump), encoding="utf-8")
    return path
