"""The Revalidation area driven by keys at 80x24: home line, registration, forms, reading."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from textual.widgets import OptionList

from coprod_tui.app import CoprodApp
from coprod_tui.core.store import Store
from coprod_tui.reading.records import ReadingProgress
from coprod_tui.revalidation import records, rules
from coprod_tui.revalidation.screens import RecordFormScreen, RevalidationScreen
from coprod_tui.shell.home import HomeScreen
from tests.conftest import wait_until
from tests.transfer_data import fill_store
from tests.ui.screen_text import footer_line, screen_text


async def type_text(pilot, text: str) -> None:
    await pilot.press(*["space" if c == " " else c for c in text])


async def test_home_shows_progress_and_still_fits_80x24(data_dir: Path) -> None:
    store = Store.open(data_dir)
    fill_store(store)
    renewal = dt.date.today() + dt.timedelta(days=214)
    records.set_registration(store, "nmc", renewal.isoformat())
    records.add(store, records.CPD, rules.make_cpd(
        date=dt.date.today().isoformat(), title="Workshop", method="workshop", hours=22.5,
        participatory=False))
    app = CoprodApp(data_dir=data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: "214 days left" in screen_text(app))
        text = screen_text(app)
        assert " 0  Revalidation CPD 22.5/35h, part. 0/20, feedback 0/5, accounts " in text
        assert "0/5, hours 0/450, no discussion; 214 days left" in text
        areas = app.screen.query_one("#areas", OptionList)
        assert areas.max_scroll_y == 0  # every area visible without scrolling
        assert len(text.rstrip("\n").split("\n")) <= 24


async def test_registration_and_a_cpd_activity_by_keys(data_dir: Path) -> None:
    app = CoprodApp(data_dir=data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: app.store_ready)
        await pilot.press("0")
        await wait_until(pilot, lambda: isinstance(app.screen, RevalidationScreen)
                         and "CPD log" in screen_text(app))
        labels = ("r Regulator", "l Logs", "a Add", "q Quit")
        await wait_until(pilot, lambda: all(label in footer_line(app) for label in labels))
        # Logging reading is named where it applies, on the CPD log's title (and under F1).
        assert "CPD log: 0  (a: add, l: next log, t: log reading)" in screen_text(app)
        await pilot.press("r")
        await wait_until(pilot, lambda: isinstance(app.screen, RecordFormScreen))
        await type_text(pilot, "nmc")
        await pilot.press("tab")
        await type_text(pilot, "2027-06-30")
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: isinstance(app.screen, RevalidationScreen))
        assert app.store.get("registration", "registration")["renewal"] == "2027-06-30"

        await pilot.press("a")
        await wait_until(pilot, lambda: isinstance(app.screen, RecordFormScreen))
        form = app.screen
        await pilot.press("tab")
        await type_text(pilot, "Carers [bold]panel[/bold]")
        await pilot.press("tab")
        await type_text(pilot, "workshop")
        await pilot.press("tab")
        await type_text(pilot, "lots")
        await pilot.press("tab", "space", "tab", "space", "tab", "tab")
        await type_text(pilot, "Ask first")
        await pilot.press("ctrl+s")
        await pilot.pause()
        # Bad hours: nothing saved, every word kept, the reason on screen.
        assert app.screen is form and app.store.all("cpd") == []
        assert "Not saved: 'lots' is not a number of hours" in screen_text(app)
        assert form.values()["learned"] == "Ask first"
        form.query_one("#f-hours").value = "3"
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: isinstance(app.screen, RevalidationScreen))
        [doc] = app.store.all("cpd")
        assert doc["title"] == "Carers [bold]panel[/bold]" and doc["hours"] == 3
        assert doc["participatory"] is True and doc["themes"] == ["Prioritise people"]
        assert doc["learned"] == "Ask first"
        await wait_until(pilot, lambda: "Carers [bold]panel[/bold] (workshop)" in screen_text(app))
        await pilot.press("l")
        await wait_until(pilot, lambda: "Feedback log" in screen_text(app))


async def test_a_form_left_half_way_comes_back_as_a_draft(data_dir: Path) -> None:
    app = CoprodApp(data_dir=data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: app.store_ready)
        await pilot.press("0")
        await wait_until(pilot, lambda: isinstance(app.screen, RevalidationScreen))
        await pilot.press("f", "a")
        await wait_until(pilot, lambda: isinstance(app.screen, RecordFormScreen))
        await pilot.press("tab")
        await type_text(pilot, "carer")
        await pilot.press("tab")
        await type_text(pilot, "The plan fits our week")
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, RevalidationScreen))
        assert app.store.load_draft("revalidation:feedback")["said"] == "The plan fits our week"
        await pilot.press("a")
        await wait_until(pilot, lambda: isinstance(app.screen, RecordFormScreen))
        assert app.screen.values()["said"] == "The plan fits our week"
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: isinstance(app.screen, RevalidationScreen))
        assert [d["source"] for d in app.store.all("feedback")] == ["carer"]
        assert app.store.load_draft("revalidation:feedback") is None


async def test_reading_time_is_offered_as_cpd_once(data_dir: Path) -> None:
    store = Store.open(data_dir)
    for section in ("what-is-co-production", "five-values"):
        ReadingProgress(store).set_read(section)
    app = CoprodApp(data_dir=data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: app.store_ready)
        await pilot.press("0")
        await wait_until(pilot, lambda: isinstance(app.screen, RevalidationScreen))
        await pilot.press("t")
        await wait_until(pilot, lambda: isinstance(app.screen, RecordFormScreen))
        values = app.screen.values()
        assert values["title"] == "Reading: co-producing with carers (2 sections)"
        assert values["method"] == "reading" and values["hours"] == "0.25"
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: isinstance(app.screen, RevalidationScreen))
        [doc] = app.store.all("cpd")
        assert doc["sections"] == ["what-is-co-production", "five-values"]
        await pilot.press("t")
        await wait_until(pilot, lambda: any(
            n.message.startswith("No reading to log") for n in app._notifications))
        assert isinstance(app.screen, RevalidationScreen)
        await pilot.press("h")
        await wait_until(pilot, lambda: isinstance(app.screen, HomeScreen))


async def test_export_screen_saves_the_printable_pack_without_the_partner(
    data_dir: Path, tmp_path: Path, monkeypatch
) -> None:
    from coprod_tui.core.ui.choice import ChoiceDialog
    from coprod_tui.transfer.screen import ExportScreen

    monkeypatch.setenv("HOME", str(tmp_path))
    store = Store.open(data_dir)
    fill_store(store)
    records.set_registration(store, "nmc", (dt.date.today() + dt.timedelta(days=30)).isoformat())
    records.add(store, records.DISCUSSIONS, rules.make_discussion(
        date=dt.date.today().isoformat(), partner="Jo Partnerperson", pin="12A3456B",
        email="jo@example.org", address="Ward 4", postcode="AB1 2CD", accounts=["gibbs-1"]))
    app = CoprodApp(data_dir=data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: app.store_ready)
        await pilot.press("6")
        await wait_until(pilot, lambda: isinstance(app.screen, ExportScreen))
        screen = app.screen
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, ChoiceDialog))
        assert "hcpc: HCPC CPD profile" in screen_text(app)
        await pilot.press("down", "down", "down", "down", "enter")
        await wait_until(pilot, lambda: screen.fmt == "html")
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: screen.saved_to is not None)
        page = screen.saved_to.read_text()
        assert screen.saved_to.name.endswith(".html")
        assert page.startswith("<!DOCTYPE html>") and "NMC REVALIDATION PACK" in page
        assert "Partnerperson" not in page and "12A3456B" not in page


async def test_a_half_filled_discussion_form_is_kept_but_not_exported(
        data_dir: Path, tmp_path: Path) -> None:
    """Attack: the discussion form left half way is a draft holding the partner's
    details; the json backup (which holds drafts) must still leave them out."""
    from coprod_tui.transfer.common import ExportFilter
    from coprod_tui.transfer.files import render

    app = CoprodApp(data_dir=data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: app.store_ready)
        await pilot.press("0")
        await wait_until(pilot, lambda: isinstance(app.screen, RevalidationScreen))
        await pilot.press("d", "a")
        await wait_until(pilot, lambda: isinstance(app.screen, RecordFormScreen))
        await pilot.press("tab")
        await type_text(pilot, "Yo Draftperson")
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, RevalidationScreen))
        assert app.store.load_draft(rules.DISCUSSION_DRAFT)["partner"] == "Yo Draftperson"
        for fmt in ("json", "md", "nmc", "html"):
            assert "Draftperson" not in render(app.store, fmt, ExportFilter()), fmt


async def test_progress_longer_than_its_box_says_so_and_m_shows_it_all(data_dir: Path) -> None:
    # HCPC, with CPD a hundred days apart: a gap to explain after each.
    store = Store.open(data_dir)
    today = dt.date.today()
    records.set_registration(store, "hcpc", (today + dt.timedelta(days=30)).isoformat())
    for days in range(700, 0, -100):
        day = today - dt.timedelta(days=days)
        records.add(store, records.CPD, rules.make_cpd(
            date=day.isoformat(), title=f"Course {days}", method="course", hours=3,
            participatory=False))
    app = CoprodApp(data_dir=data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: app.store_ready)
        await pilot.press("0")
        await wait_until(pilot, lambda: isinstance(app.screen, RevalidationScreen)
                         and "press m to see them all" in screen_text(app))
        screen = app.screen
        assert len(screen.progress_lines) > 6
        await pilot.press("m")
        await wait_until(pilot, lambda: screen.progress_lines[-1].strip() in screen_text(app))
        shown = screen_text(app)
        assert "Progress and what is still needed" in shown
        await pilot.press("escape")
        await wait_until(pilot, lambda: app.screen is screen)
