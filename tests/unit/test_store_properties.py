"""Property-based attacks (hypothesis): imports of random JSON, store round
trips, and the text sanitiser."""

from __future__ import annotations

import json
import tempfile
import unicodedata
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coprod_tui.core.store import Store
from coprod_tui.core.text import make_visible
from coprod_tui.errors import CoprodError
from coprod_tui.journal.entry import FRAMEWORKS, Entry
from coprod_tui.transfer.common import ExportFilter
from coprod_tui.transfer.files import read_all_tables, record_problems, render
from coprod_tui.transfer.importer import import_file

SETTINGS = settings(max_examples=60, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])

json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**70), 2**70)
    | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner,
                                                                  max_size=4),
    max_leaves=20,
)
stamps = st.one_of(
    st.datetimes(timezones=st.timezones()).map(lambda d: d.isoformat()),
    st.sampled_from(["0001-01-01T00:00:00+00:00", "9999-12-31T23:59:59+00:00",
                     "0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-12:00", "", "x"]),
    json_values,
)
# Records close to valid ones, each field either right or any JSON at all.
entry_docs = st.fixed_dictionaries(
    {"id": st.one_of(st.text(min_size=1, max_size=6), json_values)},
    optional={
        "title": st.one_of(st.text(), json_values),
        "framework": st.one_of(st.sampled_from(list(FRAMEWORKS)), json_values),
        "values": st.one_of(st.lists(st.text(max_size=12)), json_values),
        "sections": st.one_of(st.dictionaries(st.text(max_size=8), st.text()), json_values),
        "tags": st.one_of(st.lists(st.text(max_size=8)), json_values),
        "created": stamps, "updated": stamps, "deleted": stamps,
        "links": st.one_of(st.lists(st.fixed_dictionaries(
            {"kind": st.text(max_size=5), "ref": st.text(max_size=5)})), json_values),
        "actions": st.one_of(st.lists(st.fixed_dictionaries(
            {"text": st.text(max_size=10)},
            optional={"due": st.one_of(st.none(), st.text(max_size=10)),
                      "done": json_values})), json_values),
        "code_themes": json_values, "account_kind": json_values,
    },
)
other_docs = st.fixed_dictionaries(
    {"id": st.text(min_size=1, max_size=6)},
    optional={k: json_values for k in ("scores", "notes", "position", "finished", "title",
                                         "answers", "plan", "history", "score", "data", "value")},
)
dumps = st.fixed_dictionaries({
    "format": st.sampled_from(["coprod-export", "coprod-export", "other"]),
    "schema": st.one_of(st.sampled_from([1, 2, 2, 3]), json_values),
    "tables": st.one_of(st.dictionaries(
        st.sampled_from(["entries", "trash", "stocktakes", "spectrum", "complexity",
                         "practice", "settings", "reading", "drafts", "other"]),
        st.lists(st.one_of(entry_docs, other_docs, json_values), max_size=4),
        max_size=4), json_values),
})
jrnl_files = st.fixed_dictionaries({
    "tags": st.just({}),
    "entries": st.lists(st.fixed_dictionaries(
        {"title": st.one_of(st.text(max_size=10), json_values),
         "date": st.one_of(st.dates().map(str), json_values)},
        optional={"body": st.one_of(st.text(), json_values),
                  "time": st.one_of(st.times().map(lambda t: t.strftime("%H:%M")), json_values),
                  "tags": json_values, "starred": json_values}), max_size=4),
})


def _try_import(data: Any, source: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        store = Store.open(Path(folder) / "data")
        path = Path(folder) / "in.json"
        path.write_text(json.dumps(data))
        try:
            import_file(store, path, source, ["strengths"] if source == "jrnl" else None)
        except CoprodError:
            assert read_all_tables(store) == {}  # all or nothing
            return
        # Whatever was accepted, every view of it works.
        assert record_problems(store) == []
        for doc in store.all("entries"):
            Entry.from_doc(doc).section_labels()
        for fmt in ("md", "txt", "nmc", "json"):
            render(store, fmt, ExportFilter())


@SETTINGS
@given(json_values)
def test_import_of_any_json_only_ever_refuses_clearly(data: Any) -> None:
    _try_import(data, "coprod")


@SETTINGS
@given(dumps)
def test_import_of_near_valid_exports_only_ever_refuses_clearly(data: Any) -> None:
    _try_import(data, "coprod")


@SETTINGS
@given(jrnl_files)
def test_import_of_jrnl_files_only_ever_refuses_clearly(data: Any) -> None:
    _try_import(data, "jrnl")


@SETTINGS
@given(st.lists(st.dictionaries(st.text(max_size=8).filter(lambda k: k != "id"), json_values,
                                max_size=5), max_size=5))
def test_the_store_round_trips_any_records(docs: list[dict[str, Any]]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        saved = [Store.open(Path(folder)).insert("notes", doc) for doc in docs]
        again = Store.open(Path(folder))  # a new session reads the file afresh
        assert sorted(again.all("notes"), key=lambda d: d["id"]) == sorted(
            saved, key=lambda d: d["id"])


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_make_visible_leaves_no_control_characters(text: str) -> None:
    shown = make_visible(text)
    assert not [c for c in shown if unicodedata.category(c) == "Cc" and c not in "\t\n"]
    assert "\x1b" not in shown


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.datetimes(timezones=st.timezones()).map(lambda d: d.isoformat()),
                 st.sampled_from(["0001-01-01T00:00:00+00:00", "9999-12-31T23:59:59+00:00",
                                  "0001-01-01T00:00:00", "9999-12-31T23:59:59"])),
       st.sampled_from(["Pacific/Kiritimati", "America/Adak", "UTC", "Etc/GMT+12"]))
def test_stored_times_show_under_any_local_zone(stamp: str, zone: str) -> None:
    import os
    import time

    from coprod_tui.core.clock import local_display
    from coprod_tui.transfer.common import local_day, local_time

    before = os.environ.get("TZ")
    os.environ["TZ"] = zone
    time.tzset()
    try:
        assert local_display(stamp)
        local_day(stamp)
        local_time(stamp)
    finally:
        if before is None:
            os.environ.pop("TZ", None)
        else:
            os.environ["TZ"] = before
        time.tzset()


def test_a_data_file_nested_thousands_deep_is_reported_not_a_traceback(tmp_path: Path) -> None:
    from coprod_tui.core.store import MAIN_FILE, CorruptDataError

    data = tmp_path / "data"
    Store.open(data)
    (data / MAIN_FILE).write_text('{"entries": {"1": {"id": "x", "v": ' + "[" * 100_000
                                  + "]" * 100_000 + "}}}")
    try:
        Store.open(data)
    except CorruptDataError as error:
        assert "nested too deeply" in error.message
    else:
        raise AssertionError("a file nested 100,000 deep was accepted")
