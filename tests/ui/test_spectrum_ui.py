"""The spectrum area driven by keys: place an activity, practise, reopen, reflect."""

from __future__ import annotations

import random
from pathlib import Path

from textual.widgets import OptionList, Static

from coprod_tui.app import CoprodApp
from coprod_tui.core.ui.quiet import QuietInput
from coprod_tui.journal.entry import Link
from coprod_tui.shell.home import HomeScreen
from coprod_tui.spectrum.area_screen import (
    PracticeHistoryScreen,
    SavedPlacementsScreen,
    SpectrumScreen,
)
from coprod_tui.spectrum.place_screen import PlaceActivityScreen
from coprod_tui.spectrum.practice_screen import PracticeScreen
from coprod_tui.spectrum.result_screen import SpectrumDrawing, SpectrumResultScreen
from coprod_tui.spectrum.rules import APPROACHES
from tests.conftest import wait_until


async def type_text(pilot, text: str) -> None:
    await pilot.press(*["space" if ch == " " else ch for ch in text])


def static_text(screen, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


async def open_spectrum(app: CoprodApp, pilot) -> None:
    await wait_until(pilot, lambda: app.store_ready)
    await pilot.press("3")
    await wait_until(pilot, lambda: isinstance(app.screen, SpectrumScreen))


async def test_place_an_activity_by_keys_save_and_reopen(data_dir: Path) -> None:
    app = CoprodApp(data_dir=data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_spectrum(app, pilot)
        await pilot.press("a")
        await wait_until(pilot, lambda: isinstance(app.screen, PlaceActivityScreen))
        await pilot.press("ctrl+n")  # no title yet: stays on the first page
        await pilot.pause()
        assert app.screen.step_index == -1
        await type_text(pilot, "Carers survey [bold]")
        await pilot.press("tab")
        await type_text(pilot, "We asked carers")
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert "involved at all" in static_text(app.screen, "#question-prompt")
        await pilot.press("1")  # citizens involved
        await pilot.press("2")  # knowledge: people
        await pilot.press("1")  # decisions: organisation
        await pilot.press("down", "enter")  # acts: arrows + Enter, the people
        # People / organisation / people fits no row of the table: no refining
        # question, the result names it as between two places, no box ticked.
        await wait_until(pilot, lambda: isinstance(app.screen, SpectrumResultScreen))
        between = app.screen
        assert between.result.approach.id == "between-for-community"
        assert "Place: between doing for and community-led action" in static_text(
            between, "#result-place")
        assert "[x]" not in "\n".join(between.query_one(SpectrumDrawing).lines())
        await pilot.press("b")  # back to the questions to change the last answer
        await wait_until(pilot, lambda: isinstance(app.screen, PlaceActivityScreen))
        await pilot.press("1")  # acts: organisation
        await pilot.pause()
        assert "knowledge move" in static_text(app.screen, "#question-prompt")
        await pilot.press("2")  # refine: set the questions, kept the data
        await wait_until(pilot, lambda: isinstance(app.screen, SpectrumResultScreen))
        result = app.screen
        assert result.result.approach.id == "consultation"
        assert "Place: consultation" in static_text(result, "#result-place")
        assert "[bold]" in static_text(result, "#result-title")
        drawing = result.query_one(SpectrumDrawing)
        lines = drawing.lines()
        assert max(len(line) for line in lines) <= 78
        marked = next(line for line in lines if "[x]" in line)
        caret = next(line for line in lines if line.strip() == "^")
        assert marked[caret.index("^") - 1: caret.index("^") + 2] == "[x]"
        await pilot.press("b")  # back to the questions: choose participation instead
        await wait_until(pilot, lambda: isinstance(app.screen, PlaceActivityScreen))
        await pilot.press("3")
        await wait_until(pilot, lambda: isinstance(app.screen, SpectrumResultScreen))
        assert app.screen.result.approach.id == "participation"
        assert app.store.all("spectrum") == []
        await pilot.press("s")
        await pilot.pause()
        (doc,) = app.store.all("spectrum")
        assert doc["title"] == "Carers survey [bold]"
        assert doc["description"] == "We asked carers"
        assert (doc["knowledge"], doc["decisions"], doc["acts"]) == (
            "people", "organisation", "organisation")
        assert (doc["place"], doc["group"], doc["refine"]) == ("participation", "doing-for",
                                                               "listen")
        await pilot.press("s")  # saving twice keeps one record
        await pilot.press("d")
        await wait_until(pilot, lambda: isinstance(app.screen, SpectrumScreen))
        assert len(app.store.all("spectrum")) == 1
        assert "-> participation" in static_text(app.screen, "#spectrum-status")
        await pilot.press("s")
        await wait_until(pilot, lambda: isinstance(app.screen, SavedPlacementsScreen))
        rows = app.screen.query_one("#saved-placements", OptionList)
        assert rows.option_count == 1
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, SpectrumResultScreen))
        assert app.screen.record_id == doc["id"]
        assert app.screen.result.approach.id == "participation"
        await pilot.press("b", "b")
        await wait_until(pilot, lambda: isinstance(app.screen, SpectrumScreen))
        await pilot.press("h")
        await wait_until(pilot, lambda: isinstance(app.screen, HomeScreen))
        areas = app.screen.query_one("#areas", OptionList)
        await wait_until(pilot, lambda: "-> participation" in str(
            areas.get_option("spectrum").prompt))


