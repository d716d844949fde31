"""The Revalidation area's line on home (no Textual: runs in a worker thread)."""

from __future__ import annotations

from coprod_tui.core.store import Store
from coprod_tui.i18n import _
from coprod_tui.revalidation import records, rules


def home_width() -> int:
    """Home's summary column on 80 columns in the interface language: as
    ``shell/home.py`` lays it out, one column less for each column the longest
    area title goes past 12 (Welsh titles are longer)."""
    from coprod_tui.shell.areas import AREAS

    longest = max([12, *(len(_(area.title)) for area in AREAS)])
    return rules.HOME_WIDTH - (longest - 12)


def summary(store: Store) -> str:
    """Progress against the regulator's requirements, e.g.
    ``CPD 22.5/35h, part. 12/20, feedback 3/5, accounts 4/5, ...; 214 days left``."""
    return rules.home_line(records.progress(store), home_width())
