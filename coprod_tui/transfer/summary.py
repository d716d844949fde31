"""The Export area's line on the home screen (no Textual import: runs in a worker)."""

from __future__ import annotations

from coprod_tui.core.store.repository import Store


def summary(store: Store) -> str:
    """The Export area's line on the home screen."""
    count = store.count("entries")
    noun = "entry" if count == 1 else "entries"
    # Short enough for one line on an 80-column home screen.
    return f"{count} {noun} to take with you (6 formats)"
