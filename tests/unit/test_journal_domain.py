"""Search, filters, tags and actions: pure journal rules."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coprod_tui.journal.actions import (
    date_problems,
    format_actions,
    open_actions,
    parse_actions,
    read_action_line,
    read_date,
)
from coprod_tui.journal.entry import Action, Entry
from coprod_tui.journal.search import (
    NO_VALUE,
    Filters,
    SearchIndex,
    entry_day,
    may_fall_within,
    parse_tags,
    value_counts,
)


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


@given(
    moment=st.datetimes(min_value=dt.datetime(1990, 1, 1), max_value=dt.datetime(2090, 1, 1)),
    offset_minutes=st.integers(min_value=-14 * 60, max_value=14 * 60),
    since_shift=st.integers(min_value=-3, max_value=3),
    until_shift=st.integers(min_value=-3, max_value=3),
)
def test_the_quick_date_test_never_drops_an_entry_the_exact_filter_keeps(
        moment: dt.datetime, offset_minutes: int, since_shift: int, until_shift: int) -> None:
    created = moment.replace(tzinfo=dt.timezone(dt.timedelta(minutes=offset_minutes))).isoformat()
    day = entry_day(Entry(values=[], created=created))
    assert day is not None
    since, until = day + dt.timedelta(days=since_shift), day + dt.timedelta(days=until_shift)
    if since <= day <= until:
        assert may_fall_within(created, since, until)
    assert may_fall_within(created, None, None)
    assert may_fall_within("not a date", since, until) and may_fall_within(None, since, until)


# -- due dates as people write them in the UK (issue 17) -------------------------------

@pytest.mark.parametrize("line, text, due", [
    ("Ring the carers centre by 15/12/2026", "Ring the carers centre", "2026-12-15"),
    ("Ring by 15/12/26", "Ring", "2026-12-15"),
    ("Ring by 1/2/2027", "Ring", "2027-02-01"),
    ("Ring 15/12/2026", "Ring", "2026-12-15"),
    ("Ring (due 15/12/2026)", "Ring", "2026-12-15"),
    ("Ring before: 15.12.2026", "Ring", "2026-12-15"),
    ("Ring by 15-12-2026", "Ring", "2026-12-15"),
    ("Ring by 2026-12-15", "Ring", "2026-12-15"),
    ("Read chapter 3.5", "Read chapter 3.5", None),  # not a date: no keyword, no notice
    ("Book room 12", "Book room 12", None),
])
def test_uk_and_iso_due_dates_are_understood(line: str, text: str, due: str | None) -> None:
    action, problem = read_action_line(line)
    assert (action.text, action.due, problem) == (text, due, None)


@pytest.mark.parametrize("line, says", [
    ("Ring by 31/02/2026", "February 2026 has no day 31"),
    ("Ring by 2026-02-30", "February 2026 has no day 30"),
    ("Ring by 12/25/2026", "coprod reads dates as day/month/year"),
    ("Ring by 25/13/2026", "there is no month 13"),
    ("Ring by 15/12", "has no year"),
    ("Ring by 15/12/202", "the year must have 2 or 4 digits"),
    ("Ring by 0000-01-01", "there is no year 0"),
])
def test_an_impossible_or_ambiguous_date_says_so_and_keeps_the_line(line: str,
                                                                      says: str) -> None:
    action, problem = read_action_line(line)
    assert action.text == line and action.due is None, "nothing dropped"
    assert problem is not None and says in problem and "kept with no due date" in problem
    assert date_problems(f"fine by 15/12/2026\n{line}\n\n") == [problem]


def test_a_uk_date_survives_editing_again() -> None:
    actions = parse_actions("Ring by 15/12/2026")
    again = parse_actions(format_actions(actions), actions)
    assert again[0].id == actions[0].id and again[0].due == "2026-12-15"


@given(st.dates(min_value=dt.date(1000, 1, 1)), st.sampled_from(["/", ".", "-"]))
def test_every_real_day_written_day_first_is_read_back(day: dt.date, sep: str) -> None:
    written = f"{day.day}{sep}{day.month}{sep}{day.year:04d}"
    assert read_date(written) == day
    assert read_action_line(f"Do it by {written}")[0].due == day.isoformat()


@given(st.text(max_size=60))
def test_no_line_loses_its_words(line: str) -> None:
    action, problem = read_action_line(line)
    if action is None:
        assert not line.strip().lstrip("-*•").strip()
        return
    assert action.text.strip()
    if action.due is None:
        assert action.text == line.strip().lstrip("-*•").strip()
