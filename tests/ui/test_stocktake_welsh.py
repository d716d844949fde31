"""The stocktake in Welsh at 80x24, by keys: the area, a whole stocktake through
every statement and note to the result, history, comparing two, the trend,
sharing and the team view. No English line from coprod's own screens or its
Welsh statements, nothing cut short (issue 20)."""

from __future__ import annotations

from pathlib import Path

from coprod_tui import i18n
from coprod_tui.app import CoprodApp
from coprod_tui.core.store import Store
from coprod_tui.core.ui.choice import ChoiceDialog
from coprod_tui.journal.entry import VALUE_IDS
from coprod_tui.shell.help import HelpScreen
from coprod_tui.stocktake import records as stocktakes
from coprod_tui.stocktake import share as stocktake_share
from coprod_tui.stocktake.area_screen import StocktakeScreen
from coprod_tui.stocktake.compare_screen import StocktakeCompareScreen, StocktakeTrendScreen
from coprod_tui.stocktake.history_screen import StocktakeHistoryScreen
from coprod_tui.stocktake.result_screen import StocktakeResultScreen
from coprod_tui.stocktake.run_screen import StocktakeRunScreen
from coprod_tui.stocktake.setup_screen import StocktakeSetupScreen
from coprod_tui.stocktake.team_screen import (
    ShareDialog,
    StocktakeTeamPickScreen,
    StocktakeTeamScreen,
)
from tests.conftest import wait_until
from tests.ui.screen_text import footer_line, screen_text
from tests.ui.test_stocktake import make_finished
from tests.ui.welsh_check import cut_short, english_lines

# What the test types: the user's own words, shown as typed in any language.
WHO = "dwy nyrs a gofalwr"
NOTE = "Clinig ar y cyd"


def seed_in_english(data_dir: Path) -> None:
    """Two stocktakes finished while the app was in English (ids and scores only)."""
    store = Store.open(data_dir)
    for month, score in ((3, 2), (6, 3)):
        make_finished(store, f"2026-0{month}-01T10:00:00+00:00",
                      {v: [score, score, score + 1] for v in VALUE_IDS}, level="team")


def seed_shares(folder: Path, tmp_path: Path) -> None:
    """Three people's share files, made with the English statements."""
    folder.mkdir()
    statements = stocktakes.load_statements(language="en")
    for n, first in enumerate((1, 3, 5)):
        scores = {v: [3, 3, 3] for v in VALUE_IDS}
        scores["networks"] = [first, 2, 3]
        done = make_finished(Store.open(tmp_path / f"person{n}"),
                             f"2026-0{n + 1}-10T10:00:00+00:00", scores)
        stocktake_share.write_share(folder / f"p{n}.json", done, statements)


async def _seen(pilot, app: CoprodApp, screen_type: type, words: str = "") -> str:
    await wait_until(pilot, lambda: isinstance(app.screen, screen_type))
    if words:
        await wait_until(pilot, lambda: words in screen_text(app))
    await pilot.pause()
    # The footer is rebuilt once a frame after the keys change: wait for it.
    await wait_until(pilot, lambda: footer_line(app).strip() != "")
    return screen_text(app)


