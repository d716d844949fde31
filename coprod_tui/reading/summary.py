"""The Read area's line on the home screen (no Textual import: runs in a worker)."""

from __future__ import annotations

from coprod_tui import paths
from coprod_tui.core.store.repository import Store
from coprod_tui.i18n import _
from coprod_tui.reading.loader import load_catalog
from coprod_tui.reading.progress import tiers_line
from coprod_tui.reading.records import ReadingProgress


def reading_summary(store: Store) -> str:
    """Home's line for the Read area: progress in every tier, not only the one
    opened last (content packs from ``COPROD_CONTENT_DIR``)."""
    catalog = load_catalog(paths.content_pack_dirs())
    progress = ReadingProgress(store)
    place = progress.place()
    line = tiers_line(catalog, progress.read_ids())
    return line + ("  " + _("(r: continue reading)") if place else "")
