"""Timestamps: stored as ISO 8601 with a UTC offset, shown in local time."""

from __future__ import annotations

import datetime as dt

from coprod_tui.i18n import _


def now_iso() -> str:
    """The current time as ISO 8601 with the local UTC offset, to the second."""
    return dt.datetime.now(dt.timezone.utc).astimezone().isoformat(timespec="seconds")


def parse_iso(stamp: str) -> dt.datetime:
    """Parse a stored timestamp; naive values are taken as UTC."""
    value = dt.datetime.fromisoformat(stamp)
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.timezone.utc)
    return value


def to_local(value: dt.datetime) -> dt.datetime:
    """``value`` in the local time zone, or as it is where that would leave the
    calendar (0001-01-01 east of UTC, 9999-12-31 west of it)."""
    try:
        return value.astimezone()
    except (OverflowError, ValueError):
        return value


def local_display(stamp: str, with_time: bool = True) -> str:
    """A stored timestamp in the user's local time, e.g. ``2026-11-26 09:14``."""
    try:
        value = to_local(parse_iso(stamp))
    except (TypeError, ValueError, OverflowError):
        return stamp
    return value.strftime("%Y-%m-%d %H:%M" if with_time else "%Y-%m-%d")


def parse_day(text: str) -> dt.date:
    """Parse ``YYYY-MM-DD`` (raises ``ValueError`` with a clear message)."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ValueError(_("{text!r} is not a date in the form YYYY-MM-DD").format(
            text=text)) from None
