"""A content pack's broken values.json, in the app in Welsh at 80x24: opening the
journal's new entry says what is wrong in Welsh, and the journal still
works with the values' ids (issue 20). No command stops for a broken values.json
(they fall back to the ids), so the app's notice is where a trainer sees it."""

from __future__ import annotations

from pathlib import Path

from coprod_tui import i18n
from coprod_tui.app import CoprodApp
from coprod_tui.core.ui.choice import ChoiceDialog
from tests.conftest import wait_until
from tests.ui.screen_text import screen_text
from tests.ui.welsh_check import cut_short
from tests.unit.test_content_errors_welsh import english_left


async def test_a_broken_values_file_is_reported_in_welsh_in_the_journal(
        data_dir: Path, tmp_path: Path) -> None:
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "values.json").write_text('{"values": [\n  {id: "strengths"}]}', encoding="utf-8")
    i18n.set_language("cy")
    app = CoprodApp(data_dir=data_dir, content_dirs=[pack])
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: app.store_ready)
        await pilot.press("2")
        await pilot.press("n")
        await wait_until(pilot, lambda: isinstance(app.screen, ChoiceDialog)
                         and any("values.json" in str(n.message) for n in app._notifications))
        await pilot.pause()
        (notice,) = [str(n.message) for n in app._notifications]
        path = pack / "values.json"
        assert notice == (f"{path}: nid yw'n JSON dilys yn llinell 2, colofn 4: "
                          "Disgwylid enw priodwedd rhwng dyfynodau dwbl")
        assert english_left(notice, [str(path)]) == []
        # (A notice is a toast, which wraps; as in the other Welsh walks it is read
        # from the app's notices, and the screen under it is checked.)
        shown = screen_text(app)
        assert "Ysgrifennu am ba werth?" in shown and cut_short(shown) == []
        # The journal carries on: the values are offered by their ids.
        assert "strengths" in shown and "change-makers" in shown
