"""The real `coprod --lang cy` at 80x24 in a pseudo-terminal: home shows every
area's Welsh title whole, and the footer's keys are readable in Welsh."""

from __future__ import annotations

import re
from pathlib import Path

from coprod_tui import i18n
from coprod_tui.shell.areas import AREAS
from tests.e2e.ptyterm import PtyApp

ENGLISH_LOCALE = {"LANGUAGE": "", "LC_ALL": "", "LC_MESSAGES": "", "LANG": "C.UTF-8"}

_TOKEN = re.compile(r"\x1b\[([0-?]*)[ -/]*([@-~])|\x1b[\]P_^][^\x07\x1b]*(?:\x07|\x1b\\)"
                    r"|\x1b[ -/]*[0-~]|([^\x1b])", re.S)


def screen_rows(output: bytes, size: tuple[int, int]) -> list[str]:
    """The rows on screen after ``output``: a small terminal that follows cursor
    positioning (CUP) and writes text; colours and other sequences are ignored.
    Text that would go past the last column is dropped, as a terminal clips it."""
    columns, rows = size
    grid = [[" "] * columns for _ in range(rows)]
    row = col = 0
    for match in _TOKEN.finditer(output.decode("utf-8", "replace")):
        params, final, char = match.groups()
        if char is not None:
            if char == "\n":
                row = min(row + 1, rows - 1)
            elif char == "\r":
                col = 0
            elif char >= " ":
                if 0 <= row < rows and 0 <= col < columns:
                    grid[row][col] = char
                col += 1
        elif final in ("H", "f"):
            parts = (params or "").split(";")
            row = int(parts[0] or 1) - 1
            col = int(parts[1] or 1) - 1 if len(parts) > 1 else 0
        elif final == "J" and params == "2":
            grid = [[" "] * columns for _ in range(rows)]
    return ["".join(line) for line in grid]


def test_home_in_welsh_at_80x24_shows_every_title_whole(data_dir: Path) -> None:
    i18n.set_language("cy")
    titles = {area.key: i18n._(area.title) for area in AREAS}
    i18n.set_language("en")
    assert titles["5"] == "Pwyso a mesur", "the longest Welsh title, wider than English's"
    with PtyApp.coprod(data_dir, "--lang", "cy", size=(80, 24), **ENGLISH_LOCALE) as term:
        term.wait_for("Ynghylch")
        term.wait_for("Dim cofnodion eto")  # the summaries are in
        term.settle()
        rows = screen_rows(bytes(term.output), term.size)
        shown = "\n".join(rows)
        for key, title in titles.items():
            # The key, then the whole title followed by a space: nothing cut off.
            found = [r for r in rows if re.search(rf"\b{key}  {re.escape(title)} ", r)]
            assert found, f"area {key} ({title}) is not whole on screen:\n{shown}"
        assert "Cydgynhyrchu:" in shown, "the welcome's first line is not scrolled away"
        footer = rows[-1]
        for key in ("q Gadael", "f1 Cymorth", "h Hafan"):
            assert key in footer, f"{key!r} not readable in the footer: {footer!r}"
        term.press("q")
        assert term.wait_exit() == 0


def test_settings_and_help_in_welsh_at_80x24_are_whole(data_dir: Path) -> None:
    rows_wanted = ["Thema", "Llygoden", "Nodyn atgoffa pwyso a mesur", "Fframwaith y dyddlyfr",
                   "Cloi pan fydd yn segur", "Language / Iaith"]
    with PtyApp.coprod(data_dir, "--lang", "cy", size=(80, 24), **ENGLISH_LOCALE) as term:
        term.wait_for("Dim cofnodion eto")
        term.press("7")
        start = len(term.text)
        term.wait_for("Cloi pan fydd yn segur", start=start)
        term.wait_for("Lliwiau'r ap cyfan.", start=start)  # the highlighted row's explanation
        term.settle()
        rows = screen_rows(bytes(term.output), term.size)
        shown = "\n".join(rows)
        assert any(row.strip() == "Gosodiadau" for row in rows), shown
        for label in rows_wanted:
            # The label, then at least one space before its value: nothing cut off.
            assert any(re.search(rf"▊ {re.escape(label)} +\S", row) for row in rows), \
                f"{label!r} is not whole on Settings:\n{shown}"
        assert "…" not in shown
        for key in ("f1 Cymorth", "h Hafan", "q Gadael"):
            assert key in rows[-1], f"{key!r} not readable in the footer: {rows[-1]!r}"
        term.press("f1")
        start = len(term.text)
        term.wait_for("Allweddi ar y sgrin hon", start=start)
        term.wait_for("b neu Esc: cau", start=start)
        term.settle()
        rows = screen_rows(bytes(term.output), term.size)
        shown = "\n".join(rows)
        flat = " ".join(row.strip(" █") for row in rows)
        # Settings' own help, from its title to the end of its last sentence.
        assert "Gosodiadau" in shown
        assert "Symudwch at osodiad a phwyswch Enter i'w newid." in " ".join(flat.split())
        assert "(gweler y README)." in shown
        assert any("b, esc  Yn ôl  (back)" in row for row in rows), shown
        assert any("q, ^q  Gadael  (quit)" in row for row in rows), shown
        assert "b neu Esc: cau    saethau / bysellau tudalen: sgrolio" in shown
        assert "…" not in shown
        term.press("b")  # closes help (a lone Escape followed at once by q reads as alt+q)
        term.settle()
        term.press("q")
        assert term.wait_exit() == 0
