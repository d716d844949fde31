"""The Export area's line on the home screen (no Textual import: runs in a worker)."""

from __future__ import annotations

from coprod_tui.core.store.repository import Store
from coprod_tui.i18n import ngettext


def summary(store: Store) -> str:
    """The Export area's line on the home screen."""
    count = store.count("entries")
    # Short enough for one line on an 80-column home screen.
    return ngettext("{count} entry to take with you (6 formats)",
                    "{count} entries to take with you (6 formats)", count).format(count=count)
