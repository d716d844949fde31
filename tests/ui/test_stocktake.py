"""The stocktake driven by keys only: take one, pause and resume, history, compare, trend."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import OptionList, Static

from coprod_tui.app import CoprodApp
from coprod_tui.core.store import Store
from coprod_tui.journal.entry import VALUE_IDS
from coprod_tui.shell.home import HomeScreen
from coprod_tui.stocktake import records as stocktakes
from coprod_tui.stocktake.area_screen import StocktakeScreen
from coprod_tui.stocktake.compare_screen import StocktakeCompareScreen, StocktakeTrendScreen
from coprod_tui.stocktake.history_screen import StocktakeHistoryScreen
from coprod_tui.stocktake.result_screen import StocktakeResultScreen
from coprod_tui.stocktake.rules import Stocktake
from coprod_tui.stocktake.run_screen import StocktakeRunScreen
from coprod_tui.stocktake.setup_screen import StocktakeSetupScreen
from tests.conftest import wait_until


def screen_text(app: CoprodApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


async def open_stocktake(app: CoprodApp, pilot) -> StocktakeScreen:
    await wait_until(pilot, lambda: app.store_ready)
    await pilot.press("5")
    await wait_until(pilot, lambda: isinstance(app.screen, StocktakeScreen))
    screen = app.screen
    await wait_until(pilot, lambda: screen.statements is not None)
    return screen


def make_finished(store: Store, stamp: str, scores: dict[str, list[int]], level: str = "myself") -> Stocktake:
    stocktake = Stocktake(level=level, started=stamp)
    for value_id, values in scores.items():
        for index, score in enumerate(values):
            stocktake.set_score(value_id, index, score)
    stocktake = stocktakes.save(store, stocktake)
    stocktake.finished, stocktake.finished_at = True, stamp
    return stocktakes.save(store, stocktake)


async def test_a_whole_stocktake_by_keys_alone(data_dir: Path) -> None:
    app = CoprodApp(data_dir=data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_stocktake(app, pilot)
        await pilot.press("n")
        await wait_until(pilot, lambda: isinstance(app.screen, StocktakeSetupScreen))
        await pilot.press("down", "enter")  # my team
        await pilot.press(*"Ann [b]x[/b]", "enter")
        await wait_until(pilot, lambda: isinstance(app.screen, StocktakeRunScreen))
        # Value by value: three scores, then the notes.
        answers = {"strengths": "123", "networks": "222", "what-matters": "345",
                   "relationships": "555", "change-makers": "431"}
        for value_id in VALUE_IDS:
            for digit in answers[value_id]:
                await pilot.press(digit)
            await pilot.pause()
            assert "Notes on" in screen_text(app, "#stocktake-progress")
            if value_id == "networks":
                await pilot.press("enter", *"Joint clinic", "tab", *"Share plans")
            await pilot.press("ctrl+s")
            await pilot.pause()
        await wait_until(pilot, lambda: isinstance(app.screen, StocktakeResultScreen))
        text = screen_text(app, "#stocktake-result")
        assert "Total" in text and "47/75" in text
        assert "Making progress" in text
        assert "Weakest: Strengths (6/15), Networks (6/15)" in text
        assert "Ann [b]x[/b]" in text  # typed markup shown literally
        assert "info.copronet.wales" in text
        saved = app.store.all("stocktakes")
        assert len(saved) == 1
        doc = saved[0]
        assert doc["finished"] is True and doc["level"] == "team"
        assert doc["participants"] == "Ann [b]x[/b]"
        assert doc["scores"]["what-matters"] == [3, 4, 5]
        assert doc["notes"]["networks"] == {"working": "Joint clinic", "next": "Share plans"}
        await pilot.press("b")
        await wait_until(pilot, lambda: isinstance(app.screen, StocktakeScreen))
        await pilot.press("h")
        await wait_until(pilot, lambda: isinstance(app.screen, HomeScreen))
        areas = app.screen.query_one("#areas", OptionList)
        await wait_until(pilot, lambda: "47/75" in str(areas.get_option("stocktake").prompt))


async def test_back_changes_an_answer(data_dir: Path) -> None:
    app = CoprodApp(data_dir=data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_stocktake(app, pilot)
        await pilot.press("n")
        await wait_until(pilot, lambda: isinstance(app.screen, StocktakeSetupScreen))
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: isinstance(app.screen, StocktakeRunScreen))
        await pilot.press("2", "b")
        assert "* 2" in screen_text(app, "#stocktake-scale")
        await pilot.press("4", "b", "n")
        assert "Statement 2 of 15" in screen_text(app, "#stocktake-progress")
        [doc] = app.store.all("stocktakes")
        assert doc["scores"]["strengths"][0] == 4 and doc["level"] == "myself"
        assert doc["finished"] is False


async def test_pause_and_resume_after_restart(data_dir: Path) -> None:
    app = CoprodApp(data_dir=data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_stocktake(app, pilot)
        await pilot.press("n")
        await wait_until(pilot, lambda: isinstance(app.screen, StocktakeSetupScreen))
        await pilot.press("enter", *"Ward 7", "enter")
        await wait_until(pilot, lambda: isinstance(app.screen, StocktakeRunScreen))
        await pilot.press("3", "3", "3", "enter", *"Drop-in", "q")  # notes half typed, then ctrl+q below
        await pilot.press("ctrl+q")
        await pilot.pause()
    [doc] = Store.open(data_dir).all("stocktakes")
    assert doc["finished"] is False and doc["scores"]["strengths"] == [3, 3, 3]
    assert doc["notes"]["strengths"]["working"] == "Drop-inq"

    again = CoprodApp(data_dir=data_dir)
    async with again.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: again.store_ready)
        areas = again.screen.query_one("#areas", OptionList)
        await wait_until(pilot, lambda: "3 of 15 answered" in str(areas.get_option("stocktake").prompt))
        screen = await open_stocktake(again, pilot)
        menu = screen.query_one("#stocktake-menu", OptionList)
        assert menu.highlighted_option is not None and menu.highlighted_option.id == "resume"
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(again.screen, StocktakeRunScreen))
        assert "Notes on Strengths" in screen_text(again, "#stocktake-progress")
        await pilot.press("ctrl+s")
        assert "Statement 4 of 15" in screen_text(again, "#stocktake-progress")
        await pilot.press("p")  # pause
        await wait_until(pilot, lambda: isinstance(again.screen, StocktakeScreen))
        await pilot.press("r")
        await wait_until(pilot, lambda: isinstance(again.screen, StocktakeRunScreen))
        for _ in range(12):
            await pilot.press("4")
            if "Notes on" in screen_text(again, "#stocktake-progress"):
                await pilot.press("ctrl+s")
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: isinstance(again.screen, StocktakeResultScreen))
    [doc] = Store.open(data_dir).all("stocktakes")
    assert doc["finished"] is True and doc["participants"] == "Ward 7"
    assert doc["notes"]["strengths"]["working"] == "Drop-inq"


async def test_new_while_one_is_unfinished_asks_first(data_dir: Path) -> None:
    store = Store.open(data_dir)
    waiting = Stocktake()
    waiting.set_score("strengths", 0, 2)
    stocktakes.save(store, waiting)
    app = CoprodApp(data_dir=data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_stocktake(app, pilot)
        await pilot.press("n")
        await pilot.pause()
        await pilot.press("down", "enter")  # delete it and start a new one
        await wait_until(pilot, lambda: isinstance(app.screen, StocktakeSetupScreen))
        assert app.store.all("stocktakes") == []


async def test_history_compare_and_trend(data_dir: Path) -> None:
    store = Store.open(data_dir)
    low = {v: [1, 2, 2] for v in VALUE_IDS}
    mid = {v: [3, 3, 3] for v in VALUE_IDS}
    high = dict(mid, networks=[5, 5, 4])
    make_finished(store, "2026-01-10T10:00:00+00:00", low)
    make_finished(store, "2026-05-10T10:00:00+00:00", mid, level="team")
    make_finished(store, "2026-09-10T10:00:00+00:00", high, level="team")
    app = CoprodApp(data_dir=data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_stocktake(app, pilot)
        await pilot.press("l")
        await wait_until(pilot, lambda: isinstance(app.screen, StocktakeHistoryScreen))
        history = app.screen
        assert [s.started[:10] for s in history.items] == ["2026-09-10", "2026-05-10", "2026-01-10"]
        # Mark the newest and the oldest, compare.
        await pilot.press("space", "down", "down", "space", "c")
        await wait_until(pilot, lambda: isinstance(app.screen, StocktakeCompareScreen))
        text = str(app.screen.query_one(".stocktake-report", Static).render())
        assert "Networks" in text and "+9 (up 9)" in text
        assert "Total" in text and "25/75" in text and "50/75" in text and "+25 (up 25)" in text
        await pilot.press("b")
        await wait_until(pilot, lambda: isinstance(app.screen, StocktakeHistoryScreen))
        await pilot.press("t")
        await wait_until(pilot, lambda: isinstance(app.screen, StocktakeTrendScreen))
        text = str(app.screen.query_one(".stocktake-report", Static).render())
        assert "Overall: rising, +25 (up 25)" in text
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, StocktakeHistoryScreen))
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, StocktakeResultScreen))
        text = screen_text(app, "#stocktake-result")  # the highlighted one: the oldest
        assert "2026-01-10" in text and "25/75" in text and "Early days" in text


async def test_home_reminds_and_the_period_is_a_setting(data_dir: Path) -> None:
    make_finished(Store.open(data_dir), "2020-02-03T10:00:00+00:00", {v: [3, 3, 3] for v in VALUE_IDS})
    app = CoprodApp(data_dir=data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: app.store_ready)
        areas = app.screen.query_one("#areas", OptionList)

        def summary() -> str:
            # Home wraps a long line onto a second, indented line: compare words.
            return " ".join(str(areas.get_option("stocktake").prompt).split())

        await wait_until(pilot, lambda: "2020-02-03: 45/75" in summary())
        assert "over 3 months ago" in summary()
        await pilot.press("7")
        await pilot.pause()
        await pilot.press("down", "down", "enter")  # theme, mouse, stocktake reminder
        await pilot.pause()
        await pilot.press("end", "enter")  # never
        await pilot.pause()
        assert app.store.get_setting("stocktake-reminder") == "off"
        await pilot.press("h")
        await wait_until(pilot, lambda: isinstance(app.screen, HomeScreen))
        await wait_until(pilot, lambda: "over" not in summary() and "45/75" in summary())


async def test_notes_step_goes_back_to_the_statement(data_dir: Path) -> None:
    app = CoprodApp(data_dir=data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_stocktake(app, pilot)
        await pilot.press("n")
        await wait_until(pilot, lambda: isinstance(app.screen, StocktakeSetupScreen))
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: isinstance(app.screen, StocktakeRunScreen))
        await pilot.press("1", "2", "3", "tab", *"ok", "pageup")
        assert "Statement 3 of 15" in screen_text(app, "#stocktake-progress")
        assert "* 3" in screen_text(app, "#stocktake-scale")
        await pilot.press("5")
        assert "Notes on Strengths" in screen_text(app, "#stocktake-progress")
        [doc] = app.store.all("stocktakes")
        assert doc["scores"]["strengths"] == [1, 2, 5]
        assert doc["notes"]["strengths"]["working"] == "ok"


async def test_a_broken_statements_file_is_reported_not_crashed(data_dir: Path, tmp_path: Path) -> None:
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "stocktake.json").write_text('{"title": "x"}', encoding="utf-8")
    app = CoprodApp(data_dir=data_dir, content_dirs=[pack])
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: app.store_ready)
        await pilot.press("5")
        await wait_until(pilot, lambda: isinstance(app.screen, StocktakeScreen))
        await wait_until(pilot, lambda: "stocktake.json" in screen_text(app, "#stocktake-status"))
        assert str(pack) in screen_text(app, "#stocktake-status")
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, StocktakeScreen)
        assert app.store.all("stocktakes") == []
