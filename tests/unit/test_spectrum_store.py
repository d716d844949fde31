"""Spectrum records in a real store: placements, practice rounds, home summary."""

from __future__ import annotations

from pathlib import Path

from coprod_tui.core.store import Store
from coprod_tui.journal.entry import Link
from coprod_tui.spectrum import records
from coprod_tui.spectrum.rules import SpectrumAnswers, place
from coprod_tui.spectrum.scenarios import Attempt


def test_placements_and_rounds_round_trip(data_dir: Path) -> None:
    store = Store.open(data_dir)
    assert records.summary(store).startswith("Place your own activity")
    result = place(SpectrumAnswers("both", "organisation", "organisation", refine="ask"))
    doc = records.save_placement(store, "Carers' survey", "we asked", result,
                                 Link("complexity", "abc", "A challenge"))
    store.insert("practice", {"exercise": "complexity", "date": "2030-01-01T00:00:00+00:00",
                              "score": 1, "total": 1})
    again = Store.open(data_dir)
    saved = records.get_placement(again, doc["id"])
    assert saved["place"] == "consultation" and saved["group"] == "doing-for"
    assert saved["link"] == {"kind": "complexity", "ref": "abc", "label": "A challenge"}
    assert records.result_of(saved).approach.id == "consultation"
    records.save_round(again, [Attempt("a", "protection", "protection"),
                               Attempt("b", "education", "information")])
    (round_,) = records.rounds(again)
    assert round_["exercise"] == "spectrum"
    assert (round_["score"], round_["total"]) == (1, 2)
    assert round_["date"]
    line = records.summary(again)
    assert "Carers' survey -> consultation" in line and "practice 1/2" in line
