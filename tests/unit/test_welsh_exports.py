"""Every export in Welsh: the human headings and fixed words are Welsh (the
NMC form's questions with the form's English wording after them), stored
choices are shown in Welsh, what the user wrote and the machine formats
(json keys) never change, and no stored record changes with the language."""

from __future__ import annotations

import datetime as dt
import html
import json
import re
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from coprod_tui import i18n
from coprod_tui.core.store import Store
from coprod_tui.journal.entry import Action, Entry
from coprod_tui.revalidation import records, rules
from coprod_tui.transfer.common import ExportFilter
from coprod_tui.transfer.files import gather, read_all_tables, render
from coprod_tui.transfer.importer import DumpError, parse_dump
from coprod_tui.transfer.jrnl import JrnlError, convert
from coprod_tui.transfer.nmc import QUESTIONS, render_nmc
from tests.ui.welsh_check import english_lines

STAMP = "2026-12-01T09:00:00+00:00"
TODAY = dt.date(2026, 12, 1)
# The NMC form's own questions, given after coprod's Welsh (we found the form
# only in English): the one English a Welsh nmc export holds on purpose.
FORM_WORDING = [f"({text})" for _key, text in QUESTIONS]


@pytest.fixture
def utc(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def build(data_dir: Path, regulator: str = "nmc") -> Store:
    """Records typed in Welsh, with stored choices (kept in English) to show."""
    store = Store.open(data_dir)
    records.set_registration(store, regulator, "2027-06-30")
    store.insert("entries", Entry(
        values=["strengths"], title="Gofyn i ofalwr yn gyntaf", framework="rolfe",
        sections={"what": "Gofynnais i'r gofalwr beth oedd bwysicaf.",
                  "so-what": "Roedd hi'n gwybod mwy na'r nodiadau.",
                  "now-what": "Rwy'n gofyn yn gyntaf bob tro.",
                  "code": "Mae'n rhoi'r person yn gyntaf."},
        tags=["gofalwyr"], code_themes=["Prioritise people", "Preserve safety"],
        account_kind="event or experience", actions=[Action("Rhannu gyda'r tîm", id="a1")],
        created="2026-03-02T09:00:00+00:00", updated="2026-03-02T09:00:00+00:00",
        id="0" * 32).to_doc())
    store.insert("entries", Entry(
        values=["networks"], title="Galwad ffôn", framework="free",
        sections={"text": "Ffoniodd gofalwr am yr amserlen."},
        created="2026-04-02T09:00:00+00:00", id="1" * 32).to_doc())
    records.add(store, records.CPD, rules.make_cpd(
        date="2026-03-01", title="Gweithdy cydgynhyrchu", method="gweithdy", hours=6,
        participatory=True, themes=["Prioritise people"], standards=["2", "4"],
        learned="Gofyn i ofalwyr yn gyntaf.", evidence="Tystysgrif", entries=["0" * 32]))
    records.add(store, records.FEEDBACK, rules.make_feedback(
        date="2026-04-01", source="carer", said="Roedd y cynllun yn gweddu i'n hwythnos.",
        changed="Rwy'n trefnu ymweliadau ar ôl gofyn."))
    records.add(store, records.HOURS, rules.make_hours(date="2026-01-05", until="2026-06-30",
                                                      hours=450, role="nyrs gymunedol"))
    records.add(store, records.DISCUSSIONS, rules.make_discussion(
        date="2026-05-01", partner="Jo Partner", pin="12A3456B", email="jo@example.org",
        address="Ward 4", postcode="AB1 2CD", accounts=["0" * 32]))
    return store


def _text_of_html(page: str) -> str:
    """What a reader of the page sees: the body's text, tags and head removed."""
    body = page.split("<body>", 1)[1]
    return html.unescape(re.sub(r"<[^>]+>", "\n", body))


def _unwrapped(text: str) -> str:
    """The nmc export with its questions' wrapped lines joined again."""
    return re.sub(r"\n {3}(?=\S)", " ", text)


@pytest.mark.parametrize("fmt", ["md", "txt", "nmc", "hcpc", "html"])
def test_each_export_has_welsh_headings_and_the_words_as_written(
        utc: None, data_dir: Path, fmt: str) -> None:
    store = build(data_dir, "hcpc" if fmt == "hcpc" else "nmc")
    before = read_all_tables(store)
    english = render(store, fmt, ExportFilter(), exported=STAMP, today=TODAY)
    i18n.set_language("cy")
    welsh = render(store, fmt, ExportFilter(), exported=STAMP, today=TODAY)
    assert read_all_tables(store) == before, "an export changes no record"
    shown = _unwrapped(_text_of_html(welsh) if fmt == "html" else welsh)
    assert english_lines(shown, allow=FORM_WORDING) == []
    for typed in ("Gweithdy cydgynhyrchu", "Gofyn i ofalwyr yn gyntaf.", "Gofyn i ofalwr"):
        if typed in english:
            assert typed in welsh, typed
    if fmt in ("nmc", "html"):
        assert "Blaenoriaethu pobl" in shown and "Prioritise people" not in shown
        # The source is stored as "carer" and shown in Welsh.
        assert ("Gan: gofalwr" if fmt == "nmc" else "Gan\n\ngofalwr") in shown
        assert "carer" not in shown and "Jo Partner" not in shown
        for _key, text in QUESTIONS:
            assert f"({text})" in shown
        assert ("2. Beth ddysgoch chi ohono? (What did you learn from it?)" in shown)
        assert "Math o gyfrif: digwyddiad neu brofiad" in shown
    if fmt == "hcpc":
        assert "2 Cymysgedd o ddysgu perthnasol i ymarfer presennol neu i ddod" in shown
    if fmt in ("md", "txt"):
        assert "Cynnal diogelwch" in shown and "digwyddiad neu brofiad" in shown
    assert english != welsh


def test_one_entry_as_an_nmc_account_in_welsh(utc: None, data_dir: Path) -> None:
    store = build(data_dir)
    i18n.set_language("cy")
    text = render_nmc(gather(store, ExportFilter(ids=("1" * 32,)), exported=STAMP))
    shown = _unwrapped(text)
    assert english_lines(shown, allow=FORM_WORDING) == []
    # Free writing answers only the first question: the rest are AR GOLL, in Welsh.
    assert "Math o gyfrif: AR GOLL: dewiswch un o'r rhain: gweithgaredd DPP; adborth; " in shown
    assert "Themâu'r Cod: AR GOLL: dewiswch un neu fwy o'r rhain: Blaenoriaethu pobl;" in shown


def test_json_backup_is_the_same_in_both_languages(utc: None, data_dir: Path) -> None:
    store = build(data_dir)
    english = render(store, "json", ExportFilter(), exported=STAMP)
    i18n.set_language("cy")
    assert render(store, "json", ExportFilter(), exported=STAMP) == english
    dump = json.loads(english)
    assert dump["format"] == "coprod-export" and "tables" in dump
    assert dump["tables"]["feedback"][0]["source"] == "carer"


def test_import_and_jrnl_refusals_are_in_welsh() -> None:
    i18n.set_language("cy")
    with pytest.raises(DumpError, match=r"^nid yw'n allforyn json o coprod \(dim \"format\""):
        parse_dump({"tables": {}}, 2)
    bad = {"format": "coprod-export", "schema": 2, "tables": {"entries": [{"id": "e1",
                                                                          "title": 3}]}}
    with pytest.raises(DumpError) as refused:
        parse_dump(bad, 2)
    assert str(refused.value) == ("nid yw cofnod 1 o dabl 'entries' (dynodydd e1) yn gofnod "
                                  "dyddlyfr dilys: rhaid i \"title\" fod o'r math hwn: "
                                  "testun")
    with pytest.raises(JrnlError, match=r"^cofnod jrnl 1: mae title ar goll$"):
        convert({"entries": [{"date": "2026-01-01"}]}, [])


def test_practice_rounds_in_a_welsh_export_name_scenarios_in_welsh(data_dir: Path) -> None:
    # A round saved in English keeps ids (and complexity's English titles); the
    # export, in Welsh, names each scenario as the Welsh content does.
    from coprod_tui.complexity import records as cx_records
    from coprod_tui.spectrum import records as sp_records
    from coprod_tui.spectrum.scenario_content import load_scenarios as spectrum_scenarios
    from coprod_tui.spectrum.scenarios import Attempt
    from coprod_tui.transfer.common import ExportFilter
    from coprod_tui.transfer.files import render

    store = Store.open(data_dir)
    spectrum = spectrum_scenarios()[0]
    sp_records.save_round(store, [Attempt(spectrum.id, spectrum.place, spectrum.place)])
    complexity = cx_records.load_scenarios()[0]
    cx_records.save_round(store, [{
        "scenario": complexity.id, "title": complexity.saved_title,
        "chosen": complexity.expected, "expected": complexity.expected, "correct": True}])
    i18n.set_language("cy")
    welsh = {s.id: s.title for s in spectrum_scenarios()}[spectrum.id]
    welsh_cx = {s.id: s.title for s in cx_records.load_scenarios()}[complexity.id]
    assert welsh != spectrum.title and welsh_cx != complexity.title
    text = render(store, "md", ExportFilter())
    assert welsh in text and welsh_cx in text
    assert complexity.title not in text