async def test_no_citizens_gives_collaboration(data_dir: Path) -> None:
    app = CoprodApp(data_dir=data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_spectrum(app, pilot)
        await pilot.press("a")
        await type_text(pilot, "Discharge meeting")
        await pilot.press("ctrl+n", "2")
        await wait_until(pilot, lambda: isinstance(app.screen, SpectrumResultScreen))
        assert app.screen.result.approach.id == "collaboration"
        lines = app.screen.query_one(SpectrumDrawing).lines()
        assert any("[x] collaboration" in line and "this activity" in line for line in lines)


async def test_a_practice_round_by_keys_keeps_its_score(data_dir: Path) -> None:
    app = CoprodApp(data_dir=data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_spectrum(app, pilot)
        await pilot.press("p")
        await wait_until(pilot, lambda: isinstance(app.screen, PracticeScreen))
        practice = app.screen
        ids = [a.id for a in APPROACHES]
        for turn in range(len(practice.round)):
            scenario = practice.current
            assert scenario is not None
            assert scenario.title in static_text(practice, "#practice-title")
            right = ids.index(scenario.place) + 1
            wrong = right % len(ids) + 1
            await pilot.press(str(right if turn % 2 == 0 else wrong))
            await pilot.pause()
            feedback = static_text(practice, "#practice-feedback")
            assert ("Right." if turn % 2 == 0 else "Not quite") in feedback
            assert "How the three questions lead there" in feedback
            assert "Why: " + scenario.explanation[:20] in feedback
            await pilot.press("n")
            await pilot.pause()
        assert practice.phase == "finished"
        (doc,) = app.store.all("practice")
        assert doc["exercise"] == "spectrum"
        assert (doc["score"], doc["total"]) == (3, 6)
        assert doc["date"]
        await pilot.press("b")
        await wait_until(pilot, lambda: isinstance(app.screen, SpectrumScreen))
        assert "practice 3/6" in static_text(app.screen, "#spectrum-status")
        await pilot.press("r")
        await wait_until(pilot, lambda: isinstance(app.screen, PracticeHistoryScreen))
        rows = app.screen.query_one("#practice-history", OptionList)
        assert "3 of 6 right" in str(rows.get_option_at_index(0).prompt)


async def test_practice_rounds_differ_and_unfinished_ones_are_not_scored(data_dir: Path) -> None:
    app = CoprodApp(data_dir=data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_spectrum(app, pilot)
        app.push_screen(PracticeScreen(random.Random(3)))
        await pilot.pause()
        await pilot.press("1", "n", "b")
        await wait_until(pilot, lambda: isinstance(app.screen, SpectrumScreen))
        assert app.store.all("practice") == []


import coprod_tui.app as app_module  # noqa: E402 - the CSS path of the real app


class RecordingApp(CoprodApp):
    """The real app, recording calls to the journal's contract instead of opening it."""

    CSS_PATH = str(Path(app_module.__file__).with_name("app.tcss"))

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.reflections: list[tuple] = []

    def reflect_on(self, title, values, link, summary) -> None:  # noqa: ANN001
        self.reflections.append((title, values, link, summary))


async def test_prefilled_from_another_area_and_reflect_on_it(data_dir: Path) -> None:
    app = RecordingApp(data_dir=data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: app.store_ready)
        app.place_on_spectrum("Carers' pathway", "From a complex challenge",
                              Link("complexity", "c1", "Pathway"))
        await wait_until(pilot, lambda: isinstance(app.screen, PlaceActivityScreen)
                         and bool(app.screen.query("#title")))
        assert app.screen.query_one("#title", QuietInput).value == "Carers' pathway"
        await pilot.press("ctrl+n", "1", "3", "3", "3")
        await wait_until(pilot, lambda: isinstance(app.screen, SpectrumResultScreen))
        assert app.screen.result.approach.id == "co-production"
        await pilot.press("r")  # saves, then asks the journal for an entry
        await pilot.pause()
        (doc,) = app.store.all("spectrum")
        assert doc["link"] == {"kind": "complexity", "ref": "c1", "label": "Pathway"}
        ((title, values, link, summary),) = app.reflections
        assert title == "Spectrum: Carers' pathway"
        assert "relationships" in values
        assert link == Link("spectrum", doc["id"], "Carers' pathway")
        assert "co-production (doing with)" in summary


async def test_unsaved_activity_is_kept_as_a_draft(data_dir: Path) -> None:
    app = CoprodApp(data_dir=data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_spectrum(app, pilot)
        await pilot.press("a")
        await type_text(pilot, "Half typed")
        await pilot.press("ctrl+q")
        await pilot.pause()
    again = CoprodApp(data_dir=data_dir)
    async with again.run_test(size=(80, 24)) as pilot:
        await open_spectrum(again, pilot)
        await pilot.press("a")
        await wait_until(pilot, lambda: isinstance(again.screen, PlaceActivityScreen)
                         and bool(again.screen.query("#title")))
        assert again.screen.query_one("#title", QuietInput).value == "Half typed"


async def test_a_broken_scenario_pack_is_reported_not_a_crash(data_dir: Path,
                                                              tmp_path: Path) -> None:
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "spectrum_scenarios.json").write_text(
        '{"scenarios": [{"id": "bad-one", "title": "T", "text": "x", "place": "co-production",'
        ' "answers": {"knowledge": "people", "decisions": "people", "acts": "people"},'
        ' "explanation": "e"}]}')
    app = CoprodApp(data_dir=data_dir, content_dirs=[pack])
    async with app.run_test(size=(80, 24)) as pilot:
        await open_spectrum(app, pilot)
        await pilot.press("p")
        await wait_until(pilot, lambda: isinstance(app.screen, PracticeScreen))
        await pilot.pause()
        message = static_text(app.screen, "#practice-text")
        assert "spectrum_scenarios.json: scenario 'bad-one'" in message
        assert "lead to 'community-led'" in message
        await pilot.press("b")
        await wait_until(pilot, lambda: isinstance(app.screen, SpectrumScreen))


async def test_a_saved_activity_is_not_kept_as_a_draft(data_dir: Path) -> None:
    app = CoprodApp(data_dir=data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_spectrum(app, pilot)
        await pilot.press("a")
        await type_text(pilot, "Saved one")
        await pilot.press("ctrl+n", "1", "3", "3", "3")
        await wait_until(pilot, lambda: isinstance(app.screen, SpectrumResultScreen))
        await pilot.press("s")
        await pilot.pause()
        assert len(app.store.all("spectrum")) == 1
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert app.store.load_draft("spectrum:place") is None


async def test_menu_works_with_arrows_and_enter(data_dir: Path) -> None:
    app = CoprodApp(data_dir=data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_spectrum(app, pilot)
        await pilot.press("down", "down", "enter")
        await wait_until(pilot, lambda: isinstance(app.screen, SavedPlacementsScreen))
        assert "No saved placements yet" in static_text(app.screen, ".list-empty")
        await pilot.press("b", "down", "enter")
        await wait_until(pilot, lambda: isinstance(app.screen, PracticeHistoryScreen))


async def test_question_count_never_grows_and_names_the_activity(data_dir: Path) -> None:
    # Issue 17: "Question 4 of 4" was followed by "Question 5 of 5", and the
    # question pages did not say which activity was being placed.
    app = CoprodApp(data_dir=data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_spectrum(app, pilot)
        await pilot.press("a")
        await wait_until(pilot, lambda: isinstance(app.screen, PlaceActivityScreen))
        await type_text(pilot, "Ward [b]rounds")
        await pilot.press("ctrl+n")
        await pilot.pause()
        seen = []
        for answer in ("1", "1", "1", "1"):  # involved; organisation everywhere: doing to
            progress = static_text(app.screen, "#question-progress")
            assert progress.startswith("Placing: Ward [b]rounds\n")
            seen.append(progress.splitlines()[-1])
            await pilot.press(answer)
            await pilot.pause()
        progress = static_text(app.screen, "#question-progress")
        assert "What is the organisation doing?" in static_text(app.screen, "#question-prompt")
        assert progress == "Placing: Ward [b]rounds\nOne more question, optional"
        assert seen == [f"Question {n} of 4" for n in range(1, 5)]
        await pilot.press("b")
        await pilot.pause()
        assert static_text(app.screen, "#question-progress").endswith("Question 4 of 4")


async def test_practice_feedback_counts_the_answer_and_the_round_ends_with_a_review(
        data_dir: Path) -> None:
    app = CoprodApp(data_dir=data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_spectrum(app, pilot)
        await pilot.press("p")
        await wait_until(pilot, lambda: isinstance(app.screen, PracticeScreen))
        practice = app.screen
        ids = [a.id for a in APPROACHES]
        missed = []
        for turn in range(len(practice.round)):
            scenario = practice.current
            right = ids.index(scenario.place) + 1
            correct = turn != 1
            await pilot.press(str(right if correct else right % len(ids) + 1))
            await pilot.pause()
            if not correct:
                missed.append(scenario)
            assert static_text(practice, "#practice-progress").endswith(
                f"right so far: {turn + 1 - len(missed)} of {turn + 1}")
            await pilot.press("n")
            await pilot.pause()
        review = static_text(practice, "#practice-feedback")
        assert review.startswith("To look at again (1):")
        assert missed[0].title in review and "Why: " + missed[0].explanation[:30] in review
        for scenario in practice.round:
            if scenario is not missed[0]:
                assert f"- {scenario.title}\n" not in review
