"""The two exercises in Welsh at 80x24: the spectrum (its menu, placing an
activity through the questions to the result and its drawing, a practice round
to its review, the saved placements and practice history) and complexity (the
list, a challenge through its questions to the result and the map, a practice
round to its summary, the history) show no English and nothing cut short
(issue 20).

The practice scenarios are shown from their Welsh (``content/cy/*_scenarios.json``):
no English title, text, explanation or "where people differ" note may show
either. Only the text the test types (an activity's and a challenge's title
and description) stays as written.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from textual.containers import VerticalScroll
from textual.widgets import Label, OptionList

from coprod_tui import i18n
from coprod_tui.app import CoprodApp
from coprod_tui.complexity import records as cx
from coprod_tui.complexity.area_screen import ComplexityScreen
from coprod_tui.complexity.challenge_screen import ChallengeScreen
from coprod_tui.complexity.history_screen import PracticeHistoryScreen as ComplexityHistory
from coprod_tui.complexity.practice_screen import PracticeScreen as ComplexityPractice
from coprod_tui.core.store import Store
from coprod_tui.i18n import _
from coprod_tui.plain import complexity as plain_complexity
from coprod_tui.plain import spectrum as plain_spectrum
from coprod_tui.plain.console import Console
from coprod_tui.shell.help import HelpScreen
from coprod_tui.spectrum import practice_screen
from coprod_tui.spectrum import records as spectrum_records
from coprod_tui.spectrum.area_screen import (
    PracticeHistoryScreen,
    SavedPlacementsScreen,
    SpectrumScreen,
)
from coprod_tui.spectrum.place_screen import PlaceActivityScreen
from coprod_tui.spectrum.practice_screen import PracticeScreen
from coprod_tui.spectrum.result_screen import SpectrumResultScreen
from coprod_tui.spectrum.rules import APPROACHES
from coprod_tui.spectrum.scenario_content import load_scenarios
from tests.conftest import wait_until
from tests.ui.scenario_words import english_scenario_text
from tests.ui.screen_text import footer_line, screen_text
from tests.ui.welsh_check import cut_short, english_lines

# What the test types: the user's own words, never translated.
TYPED = ["Carers forum", "We met carers", "Lonely carers", "Old friends"]
# Help shows each key's id, and the keymap setting's example: setting keys, typed.
HELP_IDS: set[str] = set()
KEYMAP_EXAMPLE = '{"quit": "ctrl+x"}'


def _footer_cut(app: CoprodApp) -> list[str]:
    """The current screen's own keys the footer shows only in part, or not at all.

    The app-wide keys (help, home, quit) come last and may not fit beside a
    screen's own keys at 80 columns, in English as well; the screen's own must.
    """
    line = footer_line(app)
    cut = []
    for active in app.screen.active_bindings.values():
        binding = active.binding
        if active.node is app or not (binding.show and active.enabled and binding.description):
            continue
        shown = f"{app.get_key_display(binding)} {_(binding.description)}"
        if shown not in line:
            cut.append(f"{type(app.screen).__name__}: {shown!r} not in {line!r}")
    return cut


FOOTERS: list[str] = []


def _seen(app: CoprodApp) -> str:
    """The screen as text, its footer checked on the way."""
    FOOTERS.extend(_footer_cut(app))
    return screen_text(app)


async def _settle(pilot, app: CoprodApp) -> None:
    """Let the footer catch up with the keys that just changed (it redraws after)."""
    try:
        await wait_until(pilot, lambda: not _footer_cut(app), timeout=3)
    except AssertionError:
        pass  # a footer that never shows a key whole: _seen records it


async def _look(pilot, app: CoprodApp) -> str:
    """The screen once its footer has caught up."""
    await _settle(pilot, app)
    return _seen(app)


async def _on(pilot, app: CoprodApp, screen_type: type) -> None:
    await wait_until(pilot, lambda: isinstance(app.screen, screen_type))
    await _settle(pilot, app)


async def _pages(pilot, app: CoprodApp, scroller: VerticalScroll) -> list[str]:
    """The screen at each page of ``scroller``, top to bottom."""
    scroller.scroll_home(animate=False)
    await wait_until(pilot, lambda: scroller.scroll_y == 0)
    await _settle(pilot, app)
    pages = [_seen(app)]
    while scroller.scroll_y < scroller.max_scroll_y:
        before = scroller.scroll_y
        scroller.scroll_page_down(animate=False)
        await wait_until(pilot, lambda: scroller.scroll_y != before)  # noqa: B023
        await pilot.pause()
        pages.append(_seen(app))
    return pages


async def _help(pilot, app: CoprodApp) -> list[str]:
    """The help page of the current screen, every page of it; then closed."""
    back = app.screen
    await pilot.press("f1")
    await _on(pilot, app, HelpScreen)
    help_screen = app.screen
    pages = await _pages(pilot, app, help_screen.query_one("#help-body", VerticalScroll))
    # Each key's id (a keymap setting key: typed, never translated) is shown in brackets.
    ids = {f"({row.binding_id})" for row in help_screen.rows + help_screen.everywhere
           if row.binding_id}
    HELP_IDS.update(ids)
    await pilot.press("escape")
    await wait_until(pilot, lambda: app.screen is back)
    return pages


def _check(seen: list[str]) -> None:
    shown = "\n".join(seen)
    english = english_lines(shown, allow=[*TYPED, *sorted(HELP_IDS), KEYMAP_EXAMPLE])
    assert english == [], "English left:\n" + "\n".join(english) + "\n\n" + shown
    scenarios = english_scenario_text(shown)
    assert scenarios == [], "English scenario text:\n" + "\n".join(scenarios) + "\n\n" + shown
    assert cut_short(shown) == [], shown
    assert FOOTERS == [], "\n".join(FOOTERS)


async def test_spectrum_walk_in_welsh_shows_no_english(data_dir: Path) -> None:
    i18n.set_language("cy")
    FOOTERS.clear()
    app = CoprodApp(data_dir=data_dir)
    seen: list[str] = []
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: app.store_ready)
        await pilot.press("3")
        await _on(pilot, app, SpectrumScreen)
        seen.append(await _look(pilot, app))
        seen += await _help(pilot, app)
        # Place your own: title, description, then every question to the result.
        await pilot.press("a")
        await _on(pilot, app, PlaceActivityScreen)
        await pilot.press(*[" " if c == " " else c for c in TYPED[0]])
        await pilot.press("tab", *[" " if c == " " else c for c in TYPED[1]])
        seen.append(await _look(pilot, app))
        place = app.screen
        await pilot.press("ctrl+n")
        # Involved; the people know; the organisation decides and acts; then the
        # optional question: heard in open conversation (participation).
        for index, key in enumerate(("1", "2", "1", "1", "3")):
            await wait_until(pilot, lambda: place.step_index == index)  # noqa: B023
            await pilot.pause()
            seen.append(await _look(pilot, app))
            await pilot.press(key)
        await _on(pilot, app, SpectrumResultScreen)
        result = app.screen
        seen += await _pages(pilot, app, result.query_one("#result-body", VerticalScroll))
        drawn = "\n".join(seen[-3:])
        assert "GWNEUD I" in drawn and "cyfranogiad" in drawn and "y gweithgaredd hwn" in drawn
        await pilot.press("s")
        await wait_until(pilot, lambda: result.record_id is not None)
        seen.append(await _look(pilot, app))
        seen += await _help(pilot, app)
        await pilot.press("d")
        await _on(pilot, app, SpectrumScreen)
        await wait_until(pilot, lambda: "cyfranogiad" in screen_text(app))
        seen.append(await _look(pilot, app))
        # Practice: a whole round to its review.
        await pilot.press("p")
        await _on(pilot, app, PracticeScreen)
        practice = app.screen
        body = practice.query_one("#practice-body", VerticalScroll)
        ids = [a.id for a in APPROACHES]
        for turn in range(len(practice.round)):
            scenario = practice.current
            assert scenario is not None
            seen += await _pages(pilot, app, body)
            # Half right, half wrong, so the review lists what was missed.
            right = ids.index(scenario.place) + 1
            await pilot.press(str(right if turn % 2 == 0 else right % len(ids) + 1))
            await wait_until(pilot, lambda: practice.phase == "feedback")
            seen += await _pages(pilot, app, body)
            await pilot.press("n")
        await wait_until(pilot, lambda: practice.phase == "finished")
        seen += await _pages(pilot, app, body)
        assert "I edrych arnynt eto" in "\n".join(seen[-3:])
        seen += await _help(pilot, app)
        await pilot.press("b")
        await _on(pilot, app, SpectrumScreen)
        # Saved placements, reopened; then the practice history.
        await pilot.press("s")
        await _on(pilot, app, SavedPlacementsScreen)
        await wait_until(pilot, lambda: app.screen.query_one(OptionList).option_count == 1)
        seen.append(await _look(pilot, app))
        seen += await _help(pilot, app)
        await pilot.press("enter")
        await _on(pilot, app, SpectrumResultScreen)
        seen.append(await _look(pilot, app))
        await pilot.press("b")
        await _on(pilot, app, SavedPlacementsScreen)
        await pilot.press("b")
        await _on(pilot, app, SpectrumScreen)
        await pilot.press("r")
        await _on(pilot, app, PracticeHistoryScreen)
        await wait_until(pilot, lambda: app.screen.query_one(OptionList).option_count == 1)
        seen.append(await _look(pilot, app))
    _check(seen)
    assert any(TYPED[0] in text for text in seen)


async def test_complexity_walk_in_welsh_shows_no_english(data_dir: Path) -> None:
    i18n.set_language("cy")
    FOOTERS.clear()
    app = CoprodApp(data_dir=data_dir)
    seen: list[str] = []
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: app.store_ready)
        await pilot.press("4")
        await wait_until(pilot, lambda: isinstance(app.screen, ComplexityScreen)
                         and app.screen.loaded)
        await _settle(pilot, app)
        seen.append(await _look(pilot, app))
        seen += await _help(pilot, app)
        # A challenge: title, description, the five questions, then the result.
        await pilot.press("n")
        await _on(pilot, app, ChallengeScreen)
        challenge = app.screen
        await pilot.press(*[" " if c == " " else c for c in TYPED[2]])
        await pilot.press("tab", *[" " if c == " " else c for c in TYPED[3]])
        await pilot.press("tab")
        answers = challenge.query_one("#answers", VerticalScroll)
        seen += await _pages(pilot, app, answers)
        for key in ("n", "u", "n", "y", "n"):
            await pilot.press(key)
            await pilot.pause()
            seen.append(await _look(pilot, app))
        seen += await _pages(pilot, app, answers)
        seen += await _help(pilot, app)
        await pilot.press("ctrl+n")
        await wait_until(pilot, lambda: challenge.step == "result")
        pages = await _pages(pilot, app, challenge.query_one("#result", VerticalScroll))
        assert "[X] CYMHLETH" in pages[0] and ">> MAE EICH HER CHI YMA <<" in pages[0]
        seen += pages
        # The plan's labels (longer in Welsh) wrap rather than lose their end.
        plan = challenge.query_one("#plan")
        for label in plan.query(".field-label").results(Label):
            text = str(label.render())
            assert label.outer_size.width <= plan.content_size.width, text
            assert len(text) <= label.content_size.width * label.content_size.height, text
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: challenge.record_id is not None)
        await pilot.pause()
        seen.append(await _look(pilot, app))
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, ComplexityScreen)
                         and app.screen.query_one("#challenges", OptionList).option_count == 1
                         and TYPED[2] in screen_text(app))
        seen.append(await _look(pilot, app))
        # Practice: a whole round, every scenario placed, to its summary.
        await pilot.press("p")
        await _on(pilot, app, ComplexityPractice)
        practice = app.screen
        body = practice.query_one("#practice-body", VerticalScroll)
        for turn in range(len(practice.round)):
            seen += await _pages(pilot, app, body)
            await pilot.press(str(turn % 5 + 1))
            await wait_until(pilot, lambda: practice.answered)
            seen += await _pages(pilot, app, body)
            await pilot.press("n")
        await wait_until(pilot, lambda: practice.finished and practice.saved_round is not None)
        seen += await _pages(pilot, app, body)
        seen += await _help(pilot, app)
        await pilot.press("y")
        await _on(pilot, app, ComplexityHistory)
        await wait_until(pilot, lambda: app.screen.loaded)
        await pilot.pause()
        seen.append(await _look(pilot, app))
        # Each scenario of the round is listed whole (two lines each in Welsh).
        assert seen[-1].count("[anghywir]") + seen[-1].count("[cywir]") == len(practice.round)
    _check(seen)
    shown = "\n".join(seen)
    assert re.search(r"Senario 1 o \d", shown) and "Eich atebion:" in shown


# -- every scenario, in Welsh, at 80x24 ----------------------------------------------
def _shown_whole(text: str, pages: list[str]) -> bool:
    """Whether ``pages`` show the start and the end of ``text`` (wrapped anywhere;
    a page break may fall inside it, with the header and footer between)."""
    words = text.split()
    shown = " ".join(" ".join(pages).split())
    return " ".join(words[:5]) in shown and " ".join(words[-5:]) in shown


async def test_every_spectrum_scenario_fits_in_welsh(data_dir: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """A round of every built-in scenario: each question shows the whole scenario
    (its Welsh title and text, the eight places and the hint) without scrolling,
    and its feedback and the final review, page by page, hold no English and
    nothing cut short."""
    monkeypatch.setattr(practice_screen, "pick_round", lambda items, rng=None: list(items))
    i18n.set_language("cy")
    FOOTERS.clear()
    app = CoprodApp(data_dir=data_dir)
    seen: list[str] = []
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: app.store_ready)
        await pilot.press("3")
        await _on(pilot, app, SpectrumScreen)
        await pilot.press("p")
        await _on(pilot, app, PracticeScreen)
        practice = app.screen
        body = practice.query_one("#practice-body", VerticalScroll)
        assert len(practice.round) == len(load_scenarios(None)) >= 21
        for turn, scenario in enumerate(practice.round):
            await wait_until(pilot, lambda: practice.index == turn  # noqa: B023
                             and practice.phase == "ask")
            await pilot.pause()
            assert body.max_scroll_y == 0, scenario.id
            page = await _look(pilot, app)
            flat = " ".join(page.split())
            assert scenario.title in page and " ".join(scenario.text.split()) in flat, page
            seen.append(page)
            await pilot.press(str(turn % len(APPROACHES) + 1))
            await wait_until(pilot, lambda: practice.phase == "feedback")
            pages = await _pages(pilot, app, body)
            assert _shown_whole(scenario.explanation, pages), scenario.id
            seen += pages
            await pilot.press("n")
        await wait_until(pilot, lambda: practice.phase == "finished")
        seen += await _pages(pilot, app, body)
    _check(seen)


async def test_every_complexity_scenario_fits_in_welsh(data_dir: Path) -> None:
    """A round of every built-in scenario: each question shows the whole scenario
    (its Welsh title and text, and the five choices) without scrolling, and its
    feedback and the round's summary, page by page, hold no English and nothing
    cut short."""
    i18n.set_language("cy")
    FOOTERS.clear()
    app = CoprodApp(data_dir=data_dir)
    seen: list[str] = []
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: app.store_ready)
        await pilot.press("4")
        await wait_until(pilot, lambda: isinstance(app.screen, ComplexityScreen)
                         and app.screen.loaded)
        scenarios = cx.load_scenarios(app.content_dirs)
        await app.push_screen(ComplexityPractice(scenarios, size=len(scenarios)))
        await _on(pilot, app, ComplexityPractice)
        practice = app.screen
        body = practice.query_one("#practice-body", VerticalScroll)
        assert len(practice.round) == len(scenarios) >= 19
        for turn in range(len(practice.round)):
            scenario = practice.scenario
            assert scenario is not None
            await pilot.pause()
            assert body.max_scroll_y == 0, scenario.id
            page = await _look(pilot, app)
            flat = " ".join(page.split())
            assert scenario.title in page and " ".join(scenario.text.split()) in flat, page
            seen.append(page)
            await pilot.press(str(turn % 5 + 1))
            await wait_until(pilot, lambda: practice.answered)
            pages = await _pages(pilot, app, body)
            assert _shown_whole(scenario.explanation, pages), scenario.id
            assert _shown_whole(scenario.differ, pages), scenario.id
            seen += pages
            await pilot.press("n")
        await wait_until(pilot, lambda: practice.finished and practice.saved_round is not None)
        summary = await _pages(pilot, app, body)
        assert all(s.title in " ".join(" ".join(summary).split()) for s in practice.round)
        seen += summary
    _check(seen)


# -- a round saved in one language, read in the other -------------------------------
class _InOrder:
    """Stands in for random.Random: the first scenarios, in file order."""

    def sample(self, items: list, count: int) -> list:
        return list(items)[:count]


@pytest.mark.parametrize(("saved_in", "viewed_in"), [("en", "cy"), ("cy", "en")])
async def test_a_complexity_round_reads_in_the_other_language(
        data_dir: Path, saved_in: str, viewed_in: str) -> None:
    """The round keeps ids, answers and the scenario file's own titles; its
    history shows each scenario's title in the language of the moment."""
    i18n.set_language(saved_in)
    items = plain_complexity.practice_round(
        Console(io.StringIO("2\n\n" * 5), io.StringIO()), cx.load_scenarios([]),
        rng=_InOrder(), size=5)
    saved = cx.save_round(Store.open(data_dir), items)
    titles = {language: [s.title for s in cx.load_scenarios([], language=language)[:5]]
              for language in ("en", "cy")}
    i18n.set_language(viewed_in)
    app = CoprodApp(data_dir=data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: app.store_ready)
        await pilot.press("4")
        await wait_until(pilot, lambda: isinstance(app.screen, ComplexityScreen)
                         and app.screen.loaded)
        await pilot.press("y")
        await wait_until(pilot, lambda: isinstance(app.screen, ComplexityHistory)
                         and app.screen.loaded)
        await wait_until(pilot, lambda: titles[viewed_in][-1] in screen_text(app))
        shown = screen_text(app)
    flat = " ".join(shown.split())
    other = "cy" if viewed_in == "en" else "en"
    assert all(title in flat for title in titles[viewed_in]), shown
    assert not any(title in flat for title in titles[other]), shown
    if viewed_in == "cy":
        assert english_lines(shown) == [] and english_scenario_text(shown) == [], shown
    (doc,) = cx.rounds(Store.open(data_dir))
    assert doc == saved and [a["title"] for a in doc["attempts"]] == titles["en"]


