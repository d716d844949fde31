"""The journal's rules in Welsh: due dates written with "erbyn" and read back in
either language, date problems and privacy warnings said in Welsh (with Welsh
dates of birth found), filters described with the values' Welsh names, and a
saved entry that never changes when the language does."""

from __future__ import annotations

from pathlib import Path

from coprod_tui import i18n
from coprod_tui.core.store import Store
from coprod_tui.journal.actions import date_problems, format_actions, parse_actions
from coprod_tui.journal.entry import Entry, Link, link_text
from coprod_tui.journal.privacy_check import check_privacy
from coprod_tui.journal.records import EntryStore, SaveOutcome
from coprod_tui.journal.search import NO_VALUE, Filters
from coprod_tui.journal.values_content import load_values


def test_due_dates_are_written_in_the_language_and_read_back_in_either() -> None:
    actions = parse_actions("Ffonio'r ganolfan erbyn 15/12/2026\nRing the team by 2026-12-20")
    assert [(a.text, a.due) for a in actions] == [
        ("Ffonio'r ganolfan", "2026-12-15"), ("Ring the team", "2026-12-20")]
    assert format_actions(actions) == ("Ffonio'r ganolfan by 2026-12-15\n"
                                       "Ring the team by 2026-12-20")
    i18n.set_language("cy")
    written = format_actions(actions)
    assert written == "Ffonio'r ganolfan erbyn 2026-12-15\nRing the team erbyn 2026-12-20"
    again = parse_actions(written, actions)
    assert [a.id for a in again] == [a.id for a in actions]  # unchanged: same actions
    i18n.set_language("en")
    assert [(a.text, a.due) for a in parse_actions(written)] == [
        (a.text, a.due) for a in actions]


def test_date_problems_are_said_in_welsh() -> None:
    i18n.set_language("cy")
    problems = date_problems("Llythyr erbyn 30/02/2026\nGalwad erbyn 15/12")
    assert problems == [
        "nid yw 30/02/2026 yn ddyddiad: nid oes diwrnod 30 ym mis Chwefror 2026; "
        "cedwir \"Llythyr erbyn 30/02/2026\" heb ddyddiad cwblhau",
        "nid oes blwyddyn yn 15/12 (ysgrifennwch 15/12/BBBB); "
        "cedwir \"Galwad erbyn 15/12\" heb ddyddiad cwblhau",
    ]


def test_welsh_dates_of_birth_are_found_and_warnings_said_in_welsh() -> None:
    text = "Dyddiad geni: 3 Mawrth 1950. Ganwyd ar 12 Ebrill 1948. Ffoniais 07700 900123."
    found = check_privacy(text)
    assert [f.kind for f in found] == ["date of birth", "date of birth", "phone number"]
    assert found[0].describe() == "date of birth: Dyddiad geni: 3 Mawrth 1950"
    i18n.set_language("cy")
    assert [f.describe() for f in found] == [
        "dyddiad geni: Dyddiad geni: 3 Mawrth 1950", "dyddiad geni: Ganwyd ar 12 Ebrill 1948",
        "rhif ffôn: 07700 900123"]
    # A date that is no birthday (this year) is not a warning, in Welsh either.
    assert check_privacy("Cyfarfod ar 3 Mawrth 2026.") == []


def test_filters_are_described_with_the_values_welsh_names() -> None:
    filters = Filters(value="what-matters", tag="gofalwyr")
    assert filters.describe() == "value: what-matters · tag: gofalwyr"
    i18n.set_language("cy")
    assert filters.describe(load_values().name) == "gwerth: Yr hyn sy'n bwysig · tag: gofalwyr"
    assert Filters(value=NO_VALUE).describe() == "dim gwerth wedi'i ddewis eto"


def test_links_and_save_outcomes_are_said_in_welsh() -> None:
    link = Link("spectrum", "abc", "Fforwm gofalwyr")
    assert link_text(link) == "Linked to the spectrum: Fforwm gofalwyr"
    i18n.set_language("cy")
    assert link_text(link) == "Wedi'i gysylltu â'r sbectrwm: Fforwm gofalwyr"
    assert link_text(Link("complexity", "x", "")) == "Wedi'i gysylltu â chymhlethdod: x"
    outcome = SaveOutcome("deleted", Entry(values=[], id="b" * 32), other_id="a" * 32)
    assert outcome.line == ("dilëwyd cofnod aaaaaaaa tra oeddech chi'n golygu, felly cadwyd "
                            "eich fersiwn chi fel cofnod newydd bbbbbbbb; cedwir y ddau")


def test_an_entry_written_in_welsh_stays_as_written_in_english(tmp_path: Path) -> None:
    """Nothing the language chooses is stored: an entry keeps its own words, and
    switching language (either way) changes no saved byte."""
    i18n.set_language("cy")
    store = Store.open(tmp_path / "data")
    journal = EntryStore(store)
    prompt = load_values().value("strengths").prompts[0].text
    entry = journal.add(Entry(
        values=["strengths"], title="Cyfarfod gofalwyr", framework="values",
        sections={"strengths": f"{prompt}\nRoedd hi'n gwybod am y grŵp lleol."},
        actions=parse_actions("Ffonio'r grŵp erbyn 15/12/2026")))
    saved = (tmp_path / "data" / "coprod.json").read_bytes()
    stored = store.get("entries", entry.id)
    i18n.set_language("en")
    again = EntryStore(Store.open(tmp_path / "data")).get(entry.id)
    assert again is not None and again.to_doc() == stored
    assert again.sections["strengths"].startswith(prompt)  # the Welsh prompt it was written to
    assert again.actions[0].text == "Ffonio'r grŵp" and again.actions[0].due == "2026-12-15"
    assert load_values().value("strengths").prompts[0].text != prompt
    assert (tmp_path / "data" / "coprod.json").read_bytes() == saved