async def test_the_stocktake_area_in_welsh_at_80x24(data_dir: Path, tmp_path: Path) -> None:
    seed_in_english(data_dir)
    shares = tmp_path / "shares"
    seed_shares(shares, tmp_path)
    i18n.set_language("cy")
    app = CoprodApp(data_dir=data_dir)
    seen: list[tuple[str, str]] = []
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: app.store_ready)
        await pilot.press("5")
        seen.append(("area", await _seen(pilot, app, StocktakeScreen, "diwethaf")))
        await pilot.press("n")
        seen.append(("setup", await _seen(pilot, app, StocktakeSetupScreen)))
        await pilot.press("down", "enter", *WHO)
        seen.append(("setup typed", await _seen(pilot, app, StocktakeSetupScreen, WHO)))
        await pilot.press("escape")  # leaving asks first: who took part would be lost
        seen.append(("leave?", await _seen(pilot, app, ChoiceDialog)))
        await pilot.press("enter")  # stay
        await wait_until(pilot, lambda: isinstance(app.screen, StocktakeSetupScreen))
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: isinstance(app.screen, StocktakeRunScreen))
        await pilot.press("3", "p")  # one answer, then pause
        await _seen(pilot, app, StocktakeScreen, "1/15")
        # The resume key joins the footer once the keys are refreshed (next frame).
        await wait_until(pilot, lambda: "r Ailafael" in footer_line(app))
        seen.append(("area resume", screen_text(app)))
        await pilot.press("n")  # a new one while one is unfinished: asked first
        seen.append(("unfinished?", await _seen(pilot, app, ChoiceDialog)))
        await pilot.press("enter")  # resume it
        await wait_until(pilot, lambda: isinstance(app.screen, StocktakeRunScreen))
        run = app.screen
        await pilot.press("b")  # back to the first statement, answered before the pause
        await wait_until(pilot, lambda: run.position == 0)
        for number, value_id in enumerate(VALUE_IDS, 1):
            for index in range(3):
                heading = f"Datganiad {(number - 1) * 3 + index + 1} o 15 "
                await wait_until(pilot, lambda: heading in screen_text(app)  # noqa: B023
                                 and "f1 " in footer_line(app))  # the keys are in
                seen.append((f"{value_id} {index}", screen_text(app)))
                await pilot.press(str(1 + (number + index) % 5))
            heading = f"Nodiadau: {run.statements.name(value_id)} (dewisol)"
            await wait_until(pilot, lambda: heading in screen_text(app)  # noqa: B023
                             and "Ysgrifennu" in footer_line(app))
            seen.append((f"{value_id} notes", screen_text(app)))
            if value_id == "networks":
                await pilot.press("enter", *NOTE)
                await wait_until(pilot, lambda: NOTE in screen_text(app))
                seen.append(("notes typed", screen_text(app)))
                await pilot.press("f1")
                seen.append(("help", await _seen(pilot, app, HelpScreen)))
                await pilot.press("escape")
                await wait_until(pilot, lambda: app.screen is run)
            await pilot.press("ctrl+s")
        seen.append(("result", await _seen(pilot, app, StocktakeResultScreen)))
        await pilot.press("end")
        await wait_until(pilot, lambda: "Beth sy'n gweithio: " + NOTE in screen_text(app))
        seen.append(("result end", screen_text(app)))
        await pilot.press("escape")
        seen.append(("area after", await _seen(pilot, app, StocktakeScreen, "diwethaf")))
        await pilot.press("l")
        seen.append(("history", await _seen(pilot, app, StocktakeHistoryScreen)))
        await pilot.press("space", "down", "space", "c")
        seen.append(("compare", await _seen(pilot, app, StocktakeCompareScreen)))
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, StocktakeHistoryScreen))
        await pilot.press("t")
        seen.append(("trend", await _seen(pilot, app, StocktakeTrendScreen)))
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, StocktakeHistoryScreen))
        await pilot.press("s")
        seen.append(("share", await _seen(pilot, app, ShareDialog)))
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, StocktakeHistoryScreen))
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, StocktakeScreen))
        await pilot.press("t")
        seen.append(("team pick", await _seen(pilot, app, StocktakeTeamPickScreen)))
        pick = app.screen
        await pilot.press("tab", "ctrl+u", *str(shares), "enter")
        await wait_until(pilot, lambda: len(pick.files) == 3)
        await pilot.press("space", "o")
        await wait_until(pilot, lambda: "Wedi nodi: 1." in screen_text(app))
        seen.append(("team pick refused", screen_text(app)))
        await pilot.press("a", "o")
        seen.append(("team view", await _seen(pilot, app, StocktakeTeamScreen)))
        await pilot.press("end")
        await wait_until(pilot, lambda: "Ysgogi newid 3: " in screen_text(app))
        seen.append(("team view end", screen_text(app)))
    shown = "\n".join(text for _name, text in seen)
    # Allowed: only what the test typed (the user's own words, here in Welsh too)
    # and the folder path it typed; everything else is coprod's, or its Welsh statements.
    allow = [WHO, NOTE, str(shares)]
    english = {name: english_lines(text, allow) for name, text in seen}
    assert {name: lines for name, lines in english.items() if lines} == {}, shown
    short = {name: cut_short(text) for name, text in seen}
    assert {name: lines for name, lines in short.items() if lines} == {}, shown
    for words in ("Pwyso a mesur", "Datganiad 15 o 15", "Nodiadau: Rhwydweithiau (dewisol)",
                  "Cryfderau", "Yr hyn sy'n bwysig", "Ysgogi newid", "Cyfanswm",
                  "Band: Gwneud cynnydd", "Cymharu dau bwyso a mesur", "i lawr",
                  "Pwyso a mesur dros amser", "Rhannu pwyso a mesur ar gyfer golwg tîm",
                  "Golwg y tîm: dewiswch dair ffeil", "Wedi nodi: 1.",
                  "Pwyso a mesur tîm: 3 o bobl", "isaf 1, canolrif 3, uchaf 5 (ystod 4)",
                  "Ddim eto", "Rydyn ni mewn cysylltiad rheolaidd", "Gadael heb ddechrau?",
                  "Mae pwyso a mesur heb ei orffen yn aros", "Gwneud pwyso a mesur"):
        assert words in shown, words
    # Each screen's own keys are whole in the footer (when they do not all fit,
    # home and quit are left out first; help always stays).
    for name, keys in (("area resume", ("n Newydd", "r Ailafael", "l Hanes", "s Rhannu",
                                        "t Tîm", "f1 Cymorth")),
                       ("strengths 0", ("b Yn ôl", "1-5 Sgorio", "n Nesaf", "p Oedi")),
                       ("strengths notes", ("⏎ Ysgrifennu", "^s Cadw a mynd ymlaen",
                                            "p Oedi")),
                       ("result", ("w Ysgrifennu am y gwannaf", "r Darllen", "f1 Cymorth")),
                       ("history", ("space Nodi", "c Cymharu", "t Tuedd", "s Rhannu",
                                    "f1 Cymorth")),
                       ("team pick refused", ("space Nodi", "a Nodi'r cyfan",
                                              "o Agor golwg y tîm"))):
        footer = dict(seen)[name].rstrip("\n").splitlines()[-1]
        assert all(key in footer for key in keys), (name, footer, dict(seen)[name])
    # The area with a stocktake to resume still fits: its status is the last line
    # above the footer, whole.
    area = [line for line in dict(seen)["area resume"].splitlines()[:-1] if line.strip()]
    assert "un ar y gweill (1 o 15 wedi'u hateb)" in area[-1]
    # Nothing said in Welsh changed what was saved: ids and scores only.
    saved = {doc["id"]: doc for doc in Store.open(data_dir).all("stocktakes")}
    assert len(saved) == 3 and all(doc["finished"] for doc in saved.values())
    newest = max(saved.values(), key=lambda doc: doc["finished_at"])
    assert newest["level"] == "team" and newest["participants"] == WHO
    assert newest["notes"]["networks"]["working"] == NOTE
    assert set(newest["scores"]) == set(VALUE_IDS)
