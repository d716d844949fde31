"""``coprod --plain`` on a real pseudo-terminal: every task, start to end, and
not one escape sequence (or other control byte) written. Also ``TERM=dumb``
starting plain mode, and the interactive ``coprod spectrum`` offering to save."""

from __future__ import annotations

from pathlib import Path

from coprod_tui.core.store import Store
from coprod_tui.journal.entry import Entry
from coprod_tui.journal.records import EntryStore
from coprod_tui.stocktake import records as stocktakes
from coprod_tui.stocktake.rules import NOTE_KINDS, steps
from tests.e2e.ptyterm import PtyApp

TIMEOUT = 60.0
# Bytes a line-by-line program may write: text, and the line ends a terminal echoes.
ALLOWED_CONTROLS = {0x0A, 0x0D, 0x09}


class Talk:
    """Answer each question once its prompt has appeared (after the last answer)."""

    def __init__(self, term: PtyApp) -> None:
        self.term = term
        self.mark = 0

    def answer(self, prompt: str, line: str) -> None:
        self.term.wait_for(prompt, timeout=TIMEOUT, start=self.mark)
        self.mark = len(self.term.output)
        self.term.send(line + "\r")

    def choose(self, line: str) -> None:
        self.answer("(b back, h home, q quit, ? help): ", line)


def assert_plain_bytes(output: bytes) -> None:
    controls = sorted({b for b in output if (b < 0x20 or b == 0x7F) and b not in ALLOWED_CONTROLS})
    assert 0x1B not in output, "an escape byte was written"
    assert controls == [], f"control bytes written: {controls}"


def test_every_task_through_plain_mode_writes_no_escape(data_dir: Path, tmp_path: Path) -> None:
    export = tmp_path / "journal.md"
    EntryStore(Store.open(data_dir)).add(Entry(values=["strengths"], title="\x1b[31mRed\x07",
                                               created="2026-01-01T09:00:00+00:00",
                                               sections={"text": "\x1b]0;title\x07"}))
    with PtyApp.coprod(data_dir, "--plain", size=(80, 24)) as term:
        talk = Talk(term)
        talk.choose("?")
        # Read: a tier, a section, mark it read, on to the next, back home.
        talk.choose("1")
        talk.choose("1")
        talk.choose("1")
        talk.choose("1")
        talk.answer("Marked as read.", "2")
        talk.choose("b")
        talk.choose("b")
        talk.choose("h")
        # Journal: write an entry, list and view it, search, drafts.
        talk.choose("2")
        talk.choose("1")
        talk.choose("1")
        talk.answer("Numbers separated by spaces", "2 4")
        talk.answer("Title (optional", "Carers' evening")
        talk.answer("Tags (optional", "carers")
        talk.answer("> ", "The carer knew which days were hardest.")
        talk.answer("> ", "")
        talk.answer("How it relates to the Code", "")  # optional, left empty
        talk.choose("1")
        talk.choose("2")
        talk.choose("2")  # the older entry, whose title holds escape sequences
        talk.term.wait_for("^[[31mRed^G", timeout=TIMEOUT, start=talk.mark)
        talk.choose("b")
        talk.choose("1")
        talk.choose("b")
        talk.choose("b")
        talk.choose("3")
        talk.answer("Words to look for", "hardest")
        talk.choose("1")
        talk.choose("b")
        talk.choose("b")
        talk.choose("5")
        talk.choose("h")
        # Spectrum: place an activity and save it, a practice round, saved placements.
        talk.choose("3")
        talk.choose("1")
        talk.choose("1")
        for _ in range(3):
            talk.choose("3")
        talk.answer("Save this placement? [y/N]: ", "y")
        talk.answer("Title of the activity: ", "Carers' forum")
        talk.answer("What the activity is (optional): ", "Monthly, planned together")
        talk.choose("2")
        for number in range(6):
            talk.choose("6")
            if number < 5:
                talk.answer("Press Enter to go on", "")
        talk.choose("3")
        talk.choose("1")
        talk.answer("Press Enter to go on", "")
        talk.choose("h")
        # Complexity: five questions, then a practice round.
        talk.choose("4")
        talk.choose("1")
        for answer in ("2", "2", "2", "1", "2"):
            talk.choose(answer)
        talk.answer("Save this challenge?", "n")
        talk.choose("2")
        for number in range(5):
            talk.choose("3")
            if number < 4:
                talk.answer("Press Enter to go on", "")
        talk.choose("h")
        # Stocktake: take one, then read it from the history.
        talk.choose("5")
        talk.choose("1")
        talk.answer("Who is this stocktake about?", "1")
        talk.answer("Who is taking part?", "")
        for step in steps():
            if step.kind == "statement":
                talk.answer("Score 1-5", "4")
            else:
                for _kind in NOTE_KINDS:
                    talk.answer("?", "")
        talk.choose("2")
        talk.choose("1")
        talk.answer("Press Enter to go on", "")
        talk.choose("h")
        # Export and settings.
        talk.choose("6")
        talk.choose("1")
        talk.answer("Numbers separated by spaces", "")
        talk.answer("File to write", str(export))
        talk.choose("7")
        talk.choose("1")
        talk.choose("2")
        talk.choose("b")
        # Writing cut off by the end of input is kept as a draft.
        talk.choose("2")
        talk.choose("1")
        talk.choose("1")
        talk.answer("Numbers separated by spaces", "1")
        talk.answer("Title (optional", "Unfinished")
        talk.answer("Tags (optional", "")
        talk.answer("> ", "A first line")
        talk.term.wait_for("> ", timeout=TIMEOUT, start=talk.mark)
        talk.term.send(b"\x04")
        talk.term.wait_for("Kept as a draft", timeout=TIMEOUT, start=talk.mark)
        assert talk.term.wait_exit(TIMEOUT) == 0
        output = bytes(term.output)
    assert_plain_bytes(output)
    text = output.decode("utf-8")
    assert "Round finished: you placed" in text and "Round finished:" in text
    assert "Marked as read." in text and "Saved entry" in text

    store = Store.open(data_dir)
    entry = EntryStore(store).list()[0]
    assert entry.values == ["networks", "relationships"] and entry.title == "Carers' evening"
    assert [d["data"]["entry"]["sections"]["text"] for d in store.drafts()] == ["A first line"]
    assert [d["title"] for d in store.all("spectrum")] == ["Carers' forum"]
    assert sorted(r["exercise"] for r in store.all("practice")) == ["complexity", "spectrum"]
    assert len(stocktakes.finished(store)) == 1
    assert store.get_setting("mouse") == "off"
    assert "The carer knew which days were hardest." in export.read_text()
    assert export.stat().st_mode & 0o777 == 0o600