@pytest.mark.parametrize(("saved_in", "viewed_in"), [("en", "cy"), ("cy", "en")])
async def test_a_spectrum_round_reads_in_the_other_language(
        data_dir: Path, saved_in: str, viewed_in: str,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A spectrum round keeps ids and places only: the same in either language,
    and its history reads in the language of the moment."""
    monkeypatch.setattr(plain_spectrum, "pick_round", lambda items, rng=None: list(items)[:6])
    i18n.set_language(saved_in)
    attempts = plain_spectrum.practice_round(
        Console(io.StringIO("1\n\n" * 6), io.StringIO()), load_scenarios(None))
    saved = spectrum_records.save_round(Store.open(data_dir), attempts)
    i18n.set_language(viewed_in)
    app = CoprodApp(data_dir=data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: app.store_ready)
        await pilot.press("3")
        await _on(pilot, app, SpectrumScreen)
        await pilot.press("r")
        await _on(pilot, app, PracticeHistoryScreen)
        await wait_until(pilot, lambda: app.screen.query_one(OptionList).option_count == 1)
        shown = screen_text(app)
    score = f"{saved['score']} of 6 right" if viewed_in == "en" else f"{saved['score']} o 6 "
    assert score in shown, shown
    if viewed_in == "cy":
        assert english_lines(shown) == [], shown
    (doc,) = spectrum_records.rounds(Store.open(data_dir))
    assert doc == saved
    assert [a["scenario"] for a in doc["attempts"]] == [s.id for s in load_scenarios(None)[:6]]
