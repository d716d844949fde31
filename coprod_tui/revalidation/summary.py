"""The Revalidation area's line on home (no Textual: runs in a worker thread)."""

from __future__ import annotations

from coprod_tui.core.store import Store
from coprod_tui.revalidation import records, rules


def summary(store: Store) -> str:
    """Progress against the regulator's requirements, e.g.
    ``CPD 22.5/35h (12/20 part.), feedback 3/5, accounts 4/5, ...; 214 days left``."""
    return rules.home_line(records.progress(store))
