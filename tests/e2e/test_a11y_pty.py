"""The real ``coprod`` in a pseudo-terminal, as slow links and plain terminals see it.

Issue 10: an idle app sends nothing; a too-small window says so and recovers;
``NO_COLOR`` sends no colour yet the highlighted row stays marked; the Linux
console and ``--ascii`` get no box-drawing or block characters; ``--no-mouse``
never turns mouse tracking on.
"""

from __future__ import annotations

import re
import signal
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.e2e.ptyterm import PtyApp

# Anything periodic a screen might send shows within this window: a blinking
# cursor toggles every 0.5 s (three times here), Textual's header clock ticks
# every second. Checked: with the cursor blinking again (QuietInput,
# QuietTextArea) the test fails on every screen holding a text field.
IDLE_SECONDS = 1.5

Step = tuple[tuple[str, ...], str]  # keys to press, then text that shows they worked

#: Each main screen, reached from home by steps.
MAIN_SCREENS: list[tuple[str, list[Step]]] = [
    ("home", []),
    ("reading", [(("1",), "If you have 10 minutes")]),
    ("reader", [(("1", "enter"), "section 1 of")]),
    ("journal", [(("2",), "No entries yet")]),
    ("journal editor, in a text area", [
        (("2",), "No entries yet"), (("n",), "Write about which value?"),
        (("enter",), "A few words"), (("tab",), ""),
    ]),
    ("spectrum", [(("3",), "Practise on scenarios")]),
    ("complexity", [(("4",), "No challenges yet")]),
    ("stocktake", [(("5",), "Start a new stocktake")]),
    ("export", [(("6",), "Export now")]),
    ("revalidation", [(("0",), "CPD log")]),
    ("revalidation form, in a field", [(("0",), "CPD log"), (("a",), "A CPD activity")]),
    ("settings", [(("7",), "Journal framework")]),
    ("about", [(("9",), "Your data")]),
    ("command palette, typing", [(("ctrl+p",), "Search"), (("A", "b"), "About")]),
]

MOUSE_ON = (b"\x1b[?1000h", b"\x1b[?1002h", b"\x1b[?1003h", b"\x1b[?1006h")
SGR = re.compile(rb"\x1b\[([0-9;:]*)m")


def open_screen(term: PtyApp, steps: list[Step]) -> None:
    """From home, take each step: press its keys, wait until its text is drawn."""
    term.wait_for("About")
    term.settle()
    for keys, marker in steps:
        start = len(term.output)
        term.press(*keys)
        term.wait_for(marker, start=start)
        term.settle()
    term.settle(quiet=0.5)


def test_no_bytes_while_idle_on_every_main_screen(tmp_path: Path) -> None:
    # One process a screen, each driven to its screen at the same time (a
    # thread each: the waits are on the terminals), then all measured over the
    # same idle window.
    terms = [PtyApp.coprod(tmp_path / f"data-{n}") for n in range(len(MAIN_SCREENS))]
    try:
        with ThreadPoolExecutor(len(terms)) as pool:
            list(pool.map(open_screen, terms, [steps for _name, steps in MAIN_SCREENS]))
        counts = PtyApp.bytes_over(terms, IDLE_SECONDS)
        sent = {name: count for (name, _steps), count in zip(MAIN_SCREENS, counts, strict=True)}
        assert sent == {name: 0 for name, _steps in MAIN_SCREENS}
        for term in terms:
            term.press("ctrl+q")
            assert term.wait_exit() == 0
    finally:
        for term in terms:
            term.close()


def test_too_small_says_so_and_recovers(data_dir: Path) -> None:
    with PtyApp.coprod(data_dir, size=(60, 20)) as term:
        term.wait_for("terminal too small: needs 80 x 24, now 60 x 20")
        term.settle()
        start = len(term.output)
        term.resize(80, 24)
        term.wait_for("share power and work together", start=start)
        term.settle()
        start = len(term.output)
        term.resize(79, 24)
        term.wait_for("terminal too small: needs 80 x 24, now 79 x 24", start=start)
        term.settle()
        term.press("2")  # keys do nothing while covered
        start = len(term.output)
        term.resize(80, 24)
        term.wait_for("share power and work together", start=start)
        term.settle()
        term.press("q")
        assert term.wait_exit() == 0


def test_keys_typed_while_too_small_never_reach_the_hidden_editor(data_dir: Path) -> None:
    """Issue 17: at 60x20 "hq" went home from the hidden editor, then quit from home.

    Now only quitting works there (``q``, keeping the draft, as the message says).
    """
    with PtyApp.coprod(data_dir, size=(80, 24)) as term:
        open_screen(term, [(("2",), "No entries yet"), (("n",), "Write about which value?"),
                           (("enter",), "A few words")])
        term.type("Kept")
        term.settle()
        start = len(term.output)
        term.resize(60, 20)
        term.wait_for("terminal too small: needs 80 x 24, now 60 x 20", start=start)
        term.settle()
        term.press("h", "3", "b", "f1")
        term.settle()
        assert term.poll() is None  # still running
        start = len(term.output)
        term.resize(80, 24)
        term.wait_for("New journal entry", start=start)  # the editor, not home
        term.settle()
        start = len(term.output)
        term.resize(60, 20)
        term.wait_for("terminal too small: needs 80 x 24, now 60 x 20", start=start)
        term.settle()
        term.press("q")
        assert term.wait_exit() == 0
    from coprod_tui.core.store import Store

    (draft,) = Store.open(data_dir).drafts()
    assert draft["data"]["entry"]["title"] == "Kept"


