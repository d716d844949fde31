"""The stocktake's line on the home screen (no Textual import: runs in a worker)."""

from __future__ import annotations

import datetime as dt

from coprod_tui.core.store.repository import Store
from coprod_tui.stocktake.records import finished, reminder_months, unfinished
from coprod_tui.stocktake.report import summary_line


def home_summary(store: Store, today: dt.date | None = None) -> str:
    """The line on home: last date and total, a reminder when one is due, work in progress."""
    return summary_line(finished(store), unfinished(store), reminder_months(store),
                        today or dt.date.today())
