"""The Settings area's line on the home screen (no Textual import: runs in a worker)."""

from __future__ import annotations

from coprod_tui.core.store.repository import Store
from coprod_tui.i18n import _


def settings_summary(store: Store) -> str:
    """The theme in use, or what Settings holds."""
    theme = store.get_setting("theme")
    return _("theme: {theme}").format(theme=theme) if theme else _("theme, and how coprod behaves")
