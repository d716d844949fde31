"""The journal's store wrapper against a real store in a temporary folder."""

from __future__ import annotations

from pathlib import Path

from coprod_tui.core.store import Store
from coprod_tui.journal.entry import Action, Entry, Link
from coprod_tui.journal.records import EntryStore


def test_add_get_update_delete_restore_empty(data_dir: Path) -> None:
    journal = EntryStore(Store.open(data_dir))
    entry = journal.add(Entry(values=["networks"], title="One", sections={"text": "hi"},
                              links=[Link("spectrum", "abc", "A meeting")],
                              actions=[Action("Call", "2026-12-01")]))
    assert entry.id and entry.actions[0].id
    again = EntryStore(Store.open(data_dir)).get(entry.id)
    assert again is not None and again.links[0].label == "A meeting"
    again.title = "Two"
    journal.update(again)
    assert journal.get(entry.id).title == "Two"
    assert journal.delete(entry.id)
    assert journal.list() == [] and journal.trash()[0]["deleted"]
    assert journal.store.all("trash")[0]["title"] == "Two"
    assert journal.restore(entry.id)
    assert journal.get(entry.id).title == "Two" and journal.trash() == []
    assert "deleted" not in journal.store.get("entries", entry.id)
    journal.delete(entry.id)
    assert journal.empty_trash() == 1
    assert journal.store.all("trash") == [] and journal.count() == 0
    assert not journal.restore(entry.id)


def test_mark_action_done(data_dir: Path) -> None:
    journal = EntryStore(Store.open(data_dir))
    entry = journal.add(Entry(values=["strengths"], actions=[Action("a"), Action("b")]))
    assert [a.text for _, a in journal.open_actions()] == ["a", "b"]
    assert journal.mark_action_done(entry.id, entry.actions[0].id)
    assert [a.text for _, a in journal.open_actions()] == ["b"]
    stored = journal.get(entry.id).actions[0]
    assert stored.done and stored.done_at
    assert not journal.mark_action_done(entry.id, "nope")


def test_home_summary_counts_values_and_open_actions(data_dir: Path) -> None:
    from coprod_tui.journal.summary import journal_summary

    store = Store.open(data_dir)
    assert journal_summary(store)[0].startswith("No entries yet")
    journal = EntryStore(store)
    journal.add(Entry(values=["strengths", "networks"], actions=[Action("Ring", "2026-12-01")]))
    journal.add(Entry(values=["networks"], actions=[Action("Later"), Action("x", done=True)]))
    assert journal_summary(store) == (
        "2 entries · strengths 1, networks 2, what matters 0, relationships 0, "
        "change makers 0 · 2 open actions (next: Ring by 2026-12-01)",
        "2 entries · strengths 1, networks 2, what matters 0, relationships 0, "
        "change makers 0 · 2 open actions",
        "2 entries · 2 open actions (next: Ring by 2026-12-01)",
        "2 entries · 2 open actions",
    )


def test_home_shows_the_fullest_journal_line_that_fits() -> None:
    from coprod_tui.shell.home import fitting_form

    forms = ("a " * 60, "b " * 20, "c")
    assert fitting_form(forms, 40) == forms[1]
    assert fitting_form(forms, 80) == forms[0]
    assert fitting_form(("x" * 100, "y" * 90), 40) == "y" * 90, "else the shortest"
    assert fitting_form("one line", 10) == "one line"
