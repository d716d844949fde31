"""Spectrum records: placements (table ``spectrum``) and practice rounds
(table ``practice``, ``"exercise": "spectrum"``).

A placement document::

    {"id", "title", "description", "knowledge", "decisions", "acts",
     "citizens": bool, "refine": str | None, "place", "group",
     "created", "link": {"kind", "ref", "label"} | None}

A practice round::

    {"id", "exercise": "spectrum", "date", "score", "total",
     "attempts": [{"scenario", "chosen", "expected", "correct"}]}
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from coprod_tui.core.clock import now_iso
from coprod_tui.core.store.collection import Collection, documents
from coprod_tui.core.store.repository import Store
from coprod_tui.journal.entry import Link
from coprod_tui.spectrum.rules import SpectrumAnswers, SpectrumResult, approach, place
from coprod_tui.spectrum.scenarios import Attempt, score

PLACEMENTS = "spectrum"
PRACTICE = "practice"
EXERCISE = "spectrum"

Doc = dict[str, Any]


def placement_records(store: Store) -> Collection[Doc]:
    """Saved placements, newest first."""
    return documents(store, PLACEMENTS, order=lambda d: d.get("created", ""))


def round_records(store: Store) -> Collection[Doc]:
    """Spectrum practice rounds (the ``practice`` table's spectrum part), newest first."""
    return documents(store, PRACTICE, order=lambda d: d.get("date", ""),
                     scope={"exercise": EXERCISE})


def placement_doc(title: str, description: str, result: SpectrumResult,
                  link: Link | None = None) -> Doc:
    """The document for a placement (not yet saved)."""
    a = result.answers
    return {
        "title": title,
        "description": description,
        "knowledge": a.knowledge,
        "decisions": a.decisions,
        "acts": a.acts,
        "citizens": a.citizens,
        "refine": a.refine,
        "place": result.approach.id,
        "group": result.approach.group,
        "created": now_iso(),
        "link": asdict(link) if link else None,
    }


def answers_of(doc: Doc) -> SpectrumAnswers:
    """The answers stored in a placement document."""
    return SpectrumAnswers(
        knowledge=doc.get("knowledge"),
        decisions=doc.get("decisions"),
        acts=doc.get("acts"),
        citizens=bool(doc.get("citizens", True)),
        refine=doc.get("refine"),
    )


def result_of(doc: Doc) -> SpectrumResult:
    """Recompute the result of a stored placement (rules may have improved since)."""
    return place(answers_of(doc))


def save_placement(store: Store, title: str, description: str, result: SpectrumResult,
                   link: Link | None = None) -> Doc:
    """Save a new placement and return it with its id."""
    return placement_records(store).add(placement_doc(title, description, result, link))


def placements(store: Store) -> list[Doc]:
    """Every saved placement, newest first."""
    return placement_records(store).all()


def delete_placement(store: Store, record_id: str) -> bool:
    """Delete a saved placement here and from every backup; ``False`` if not found."""
    return placement_records(store).remove_for_good(record_id)


def get_placement(store: Store, record_id: str) -> Doc | None:
    """One placement by id."""
    return placement_records(store).get(record_id)


def save_round(store: Store, attempts: list[Attempt]) -> Doc:
    """Keep a finished practice round with its date and score."""
    return round_records(store).add({
        "date": now_iso(),
        "score": score(attempts),
        "total": len(attempts),
        "attempts": [
            {"scenario": a.scenario, "chosen": a.chosen, "expected": a.expected,
             "correct": a.correct}
            for a in attempts
        ],
    })


def rounds(store: Store) -> list[Doc]:
    """Spectrum practice rounds, newest first."""
    return round_records(store).all()


def place_name(doc: Doc) -> str:
    """The name of a placement's approach (the stored id if no longer known)."""
    try:
        return approach(str(doc.get("place"))).name
    except KeyError:
        return str(doc.get("place"))



def summary(store: Store) -> str:
    """Home's line (kept for callers of this name; the line lives in :mod:`.summary`)."""
    from coprod_tui.spectrum.summary import summary as home_line

    return home_line(store)