def test_term_dumb_starts_plain_mode(data_dir: Path) -> None:
    with PtyApp.coprod(data_dir, size=(80, 24), TERM="dumb") as term:
        talk = Talk(term)
        talk.answer("coprod plain mode", "")
        talk.choose("q")
        assert term.wait_exit(TIMEOUT) == 0
        output = bytes(term.output)
    assert_plain_bytes(output)
    assert b"Goodbye." in output


def test_interactive_spectrum_offers_to_save(data_dir: Path) -> None:
    with PtyApp.coprod(data_dir, "spectrum", size=(80, 24)) as term:
        talk = Talk(term)
        talk.answer("[yes/no]: ", "yes")
        for _ in range(3):
            talk.answer("[organisation/people/both]: ", "both")
        talk.answer("Save this placement? [y/N]: ", "y")
        talk.answer("Title of the activity: ", "Co-designed leaflet")
        talk.answer("What the activity is (optional): ", "")
        term.wait_for("Saved as", timeout=TIMEOUT, start=talk.mark)
        assert term.wait_exit(TIMEOUT) == 0
    [doc] = Store.open(data_dir).all("spectrum")
    assert doc["title"] == "Co-designed leaflet" and doc["place"] == "co-production"


def test_a_hang_up_while_writing_keeps_a_draft(data_dir: Path) -> None:
    with PtyApp.coprod(data_dir, "--plain", size=(80, 24)) as term:
        talk = Talk(term)
        for line in ("2", "1", "1"):
            talk.choose(line)
        talk.answer("Numbers separated by spaces", "3")
        talk.answer("Title (optional", "On the ward")
        talk.answer("Tags (optional", "")
        talk.answer("> ", "What mattered to her")
        term.wait_for("> ", timeout=TIMEOUT, start=talk.mark)
        term.hang_up()
        term.wait_exit(TIMEOUT)
    [draft] = Store.open(data_dir).drafts()
    assert draft["data"]["entry"]["sections"]["text"] == "What mattered to her"
    assert draft["data"]["entry"]["title"] == "On the ward"
