"""The md, txt and nmc renderers: pure functions from a selection to text."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from coprod_tui.core.store import Store
from coprod_tui.journal.entry import Entry
from coprod_tui.transfer.common import ExportFilter, select
from coprod_tui.transfer.files import read_all_tables
from coprod_tui.transfer.jrnl import convert
from coprod_tui.transfer.nmc import render_nmc
from coprod_tui.transfer.text_format import render_md, render_txt
from tests.transfer_data import fill_store, gibbs_entry, rolfe_entry

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "jrnl_export.json"
STAMP = "2026-11-26T09:00:00+00:00"


def tables(data_dir: Path) -> dict:
    store = Store.open(data_dir)
    fill_store(store)
    return read_all_tables(store)


def test_txt_and_md_never_emit_control_characters(data_dir: Path) -> None:
    sel = select(tables(data_dir), ExportFilter(), STAMP)
    for text in (render_txt(sel), render_md(sel), render_nmc(sel)):
        assert "\x1b" not in text and "\x07" not in text
        assert "Colours ^[[31mred^[[0m and a bell ^G" in text
        assert "Body ^[]0;pwned^G here" in text


def test_md_has_title_page_entries_by_day_exercises_and_stocktakes(data_dir: Path) -> None:
    text = render_md(select(tables(data_dir), ExportFilter(), STAMP))
    assert text.startswith("# Reflections from coprod")
    assert "Everything in the journal (no filter)." in text
    assert "Entries: 3, from 2026-10-05 to 2026-11-01" in text
    assert "### 2026-10-05" in text and "#### Asking a carer what matters" in text
    assert "Values: Strengths, What matters" in text and "Tags: discharge, carers" in text
    assert "**Action plan**" in text and "[ ] Add a carer question to the checklist" in text
    assert "Spectrum: Discharge planning - co-design (2026-10-04)" in text
    assert "## Exercises" in text and "Loneliness in the ward" in text
    assert "Score: 4" in text and "Answers: 1, 2, 3" in text
    assert "## Stocktakes" in text and "Team stocktake" in text and "Finished: yes" in text
    assert "Deleted one" not in text  # trash is only in the json backup
    # Days in order.
    assert text.index("### 2026-10-05") < text.index("### 2026-10-20") < text.index("### 2026-11-01")


def test_filters_choose_entries_and_their_linked_exercises(data_dir: Path) -> None:
    data = tables(data_dir)
    by_value = render_txt(select(data, ExportFilter(values=("strengths",)), STAMP))
    assert "Asking a carer what matters" in by_value
    assert "A phone call from a carer" not in by_value
    assert "Discharge planning" in by_value  # linked from the selected entry
    assert "Loneliness in the ward" not in by_value
    by_tag = render_txt(select(data, ExportFilter(tags=("PHONE",)), STAMP))
    assert "A phone call from a carer" in by_tag and "Asking a carer" not in by_tag
    by_date = select(data, ExportFilter(since=dt.date(2026, 10, 6), until=dt.date(2026, 10, 31)),
                     STAMP)
    assert [e.id for e in by_date.entries] == ["rolfe-1"]
    assert [d["id"] for d in by_date.exercises["complexity"]] == ["cx-1"]
    assert "Dates: from 2026-10-06 to 2026-10-31" in render_md(by_date)


def test_unknown_shapes_are_skipped_not_fatal() -> None:
    data = {
        "entries": [gibbs_entry().to_doc(), {"id": "bad", "links": [{"nonsense": 1}]}],
        "spectrum": [{"id": "s"}, {"id": "t", "created": "not a date", "weird": object()}],
        "stocktakes": [{"id": "x", "finished": "maybe"}],
    }
    sel = select(data, ExportFilter(), STAMP)
    assert sel.skipped == 1
    text = render_md(sel)
    assert "could not be read and were left out: 1" in text
    assert "Untitled (undated)" in text


def test_nmc_gibbs_account_reads_under_the_four_questions() -> None:
    sel = select({"entries": [gibbs_entry().to_doc()]}, ExportFilter(), STAMP)
    text = render_nmc(sel)
    assert text.index("anyone else") < text.index("REFLECTIVE ACCOUNT 1 OF 1")
    assert "Kind of account: event or experience" in text
    q1, q2, q3, q4 = (text.index(f"\n{n}. ") for n in range(1, 5))
    assert q1 < text.index("At a discharge meeting") < text.index("I was nervous") < q2
    assert q2 < text.index("It went well") < text.index("Asking first saves time") < q3
    assert q3 < text.index("Ask carers first at every") < text.index("[ ] Add a carer") < q4
    assert "Themes of the Code: Prioritise people; Practise effectively" in text
    assert "MISSING: say how it relates to the Code themes you chose" in text[q4:]
    assert "MISSING" not in text[q1:q4]


def test_nmc_rolfe_account_shows_missing_parts_as_missing() -> None:
    sel = select({"entries": [rolfe_entry().to_doc()]}, ExportFilter(), STAMP)
    text = render_nmc(sel)
    q1, q2, q3, q4 = (text.index(f"\n{n}. ") for n in range(1, 5))
    assert "[Rolfe: What?]" in text[q1:q2] and "visits clashed" in text[q1:q2]
    assert "[Rolfe: So what?]" in text[q2:q3] and "timetable assumed" in text[q2:q3]
    assert "MISSING: say what you changed" in text[q3:q4]
    assert "Kind of account: MISSING: choose one of CPD activity; feedback;" in text
    assert "Themes of the Code: MISSING: choose one or more of Prioritise people" in text


def test_jrnl_conversion_keeps_titles_bodies_tags_and_stars() -> None:
    docs = convert(json.loads(FIXTURE.read_text()), ["networks"])
    assert len(docs) == 3
    entries = [Entry.from_doc(d) for d in docs]
    assert entries[0].title == "Carers group meeting." and entries[0].tags == ["carers"]
    assert "\n\nSecond paragraph" in entries[1].sections["text"]
    assert set(entries[1].tags) == {"family", "strengths"}
    assert "starred" in entries[2].tags and entries[2].title.startswith("Siân's café")
    assert all(e.values == ["networks"] for e in entries)
    assert entries[0].created.startswith("2026-10-02T14:15:00")
    again = convert(json.loads(FIXTURE.read_text()), ["networks"])
    assert [d["id"] for d in again] == [d["id"] for d in docs]
