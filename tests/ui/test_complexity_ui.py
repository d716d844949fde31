"""The complexity exercise driven by keys alone, checked in the store."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import OptionList, Static

from coprod_tui.app import CoprodApp
from coprod_tui.complexity import records as cx
from coprod_tui.complexity.area_screen import ComplexityScreen
from coprod_tui.complexity.challenge_screen import ChallengeScreen
from coprod_tui.complexity.history_screen import PracticeHistoryScreen
from coprod_tui.complexity.practice_screen import PracticeScreen
from coprod_tui.complexity.rules import DOMAIN_IDS
from coprod_tui.shell.home import HomeScreen
from tests.conftest import wait_until


async def type_text(pilot, text: str) -> None:
    await pilot.press(*("space" if ch == " " else ch for ch in text))


def static_text(screen, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


async def open_complexity(pilot, app: CoprodApp) -> ComplexityScreen:
    await wait_until(pilot, lambda: app.store_ready)
    await pilot.press("4")
    await wait_until(pilot, lambda: isinstance(app.screen, ComplexityScreen) and app.screen.loaded)
    return app.screen


async def test_a_challenge_with_a_plan_then_revised(data_dir: Path) -> None:
    app = CoprodApp(data_dir=data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_complexity(pilot, app)
        await pilot.press("n")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ChallengeScreen)
        await type_text(pilot, "Lonely carers")
        await pilot.press("tab")
        await type_text(pilot, "Old [b]")
        await pilot.press("tab")  # the questions
        await pilot.press("n", "u", "n", "y", "n")
        assert "Result so far: Complex" in static_text(screen, "#result-so-far")
        await pilot.press("ctrl+n")
        await pilot.pause()
        map_text = static_text(screen, "#complexity-map")
        assert "[X] COMPLEX" in map_text and ">> YOUR CHALLENGE IS HERE <<" in map_text
        assert "For co-production: This is where co-production belongs" in static_text(
            screen, "#result-text")
        assert "Act now: 'yes' instead of 'no' would make it chaotic." in static_text(screen, "#result-text")
        await pilot.press("tab")
        await type_text(pilot, "Cafe")
        await pilot.press("tab")
        await type_text(pilot, "carers")
        await pilot.press("tab")
        await type_text(pilot, "not known")
        await pilot.press("tab")
        await type_text(pilot, "2027-13-40")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.store.count("complexity") == 0  # a bad date is refused, text kept
        assert screen.query_one("#plan-review").value == "2027-13-40"
        await pilot.press("backspace", "backspace", "backspace", "backspace", "backspace")
        await type_text(pilot, "01-15")
        await pilot.press("ctrl+s")
        await pilot.pause()
        [doc] = app.store.all("complexity")
        assert doc["title"] == "Lonely carers"
        assert doc["description"] == "Old [b]"
        assert doc["domain"] == "complex"
        assert doc["answers"] == {"recipe": "no", "expertise": "unsure", "predictable": "no",
                                  "people": "yes", "crisis": "no"}
        assert doc["plan"] == {"action": "Cafe",
                               "who": "carers",
                               "expected": "not known", "review": "2027-01-15"}
        assert app.store.load_draft("complexity:new") is None

        # Revise: back to the answers, it is in fact an emergency.
        await pilot.press("ctrl+b")
        await pilot.pause()
        await pilot.press("end", "y")
        await pilot.press("ctrl+s")
        await pilot.pause()
        [doc] = app.store.all("complexity")
        assert doc["domain"] == "chaotic"
        assert doc["history"][0]["domain"] == "complex"
        assert doc["history"][0]["answers"]["crisis"] == "no"

        await pilot.press("ctrl+l")
        await wait_until(pilot, lambda: isinstance(app.screen, ComplexityScreen)
                         and "Lonely carers" in str(app.screen.query_one("#challenges", OptionList)
                                                     .get_option_at_index(0).prompt))
        assert "[Chaotic]" in str(app.screen.query_one("#challenges", OptionList)
                                  .get_option_at_index(0).prompt)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ChallengeScreen)
        assert app.screen.query_one("#challenge-title").value == "Lonely carers"
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert "Earlier versions" in static_text(app.screen, "#challenge-history")
        await pilot.press("ctrl+l")
        await pilot.pause()
        await pilot.press("h")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await wait_until(pilot, lambda: "Latest: Lonely carers: chaotic" in str(
            app.screen.query_one("#areas", OptionList).get_option("complexity").prompt))


async def test_unsaved_challenge_is_kept_as_a_draft_and_restored(data_dir: Path, tmp_path: Path) -> None:
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / cx.SCENARIO_FILE).write_text('{"scenarios": [{"id": "x"}]}', encoding="utf-8")
    app = CoprodApp(data_dir=data_dir, content_dirs=[pack])
    async with app.run_test(size=(80, 24)) as pilot:
        await open_complexity(pilot, app)
        await pilot.press("p")  # a broken content pack: an error, no practice
        await pilot.pause()
        assert isinstance(app.screen, ComplexityScreen)
        await pilot.press("n")
        await pilot.pause()
        await type_text(pilot, "Discharge")
        await pilot.press("tab", "tab", "y")
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert app.store.load_draft("complexity:new")["title"] == "Discharge"
        await pilot.press("n")
        await pilot.pause()
        assert app.screen.query_one("#challenge-title").value == "Discharge"
        assert app.screen.query_one("#questions").answers["recipe"] == "yes"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.store.count("complexity") == 1
        assert app.store.load_draft("complexity:new") is None
        await pilot.press("ctrl+l", "n")
        await pilot.pause()
        await type_text(pilot, "Later")
        await pilot.press("ctrl+q")  # quitting keeps unsaved writing
        await pilot.pause()
    assert app.store.load_draft("complexity:new")["title"] == "Later"


async def test_a_title_is_needed_and_spectrum_only_for_complex(data_dir: Path) -> None:
    app = CoprodApp(data_dir=data_dir, ascii_only=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_complexity(pilot, app)
        await pilot.press("n")
        await pilot.pause()
        screen = app.screen
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.store.count("complexity") == 0
        assert screen.focused is screen.query_one("#challenge-title")
        await pilot.press("tab", "tab", "y", "n", "y", "n", "n")
        assert "Simple" in static_text(screen, "#result-so-far")
        await pilot.press("ctrl+n")
        map_text = static_text(screen, "#complexity-map")
        assert map_text.isascii() and "[X] SIMPLE" in map_text
        assert screen.check_action("spectrum", ()) is False  # simple: no spectrum
        await pilot.press("ctrl+b", "home", "n", "n", "n", "y")
        assert "Complex" in static_text(screen, "#result-so-far")
        assert screen.check_action("spectrum", ()) is False  # only on the result step
        await pilot.press("ctrl+n")
        assert screen.check_action("spectrum", ()) is True


async def test_a_practice_round_with_feedback_score_and_history(data_dir: Path) -> None:
    app = CoprodApp(data_dir=data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_complexity(pilot, app)
        await pilot.press("p")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PracticeScreen)
        wrong_once = False
        expected_score = 0
        while screen.scenario is not None:
            scenario = screen.scenario
            assert scenario.title in static_text(screen, "#practice-scenario")
            if wrong_once:
                choice = scenario.expected
                expected_score += 1
            else:
                choice = next(d for d in DOMAIN_IDS if not scenario.accepts(d))
                wrong_once = True
            await pilot.press(str(DOMAIN_IDS.index(choice) + 1))
            await pilot.pause()
            feedback = static_text(screen, "#practice-feedback")
            assert feedback.startswith("\nRIGHT" if choice == scenario.expected else "\nNOT QUITE")
            assert scenario.explanation[:30] in feedback
            assert "How the five questions lead there" in feedback
            await pilot.press("n")
            await pilot.pause()
        await wait_until(pilot, lambda: screen.saved_round is not None)
        [saved] = cx.rounds(app.store)
        assert saved["exercise"] == "complexity"
        assert (saved["score"], saved["total"]) == (expected_score, len(screen.round))
        assert f"Round finished: {expected_score} of" in static_text(screen, "#practice-progress")
        await pilot.press("y")
        await pilot.pause()
        history = app.screen
        assert isinstance(history, PracticeHistoryScreen)
        await wait_until(pilot, lambda: history.loaded)
        assert f"{expected_score} of {saved['total']}" in str(
            history.query_one("#rounds", OptionList).get_option_at_index(0).prompt)
        assert "[wrong]" in static_text(history, "#round-details")
        await pilot.press("b")
        await pilot.pause()
        assert app.screen is screen
        await pilot.press("b")
        await pilot.pause()
        assert isinstance(app.screen, ComplexityScreen)
