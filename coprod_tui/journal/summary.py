"""The journal's line on the home screen (no Textual import: runs in a worker)."""

from __future__ import annotations

from coprod_tui.core.store import Store
from coprod_tui.core.text import one_line
from coprod_tui.journal.actions import open_actions
from coprod_tui.journal.entry import VALUE_IDS
from coprod_tui.journal.records import EntryStore
from coprod_tui.journal.search import SearchIndex


def journal_index(store: Store) -> SearchIndex:
    """Every entry, indexed for search: built once per change of the data file and
    shared by home's summary and the journal list (do not change it)."""
    return store.derived("journal-index", lambda s: SearchIndex.build(EntryStore(s).list()))


def journal_summary(store: Store) -> str:
    """``12 entries · strengths 3, networks 2, ... · 2 open actions``."""
    index = journal_index(store)
    entries = index.entries()
    if not entries:
        return "No entries yet: write about one of the five values"
    counts = index.value_counts()
    per_value = ", ".join(f"{v.replace('-', ' ')} {counts[v]}" for v in VALUE_IDS)
    pending = open_actions(entries)
    action_text = f"{len(pending)} open action{'' if len(pending) == 1 else 's'}"
    if pending:
        first = pending[0][1]
        due = f" by {first.due}" if first.due else ""
        action_text += f" (next: {one_line(first.text, 30)}{due})"
    entry_text = f"{len(entries)} entr{'y' if len(entries) == 1 else 'ies'}"
    return f"{entry_text} · {per_value} · {action_text}"
