"""Value-by-value entries and entries with no value yet in every export format."""

from __future__ import annotations

from coprod_tui.journal.entry import Entry, Link
from coprod_tui.transfer.common import ExportFilter, select
from coprod_tui.transfer.nmc import render_nmc
from coprod_tui.transfer.text_format import render_md, render_txt

STAMP = "2026-11-26T09:00:00+00:00"
WALK = Entry(
    values=["strengths", "relationships"], title="Discharge meeting with a carer",
    framework="values", created="2026-11-02T10:00:00+00:00",
    sections={"strengths": "She knew his routines better than we did.",
              "relationships": "I spoke first and longest."},
)
UNSORTED = Entry(values=[], title="Moved in from jrnl", framework="free",
                 sections={"text": "Old note"}, created="2026-11-03T10:00:00+00:00")


def selection(*entries: Entry, flt: ExportFilter | None = None):  # noqa: ANN201
    return select({"entries": [e.to_doc() for e in entries]}, flt or ExportFilter(), STAMP)


def test_md_and_txt_label_each_value_section() -> None:
    for text in (render_md(selection(WALK)), render_txt(selection(WALK))):
        assert "Value by value" in text
        assert "Strengths" in text and "She knew his routines" in text
        assert "Relationships" in text and "I spoke first" in text
        assert "Values: Strengths, Relationships" in text


def test_nmc_puts_the_values_under_what_was_learned_and_marks_the_rest_missing() -> None:
    text = render_nmc(selection(WALK))
    learned = text.index("2. What did you learn from it?")
    changed = text.index("3. How did you change")
    nature = text.index("1. What was the nature")
    assert "Written with: Value by value" in text
    assert learned < text.index("She knew his routines") < changed
    assert learned < text.index("I spoke first") < changed
    assert "MISSING: describe what happened" in text[nature:learned]
    assert "MISSING: say what you changed" in text[changed:]


def test_nmc_names_what_prompted_the_entry() -> None:
    linked = Entry(values=["networks"], title="Spectrum: Ward rounds", framework="free",
                   sections={"text": "Thoughts"}, links=[Link("spectrum", "p1", "Ward rounds")],
                   created="2026-11-04T10:00:00+00:00")
    placement = {"id": "p1", "title": "Ward rounds", "place": "consultation",
                 "created": "2026-11-04T09:00:00+00:00"}
    sel = select({"entries": [linked.to_doc()], "spectrum": [placement]}, ExportFilter(), STAMP)
    assert "Prompted by: Spectrum: Ward rounds - consultation (2026-11-04)" in render_nmc(sel)
    assert "Spectrum: Ward rounds - consultation (2026-11-04)" in render_md(sel)


def test_an_entry_with_no_value_yet_is_exported_and_says_so() -> None:
    assert "Values: none chosen yet" in render_md(selection(UNSORTED))
    text = render_nmc(selection(UNSORTED))
    assert "Old note" in text and "Co-production values" not in text
    by_value = render_txt(selection(UNSORTED, flt=ExportFilter(values=("strengths",))))
    assert "Moved in from jrnl" not in by_value
