"""Stocktake rules: scores, bands, weakest values, comparison, trend, reminders, storage."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from coprod_tui.core.store import Store
from coprod_tui.journal.entry import VALUE_IDS
from coprod_tui.stocktake import records as stocktakes
from coprod_tui.stocktake.report import (
    bar,
    comparison_lines,
    result_lines,
    summary_line,
    trend_lines,
)
from coprod_tui.stocktake.rules import (
    BANDS,
    STEP_COUNT,
    Stocktake,
    add_months,
    band_for,
    by_date,
    change_words,
    compare,
    match_prefix,
    reminder_due,
    signed,
    steps,
    trend,
    weakest_values,
)


def taken(scores: dict[str, list[int]] | int, stamp: str = "2026-03-01T10:00:00+00:00",
          sid: str = "") -> Stocktake:
    if isinstance(scores, int):
        scores = {v: [scores] * 3 for v in VALUE_IDS}
    stocktake = Stocktake(started=stamp, id=sid, finished=True, finished_at=stamp)
    for value_id, values in scores.items():
        for index, score in enumerate(values):
            stocktake.set_score(value_id, index, score)
    return stocktake


def test_scores_per_value_and_total() -> None:
    stocktake = taken({"strengths": [1, 1, 1], "networks": [5, 5, 5], "what-matters": [1, 2, 3],
                       "relationships": [4, 4, 5], "change-makers": [2, 2, 2]})
    assert stocktake.value_scores() == {"strengths": 3, "networks": 15, "what-matters": 6,
                                        "relationships": 13, "change-makers": 6}
    assert stocktake.total() == 43
    assert taken(1).total() == 15 and taken(5).total() == 75


def test_incomplete_stocktake_has_no_total() -> None:
    stocktake = Stocktake()
    stocktake.set_score("strengths", 0, 3)
    assert stocktake.answered() == 1 and not stocktake.complete()
    assert stocktake.value_score("strengths") is None
    with pytest.raises(ValueError):
        stocktake.total()


@pytest.mark.parametrize("bad", [0, 6, True, "3"])
def test_scores_outside_1_to_5_are_refused(bad: object) -> None:
    with pytest.raises(ValueError):
        Stocktake().set_score("strengths", 0, bad)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        Stocktake().set_score("kindness", 0, 3)


@pytest.mark.parametrize(("total", "name"), [
    (15, "Early days"), (29, "Early days"), (30, "First steps"), (44, "First steps"),
    (45, "Making progress"), (59, "Making progress"), (60, "Strong in places"),
    (75, "Strong in places"),
])
def test_bands_cover_15_to_75_without_gaps(total: int, name: str) -> None:
    assert band_for(total).name == name


def test_bands_are_contiguous_and_reject_impossible_totals() -> None:
    assert BANDS[0].low == 15 and BANDS[-1].high == 75
    for before, after in zip(BANDS, BANDS[1:], strict=False):
        assert after.low == before.high + 1
    for bad in (14, 76):
        with pytest.raises(ValueError):
            band_for(bad)


def test_each_band_starts_where_the_average_reaches_its_scale_step() -> None:
    # The band's meaning must agree with the score it starts at: a total of 60 is
    # every statement scored 4, so the top band speaks of a 4 (strong, with gaps).
    for band in BANDS:
        assert band.low == band.floor_score * 15
        assert f"{band.floor_score}" in band.meaning.split(":")[0]
    statements = stocktakes.load_statements()
    top = BANDS[-1]
    four = statements.point(top.floor_score)
    assert "gaps" in four.descriptor and "gaps" in top.meaning
    assert "most areas" not in top.meaning and "across the board" not in top.meaning.lower()
    # Only 5 is "the usual way of working": the top band may say so of 5s alone.
    assert "usual way" in statements.point(5).descriptor
    assert "scored 5" in top.meaning


def test_weakest_value_and_ties() -> None:
    one = taken({**{v: [4, 4, 4] for v in VALUE_IDS}, "networks": [2, 3, 3]})
    assert weakest_values(one) == ["networks"]
    tie = taken({**{v: [4, 4, 4] for v in VALUE_IDS}, "networks": [1, 1, 1],
                 "change-makers": [1, 1, 1]})
    assert weakest_values(tie) == ["networks", "change-makers"]
    assert weakest_values(taken(3)) == list(VALUE_IDS)


def test_compare_orders_by_date_and_signs_changes() -> None:
    older = taken(2, "2026-01-01T09:00:00+00:00", "aaa")
    newer = taken({**{v: [2, 2, 2] for v in VALUE_IDS}, "networks": [4, 4, 5],
                   "strengths": [1, 1, 2]}, "2026-06-01T09:00:00+00:00", "bbb")
    result = compare(newer, older)  # order given does not matter
    assert result.older is older and result.newer is newer
    changes = {c.key: c.change for c in result.values}
    assert changes == {"strengths": -2, "networks": 7, "what-matters": 0,
                       "relationships": 0, "change-makers": 0}
    assert (result.total.before, result.total.after, result.total.change) == (30, 35, 5)
    assert (signed(7), signed(-2), signed(0)) == ("+7", "-2", "0")
    assert (change_words(7), change_words(-2), change_words(0)) == ("up 7", "down 2", "no change")


def test_comparison_text_reads_without_colour() -> None:
    statements = stocktakes.load_statements()
    older, newer = taken(2, "2026-01-01T09:00:00+00:00", "a1"), taken(3, "2026-06-01T09:00:00+00:00", "b2")
    lines = comparison_lines(compare(older, newer), statements)
    assert any(line.startswith("Strengths") and "+3 (up 3)" in line for line in lines)
    assert any(line.startswith("Total") and "+15 (up 15)" in line for line in lines)
    assert all(len(line) <= 80 for line in lines)


def test_trend_needs_three_and_names_the_direction() -> None:
    a, b, c = (taken(s, f"2026-0{m}-01T09:00:00+00:00", f"id{m}") for m, s in ((1, 2), (2, 3), (3, 4)))
    assert trend([a, b]) is None
    rising = trend([c, a, b])
    assert rising is not None and rising.direction == "rising"
    assert [t for _, t in rising.points] == [30, 45, 60]
    assert rising.total.change == 30 and all(v.change == 6 for v in rising.values)
    falling = trend([taken(4, "2026-01-01T09:00:00+00:00"), taken(3, "2026-02-01T09:00:00+00:00"),
                     taken(3, "2026-03-01T09:00:00+00:00")])
    assert falling is not None and falling.direction == "falling"
    mixed = trend([taken(2, "2026-01-01T09:00:00+00:00"), taken(4, "2026-02-01T09:00:00+00:00"),
                   taken(3, "2026-03-01T09:00:00+00:00")])
    assert mixed is not None and mixed.direction == "up and down" and mixed.total.change == 15
    steady = trend([taken(3, f"2026-0{m}-01T09:00:00+00:00") for m in (1, 2, 3)])
    assert steady is not None and steady.direction == "steady"
    text = trend_lines(rising, stocktakes.load_statements(), ascii_only=True)
    assert "Overall: rising, +30 (up 30) from 2026-01-01 to 2026-03-01" in text


def test_bars_are_drawn_in_proportion() -> None:
    assert bar(9, 15, 15, ascii_only=True) == "#########......"
    assert bar(0, 15, 15) == "\u2591" * 15 and bar(15, 15, 15) == "\u2588" * 15
    assert bar(75, 75, 30, ascii_only=True) == "#" * 30


def test_result_text_has_numbers_band_weakest_and_official_link() -> None:
    statements = stocktakes.load_statements()
    stocktake = taken({**{v: [4, 4, 4] for v in VALUE_IDS}, "relationships": [1, 2, 1]})
    stocktake.participants = "Ann \x1b[31m"
    stocktake.set_note("relationships", "next", "Meet carers monthly")
    text = "\n".join(result_lines(stocktake, statements, ascii_only=True))
    assert "Relationships   ####...........  4/15  <- weakest" in text
    assert "Strengths       ############... 12/15\n" in text
    assert "Total" in text and "52/75" in text and "Band: Making progress" in text
    assert "Weakest: Relationships (4/15)" in text
    assert "What needs to happen next: Meet carers monthly" in text
    assert "^[" in text and "\x1b" not in text
    assert "https://info.copronet.wales/the-self-evaluation-audit-tool/" in text


def test_steps_walk_each_value_then_its_notes() -> None:
    walk = steps()
    assert len(walk) == STEP_COUNT == 20
    assert [s.kind for s in walk[:4]] == ["statement"] * 3 + ["notes"]
    assert [s.value_id for s in walk if s.kind == "notes"] == list(VALUE_IDS)


def test_documents_round_trip_and_tolerate_damage() -> None:
    stocktake = taken(3, sid="abc")
    stocktake.set_note("networks", "working", "Joint clinic")
    again = Stocktake.from_doc(stocktake.to_doc())
    assert again.to_doc() == stocktake.to_doc() | {"updated": again.updated}
    odd = Stocktake.from_doc({"id": "x", "scores": {"strengths": [9, "a", 2], "nope": [1]},
                              "notes": {"networks": {"working": 5}}, "position": 99})
    assert odd.scores["strengths"] == [None, None, 2] and odd.position == 0
    assert "nope" not in odd.scores
    broken = Stocktake.from_doc({"id": "y", "started": "yesterday", "finished_at": 7})
    assert broken.finished_at is None
    assert [s.id for s in by_date([broken, taken(3, sid="z")])] == ["y", "z"]


def test_prefix_matching() -> None:
    items = [taken(3, sid="abc123"), taken(3, sid="abd456")]
    assert [s.id for s in match_prefix(items, "AB")] == ["abc123", "abd456"]
    assert [s.id for s in match_prefix(items, "abd")] == ["abd456"]
    assert match_prefix(items, "") == [] and match_prefix(items, "z") == []


def test_reminder_after_calendar_months() -> None:
    assert add_months(dt.date(2026, 1, 31), 1) == dt.date(2026, 2, 28)
    assert add_months(dt.date(2026, 11, 15), 3) == dt.date(2027, 2, 15)
    last = dt.date(2026, 1, 10)
    assert not reminder_due(last, dt.date(2026, 4, 9), 3)
    assert reminder_due(last, dt.date(2026, 4, 10), 3)
    assert not reminder_due(last, dt.date(2030, 1, 1), None)


def test_home_summary_line() -> None:
    done = [taken(3, "2026-01-10T12:00:00+00:00")]
    waiting = Stocktake()
    waiting.set_score("strengths", 0, 2)
    assert summary_line([], None, 3, dt.date(2026, 2, 1)).startswith("Take stock")
    early = summary_line(done, None, 3, dt.date(2026, 2, 1))
    assert "last 2026-01-10: 45/75, Making progress" in early and "time for another" not in early
    late = summary_line(done, waiting, 3, dt.date(2026, 6, 1))
    assert "over 3 months ago" in late and "one in progress (1 of 15 answered)" in late


def test_store_keeps_one_unfinished_and_lists_finished(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "data")
    waiting = stocktakes.save(store, Stocktake())
    assert waiting.id and stocktakes.unfinished(store).id == waiting.id  # type: ignore[union-attr]
    assert stocktakes.finished(store) == []
    with pytest.raises(ValueError):
        stocktakes.finish(store, waiting)
    for value_id in VALUE_IDS:
        for index in range(3):
            waiting.set_score(value_id, index, 4)
    stocktakes.finish(store, waiting)
    assert stocktakes.unfinished(store) is None
    [done] = stocktakes.finished(store)
    assert done.id == waiting.id and done.total() == 60 and done.finished_at
    assert store.get("stocktakes", waiting.id)["finished"] is True  # type: ignore[index]
    store.set_setting("stocktake-reminder", "off")
    assert stocktakes.reminder_months(store) is None
    store.set_setting("stocktake-reminder", "6")
    assert stocktakes.reminder_months(store) == 6
    assert "60/75" in stocktakes.home_summary(store)
    assert stocktakes.discard(store, waiting.id) and store.all("stocktakes") == []
