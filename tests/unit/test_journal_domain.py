"""Search, filters, tags and actions: pure journal rules."""

from __future__ import annotations

import datetime as dt

from coprod_tui.journal.actions import format_actions, open_actions, parse_actions
from coprod_tui.journal.entry import Action, Entry
from coprod_tui.journal.search import NO_VALUE, Filters, SearchIndex, parse_tags, value_counts


def make(title: str, values: list[str], day: str, text: str = "", tags=()) -> Entry:
    return Entry(values=values, title=title, sections={"text": text}, tags=list(tags),
                 created=f"{day}T10:00:00+00:00", id=title)


ENTRIES = [
    make("Carers group", ["strengths"], "2026-01-05", "She knew the ward well", ["carers"]),
    make("Discharge", ["networks", "relationships"], "2026-03-10", "Three teams, no plan"),
    make("Audit", ["change-makers"], "2026-02-01", "Whose idea?", ["Team", "audit"]),
]


def test_newest_first_and_words_match_anywhere_case_insensitively() -> None:
    index = SearchIndex.build(ENTRIES)
    assert [e.title for e in index.search(Filters())] == ["Discharge", "Audit", "Carers group"]
    assert [e.title for e in index.search(Filters(words="WARD she"))] == ["Carers group"]
    assert [e.title for e in index.search(Filters(words="team"))] == ["Discharge", "Audit"]
    assert index.search(Filters(words="ward discharge")) == []


def test_filters_by_value_tag_and_dates() -> None:
    index = SearchIndex.build(ENTRIES)
    assert [e.title for e in index.search(Filters(value="networks"))] == ["Discharge"]
    assert [e.title for e in index.search(Filters(tag="team"))] == ["Audit"]
    since = Filters(since=dt.date(2026, 2, 1), until=dt.date(2026, 2, 28))
    assert [e.title for e in index.search(since)] == ["Audit"]
    assert index.tags() == ["audit", "carers", "Team"]
    assert "value: networks" in Filters(value="networks", tag="x").describe()


def test_value_counts_count_each_value_an_entry_covers() -> None:
    counts = value_counts(ENTRIES)
    assert counts == {"strengths": 1, "networks": 1, "what-matters": 0, "relationships": 1,
                      "change-makers": 1, NO_VALUE: 0}


def test_entries_with_no_value_yet_are_counted_and_found() -> None:
    unsorted = Entry(values=[], title="From jrnl", created="2026-03-01T10:00:00+00:00")
    assert value_counts([*ENTRIES, unsorted])[NO_VALUE] == 1
    index = SearchIndex.build([*ENTRIES, unsorted])
    assert [e.title for e in index.search(Filters(value=NO_VALUE))] == ["From jrnl"]
    assert "From jrnl" not in [e.title for e in index.search(Filters(value="networks"))]
    assert Filters(value=NO_VALUE).describe() == "no value chosen yet"


def test_tags_are_split_trimmed_and_deduplicated() -> None:
    assert parse_tags(" carers, ward  7; Carers,, team ") == ["carers", "ward 7", "team"]


def test_actions_parse_due_dates_and_keep_done_state_on_edit() -> None:
    actions = parse_actions("- Ring the carers centre by 2026-12-01\n\nAsk the team 2027-01-05\nRead more")
    assert [(a.text, a.due) for a in actions] == [
        ("Ring the carers centre", "2026-12-01"), ("Ask the team", "2027-01-05"), ("Read more", None)]
    actions[0].done = True
    again = parse_actions(format_actions(actions) + "\nNew one", actions)
    assert again[0].done and again[0].id == actions[0].id
    assert again[3].text == "New one" and not again[3].done


def test_open_actions_soonest_first_and_done_ones_left_out() -> None:
    entry = make("E", ["strengths"], "2026-01-01")
    entry.actions = [Action("later", "2027-01-01"), Action("undated"), Action("soon", "2026-01-02"),
                     Action("done", "2025-01-01", done=True)]
    assert [a.text for _, a in open_actions([entry])] == ["soon", "later", "undated"]


def test_entry_template_round_trip() -> None:
    from coprod_tui.journal.template import parse_template, render_template

    text = render_template("gibbs", "T", {"feelings": "How did it feel?"})
    assert "## Feelings\n# How did it feel?" in text and "## Actions" in text
    filled = text.replace("## Feelings\n", "## Feelings\nUneasy\n## not a stage\nstill feelings\n")
    title, sections, actions = parse_template(filled, "gibbs")
    assert title == "T" and sections == {"feelings": "Uneasy\nstill feelings"} and actions == ""
    assert "## Actions" not in render_template("free")
