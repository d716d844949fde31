"""Links between areas with the real screens, keys only at 80x24.

Spectrum and complexity results open a linked journal entry; a complex challenge
goes on to the spectrum; a stocktake result opens the journal and the reading;
the linked results then appear in the md and nmc exports.
"""

from __future__ import annotations

from pathlib import Path

from coprod_tui.app import CoprodApp
from coprod_tui.complexity.area_screen import ComplexityScreen
from coprod_tui.complexity.challenge_screen import ChallengeScreen
from coprod_tui.core.store import Store
from coprod_tui.core.ui.quiet import QuietInput
from coprod_tui.journal.editor import EntryEditorScreen
from coprod_tui.journal.entry import VALUE_IDS
from coprod_tui.reading.reader import ReaderScreen
from coprod_tui.spectrum.area_screen import SpectrumScreen
from coprod_tui.spectrum.place_screen import PlaceActivityScreen
from coprod_tui.spectrum.result_screen import SpectrumResultScreen
from coprod_tui.stocktake.area_screen import StocktakeScreen
from coprod_tui.stocktake.history_screen import StocktakeHistoryScreen
from coprod_tui.stocktake.result_screen import StocktakeResultScreen
from coprod_tui.transfer import files as exports
from coprod_tui.transfer.common import ExportFilter
from tests.conftest import wait_until
from tests.ui.test_stocktake import make_finished


async def type_text(pilot, text: str) -> None:
    await pilot.press(*("space" if ch == " " else ch for ch in text))


def editor_title(app: CoprodApp) -> str:
    return app.screen.query_one("#title").value


def notes(app: CoprodApp) -> list[str]:
    return [str(w.render()) for w in app.screen.query(".editor-note")]


def render_export(app: CoprodApp, fmt: str) -> str:
    return exports.render(app.store, fmt, ExportFilter())


async def test_spectrum_result_reflect_makes_a_linked_entry_then_exported(data_dir: Path) -> None:
    app = CoprodApp(data_dir=data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: app.store_ready)
        await pilot.press("3")
        await wait_until(pilot, lambda: isinstance(app.screen, SpectrumScreen))
        await pilot.press("a")
        await wait_until(pilot, lambda: isinstance(app.screen, PlaceActivityScreen))
        await type_text(pilot, "Carers pathway")
        await pilot.press("ctrl+n", "1", "3", "3", "3")
        await wait_until(pilot, lambda: isinstance(app.screen, SpectrumResultScreen))
        assert app.screen.result.approach.id == "co-production"
        await pilot.press("r")
        await wait_until(pilot, lambda: isinstance(app.screen, EntryEditorScreen))
        (placement,) = app.store.all("spectrum")
        editor = app.screen
        assert editor_title(app) == "Spectrum: Carers pathway"
        assert notes(app) == ["Linked to the spectrum: Carers pathway"]
        assert editor.entry.values == ["relationships", "change-makers"]
        first = app.screen.focused
        assert first is not None and first.id == "section-text"
        assert first.text.startswith("Spectrum of engagement: co-production (doing with).")
        await pilot.press("end")
        await type_text(pilot, "We planned it together")
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: isinstance(app.screen, SpectrumResultScreen))
        (entry,) = app.store.all("entries")
        assert entry["links"] == [{"kind": "spectrum", "ref": placement["id"],
                                   "label": "Carers pathway"}]
        assert entry["values"] == ["relationships", "change-makers"]
        assert "We planned it together" in entry["sections"]["text"]
        assert "Answers: knowledge: both" in entry["sections"]["text"]

        md = render_export(app, "md")
        assert "Spectrum: Carers pathway - co-production" in md
        nmc = render_export(app, "nmc")
        assert "Prompted by: Spectrum: Carers pathway - co-production" in nmc


