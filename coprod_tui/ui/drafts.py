"""How screens with unsaved writing take part in crash-free exits.

A screen that edits text implements :class:`DraftSource` and registers with
``app.draft_sources`` while mounted. The app calls ``save_draft`` on each
before quitting and on SIGHUP / SIGTERM / SIGINT, so a dropped SSH connection
loses nothing.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable


@runtime_checkable
class DraftSource(Protocol):
    """Something holding unsaved text that can be kept as a draft."""

    def save_draft(self) -> None:
        """Write the unsaved text to the store's drafts (synchronously)."""