def sgr_params(data: bytes) -> list[list[int]]:
    """The parameters of each SGR (``ESC [ ... m``) sequence."""
    return [
        [int(p) for p in re.split(rb"[;:]", match) if p] for match in SGR.findall(data)
    ]


def colour_codes(params: list[int]) -> list[int]:
    """Foreground and background colour codes in one SGR (default 39/49 allowed)."""
    return [p for p in params if 30 <= p <= 38 or 40 <= p <= 48 or 90 <= p <= 107]


def test_no_color_sends_no_colour_and_keeps_the_highlight(data_dir: Path) -> None:
    with PtyApp.coprod(data_dir, NO_COLOR="1") as term:
        term.wait_for("About")
        term.settle()
        start = len(term.output)
        term.press("down")  # the highlight moves to Journal
        term.settle()
        moved = bytes(term.output[start:])
        term.press("1", "enter")
        term.wait_for("section 1 of", start=start)
        term.settle()
        everything = bytes(term.output)
        term.press("q")
        assert term.wait_exit() == 0
    assert [p for p in sgr_params(everything) if colour_codes(p)] == []
    assert any(7 in params for params in sgr_params(moved)), "highlight in reverse video"


def test_with_colour_the_same_check_finds_colour(data_dir: Path) -> None:
    with PtyApp.coprod(data_dir) as term:
        term.wait_for("About")
        term.settle()
        term.press("q")
        assert term.wait_exit() == 0
    assert any(colour_codes(p) for p in sgr_params(bytes(term.output)))


def drawing_characters(text: str) -> set[str]:
    """Box-drawing and block characters (U+2500 to U+259F) and Textual's header icon."""
    return {char for char in text if 0x2500 <= ord(char) <= 0x259F or char == "\u2b58"}


@pytest.mark.parametrize(
    ("args", "env"), [(("--ascii",), {}), ((), {"TERM": "linux"}), ((), {})],
    ids=["--ascii", "TERM=linux", "unicode"],
)
def test_ascii_drawing_only(data_dir: Path, args: tuple[str, ...], env: dict[str, str]) -> None:
    with PtyApp.coprod(data_dir, *args, **env) as term:
        term.wait_for("About")
        term.settle()
        start = len(term.output)
        term.press("1", "enter")  # the reader
        term.wait_for("section 1 of", start=start)
        term.settle()
        term.press("h", "2", "n")  # the journal and a dialog
        term.wait_for("Write about which value?", start=start)
        term.settle()
        term.press("enter")  # the editor
        term.wait_for("A few words", start=start)
        term.settle()
        term.press("escape")
        term.settle()
        term.press("f1")  # help: the journal's text, then its keys a page down
        term.wait_for("arrows / page keys: scroll", start=start)
        term.settle()
        term.press("pagedown")
        term.wait_for("Keys on this screen", start=start)
        term.settle()
        term.press("ctrl+q")
        assert term.wait_exit() == 0
    found = drawing_characters(term.text)
    if args or env:
        assert found == set()
    else:
        assert found, "without --ascii the same screens do draw boxes"


@pytest.mark.parametrize("term_name", ["vt100", "xterm-mono"])
def test_monochrome_terminals_get_ascii_and_no_colour(data_dir: Path, term_name: str) -> None:
    # Issue 17: TERM=vt100 and xterm-mono got Unicode blocks and colour.
    with PtyApp.coprod(data_dir, TERM=term_name) as term:
        term.wait_for("About")
        term.settle()
        start = len(term.output)
        term.press("down")  # the highlight moves: still shown, in reverse video
        term.settle()
        moved = bytes(term.output[start:])
        term.press("1", "enter")  # the reader
        term.wait_for("section 1 of", start=start)
        term.settle()
        term.press("h", "2", "n")  # the journal and a dialog
        term.wait_for("Write about which value?", start=start)
        term.settle()
        term.press("ctrl+q")
        assert term.wait_exit() == 0
    assert drawing_characters(term.text) == set()
    assert [p for p in sgr_params(bytes(term.output)) if colour_codes(p)] == []
    assert any(7 in params for params in sgr_params(moved)), "highlight in reverse video"


@pytest.mark.parametrize("no_mouse", [True, False])
def test_no_mouse_sends_no_mouse_tracking(data_dir: Path, no_mouse: bool) -> None:
    args = ("--no-mouse",) if no_mouse else ()
    with PtyApp.coprod(data_dir, *args) as term:
        term.wait_for("About")
        term.settle()
        term.signal(signal.SIGTERM)
        assert term.wait_exit() == 0
    sent = [code for code in MOUSE_ON if code in bytes(term.output)]
    assert (sent == []) is no_mouse
