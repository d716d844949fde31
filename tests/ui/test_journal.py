"""The journal driven by keys: writing, frameworks, search, edit, delete, actions."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import OptionList, Static, TextArea

from coprod_tui.app import CoprodApp
from coprod_tui.core.store import Store
from coprod_tui.journal.dialogs import PrivacyDialog
from coprod_tui.journal.editor import EntryEditorScreen
from coprod_tui.journal.entry import VALUE_IDS, Action, Entry, Link
from coprod_tui.journal.list_screen import JournalScreen
from coprod_tui.journal.records import EntryStore
from coprod_tui.journal.view import ActionsScreen, EntryViewScreen, TrashScreen
from tests.conftest import wait_until
from tests.ui.screen_text import screen_text


async def open_journal(app: CoprodApp, pilot) -> JournalScreen:
    await wait_until(pilot, lambda: app.store_ready)
    await pilot.press("2")
    await wait_until(pilot, lambda: any(isinstance(s, JournalScreen) and s.loaded
                                        for s in app.screen_stack))
    return next(s for s in app.screen_stack if isinstance(s, JournalScreen))


async def start_entry(app: CoprodApp, pilot, value_index: int) -> EntryEditorScreen:
    await pilot.press("n")
    await pilot.pause()
    await pilot.press(*["down"] * value_index, "enter")
    await wait_until(pilot, lambda: isinstance(app.screen, EntryEditorScreen))
    return app.screen  # type: ignore[return-value]


async def back_to_list(app: CoprodApp, pilot) -> JournalScreen:
    await wait_until(pilot, lambda: isinstance(app.screen, JournalScreen) and app.screen.loaded)
    return app.screen  # type: ignore[return-value]


def entries(app: CoprodApp) -> list[dict]:
    return app.store.all("entries")


def seed(data_dir: Path, *items: Entry) -> list[Entry]:
    journal = EntryStore(Store.open(data_dir))
    return [journal.add(item) for item in items]


async def test_an_entry_for_each_value_with_its_prompts(data_dir: Path) -> None:
    app = CoprodApp(data_dir=data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_journal(app, pilot)
        for index, value in enumerate(VALUE_IDS):
            editor = await start_entry(app, pilot, index)
            guide = str(editor.query_one("#value-guide", Static).render())
            assert "Prompts:" in guide and "(your team)" in guide
            await pilot.press(*value[:3], "tab", "o", "k")
            await pilot.press("ctrl+s")
            journal = await back_to_list(app, pilot)
        stored = {doc["title"]: doc for doc in entries(app)}
        assert sorted(stored) == sorted(v[:3] for v in VALUE_IDS)
        for value in VALUE_IDS:
            assert stored[value[:3]]["values"] == [value]
            assert stored[value[:3]]["sections"] == {"text": "ok"}
        assert journal.query_one("#entries", OptionList).option_count == 5
        assert "5 of 5 entries" in str(journal.query_one("#journal-filters", Static).render())
        await pilot.press("h")
        await pilot.pause()
        await wait_until(pilot, lambda: "5 entries" in screen_text(app))
        assert "strengths 1" in screen_text(app)


async def test_value_by_value_walk_skips_and_cycles_prompts(data_dir: Path) -> None:
    app = CoprodApp(data_dir=data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_journal(app, pilot)
        await pilot.press("w")
        await wait_until(pilot, lambda: isinstance(app.screen, EntryEditorScreen))
        editor = app.screen
        await pilot.press("D", "tab", "tab", *"son")  # past "What happened" to Strengths
        hint = editor.query_one("#hint-strengths", Static)
        assert "Prompt 1 of 5" in str(hint.render())
        await pilot.press("ctrl+n")
        assert "Prompt 2 of 5" in str(hint.render())
        await pilot.press("tab", "tab", *"day", "tab", "tab", *"she", "ctrl+s")
        await back_to_list(app, pilot)
        (doc,) = entries(app)
        assert doc["framework"] == "values"
        assert doc["values"] == ["strengths", "what-matters", "change-makers"]
        assert doc["sections"] == {"strengths": "son", "what-matters": "day", "change-makers": "she"}


async def test_each_framework_with_actions(data_dir: Path) -> None:
    app = CoprodApp(data_dir=data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_journal(app, pilot)
        await start_entry(app, pilot, 1)
        await pilot.press("ctrl+f", "down", "enter")  # free -> rolfe
        await wait_until(pilot, lambda: bool(app.screen.query("#section-so-what")))
        await pilot.press(*"Rolfe", "tab", *"what", "tab", *"so", "tab", *"now", "tab",
                          "tab")  # past the Code box to the actions
        await pilot.press(*"Ring by 2026-12-01", "enter", *"Ask")
        await pilot.press("ctrl+s")
        await back_to_list(app, pilot)
        await start_entry(app, pilot, 2)
        await pilot.press("ctrl+f", "down", "down", "enter")  # gibbs
        await wait_until(pilot, lambda: bool(app.screen.query("#section-action-plan")))
        await pilot.press(*"Gibbs")
        for stage in ("d", "f", "e", "a", "c", "p"):
            await pilot.press("tab", stage)
        await pilot.press("ctrl+s")
        await back_to_list(app, pilot)
        docs = {doc["title"]: doc for doc in entries(app)}
        rolfe = docs["Rolfe"]
        assert rolfe["framework"] == "rolfe"
        assert rolfe["sections"] == {"what": "what", "so-what": "so", "now-what": "now"}
        assert [(a["text"], a["due"]) for a in rolfe["actions"]] == [
            ("Ring", "2026-12-01"), ("Ask", None)]
        assert list(docs["Gibbs"]["sections"].values()) == ["d", "f", "e", "a", "c", "p"]
        assert docs["Gibbs"]["sections"]["action-plan"] == "p"


async def test_default_framework_setting_is_used(data_dir: Path) -> None:
    Store.open(data_dir).set_setting("journal-framework", "gibbs")
    app = CoprodApp(data_dir=data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_journal(app, pilot)
        editor = await start_entry(app, pilot, 0)
        assert editor.entry.framework == "gibbs"
        assert editor.query("#section-feelings")


async def test_search_and_filters(data_dir: Path) -> None:
    seed(
        data_dir,
        Entry(values=["strengths"], title="Carers group", sections={"text": "She knew the ward"},
              tags=["carers"], created="2026-01-05T10:00:00+00:00"),
        Entry(values=["networks"], title="Discharge", sections={"text": "Three teams"},
              created="2026-03-10T10:00:00+00:00"),
        Entry(values=["networks", "change-makers"], title="Audit", tags=["team"],
              sections={"text": "Whose idea was it?"}, created="2026-02-01T10:00:00+00:00"),
    )
    app = CoprodApp(data_dir=data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        journal = await open_journal(app, pilot)
        listed = journal.query_one("#entries", OptionList)

        def titles() -> list[str]:
            return [e.title for e in journal.shown]

        assert titles() == ["Discharge", "Audit", "Carers group"]
        await pilot.press("slash", *"WARD")
        assert titles() == ["Carers group"] and listed.option_count == 1
        await pilot.press("ctrl+u", *"tea")  # clears the box, then matches "teams" and tag "team"
        assert titles() == ["Discharge", "Audit"]
        await pilot.press("escape", "v", "down", "down", "enter")  # any, strengths, networks
        await pilot.pause()
        assert titles() == ["Discharge", "Audit"] and "value: Networks" in screen_text(app)
        await pilot.press("t")
        await pilot.pause()
        await pilot.press("end", "enter")  # last tag: "team"
        await pilot.pause()
        assert titles() == ["Audit"]
        await pilot.press("t", "home", "enter", "v", "home", "enter", "slash", "ctrl+u", "enter")
        await pilot.pause()
        assert titles() == ["Discharge", "Audit", "Carers group"]
        await pilot.press("d", *"2026-01-01", "tab", *"2026-02-28", "enter")
        await pilot.pause()
        assert titles() == ["Audit", "Carers group"]
        await pilot.press("d", *"2026-13-01", "enter")
        await pilot.pause()
        assert "not a date" in screen_text(app)
        await pilot.press("escape", "slash", "i", "escape", "f", "end", "enter")  # clear all
        await pilot.pause()
        assert titles() == ["Discharge", "Audit", "Carers group"]
        assert journal.filters.words == "" and journal.filters.since is None


async def test_view_edit_delete_restore_and_empty_trash(data_dir: Path) -> None:
    seed(data_dir, Entry(values=["relationships"], title="Power", sections={"text": "Who spoke?"}))
    app = CoprodApp(data_dir=data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_journal(app, pilot)
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, EntryViewScreen))
        assert "Who spoke?" in screen_text(app)
        await pilot.press("e")
        await wait_until(pilot, lambda: isinstance(app.screen, EntryEditorScreen))
        await pilot.press("end", *" Me.", "ctrl+s")
        await wait_until(pilot, lambda: isinstance(app.screen, EntryViewScreen))
        await pilot.pause()
        assert "Who spoke? Me." in screen_text(app)
        (doc,) = entries(app)
        assert doc["sections"]["text"] == "Who spoke? Me." and doc["updated"] >= doc["created"]
        await pilot.press("b")
        await back_to_list(app, pilot)
        await pilot.press("x")
        await pilot.pause()
        await pilot.press("b")  # cancel keeps it
        await pilot.pause()
        assert len(entries(app)) == 1
        await pilot.press("x", "y")
        await wait_until(pilot, lambda: not entries(app))
        assert app.store.all("trash")[0]["title"] == "Power"
        await pilot.press("u")
        await wait_until(pilot, lambda: isinstance(app.screen, TrashScreen))
        await pilot.press("r")
        await pilot.pause()
        assert len(entries(app)) == 1 and not app.store.all("trash")
        await pilot.press("b")
        await back_to_list(app, pilot)
        await pilot.press("x", "y", "u")
        await wait_until(pilot, lambda: isinstance(app.screen, TrashScreen))
        await pilot.press("x", "y")
        await pilot.pause()
        assert not app.store.all("trash") and not entries(app)
        assert "The trash is empty." in screen_text(app)


async def test_an_action_marked_done(data_dir: Path) -> None:
    seed(data_dir, Entry(values=["networks"], title="Links", framework="rolfe",
                         actions=[Action("Call the GP surgery", "2026-12-01"),
                                  Action("Visit the carers centre")]))
    app = CoprodApp(data_dir=data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: app.store_ready)
        await wait_until(pilot, lambda: "2 open actions" in screen_text(app))
        await open_journal(app, pilot)
        await pilot.press("a")
        await wait_until(pilot, lambda: isinstance(app.screen, ActionsScreen)
                         and app.screen.query_one(OptionList).option_count == 2)
        assert "[ ] Call the GP surgery (due 2026-12-01)" in screen_text(app)
        await pilot.press("space")
        await wait_until(pilot, lambda: app.screen.query_one(OptionList).option_count == 1)
        actions = entries(app)[0]["actions"]
        assert [a["done"] for a in actions] == [True, False] and actions[0]["done_at"]


async def test_privacy_warning_edit_or_save_anyway(data_dir: Path) -> None:
    app = CoprodApp(data_dir=data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_journal(app, pilot)
        await start_entry(app, pilot, 3)
        await pilot.press("W", "tab", *"9434765919 CF10 3AT", "ctrl+s")
        await wait_until(pilot, lambda: isinstance(app.screen, PrivacyDialog))
        text = screen_text(app)
        assert "NHS number: 9434765919" in text and "postcode" in text and "NMC" in text
        await pilot.press("e")
        await wait_until(pilot, lambda: isinstance(app.screen, EntryEditorScreen))
        assert not entries(app)
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: isinstance(app.screen, PrivacyDialog))
        await pilot.press("s")
        await back_to_list(app, pilot)
        assert entries(app)[0]["sections"]["text"] == "9434765919 CF10 3AT"


LITERAL = "[bold]x[/] [/] \x1b[31mred"


async def test_markup_and_escapes_shown_literally_everywhere(data_dir: Path) -> None:
    (saved,) = seed(data_dir, Entry(values=["strengths"], title=LITERAL,
                                    sections={"text": LITERAL}, tags=["[b]tag"]))
    shown = "[bold]x[/] [/] ^[[31mred"
    app = CoprodApp(data_dir=data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_journal(app, pilot)
        assert shown in screen_text(app)
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, EntryViewScreen))
        text = screen_text(app)
        assert text.count(shown) == 2 and "Tags: [b]tag" in text
        await pilot.press("e")
        await wait_until(pilot, lambda: isinstance(app.screen, EntryEditorScreen))
        assert app.screen.query_one("#section-text", TextArea).text == shown
        await pilot.press("tab", "tab", "end", *",m", "ctrl+s")  # past the Code box: tags
        await wait_until(pilot, lambda: isinstance(app.screen, EntryViewScreen))
        doc = app.store.get("entries", saved.id)
        assert doc["sections"]["text"] == LITERAL and doc["title"] == LITERAL
        assert doc["tags"] == ["[b]tag", "m"]
        await pilot.press("b", "w")
        await wait_until(pilot, lambda: isinstance(app.screen, EntryEditorScreen))
        from textual import events

        # As a terminal delivers a paste: to the app, which passes it to the focused box.
        app.post_message(events.Paste("Pasted " + LITERAL + "\r\n"))
        await pilot.press("tab", "tab")  # past "What happened" to Strengths
        app.post_message(events.Paste(LITERAL * 3))
        await pilot.pause()
        await pilot.press("ctrl+s")
        await back_to_list(app, pilot)
        assert "Pasted " + shown in screen_text(app)
        pasted = next(d for d in entries(app) if d["id"] != saved.id)
        assert pasted["sections"]["strengths"] == shown * 3


async def test_contracts_reflect_on_and_write_about_value(data_dir: Path) -> None:
    app = CoprodApp(data_dir=data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: app.store_ready)
        app.reflect_on("Ward meeting", ["relationships"], Link("spectrum", "r1", "Ward meeting"),
                       "Placed at: consultation")
        await wait_until(pilot, lambda: "Linked to the spectrum: Ward meeting" in screen_text(app))
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: bool(entries(app)))
        (doc,) = entries(app)
        assert doc["links"] == [{"kind": "spectrum", "ref": "r1", "label": "Ward meeting"}]
        assert doc["sections"]["text"].startswith("Placed at: consultation")
        assert doc["values"] == ["relationships"]
        app.write_about_value("what-matters")
        await wait_until(pilot, lambda: "Do what matters" in screen_text(app))


async def test_long_lists_come_a_page_at_a_time(data_dir: Path, monkeypatch) -> None:
    from coprod_tui.journal import list_screen as journal_module
    monkeypatch.setattr(journal_module, "PAGE", 2)
    seed(data_dir, *(Entry(values=["networks"], title=f"E{n}", id="") for n in range(3)))
    app = CoprodApp(data_dir=data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        journal = await open_journal(app, pilot)
        listed = journal.query_one("#entries", OptionList)
        assert len(journal.shown) == 2 and listed.option_count == 3
        assert "1 more: press Enter" in screen_text(app)
        await pilot.press("end", "x")  # nothing to delete on the "more" row
        await pilot.pause()
        assert isinstance(app.screen, JournalScreen) and len(entries(app)) == 3
        await pilot.press("enter")
        await pilot.pause()
        assert len(journal.shown) == 3 and listed.option_count == 3


async def test_the_trash_emptied_by_another_session_while_shown(data_dir: Path) -> None:
    """Attack: a second session (`coprod trash --empty`, a real process) empties the trash
    while the app shows it; restoring the stale row then did nothing and said nothing."""
    import subprocess
    import sys

    from tests.conftest import env_for

    kept, gone = seed(data_dir, Entry(values=["networks"], title="Kept one"),
                      Entry(values=["networks"], title="Gone one"))
    journal = EntryStore(Store.open(data_dir))
    journal.delete(gone.id)
    app = CoprodApp(data_dir=data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: app.store_ready)
        await open_journal(app, pilot)
        await pilot.press("u")
        await wait_until(pilot, lambda: isinstance(app.screen, TrashScreen)
                         and "Gone one" in screen_text(app))
        done = subprocess.run([sys.executable, "-m", "coprod_tui", "trash", "--empty", "--yes"],
                              env=env_for(data_dir), capture_output=True, text=True, timeout=60,
                              stdin=subprocess.DEVNULL)
        assert done.returncode == 0, done.stderr
        await pilot.press("r")
        await wait_until(pilot, lambda: any("no longer in the trash" in n.message
                                            for n in app._notifications))
        await wait_until(pilot, lambda: "The trash is empty." in screen_text(app))
        assert [d["title"] for d in entries(app)] == ["Kept one"]
        assert not app.store.all("trash")


async def test_the_app_and_coprod_edit_on_one_entry_keep_both(data_dir: Path,
                                                               tmp_path: Path) -> None:
    """Two sessions on one entry: `coprod edit` (a real process) saves while the app's
    editor is open on it; the app's save then keeps both versions, overwriting none."""
    import subprocess
    import sys

    from tests.conftest import env_for

    (entry,) = seed(data_dir, Entry(values=["relationships"], title="Power",
                                    sections={"text": "Who spoke?"}))
    editor = tmp_path / "editor.sh"
    editor.write_text('#!/bin/sh\nsed -i "s/Who spoke?/Words from the command line/" "$1"\n')
    editor.chmod(0o700)
    app = CoprodApp(data_dir=data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_journal(app, pilot)
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, EntryViewScreen))
        await pilot.press("e")
        await wait_until(pilot, lambda: isinstance(app.screen, EntryEditorScreen))
        await pilot.press("end", *" Me.")
        done = subprocess.run([sys.executable, "-m", "coprod_tui", "edit", entry.id[:8]],
                              env=env_for(data_dir, EDITOR=str(editor), VISUAL=""),
                              capture_output=True, text=True, timeout=60,
                              stdin=subprocess.DEVNULL)
        assert done.returncode == 0, done.stderr
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: len(entries(app)) == 2)
        texts = {d["id"]: d["sections"]["text"] for d in entries(app)}
        assert texts[entry.id] == "Words from the command line"
        (copy,) = [d for d in entries(app) if d["id"] != entry.id]
        assert copy["sections"]["text"] == "Who spoke? Me." and "conflict-copy" in copy["tags"]
