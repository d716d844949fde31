"""The spectrum's line on the home screen (no Textual import: runs in a worker)."""

from __future__ import annotations

from coprod_tui.core.clock import local_display
from coprod_tui.core.store.repository import Store
from coprod_tui.core.text import one_line
from coprod_tui.i18n import _
from coprod_tui.spectrum.records import place_name, placement_records, round_records


def summary(store: Store) -> str:
    """Home's progress line: the latest placement and the last practice score."""
    parts: list[str] = []
    latest = placement_records(store).latest()
    if latest is not None:
        parts.append(_("latest: {title} -> {place}").format(
            title=one_line(latest.get("title", ""), 28), place=_(place_name(latest))))
    last = round_records(store).latest()
    if last is not None:
        parts.append(_("practice {right}/{total} on {day}").format(
            right=last.get("score", 0), total=last.get("total", 0),
            day=local_display(last.get("date", ""), with_time=False)))
    return "; ".join(parts) if parts else _("Place your own activity, or practise on scenarios")
