"""The areas listed on the home screen, each opened by a digit key.

Each area is a Textual mode with its own screen stack (or, with ``action``,
an app action such as help). ``screen`` is a
``module:Class`` path imported only when the area is first opened, so the
start-up path stays light. ``summary`` (optional, a ``module:function`` path
or a function) computes the one-line progress shown on home; it runs in a
worker thread and gets the store. Each area's line lives in its feature's
``summary.py``.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from coprod_tui.i18n import N_

if TYPE_CHECKING:
    from coprod_tui.core.store import Store


@dataclass(frozen=True)
class Area:
    """One place the user can go from home."""

    id: str
    key: str
    title: str
    blurb: str
    screen: str | None = None
    # A summary function returns one line, or several, fullest first: home shows
    # the first that fits its two lines at the terminal's width.
    summary: str | Callable[[Store], str | tuple[str, ...]] | None = None
    action: str | None = None

    def load_screen(self) -> type:
        """Import and return the screen class."""
        assert self.screen, f"area {self.id} has no screen"
        return _load(self.screen)

    def summarise(self, store: Store) -> str | tuple[str, ...] | None:
        """The progress line for home, or its forms from fullest to shortest
        (imports the summary function on first use)."""
        if self.summary is None:
            return None
        function = _load(self.summary) if isinstance(self.summary, str) else self.summary
        return function(store)


def _load(path: str):  # noqa: ANN202 - whatever the "module:name" path names
    module, _, name = path.partition(":")
    return getattr(importlib.import_module(module), name)


AREAS: list[Area] = [
    Area("read", "1", N_("Read"),
         N_("The toolkit at 10 minutes, 30 minutes, an hour, and follow-up"),
         "coprod_tui.reading.contents_screen:ReadingScreen", "coprod_tui.reading.summary:reading_summary"),
    Area("journal", "2", N_("Journal"),
         N_("Your private reflections, value by value"),
         "coprod_tui.journal.list_screen:JournalScreen", "coprod_tui.journal.summary:journal_summary"),
    Area("spectrum", "3", N_("Spectrum"),
         N_("Place an activity on the spectrum of engagement; practise"),
         "coprod_tui.spectrum.area_screen:SpectrumScreen", "coprod_tui.spectrum.summary:summary"),
    Area("complexity", "4", N_("Complexity"),
         N_("Is a challenge simple, complicated, complex or chaotic?"),
         "coprod_tui.complexity.area_screen:ComplexityScreen",
         "coprod_tui.complexity.summary:home_summary"),
    Area("stocktake", "5", N_("Stocktake"),
         N_("Score your practice against the five values, over time"),
         "coprod_tui.stocktake.area_screen:StocktakeScreen",
         "coprod_tui.stocktake.summary:home_summary"),
    Area("export", "6", N_("Export"),
         N_("Take your reflections with you: portfolio, revalidation, backup"),
         "coprod_tui.transfer.screen:ExportScreen", "coprod_tui.transfer.summary:summary"),
    Area("revalidation", "0", N_("Revalidation"),
         N_("CPD, feedback, practice hours and the discussion, for NMC or HCPC"),
         "coprod_tui.revalidation.screens:RevalidationScreen",
         "coprod_tui.revalidation.summary:summary"),
    Area("settings", "7", N_("Settings"),
         N_("Theme and preferences"),
         "coprod_tui.shell.settings:SettingsScreen", "coprod_tui.shell.summary:settings_summary"),
    Area("help", "8", N_("Help"),
         N_("Keys and how to find your way (F1 or ? anywhere)"),
         action="help"),
    Area("about", "9", N_("About"),
         N_("Version, where your data lives, credits"),
         "coprod_tui.shell.about:AboutScreen"),
]


def area_by_key(key: str) -> Area | None:
    """The area opened by digit ``key``."""
    return next((a for a in AREAS if a.key == key), None)
