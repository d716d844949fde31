"""The complexity exercise's line on the home screen (no Textual import: runs in a worker)."""

from __future__ import annotations

from coprod_tui.complexity.records import challenge_records, round_records
from coprod_tui.complexity.rules import DOMAINS
from coprod_tui.core.store.repository import Store
from coprod_tui.core.text import one_line
from coprod_tui.i18n import _


def home_summary(store: Store) -> str:
    """The line shown on home: the latest challenge and its result, and the last practice score."""
    latest = challenge_records(store).latest()
    last = round_records(store).latest()
    practice = _("last practice {right}/{total}").format(
        right=last.get("score", 0), total=last.get("total", 0)) if last else ""
    if latest is None:
        return practice or _("Is your challenge one to co-produce? Five questions")
    label = DOMAINS.get(latest.get("domain", ""), DOMAINS["confusion"]).label
    label = _(label).lower()
    text = _("Latest: {title}: {result}").format(title=one_line(latest.get("title", ""), 36),
                                                  result=label)
    return f"{text}; {practice}" if practice else text
