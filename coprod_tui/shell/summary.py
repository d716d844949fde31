"""The Settings area's line on the home screen (no Textual import: runs in a worker)."""

from __future__ import annotations

from coprod_tui.core.store.repository import Store


def settings_summary(store: Store) -> str:
    """The theme in use, or what Settings holds."""
    theme = store.get_setting("theme")
    return f"theme: {theme}" if theme else "theme, and how coprod behaves"
