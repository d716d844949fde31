"""Reading progress in the ``reading`` table (``state.json``): which sections
are read, and the place to continue from (section and scroll position).

Records: ``{"id": section_id, "read": True, "read_at": iso}`` for each read
section, and one ``{"id": ":place", "section": id, "scroll": int, "at": iso}``
(``:`` never appears in a section id, so the two cannot clash).
"""

from __future__ import annotations

from dataclasses import dataclass

from coprod_tui.core.clock import now_iso
from coprod_tui.core.store.collection import documents
from coprod_tui.core.store.repository import Store

TABLE = "reading"
PLACE_ID = ":place"


@dataclass(frozen=True)
class Place:
    """Where the reader was: a section id and how far down it (lines)."""

    section_id: str
    scroll: int


class ReadingProgress:
    """Typed access to reading progress for one :class:`Store`."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.records = documents(store, TABLE)

    def read_ids(self) -> set[str]:
        """Ids of every section marked read."""
        return {
            doc["id"] for doc in self.records.all()
            if doc.get("id") != PLACE_ID and doc.get("read")
        }

    def set_read(self, section_id: str, read: bool = True) -> None:
        """Mark a section read (or unread again)."""
        if read:
            self.records.put({"id": section_id, "read": True, "read_at": now_iso()})
        else:
            self.records.remove(section_id)

    def place(self) -> Place | None:
        """The remembered place, or ``None`` if nothing was opened yet."""
        doc = self.records.get(PLACE_ID)
        if not doc or not isinstance(doc.get("section"), str):
            return None
        scroll = doc.get("scroll")
        return Place(doc["section"], scroll if isinstance(scroll, int) and scroll >= 0 else 0)

    def save_place(self, section_id: str, scroll: int) -> None:
        """Remember the section being read and how far down it is."""
        self.records.put({"id": PLACE_ID, "section": section_id,
                               "scroll": max(0, int(scroll)), "at": now_iso()})
