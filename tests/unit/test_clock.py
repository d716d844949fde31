"""Times are stored as ISO 8601 with a UTC offset and shown in local time."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from coprod_tui.core.clock import local_display, now_iso, parse_day
from coprod_tui.core.store import Store


@pytest.fixture
def utc_plus_5(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The local time zone is UTC+5 (a POSIX TZ string: no tz database needed)."""
    monkeypatch.setenv("TZ", "XYZ-5")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_now_is_stored_with_the_local_offset(utc_plus_5: None) -> None:
    stamp = now_iso()
    assert stamp.endswith("+05:00")
    parsed = dt.datetime.fromisoformat(stamp)
    assert abs(parsed - dt.datetime.now(dt.timezone.utc)) < dt.timedelta(minutes=1)


def test_stored_times_are_shown_in_local_time(utc_plus_5: None) -> None:
    assert local_display("2024-03-01T09:30:00+00:00") == "2024-03-01 14:30"
    assert local_display("2024-03-01T09:30:00-02:00", with_time=False) == "2024-03-01"
    assert local_display("2024-03-01T21:30:00-02:00", with_time=False) == "2024-03-02"
    assert local_display("2024-03-01T09:30:00") == "2024-03-01 14:30"  # naive = UTC
    assert local_display("not a time") == "not a time"


def test_drafts_are_stamped_with_an_offset(data_dir: Path) -> None:
    store = Store.open(data_dir)
    store.save_draft("entry:new", {"text": "half a thought"})
    saved = store.drafts()[0]["saved"]
    assert dt.datetime.fromisoformat(saved).utcoffset() is not None
    assert store.load_draft("entry:new") == {"text": "half a thought"}
    store.discard_draft("entry:new")
    assert store.load_draft("entry:new") is None


def test_a_bad_day_gets_a_clear_message() -> None:
    assert parse_day("2025-02-03") == dt.date(2025, 2, 3)
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        parse_day("3/2/2025")