async def test_complexity_reflect_and_place_a_complex_challenge_on_the_spectrum(
        data_dir: Path) -> None:
    app = CoprodApp(data_dir=data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: app.store_ready)
        await pilot.press("4")
        await wait_until(pilot, lambda: isinstance(app.screen, ComplexityScreen)
                         and app.screen.loaded)
        await pilot.press("n")
        await wait_until(pilot, lambda: isinstance(app.screen, ChallengeScreen))
        challenge = app.screen
        await type_text(pilot, "Lonely carers")
        await pilot.press("tab")
        await type_text(pilot, "Few come to groups")
        await pilot.press("tab", "n", "u", "n", "y", "n")
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert challenge.check_action("spectrum", ()) is True  # complex: offered
        await pilot.press("ctrl+r")
        await wait_until(pilot, lambda: isinstance(app.screen, EntryEditorScreen))
        (record,) = app.store.all("complexity")
        assert record["domain"] == "complex"
        assert editor_title(app) == "Lonely carers"
        assert notes(app) == ["Linked to complexity: Lonely carers"]
        await pilot.press("end")
        await type_text(pilot, "Ask carers first")
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: app.screen is challenge)
        (entry,) = app.store.all("entries")
        assert entry["links"] == [{"kind": "complexity", "ref": record["id"],
                                   "label": "Lonely carers"}]
        assert entry["values"]
        assert "Complex" in entry["sections"]["text"]
        assert "Ask carers first" in entry["sections"]["text"]

        await pilot.press("ctrl+o")
        await wait_until(pilot, lambda: isinstance(app.screen, PlaceActivityScreen)
                         and bool(app.screen.query("#title")))
        assert app.screen.query_one("#title", QuietInput).value == "Lonely carers"
        await pilot.press("ctrl+n", "1", "3", "3", "3")
        await wait_until(pilot, lambda: isinstance(app.screen, SpectrumResultScreen))
        await pilot.press("s")
        await wait_until(pilot, lambda: bool(app.store.all("spectrum")))
        (placement,) = app.store.all("spectrum")
        assert placement["title"] == "Lonely carers"
        assert "Few come to groups" in placement["description"]
        assert placement["link"] == {"kind": "complexity", "ref": record["id"],
                                     "label": "Lonely carers"}
        assert "Complexity: Lonely carers - complex" in render_export(app, "md")


async def test_a_simple_challenge_does_not_offer_the_spectrum(data_dir: Path) -> None:
    app = CoprodApp(data_dir=data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: app.store_ready)
        await pilot.press("4")
        await wait_until(pilot, lambda: isinstance(app.screen, ComplexityScreen)
                         and app.screen.loaded)
        await pilot.press("n")
        await wait_until(pilot, lambda: isinstance(app.screen, ChallengeScreen))
        await type_text(pilot, "Cake")
        await pilot.press("tab", "tab", "y", "n", "y", "n", "n", "ctrl+n")
        await pilot.pause()
        assert app.screen.check_action("spectrum", ()) is False
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert isinstance(app.screen, ChallengeScreen)


async def test_stocktake_result_writes_about_and_reads_on_the_weakest_value(
        data_dir: Path) -> None:
    scores = {v: [3, 3, 3] for v in VALUE_IDS}
    scores["networks"] = [1, 1, 2]
    make_finished(Store.open(data_dir), "2026-05-10T10:00:00+00:00", scores)
    app = CoprodApp(data_dir=data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: app.store_ready)
        await pilot.press("5")
        await wait_until(pilot, lambda: isinstance(app.screen, StocktakeScreen)
                         and app.screen.statements is not None)
        await pilot.press("l")
        await wait_until(pilot, lambda: isinstance(app.screen, StocktakeHistoryScreen))
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, StocktakeResultScreen))
        await pilot.press("w")
        await wait_until(pilot, lambda: isinstance(app.screen, EntryEditorScreen))
        assert app.screen.guide_value == "networks"
        assert app.screen.entry.values == ["networks"]
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, StocktakeResultScreen))
        await pilot.press("r")
        await wait_until(pilot, lambda: isinstance(app.screen, ReaderScreen)
                         and app.screen.section is not None)
        assert app.screen.section.id == "five-values-in-depth"


async def test_a_fresh_home_shows_all_nine_areas_at_80x24(data_dir: Path) -> None:
    """Each area's summary fits its line, so no area is pushed off a fresh home screen."""
    from coprod_tui.shell.home import HomeScreen
    from tests.ui.screen_text import screen_text

    app = CoprodApp(data_dir=data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: app.store_ready and isinstance(app.screen, HomeScreen))
        await wait_until(pilot, lambda: "to take with you" in screen_text(app)
                         and "10-minute tier 0/6" in screen_text(app))
        await pilot.pause()
        text = screen_text(app)
        for title in ("Read", "Journal", "Spectrum", "Complexity", "Stocktake", "Export",
                      "Settings", "Help", "About"):
            assert f"  {title}" in text, title
