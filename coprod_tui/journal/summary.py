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


def journal_summary(store: Store) -> tuple[str, ...]:
    """Home's line, fullest first: ``12 entries · strengths 3, networks 2, ... ·
    2 open actions (next: ...)``, then without the next action, then without
    the values (or, with no open action, without the actions), then the
    entries alone (home shows the first that fits)."""
    index = journal_index(store)
    entries = index.entries()
    if not entries:
        return (_("No entries yet: write about one of the five values"),)
    counts = index.value_counts()
    names = dict(FRAMEWORKS["values"])
    per_value = ", ".join(f"{_(names[v]).lower()} {counts[v]}" for v in VALUE_IDS)
    pending = open_actions(entries)
    count_text = ngettext("{count} open action", "{count} open actions",
                          len(pending)).format(count=len(pending))
    action_text = count_text
    if pending:
        first = pending[0][1]
        due = " " + _("by {date}").format(date=first.due) if first.due else ""
        action_text += " " + _("(next: {action}{due})").format(action=one_line(first.text, 30),
                                                               due=due)
    entry_text = ngettext("{count} entry", "{count} entries",
                          len(entries)).format(count=len(entries))
    forms = [f"{entry_text} · {per_value} · {action_text}",
             f"{entry_text} · {per_value} · {count_text}",
             f"{entry_text} · {action_text}" if pending else f"{entry_text} · {per_value}",
             f"{entry_text} · {count_text}"]
    return tuple(dict.fromkeys(forms))  # the same form once
