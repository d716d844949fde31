"""Plain mode driven through in-memory streams against a real store in tmp_path."""

from __future__ import annotations

import io
import random
import re
from pathlib import Path

from coprod_tui.complexity import records as cx
from coprod_tui.core.store import Store
from coprod_tui.journal.entry import Entry
from coprod_tui.journal.records import EntryStore
from coprod_tui.plain import Console, run_plain
from coprod_tui.plain.complexity import practice_round as complexity_round
from coprod_tui.plain.spectrum import practice_round as spectrum_round
from coprod_tui.reading.records import ReadingProgress
from coprod_tui.spectrum.scenario_content import load_scenarios
from coprod_tui.stocktake import records as stocktakes
from coprod_tui.stocktake.rules import NOTE_KINDS, steps

CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def run(data_dir: Path, *lines: str) -> tuple[int, str]:
    """Plain mode with ``lines`` as its input; returns (exit code, everything written)."""
    out = io.StringIO()
    code = run_plain(io.StringIO("".join(f"{line}\n" for line in lines)), out, data_dir)
    text = out.getvalue()
    assert not CONTROL.search(text), repr(CONTROL.search(text))
    return code, text


def test_home_help_and_quit(data_dir: Path) -> None:
    code, text = run(data_dir, "?", "8", "q")
    assert code == 0
    assert "b back, h home, q quit" in text and "Goodbye." in text
    assert text.count("Home\n") == 2  # shown again after help, never redrawn


def test_a_wrong_answer_is_asked_again(data_dir: Path) -> None:
    code, text = run(data_dir, "9", "banana", "q")
    assert code == 0
    assert text.count("Please type a number from 1 to 8") == 2


def test_end_of_input_exits_cleanly(data_dir: Path) -> None:
    code, text = run(data_dir)
    assert code == 0 and "End of input" in text


def test_write_an_entry_in_the_framework_set(data_dir: Path) -> None:
    store = Store.open(data_dir)
    store.set_setting("journal-framework", "gibbs")
    parts = [[f"part {n}", ""] for n in range(6)]
    code, text = run(data_dir, "2", "1", "1", "1 5", "Ward round", "carers",
                     *[line for part in parts for line in part],
                     "",  # the optional Code part, left empty
                     "Ask the carer first by 2026-12-01", "", "1", "q")
    assert code == 0, text
    assert "Gibbs' reflective cycle (your setting)" in text
    [entry] = EntryStore(Store.open(data_dir)).list()
    assert entry.framework == "gibbs" and entry.values == ["strengths", "change-makers"]
    assert entry.title == "Ward round" and entry.tags == ["carers"]
    assert entry.sections["description"] == "part 0" and entry.sections["action-plan"] == "part 5"
    assert [(a.text, a.due) for a in entry.actions] == [("Ask the carer first", "2026-12-01")]


def test_value_by_value(data_dir: Path) -> None:
    # What happened (empty), the five values, What next and the Code part (both empty).
    code, text = run(data_dir, "2", "1", "4", "", "", "", "Their knowledge", "", "", "",
                     "Met the family", "", "", "", "", "1", "q")
    assert code == 0, text
    [entry] = EntryStore(Store.open(data_dir)).list()
    assert entry.framework == "values"
    assert entry.values == ["strengths", "relationships"]


def test_end_of_input_while_writing_keeps_a_draft_then_carry_on(data_dir: Path) -> None:
    code, text = run(data_dir, "2", "1", "1", "2", "Half done", "", "First line", "second")
    assert code == 0 and "Kept as a draft" in text
    [draft] = Store.open(data_dir).drafts()
    assert draft["id"].startswith("entry:new-")
    assert draft["data"]["entry"]["sections"]["text"] == "First line\nsecond"
    assert EntryStore(Store.open(data_dir)).count() == 0

    code, text = run(data_dir, "2", "5", "1", "1", "1", "q")
    assert code == 0, text
    [entry] = EntryStore(Store.open(data_dir)).list()
    assert entry.title == "Half done" and entry.sections["text"] == "First line\nsecond"
    assert Store.open(data_dir).drafts() == []


def test_stored_escape_is_shown_in_caret_form(data_dir: Path) -> None:
    EntryStore(Store.open(data_dir)).add(
        Entry(values=["strengths"], title="\x1b[2J\x07bad", sections={"text": "ok"}))
    code, text = run(data_dir, "2", "2", "1", "q")
    assert code == 0
    assert "^[[2J^Gbad" in text


