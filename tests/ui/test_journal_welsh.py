"""The journal in Welsh at 80x24: every screen and dialog of the area, walked by
keys, shows no English and nothing cut short; the values' prompts and the
frameworks' hints come from content/cy/values.json; and an entry written in
Welsh is shown as written after switching to English."""

from __future__ import annotations

from pathlib import Path

from coprod_tui import i18n
from coprod_tui.app import CoprodApp
from coprod_tui.core.store import Store
from coprod_tui.core.ui.choice import ChoiceDialog
from coprod_tui.journal.actions import parse_actions
from coprod_tui.journal.dialogs import ConfirmDialog, DraftsDialog, PrivacyDialog, ValuesDialog
from coprod_tui.journal.editor import EntryEditorScreen
from coprod_tui.journal.entry import FRAMEWORKS, Entry, Link
from coprod_tui.journal.list_screen import JournalScreen
from coprod_tui.journal.records import EntryStore
from coprod_tui.journal.values_content import load_values
from coprod_tui.journal.view import (
    ActionsScreen,
    EntryViewScreen,
    TrashPreviewScreen,
    TrashScreen,
)
from coprod_tui.shell.help import HelpScreen
from tests.conftest import wait_until
from tests.ui.screen_text import footer_line, screen_text
from tests.ui.welsh_check import cut_short, english_lines

# The user's own words in this test are Welsh, so nothing needs allowing for them;
# the only English kept is what the test types into the value-by-value editor.
TYPED = "Huw knew the local group"
# Help lists each key's id, the name keymap.json uses (typed by the user: kept English).
KEY_IDS = ["(back)", "(help)", "(home)", "(quit)"]


def _seed(data_dir: Path) -> None:
    """An entry to list, view and act on; one in the trash; a draft to restore."""
    store = Store.open(data_dir)
    journal = EntryStore(store)
    journal.add(Entry(
        values=["strengths", "networks"], title="Cyfarfod gofalwyr", framework="rolfe",
        sections={"what": "Daeth y gofalwr i'r cyfarfod.", "so-what": "Roedd ei gwybodaeth yn allweddol.",
                  "now-what": "Gofyn iddi arwain y tro nesaf."},
        tags=["gofalwyr"], links=[Link("spectrum", "x1", "Fforwm gofalwyr")],
        actions=parse_actions("Ffonio'r ganolfan erbyn 15/12/2026"),
        created="2026-11-20T10:00:00+00:00"))
    gone = journal.add(Entry(values=["relationships"], title="Hen gofnod",
                             sections={"text": "Testun a ddilëwyd."},
                             created="2026-11-01T10:00:00+00:00"))
    journal.delete(gone.id)
    store.save_draft("entry:new-1a2b3c4d", {
        "editing": False, "guide_value": "what-matters",
        "entry": Entry(values=["what-matters"], title="Hanner ffordd", framework="free").to_doc(),
        "shown": {"text": "Dechrau meddwl am"}, "actions_text": ""})


class Walk:
    """What the walk saw, screen by screen."""

    def __init__(self, app: CoprodApp, pilot) -> None:
        self.app, self.pilot, self.seen = app, pilot, []

    async def on(self, screen_type: type, *, showing: str = "") -> str:
        """Wait for ``screen_type`` (and ``showing`` on it), then keep what is shown."""
        await wait_until(self.pilot, lambda: isinstance(self.app.screen, screen_type)
                         and showing in screen_text(self.app))
        await self.pilot.pause()
        text = screen_text(self.app)
        self.seen.append(text)
        return text

    async def note(self, words: str) -> None:
        """Wait for a notice holding ``words`` (notices are checked with the screens)."""
        await wait_until(self.pilot, lambda: any(
            words in str(n.message) for n in self.app._notifications))

    def notices(self) -> str:
        return "\n".join(str(n.message) for n in self.app._notifications)

    async def boxes(self, count: int) -> None:
        """Tab through ``count`` boxes of an editor, keeping each view (hints, labels)."""
        for _ in range(count):
            await self.pilot.press("tab")
            await self.on(EntryEditorScreen)


