"""The areas listed on the home screen, each opened by a digit key.

Each area is a Textual mode with its own screen stack (or, with ``action``,
an app action such as help). ``screen`` is a
``module:Class`` path imported only when the area is first opened, so the
start-up path stays light. ``summary`` (optional) computes the one-line
progress shown on home; it runs in a worker thread and gets the store.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass

from coprod_tui.store import Store
from coprod_tui.ui.journal_summary import journal_summary


@dataclass(frozen=True)
class Area:
    """One place the user can go from home."""

    id: str
    key: str
    title: str
    blurb: str
    screen: str | None = None
    summary: Callable[[Store], str] | None = None
    action: str | None = None

    def load_screen(self) -> type:
        """Import and return the screen class."""
        assert self.screen, f"area {self.id} has no screen"
        module, _, name = self.screen.partition(":")
        return getattr(importlib.import_module(module), name)


def _settings_summary(store: Store) -> str:
    theme = store.get_setting("theme")
    return f"theme: {theme}" if theme else "theme, and how coprod behaves"


AREAS: list[Area] = [
    Area("journal", "2", "Journal", "Your private reflections, value by value",
         "coprod_tui.ui.screens.journal:JournalScreen", journal_summary),
    Area("settings", "7", "Settings", "Theme and preferences",
         "coprod_tui.ui.screens.settings:SettingsScreen", _settings_summary),
    Area("help", "8", "Help", "Keys and how to find your way (F1 or ? anywhere)",
         action="help"),
    Area("about", "9", "About", "Version, where your data lives, credits",
         "coprod_tui.ui.screens.about:AboutScreen"),
]


def area_by_key(key: str) -> Area | None:
    """The area opened by digit ``key``."""
    return next((a for a in AREAS if a.key == key), None)