def test_tick_an_action(data_dir: Path) -> None:
    entry = EntryStore(Store.open(data_dir)).add(
        Entry(values=["strengths"], framework="rolfe", sections={"what": "x"}))
    store = Store.open(data_dir)
    from coprod_tui.journal.actions import parse_actions

    entry.actions = parse_actions("Ring the centre")
    EntryStore(store).update(entry)
    code, text = run(data_dir, "2", "4", "1", "q")
    assert code == 0 and "Done: Ring the centre" in text
    assert EntryStore(Store.open(data_dir)).get(entry.id).actions[0].done  # type: ignore[union-attr]


def test_change_an_entry_changed_elsewhere_keeps_both(data_dir: Path) -> None:
    store = Store.open(data_dir)
    entry = EntryStore(store).add(Entry(values=["strengths"], sections={"text": "first"}))
    before = entry.updated
    elsewhere = EntryStore(store).get(entry.id)
    assert elsewhere is not None
    elsewhere.sections["text"] = "changed elsewhere"
    EntryStore(store).update(elsewhere)
    mine = EntryStore(store).get(entry.id)
    assert mine is not None
    mine.sections["text"] = "my version"
    outcome = EntryStore(store).save_edit(mine, before)
    assert outcome.as_new
    texts = sorted(e.sections["text"] for e in EntryStore(store).list())
    assert texts == ["changed elsewhere", "my version"]
    again = EntryStore(store).get(entry.id)
    assert again is not None
    again.sections["text"] = "unchanged since opened"
    assert not EntryStore(store).save_edit(again, again.updated).as_new


def test_read_and_mark_a_section(data_dir: Path) -> None:
    code, text = run(data_dir, "1", "1", "2", "1", "q")
    assert code == 0 and "Marked as read." in text
    assert ReadingProgress(Store.open(data_dir)).read_ids() == {"five-values"}


def test_settings(data_dir: Path) -> None:
    code, text = run(data_dir, "7", "1", "2", "q")
    assert code == 0 and "Mouse is now: off." in text
    assert Store.open(data_dir).get_setting("mouse") == "off"


def test_spectrum_practice_round_scores() -> None:
    scenarios = load_scenarios()
    chosen = random.Random(3).sample(scenarios, min(6, len(scenarios)))
    from coprod_tui.spectrum.rules import APPROACH_IDS

    answers = []
    for scenario in chosen:
        answers += [str(APPROACH_IDS.index(scenario.place) + 1), ""]
    out = io.StringIO()
    attempts = spectrum_round(Console(io.StringIO("\n".join(answers) + "\n"), out),
                              scenarios, rng=random.Random(3))
    assert [a.correct for a in attempts] == [True] * len(chosen)
    assert f"you placed {len(chosen)} of {len(chosen)} right" in out.getvalue()


def test_complexity_practice_round_reviews_mistakes() -> None:
    scenarios = cx.load_scenarios()
    out = io.StringIO()
    items = complexity_round(Console(io.StringIO("1\n\n" * 5), out), scenarios,
                             rng=random.Random(1))
    assert len(items) == 5 and all(i["chosen"] == "simple" for i in items)
    wrong = sum(not i["correct"] for i in items)
    assert out.getvalue().count("[wrong]") == wrong


def test_stocktake_take_and_show(data_dir: Path) -> None:
    answers = ["1", ""]
    for step in steps():
        answers += ["4"] if step.kind == "statement" else [""] * len(NOTE_KINDS)
    answers[-1] = "Ask carers"  # the last value's last note
    code, text = run(data_dir, "5", "1", *answers, "2", "1", "q")
    assert code == 0, text[-2000:]
    [done] = stocktakes.finished(Store.open(data_dir))
    assert done.total() == 60
    assert text.count("Ask carers") >= 2  # in the result and when shown from history


def test_export(data_dir: Path, tmp_path: Path) -> None:
    EntryStore(Store.open(data_dir)).add(Entry(values=["strengths"], sections={"text": "hi"}))
    target = tmp_path / "out.md"
    code, text = run(data_dir, "6", "1", "", str(target), "q")
    assert code == 0, text
    assert "hi" in target.read_text() and target.stat().st_mode & 0o777 == 0o600


def test_export_offers_every_format_the_app_does(data_dir: Path, tmp_path: Path) -> None:
    EntryStore(Store.open(data_dir)).add(Entry(values=["strengths"], sections={"text": "hi"}))
    target = tmp_path / "pack.html"
    code, text = run(data_dir, "6", "5", "", str(target), "q")
    assert code == 0, text
    for name in ("1. md:", "2. txt:", "3. nmc: NMC revalidation pack", "4. hcpc:", "5. html:",
                 "6. json:"):
        assert name in text, text
    assert target.read_text().startswith("<!DOCTYPE html>")
