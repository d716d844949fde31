"""The journal's line on the home screen (no Textual import: runs in a worker)."""

from __future__ import annotations

from coprod_tui.core.store import Store
from coprod_tui.core.text import one_line
from coprod_tui.i18n import _, ngettext
from coprod_tui.journal.actions import open_actions
from coprod_tui.journal.entry import FRAMEWORKS, VALUE_IDS
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
        return _("No entries yet: write about one of the five values")
    counts = index.value_counts()
    names = dict(FRAMEWORKS["values"])
    per_value = ", ".join(f"{_(names[v]).lower()} {counts[v]}" for v in VALUE_IDS)
    pending = open_actions(entries)
    action_text = ngettext("{count} open action", "{count} open actions",
                           len(pending)).format(count=len(pending))
    if pending:
        first = pending[0][1]
        due = " " + _("by {date}").format(date=first.due) if first.due else ""
        action_text += " " + _("(next: {action}{due})").format(action=one_line(first.text, 30),
                                                               due=due)
    entry_text = ngettext("{count} entry", "{count} entries",
                          len(entries)).format(count=len(entries))
    return f"{entry_text} · {per_value} · {action_text}"