async def test_the_journal_is_whole_in_welsh_at_80x24(data_dir: Path) -> None:
    _seed(data_dir)
    i18n.set_language("cy")
    app = CoprodApp(data_dir=data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        walk = Walk(app, pilot)
        await wait_until(pilot, lambda: app.store_ready)
        await pilot.press("2")
        # The restore-draft dialog, offered on opening the journal.
        dialog = await walk.on(DraftsDialog, showing="Adfer ysgrifennu heb ei gadw?")
        assert "cofnod newydd: Hanner ffordd" in dialog
        assert "Enter: adfer    d: taflu    b neu Esc: wedyn" in dialog
        await pilot.press("b")
        listed = await walk.on(JournalScreen, showing="Cyfarfod gofalwyr")
        assert "[1 i'w gwneud]" in listed and "S cryfderau" in listed
        # The journal's first keys are whole in the footer, with help; the rest
        # (actions, trash, edit, delete) are on the keys line above it.
        await wait_until(pilot, lambda: "f1 Cymorth" in footer_line(app))
        for key in ("n Newydd", "w Gwerth wrth werth", "/ Chwilio", "f Hidlo"):
            assert key in footer_line(app)
        for key in ("a camau", "u sbwriel", "e golygu", "x dileu"):
            assert key in screen_text(app)

        # Search and filter signs.
        await pilot.press("slash", *"cyf", "enter")
        await walk.on(JournalScreen, showing="Chwilio: cyf (mae Esc yn clirio)")
        await pilot.press("escape")
        await walk.note("Cliriwyd y chwilio.")
        await pilot.press("v")
        await walk.on(ChoiceDialog, showing="Dangos cofnodion am")
        await pilot.press("down", "enter")  # Cryfderau
        await walk.on(JournalScreen, showing="gwerth: Cryfderau")
        await pilot.press("f")
        await walk.on(ChoiceDialog, showing="Culhau'r rhestr")
        await pilot.press("end", "enter")  # show everything
        await walk.on(JournalScreen, showing="1 o 1")

        # A new entry about one value: its Welsh explanation and prompts.
        await pilot.press("n")
        await walk.on(ChoiceDialog, showing="Ysgrifennu am ba werth?")
        await pilot.press("enter")
        editor = await walk.on(EntryEditorScreen, showing="Gwerthfawrogi pobl a magu eu cryfderau")
        assert "Mae cydgynhyrchu'n dechrau" in editor
        await walk.boxes(len(FRAMEWORKS["free"]) + 1)
        # In a box, every key of the editor is whole in the footer.
        await pilot.press("shift+tab")
        await wait_until(pilot, lambda: "tab Nesaf" in footer_line(app))
        for key in ("^s Cadw", "^f Fframwaith", "^o Gwerthoedd", "^t NMC", "f1 Cymorth"):
            assert key in footer_line(app), footer_line(app)
        # Each reflective framework, box by box, with its Welsh hints.
        welsh = load_values(language="cy")
        for downs, framework in ((1, "rolfe"), (2, "gibbs")):
            await pilot.press("ctrl+f")
            choice = await walk.on(ChoiceDialog, showing="Fframwaith y cofnod hwn")
            assert "Cylch myfyrio Gibbs" in choice and "Ysgrifennu rhydd" in choice
            await pilot.press("home", *["down"] * downs, "enter")
            await wait_until(pilot, lambda f=framework: app.screen.entry.framework == f)
            await walk.on(EntryEditorScreen)
            # Every part's hint is the Welsh content's (the screens below show them).
            for section_id, _label in FRAMEWORKS[framework]:
                hint = str(app.screen.query_one(f"#hint-{section_id}").render())
                assert hint == welsh.frameworks[framework].hint(section_id)
            await walk.boxes(len(FRAMEWORKS[framework]) + 2)
        await pilot.press("ctrl+o")
        await walk.on(ValuesDialog, showing="Pa werthoedd mae'r cofnod hwn")
        await pilot.press("escape")
        await pilot.press(*"Cwrdd", "escape")  # kept as a draft
        await walk.on(JournalScreen, showing="Cyfarfod gofalwyr")
        assert len(app.store.drafts()) == 2

        # Value by value: every box, a second prompt, the privacy warning, saved.
        await pilot.press("w")
        await walk.on(EntryEditorScreen, showing="Gwerth wrth werth")
        await walk.boxes(2)  # to "Cryfderau"
        hint = await walk.on(EntryEditorScreen, showing="Ysgogiad 1 o 5")
        assert "Ysgogiad 1 o 5: Beth oedd y" in hint
        await pilot.press(*TYPED, "ctrl+n")
        await walk.on(EntryEditorScreen, showing="Ysgogiad 2 o 5")
        await walk.boxes(len(FRAMEWORKS["values"]) - 1)
        await pilot.press("ctrl+s")
        warning = await walk.on(PrivacyDialog, showing="Gallai hyn adnabod rhywun")
        assert "enw: Huw" in warning and "e neu c: golygu    s: cadw beth bynnag" in warning
        await pilot.press("s")
        await walk.note("Cadwyd y cofnod.")
        await walk.on(JournalScreen, showing="2 o 2")

        # The entry view, its delete confirmation and export choice.
        await pilot.press("end")
        await pilot.press("enter")
        view = await walk.on(EntryViewScreen, showing="Cyfarfod gofalwyr")
        assert "Wedi'i gysylltu â'r sbectrwm: Fforwm gofalwyr" in view
        await pilot.press("pagedown")
        body = await walk.on(EntryViewScreen, showing="(erbyn 2026-12-15)")
        assert "== Beth nawr? ==" in body
        await pilot.press("x")
        await walk.on(ConfirmDialog, showing="y: ie    b neu Esc: na")
        await pilot.press("b")
        await pilot.press("o")
        await walk.on(ChoiceDialog, showing="md:")
        await pilot.press("escape")
        await pilot.press("escape")

        # Open actions: mark one done, put it back; and its help.
        await walk.on(JournalScreen, showing="Cyfarfod gofalwyr")
        await pilot.press("a")
        await walk.on(ActionsScreen, showing="Ffonio'r ganolfan (erbyn 2026-12-15)")
        await pilot.press("space")
        await walk.on(ActionsScreen, showing="Wedi'i wneud: ")
        await pilot.press("u")
        await walk.note("Yn ôl ar y rhestr")
        await pilot.press("f1")
        await walk.on(HelpScreen, showing="Camau gweithredu agored")
        await pilot.press("escape", "escape")

        # Delete confirmation from the list.
        await walk.on(JournalScreen, showing="Cyfarfod gofalwyr")
        await pilot.press("home", "x")
        confirm = await walk.on(ConfirmDialog, showing="Dileu'r cofnod hwn?")
        assert "y: ie    b neu Esc: na" in confirm
        await pilot.press("y")
        await walk.note("Wedi'i symud i'r sbwriel")
        await walk.on(JournalScreen, showing="1 o 1")

        # The trash, an entry in it, emptying it.
        await pilot.press("u")
        await walk.on(TrashScreen, showing="Hen gofnod")
        await pilot.press("end", "enter")
        await walk.on(TrashPreviewScreen, showing="Yn y sbwriel: Hen gofnod")
        await pilot.press("f1")
        await walk.on(HelpScreen, showing="Cofnod yn y sbwriel")
        await pilot.press("escape", "escape")
        await pilot.press("x")
        await walk.on(ConfirmDialog, showing="Gwagio'r sbwriel?")
        await pilot.press("b")
        await walk.on(TrashScreen)
        walk.seen.append(walk.notices())
    shown = "\n".join(walk.seen)
    assert english_lines(shown, allow=[TYPED, *KEY_IDS]) == [], shown
    assert cut_short(shown) == [], shown


async def test_an_entry_written_in_welsh_is_shown_as_written_in_english(data_dir: Path) -> None:
    i18n.set_language("cy")
    app = CoprodApp(data_dir=data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: app.store_ready)
        await pilot.press("2", "w")
        await wait_until(pilot, lambda: isinstance(app.screen, EntryEditorScreen))
        await pilot.press(*"Cyfarfod", "tab", *"Daeth hi", "tab", *"Gwybodaeth leol", "ctrl+s")
        await wait_until(pilot, lambda: isinstance(app.screen, JournalScreen)
                         and "Cyfarfod" in screen_text(app))
        (stored,) = app.store.all("entries")
        await app.apply_language("en")
        await wait_until(pilot, lambda: "Search titles" in screen_text(app))
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, EntryViewScreen)
                         and "Gwybodaeth leol" in screen_text(app))
        view = screen_text(app)
        assert "Values: Strengths" in view and "== Strengths ==" in view
        assert app.store.all("entries") == [stored]
    assert stored["sections"] == {"what-happened": "Daeth hi", "strengths": "Gwybodaeth leol"}
