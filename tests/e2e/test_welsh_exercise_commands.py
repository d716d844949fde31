"""`coprod --lang cy spectrum ...` and `coprod --lang cy complexity ...` in real
processes: the drawing, the map's words, practice rounds and their scenarios,
saved lists and errors are Welsh; what the user typed stays as written;
`--json` stays English (issue 20)."""

from __future__ import annotations

import json
from pathlib import Path

from coprod_tui.complexity import records as cx
from coprod_tui.core.store import Store
from tests.e2e.test_welsh_commands import coprod
from tests.ui.scenario_words import english_scenario_text
from tests.ui.welsh_check import english_lines

# Plain mode's prompt names the "?" key's word as it is (tests/e2e/test_welsh_commands.py
# asserts it so); it is not the exercises' text.


def _english(out: str, *typed: str) -> list[str]:
    """English left once the typed text is taken out: lines with English words,
    and any of the practice scenarios' English (every one has its Welsh)."""
    return english_lines(out, allow=[*typed]) + english_scenario_text(out)


def test_spectrum_drawing_in_welsh(data_dir: Path) -> None:
    result = coprod(data_dir, "--lang", "cy", "spectrum", "--knowledge", "people",
                    "--decisions", "organisation", "--acts", "organisation",
                    "--refine", "listen", "--draw")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    lines = out.splitlines()
    assert lines[0] == "Lle: cyfranogiad (gwneud dros)"
    assert "GWNEUD I" in lines[2] and "GWNEUD DROS" in lines[2] and "GWNEUD GYDA" in lines[2]
    for label in ("gorfodaeth/", "gwybodaeth", "ymgynghori", "cyfranogiad", "cydgynhyrchu",
                  "amddiffyn", "perswâd"):
        assert label in out, label
    marked = next(line for line in lines if "[x]" in line)
    caret = next(line for line in lines if line.strip() == "^")
    assert marked[caret.index("^") - 1: caret.index("^") + 2] == "[x]"
    assert "y gweithgaredd hwn" in out and "Oddi ar y llinell:" in out
    assert "  [ ] cydweithio / partneriaeth (dim dinasyddion wrth y bwrdd)" in lines
    assert max(len(line) for line in lines) <= 80
    assert _english(out) == [], out
    english = coprod(data_dir, "--lang", "en", "spectrum", "--knowledge", "people",
                     "--decisions", "organisation", "--acts", "organisation",
                     "--refine", "listen", "--draw").stdout
    assert "DOING TO" in english and "this activity" in english and "Off the line:" in english


def test_spectrum_beside_and_between_in_welsh(data_dir: Path) -> None:
    beside = coprod(data_dir, "--lang", "cy", "spectrum", "--no-citizens", "--draw")
    assert beside.returncode == 0, beside.stderr
    assert "[x] cydweithio / partneriaeth (dim dinasyddion wrth y bwrdd) <- y gweithgaredd hwn" \
        in " ".join(beside.stdout.split())
    between = coprod(data_dir, "--lang", "cy", "spectrum", "--knowledge", "people",
                     "--decisions", "people", "--acts", "organisation", "--draw")
    assert between.returncode == 0, between.stderr
    assert "y gweithgaredd hwn: rhwng gwneud dros a gweithredu dan arweiniad y gymuned" \
        in " ".join(between.stdout.split())
    assert "(dim un blwch)" in between.stdout and "[x]" not in between.stdout
    for out in (beside.stdout, between.stdout):
        assert max(len(line) for line in out.splitlines()) <= 80
        assert _english(out) == [], out


def test_spectrum_saved_and_practice_in_welsh(data_dir: Path) -> None:
    saved = coprod(data_dir, "--lang", "cy", "spectrum", "--knowledge", "both",
                   "--decisions", "both", "--acts", "both", "--save", "Carers forum")
    assert saved.returncode == 0, saved.stderr
    assert "Wedi'i gadw fel " in saved.stdout and saved.stdout.rstrip().endswith(": Carers forum")
    # A whole round answered from a pipe: the first place each time, Enter between.
    practice = coprod(data_dir, "--lang", "cy", "spectrum", "--practice", stdin="1\n\n" * 6)
    assert practice.returncode == 0, practice.stderr
    out = practice.stdout
    assert "Senario 1 o 6: " in out and "Ble mae'n perthyn?" in out
    assert "Sut mae'r tri chwestiwn yn arwain yno:" in out
    assert "Rownd wedi gorffen: gosodoch " in out
    assert out.rstrip().endswith("Mae eich sgôr wedi'i chadw yn yr hanes ymarfer.")
    assert _english(out) == [], out
    as_json = coprod(data_dir, "--lang", "cy", "spectrum", "--knowledge", "both",
                     "--decisions", "both", "--acts", "both", "--json")
    assert json.loads(as_json.stdout)["name"] == "co-production"


def test_complexity_list_save_and_welsh_answers(data_dir: Path) -> None:
    empty = coprod(data_dir, "--lang", "cy", "complexity", "--list")
    assert empty.returncode == 0, empty.stderr
    assert empty.stdout.strip() == "dim heriau wedi'u cadw eto"
    # Welsh answers work as well as the English words.
    args = ("complexity", "--recipe", "na", "--expertise", "na", "--predictable", "na",
            "--people", "ie", "--crisis", "na")
    saved = coprod(data_dir, "--lang", "cy", *args, "--save", "Lonely carers",
                   "--expected", "anhysbys")
    assert saved.returncode == 0, saved.stderr
    assert saved.stdout.startswith("Canlyniad: Cymhleth (profi, synhwyro, ymateb)\n")
    assert "Wedi'i gadw fel 'Lonely carers'" in saved.stdout
    assert _english(saved.stdout) == [], saved.stdout
    listed = coprod(data_dir, "--lang", "cy", "complexity", "--list")
    assert "Cymhleth" in listed.stdout and "Lonely carers" in listed.stdout
    assert "Complex" not in listed.stdout
    (doc,) = cx.challenges(Store.open(data_dir))
    assert doc["answers"]["people"] == "yes" and doc["plan"]["expected"] == "anhysbys"


def test_complexity_errors_and_practice_in_welsh(data_dir: Path) -> None:
    bad = coprod(data_dir, "--lang", "cy", "complexity", "--recipe", "maybe")
    assert bad.returncode == 2
    assert "ateb annilys 'maybe'; dewisiadau: yes, no, unsure" in bad.stderr
    missing = coprod(data_dir, "--lang", "cy", "complexity", "--recipe", "no")
    assert missing.returncode == 2
    assert "--expertise ANSWER" in missing.stderr and "missing" not in missing.stderr
    practice = coprod(data_dir, "--lang", "cy", "complexity", "--practice", stdin="1\n\n" * 5)
    assert practice.returncode == 0, practice.stderr
    out = practice.stdout
    assert "Senario 1 o 5: " in out and "Sut mae'r pum cwestiwn yn arwain yno:" in out
    assert "Rownd wedi gorffen: " in out and ("[cywir]" in out or "[anghywir]" in out)
    assert _english(out) == [], out
    # The round shows the Welsh titles but keeps the scenario file's own (English) ones.
    (doc,) = cx.rounds(Store.open(data_dir))
    welsh = {s.id: s.title for s in cx.load_scenarios([], language="cy")}
    english = {s.id: s.title for s in cx.load_scenarios([], language="en")}
    for attempt in doc["attempts"]:
        assert welsh[attempt["scenario"]] in out
        assert attempt["title"] == english[attempt["scenario"]]
