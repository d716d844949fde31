"""Revalidation and Export in Welsh at 80x24: every screen, form, dialog and
notice of the two areas (and the journal editor's Code box with its NMC
dialogs) shows no English from coprod and nothing cut short; what the user
typed, and the records as stored, stay as they were."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from coprod_tui import i18n
from coprod_tui.app import CoprodApp
from coprod_tui.core.store import Store
from coprod_tui.core.ui.choice import ChoiceDialog
from coprod_tui.journal.dialogs import ValuesDialog
from coprod_tui.journal.editor import EntryEditorScreen
from coprod_tui.journal.entry import Entry
from coprod_tui.journal.records import EntryStore
from coprod_tui.revalidation import records, rules
from coprod_tui.revalidation.screens import RecordFormScreen, RevalidationScreen
from coprod_tui.shell.help import HelpScreen
from coprod_tui.transfer.screen import ConfirmReplace, ExportScreen
from tests.conftest import wait_until
from tests.ui.screen_text import footer_line, screen_text
from tests.ui.welsh_check import cut_short, english_lines

# What the user typed (kept as typed, in any language). The titles and words
# below are Welsh, so only these few need allowing.
PARTNER = "Jane Smith"
ALLOW = [
    PARTNER, "jane@example.org",
    # File names and keys a user types stay as they are, and so do the key ids
    # help lists for keymap.json.
    "coprod-export-", ".nmc.txt", "portfolio.nmc.txt", "(help)", "^home",
]


async def _look(pilot, app: CoprodApp, seen: list[tuple[str, str]], where: str,
                ready=None) -> str:
    """Wait for ``ready`` (if given), then keep what the screen shows."""
    if ready is not None:
        await wait_until(pilot, ready)
    await pilot.pause()
    text = screen_text(app)
    seen.append((where, text))
    return text


def _problems(seen: list[tuple[str, str]]) -> list[str]:
    found = []
    for where, text in seen:
        found += [f"{where}: English: {line}" for line in english_lines(text, ALLOW)]
        found += [f"{where}: cut short: {line}" for line in cut_short(text)]
    return found


def _seed(data_dir: Path) -> Entry:
    store = Store.open(data_dir)
    renewal = dt.date.today() + dt.timedelta(days=214)
    records.set_registration(store, "nmc", renewal.isoformat())
    today = dt.date.today().isoformat()
    records.add(store, records.CPD, rules.make_cpd(
        date=today, title="Fforwm gofalwyr", method="gweithdy", hours=2.5, participatory=True,
        themes=["Prioritise people"], learned="Gofyn yn gyntaf."))
    records.add(store, records.FEEDBACK, rules.make_feedback(
        date=today, source="carer", said="Roedd yr ymweliadau'n rhy gynnar."))
    records.add(store, records.HOURS, rules.make_hours(
        date=today, until=today, hours=37.5, role="Nyrs ward"))
    entry = EntryStore(store).add(Entry(
        values=["strengths"], title="Gofyn i ofalwr", framework="free",
        sections={"text": "Gofynnais i'r gofalwr beth oedd bwysicaf."},
        code_themes=["Prioritise people"], account_kind="event or experience"))
    records.add(store, records.DISCUSSIONS, rules.make_discussion(
        date=today, partner=PARTNER, pin="12A3456B", email="jane@example.org",
        address="Ward 3", postcode="CF10 1AA", accounts=[entry.id]))
    return entry


async def test_revalidation_area_and_its_forms_in_welsh(data_dir: Path) -> None:
    _seed(data_dir)
    i18n.set_language("cy")
    app = CoprodApp(data_dir=data_dir)
    seen: list[tuple[str, str]] = []
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: app.store_ready)
        await wait_until(pilot, lambda: "214 diwrnod ar ôl" in screen_text(app))
        # Home is the shell's; this area's two lines on it are checked here.
        rows = screen_text(app).splitlines()
        at = next(i for i, row in enumerate(rows) if "Ailddilysu" in row)
        seen.append(("home, the revalidation line", "\n".join(rows[at:at + 2])))
        assert "Ailddilysu    DPP 2.5/35h, cyfr. 2.5/20, adborth 1/5, cyfrifon" in rows[at]
        assert "0/5, oriau 37.5/450, heb drafod; 214 diwrnod ar ôl" in rows[at + 1]
        await pilot.press("0")
        text = await _look(pilot, app, seen, "revalidation (CPD log)",
                           lambda: isinstance(app.screen, RevalidationScreen)
                           and "Log DPP: 1  (a: ychwanegu, l: log nesaf, t: cofnodi "
                           "darllen)" in screen_text(app)
                           and "Fforwm gofalwyr (gweithdy)" in screen_text(app)
                           and "Angen o hyd: " in screen_text(app)
                           and "q Gadael" in footer_line(app))
        assert "Angen o hyd: " in text and "2.5 h  cyfr." in text
        for key, title in (("f", "Log adborth"), ("p", "Oriau ymarfer"),
                           ("d", "Trafodaeth fyfyriol")):
            await pilot.press(key)
            text = await _look(pilot, app, seen, f"revalidation ({title})",
                               lambda title=title: f"{title}" in screen_text(app)
                               and "(a: ychwanegu, l: log nesaf)" in screen_text(app)
                               and "2026" in screen_text(app).split(title, 1)[-1])
        assert "1 cyfrif wedi'i drafod" in text and PARTNER not in text
        await pilot.press("f")
        text = await _look(pilot, app, seen, "feedback log",
                           lambda: "gofalwr" in screen_text(app))
        assert "carer" not in text  # stored as "carer", shown in Welsh
        await pilot.press("f1")
        await _look(pilot, app, seen, "revalidation help",
                    lambda: isinstance(app.screen, HelpScreen))
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, RevalidationScreen))

        # The registration form, then each log's form (scrolled field by field).
        await pilot.press("r")
        await _look(pilot, app, seen, "registration form",
                    lambda: isinstance(app.screen, RecordFormScreen))
        assert "nmc, hcpc, gmc neu arall" in screen_text(app) or \
            app.screen.query_one("#f-regulator").value == "nmc"
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, RevalidationScreen))
        app.store.discard_draft("revalidation:registration")
        for key, fields in (("c", 9), ("f", 4), ("p", 4), ("d", 8)):
            await pilot.press(key, "a")
            await wait_until(pilot, lambda: isinstance(app.screen, RecordFormScreen))
            form = app.screen
            await _look(pilot, app, seen, f"form {form.kind}")
            for _field in range(fields - 1):
                await pilot.press("tab")
                await _look(pilot, app, seen, f"form {form.kind}, field {_field + 2}")
            await pilot.press("ctrl+s")  # not filled in: refused, with the reason in Welsh
            text = await _look(pilot, app, seen, f"form {form.kind}, refused",
                               lambda: "Heb ei gadw: " in screen_text(app))
            if key == "c":
                assert "Heb ei gadw: ni roddwyd y teitl" in text
            if key == "c":
                await pilot.press("f1")
                await _look(pilot, app, seen, "form help",
                            lambda: isinstance(app.screen, HelpScreen))
                await pilot.press("escape")
                await wait_until(pilot, lambda form=form: app.screen is form)
            await pilot.press("escape")
            await wait_until(pilot, lambda: isinstance(app.screen, RevalidationScreen))
            app.store.discard_draft(f"revalidation:{form.kind}")

        # The Code themes and HCPC standards are ticked in Welsh and stored in English.
        await pilot.press("c", "a")
        await wait_until(pilot, lambda: isinstance(app.screen, RecordFormScreen))
        form = app.screen
        for field, value in (("title", "Cwrs ar-lein"), ("method", "dysgu ar-lein"),
                             ("hours", "1.5")):
            form.query_one(f"#f-{field}").value = value
        themes = form.query_one("#f-themes")
        themes.focus()
        await pilot.pause()
        await _look(pilot, app, seen, "CPD form, themes", lambda: "Blaenoriaethu pobl"
                    in screen_text(app))
        await pilot.press("space")
        form.query_one("#f-standards").focus()
        await _look(pilot, app, seen, "CPD form, standards", lambda: "1 Cadw cofnod parhaus"
                    in screen_text(app))
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: isinstance(app.screen, RevalidationScreen))
        saved = [d for d in app.store.all("cpd") if d["title"] == "Cwrs ar-lein"]
        assert saved and saved[0]["themes"] == ["Prioritise people"]

        # Logging reading with nothing read says so in Welsh.
        await pilot.press("t")
        await wait_until(pilot, lambda: any(
            n.message.startswith("Dim darllen i'w gofnodi") for n in app._notifications))
        # Notices are text too: every one this walk raised.
        seen += [("notice", n.message) for n in app._notifications]
    problems = _problems(seen)
    assert problems == [], "\n".join(problems)
    # The records are as stored, whatever the language.
    store = Store.open(data_dir)
    assert [d["source"] for d in store.all("feedback")] == ["carer"]
    assert store.get("registration", "registration")["regulator"] == "nmc"


async def test_export_screen_and_its_formats_in_welsh(
        data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    _seed(data_dir)
    i18n.set_language("cy")
    target = tmp_path / "portfolio.nmc.txt"
    target.write_text("old\n")
    app = CoprodApp(data_dir=data_dir)
    seen: list[tuple[str, str]] = []
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: app.store_ready)
        await pilot.press("6")
        text = await _look(pilot, app, seen, "export",
                           lambda: isinstance(app.screen, ExportScreen)
                           and "Allforio nawr" in screen_text(app))
        screen = app.screen
        assert "Fformat   md: Markdown" in text and "Cofnodion pob un sy'n cyfateb" in text
        await pilot.press("enter")
        await _look(pilot, app, seen, "format dialog", lambda: isinstance(app.screen, ChoiceDialog))
        await pilot.press("down", "down", "enter")  # nmc
        await wait_until(pilot, lambda: screen.fmt == "nmc")
        # Each row on one line: the labels' column fits the Welsh labels.
        await wait_until(pilot, lambda: "Fformat   nmc: Pecyn ailddilysu NMC: cyfrifon, DPP, "
                         "adborth, trafodaeth" in screen_text(app))
        for row, dialog in ((1, ChoiceDialog), (2, ChoiceDialog), (3, ValuesDialog)):
            await pilot.press("down", "enter")
            await _look(pilot, app, seen, f"row {row} dialog",
                        lambda dialog=dialog: isinstance(app.screen, dialog))
            await pilot.press("escape")
            await wait_until(pilot, lambda: app.screen is screen)
        await pilot.press("a")
        await _look(pilot, app, seen, "all entries",
                    lambda: "Caiff popeth yn y dyddlyfr ei allforio" in screen_text(app))
        await pilot.press("tab", *"2026-13-01", "ctrl+s")
        await wait_until(pilot, lambda: any(n.message.startswith("O ddyddiad: ")
                                            for n in app._notifications))
        await pilot.press("ctrl+u", "tab", "tab", "end", "ctrl+u", *"~/portfolio.nmc.txt",
                          "ctrl+s")
        await _look(pilot, app, seen, "replace?", lambda: isinstance(app.screen, ConfirmReplace))
        await pilot.press("b")
        await _look(pilot, app, seen, "kept", lambda: "Ni ysgrifennwyd dim" in screen_text(app))
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmReplace))
        await pilot.press("r")
        await _look(pilot, app, seen, "saved", lambda: screen.saved_to == target
                    and "Cadwyd yr allforyn nmc" in screen_text(app))
        await pilot.press("f1")
        await _look(pilot, app, seen, "export help", lambda: isinstance(app.screen, HelpScreen))
        seen += [("notice", n.message) for n in app._notifications]
    problems = _problems(seen)
    assert problems == [], "\n".join(problems)
    pack = target.read_text()
    assert pack.startswith("PECYN AILDDILYSU'R NMC\n")
    assert "Cysylltiad â'r Cod: Blaenoriaethu pobl" in pack
    assert PARTNER not in pack


async def test_entry_code_box_and_nmc_dialogs_in_welsh(data_dir: Path) -> None:
    entry = _seed(data_dir)
    i18n.set_language("cy")
    app = CoprodApp(data_dir=data_dir)
    seen: list[tuple[str, str]] = []
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: app.store_ready)
        await pilot.press("2")
        await wait_until(pilot, lambda: "Gofyn i ofalwr" in screen_text(app))
        await pilot.press("e")
        await wait_until(pilot, lambda: isinstance(app.screen, EntryEditorScreen))
        editor = app.screen
        for _box in range(3):
            await pilot.press("tab")
        await _look(pilot, app, seen, "editor, the Code box")
        await pilot.press("ctrl+t")
        await _look(pilot, app, seen, "kind of account", lambda: isinstance(app.screen, ChoiceDialog)
                    and "Digwyddiad neu brofiad" in screen_text(app))
        await pilot.press("enter")
        await _look(pilot, app, seen, "Code themes", lambda: isinstance(app.screen, ValuesDialog)
                    and "Blaenoriaethu pobl" in screen_text(app))
        await pilot.press("escape")
        await wait_until(pilot, lambda: app.screen is editor)
    problems = _problems(seen)
    assert problems == [], "\n".join(problems)
    assert Store.open(data_dir).get("entries", entry.id)["code_themes"] == ["Prioritise people"]
