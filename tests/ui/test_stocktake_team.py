"""A team's stocktake in the app, by keys alone at 80x24: share, then combine three files."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest
from textual.widgets import Static

from coprod_tui.app import CoprodApp
from coprod_tui.core.store import Store
from coprod_tui.journal.entry import VALUE_IDS
from coprod_tui.stocktake import records as stocktakes
from coprod_tui.stocktake import share as stocktake_share
from coprod_tui.stocktake.area_screen import StocktakeScreen
from coprod_tui.stocktake.history_screen import StocktakeHistoryScreen
from coprod_tui.stocktake.team_screen import (
    ShareDialog,
    StocktakeTeamPickScreen,
    StocktakeTeamScreen,
)
from tests.conftest import wait_until
from tests.ui.screen_text import footer_line, screen_text
from tests.ui.test_stocktake import make_finished, open_stocktake


def footer_keys(app: CoprodApp) -> set[str]:
    """The keys the footer shows for the current screen."""
    return {key for key, b in app.screen.active_bindings.items() if b.binding.show and b.enabled}


async def test_share_the_latest_by_keys_then_refuse_to_overwrite(
        data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    store = Store.open(data_dir)
    make_finished(store, "2026-01-10T10:00:00+00:00", {v: [2, 2, 2] for v in VALUE_IDS})
    latest = make_finished(store, "2026-05-10T10:00:00+00:00", {v: [4, 4, 4] for v in VALUE_IDS})
    latest.set_note("networks", "working", "weekly huddle")
    stocktakes.save(store, latest)
    app = CoprodApp(data_dir=data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_stocktake(app, pilot)
        assert {"s", "t"} <= footer_keys(app)
        words = ("Share", "Team view", "Home", "Quit")
        await wait_until(pilot, lambda: all(word in footer_line(app) for word in words))
        await pilot.press("s")
        await wait_until(pilot, lambda: isinstance(app.screen, ShareDialog))
        assert {"w", "n", "b"} <= footer_keys(app)
        assert "scores only" in screen_text(app)
        await pilot.press("n", "w")  # notes in, write
        await wait_until(pilot, lambda: app.screen is screen)
        [written] = list(home.glob("coprod-stocktake-share-*.json"))
        assert stat.S_IMODE(written.stat().st_mode) == 0o600
        doc = json.loads(written.read_text())
        assert doc["scores"]["strengths.1"] == 4  # the latest, not the older one
        assert doc["notes"] == {"networks": {"working": "weekly huddle"}}

        # Again: the file exists, so nothing is written until r.
        await pilot.press("s")
        await wait_until(pilot, lambda: isinstance(app.screen, ShareDialog))
        dialog = app.screen
        await pilot.press("w")
        status = str(dialog.query_one("#stocktake-share-status", Static).render())
        assert "already exists" in status and "press r" in status
        assert "r" in footer_keys(app)
        assert json.loads(written.read_text())["notes"]  # untouched so far
        await pilot.press("r")
        await wait_until(pilot, lambda: app.screen is screen)
        assert "notes" not in json.loads(written.read_text())  # replaced, scores only

        # From the history, the highlighted (older) one, to a name typed in the dialog.
        await pilot.press("l")
        await wait_until(pilot, lambda: isinstance(app.screen, StocktakeHistoryScreen))
        await pilot.press("down", "s")
        await wait_until(pilot, lambda: isinstance(app.screen, ShareDialog))
        target = tmp_path / "older.json"
        await pilot.press("tab", "ctrl+u", *str(target), "enter", "w")
        await wait_until(pilot, lambda: isinstance(app.screen, StocktakeHistoryScreen))
        assert json.loads(target.read_text())["scores"]["strengths.1"] == 2


async def test_team_view_from_chosen_files_by_keys(data_dir: Path, tmp_path: Path) -> None:
    shares = tmp_path / "shares"
    shares.mkdir()
    statements = stocktakes.load_statements()
    for n, (first, note) in enumerate(((1, "alpha"), (5, "charlie"), (3, "bravo"))):
        person = tmp_path / f"person{n}"
        store = Store.open(person)
        scores = {v: [3, 3, 3] for v in VALUE_IDS}
        scores["strengths"] = [first, 3, 3]
        done = make_finished(store, f"2026-0{n + 1}-10T10:00:00+00:00", scores)
        done.set_note("networks", "next", f"{note} idea")
        stocktake_share.write_share(shares / f"p{n}.json", done, statements, with_notes=True)
    (shares / "not-a-share.json").write_text("[]")
    Store.open(data_dir)
    app = CoprodApp(data_dir=data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_stocktake(app, pilot)
        await pilot.press("t")
        await wait_until(pilot, lambda: isinstance(app.screen, StocktakeTeamPickScreen))
        pick = app.screen
        assert {"o", "b"} <= footer_keys(app)
        await pilot.press("tab", "ctrl+u", *str(shares), "enter")
        await wait_until(pilot, lambda: len(pick.files) == 3)
        assert {"space", "a", "o", "b"} <= footer_keys(app)
        # The footer is redrawn once a frame when its keys change: wait for the frame.
        await wait_until(pilot, lambda: screen_text(app).splitlines()[-1].strip() != "")
        footer = screen_text(app).splitlines()[-1]
        assert "Mark" in footer and "Open team view" in footer
        # Two marked: refused with the reason, no team view.
        await pilot.press("space", "down", "space", "o")
        status = str(pick.query_one("#stocktake-team-status", Static).render())
        assert "could work out the other's answers" in status
        assert app.screen is pick
        await pilot.press("down", "space", "o")
        await wait_until(pilot, lambda: isinstance(app.screen, StocktakeTeamScreen))
        text = screen_text(app)
        assert "3 people" in text
        assert "1. Strengths 1: lowest 1, median 3, highest 5 (spread 4)" in text
        report = str(app.screen.query_one(".stocktake-report", Static).render())
        assert report.index("alpha idea") < report.index("bravo idea") < report.index("charlie idea")
        assert "p0.json" not in report and "p1" not in report
        await pilot.press("b")
        await wait_until(pilot, lambda: app.screen is pick)
        await pilot.press("b")
        await wait_until(pilot, lambda: isinstance(app.screen, StocktakeScreen))
