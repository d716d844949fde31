"""Cymraeg on the command line, plain mode and exports, in real processes.

The interface follows `--lang`; what the writer typed never changes language,
and switching never changes the journal (issue 20, the strings' half)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from coprod_tui.core.store import Store
from coprod_tui.journal.entry import VALUE_IDS, Entry
from coprod_tui.journal.records import EntryStore
from coprod_tui.stocktake import records as stocktakes
from coprod_tui.stocktake.rules import Stocktake
from tests.conftest import ROOT, env_for
from tests.e2e.ptyterm import PtyApp

ENGLISH_LOCALE = {"LANGUAGE": "", "LC_ALL": "", "LC_MESSAGES": "", "LANG": "C.UTF-8"}
WRITTEN = "Talked with Mrs Jones's daughter about the night handover."  # the writer's words


def coprod(data: Path, *args: str, stdin: str | None = None,
           **env: str) -> subprocess.CompletedProcess[str]:
    """The real command (English system locale unless ``env`` says otherwise)."""
    return subprocess.run(
        [sys.executable, "-m", "coprod_tui", *args], capture_output=True, text=True, cwd=ROOT,
        input=stdin, stdin=None if stdin is not None else subprocess.DEVNULL,
        env=env_for(data, **{**ENGLISH_LOCALE, **env}), timeout=60,
    )


def seed_entry(data: Path) -> Entry:
    """One English entry, written before any language switch."""
    entry = Entry(values=["strengths", "relationships"], title="Night handover",
                  sections={"text": WRITTEN}, tags=["nights"])
    return EntryStore(Store.open(data)).add(entry)


def seed_stocktake(data: Path) -> Stocktake:
    stocktake = Stocktake(level="team", started="2026-11-01T10:00:00+00:00")
    for value_id in VALUE_IDS:
        for index in range(3):
            stocktake.set_score(value_id, index, 3)
    stocktake.finished, stocktake.finished_at = True, "2026-11-01T10:30:00+00:00"
    return stocktakes.save(Store.open(data), stocktake)


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
def test_add_asks_in_welsh_and_keeps_the_writers_own_words(data_dir: Path) -> None:
    with PtyApp.coprod(data_dir, "--lang", "cy", "add", **ENGLISH_LOCALE) as term:
        term.wait_for("Cofnod newydd yn y dyddlyfr")
        term.wait_for("Y gwerthoedd y mae")
        term.send("1\r")
        term.wait_for("Teitl (Enter am ddim)")
        term.send("Night handover\r")
        term.wait_for("Tagiau, wedi")
        term.send("\r")
        term.wait_for("Myfyrdod")  # the free framework's one part, named in Welsh
        term.send(f"{WRITTEN}\r.\r")
        term.wait_for("Sut mae'n ymwneud")
        term.send(".\r")
        term.wait_for("ychwanegwyd cofnod")
        assert term.wait_exit() == 0
        assert "Values it covers" not in term.text and "added entry" not in term.text
    (doc,) = Store.open(data_dir).all("entries")
    assert doc["title"] == "Night handover" and doc["sections"] == {"text": WRITTEN}


def test_list_and_show_in_welsh_with_the_entry_as_written(data_dir: Path) -> None:
    entry = seed_entry(data_dir)
    listed = coprod(data_dir, "--lang", "cy", "list")
    assert listed.returncode == 0, listed.stderr
    assert "Night handover" in listed.stdout
    assert "tagiau: nights" in listed.stdout and listed.stdout.rstrip().endswith("1 cofnod")
    shown = coprod(data_dir, "--lang", "cy", "show", entry.id[:8])
    assert shown.returncode == 0, shown.stderr
    lines = shown.stdout.splitlines()
    assert lines[0] == "Teitl: Night handover"
    assert lines[1] == f"Dynodydd: {entry.id}"
    assert any(line.startswith("Ysgrifennwyd: ") for line in lines)
    assert "Myfyrdod" in lines and WRITTEN in lines
    english = coprod(data_dir, "show", entry.id[:8])
    assert english.stdout.splitlines()[0] == "Title: Night handover"
    assert "Reflection" in english.stdout.splitlines() and WRITTEN in english.stdout
    missing = coprod(data_dir, "--lang", "cy", "show", "zzzz")
    assert missing.returncode == 2
    assert "nid oes gan unrhyw gofnod y dynodydd 'zzzz'" in missing.stderr


def test_stocktake_in_welsh(data_dir: Path) -> None:
    not_terminal = coprod(data_dir, "--lang", "cy", "stocktake")
    assert not_terminal.returncode == 2
    assert "mae `coprod stocktake` yn gofyn ei gwestiynau ar derfynell" in not_terminal.stderr
    taken = seed_stocktake(data_dir)
    history = coprod(data_dir, "--lang", "cy", "stocktake", "--history")
    assert history.returncode == 0, history.stderr
    assert "Fy nhîm" in history.stdout and "Gwneud cynnydd" in history.stdout  # level, band
    shown = coprod(data_dir, "--lang", "cy", "stocktake", "--show", taken.id[:8])
    assert "Band: Gwneud cynnydd (45-59 o 75)" in shown.stdout
    assert "Cyfanswm" in shown.stdout and "Datganiadau coprod ei hun" in shown.stdout
    # Machines read the same words in both languages.
    as_json = coprod(data_dir, "--lang", "cy", "stocktake", "--history", "--json")
    assert '"band": "Making progress"' in as_json.stdout


def test_spectrum_in_welsh_and_english_unchanged(data_dir: Path) -> None:
    args = ("spectrum", "--knowledge", "both", "--decisions", "both", "--acts", "both")
    welsh = coprod(data_dir, "--lang", "cy", *args)
    assert welsh.returncode == 0, welsh.stderr
    assert welsh.stdout.startswith("Lle: cydgynhyrchu (gwneud gyda)\n")
    for words in ("Pam: Dywedoch fod y wybodaeth gan y ddau gyda'i gilydd",
                  "A all fod yn iawn?", "Tuag at wneud gyda:"):
        assert words in welsh.stdout, words
    english = coprod(data_dir, "--lang", "en", *args)
    assert english.stdout.startswith("Place: co-production (doing with)\n")
    assert "Why: You said the knowledge is held by both together" in english.stdout
    bad = coprod(data_dir, "--lang", "cy", "spectrum", "--knowledge", "nobody",
                 "--decisions", "both", "--acts", "both")
    assert bad.returncode == 2
    assert "--knowledge: nid yw 'nobody' yn ateb dilys; dewisiadau:" in bad.stderr


def test_export_headings_follow_the_language_and_the_journal_never_changes(
        data_dir: Path) -> None:
    seed_entry(data_dir)
    files = sorted(p for p in data_dir.iterdir() if p.is_file())
    before = {p.name: p.read_bytes() for p in files}
    english = coprod(data_dir, "--lang", "en", "export", "--format", "md")
    welsh = coprod(data_dir, "--lang", "cy", "export", "--format", "md")
    assert english.returncode == 0 and welsh.returncode == 0, (english.stderr, welsh.stderr)
    assert english.stdout.startswith("# Reflections from coprod\n")
    assert welsh.stdout.startswith("# Myfyrdodau o coprod\n")
    assert "## Journal" in english.stdout and "## Dyddlyfr" in welsh.stdout
    assert "**Reflection**" in english.stdout and "**Myfyrdod**" in welsh.stdout
    assert "Values: Strengths, Relationships" in english.stdout
    assert "Gwerthoedd: Cryfderau, Cysylltiadau" in welsh.stdout
    # The writer's words are the same in both; only the headings differ.
    for text in ("#### Night handover", WRITTEN, "Tags: nights"):
        assert text in english.stdout, text
    assert "#### Night handover" in welsh.stdout and WRITTEN in welsh.stdout
    assert "Tagiau: nights" in welsh.stdout
    assert english.stdout != welsh.stdout
    after = {p.name: p.read_bytes() for p in files}
    assert after == before, "exporting in either language changes no data file"


def test_plain_mode_home_menu_in_welsh(data_dir: Path) -> None:
    result = coprod(data_dir, "--lang", "cy", "--plain", stdin="?\nq\n")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.startswith("modd plaen coprod: cydgynhyrchu gyda gofalwyr")
    assert "Hafan\n" in out
    for item in ("  1. Darllen y pecyn cymorth (haenau ac adrannau)",
                 "  2. Dyddlyfr (ysgrifennu, rhestru, chwilio, camau gweithredu, drafftiau)",
                 "  7. Gosodiadau", "  8. Cymorth"):
        assert item in out, item
    assert "Dewiswch 1-8 (b yn ôl, h hafan, q gadael, ? cymorth): " in out
    assert "Mewn dewislen, teipiwch rif" in out  # "?" prints the navigation words
    assert out.rstrip().endswith("Hwyl fawr.")
    assert "Journal" not in out and "Goodbye" not in out


@pytest.mark.parametrize("command", ["add", "list", "show", "export", "spectrum", "stocktake",
                                     "complexity", "trash", "settings", "revalidation",
                                     "registration", "cpd", "feedback", "hours", "discussion"])
def test_welsh_help_fits_80_columns(data_dir: Path, command: str) -> None:
    result = coprod(data_dir, "--lang", "cy", command, "--help", COLUMNS="80")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("defnydd: coprod ")
    assert "dewisiadau:" in result.stdout and "options:" not in result.stdout
    too_long = [line for line in result.stdout.splitlines() if len(line) > 80]
    assert too_long == []


def test_revalidation_and_cpd_list_in_welsh_and_json_stays_english(data_dir: Path) -> None:
    nothing = coprod(data_dir, "--lang", "cy", "revalidation")
    assert nothing.returncode == 0, nothing.stderr
    assert "angen o hyd:\n- eich cofrestriad: rheoleiddiwr a dyddiad ailddilysu\n" in nothing.stdout
    assert coprod(data_dir, "registration", "--regulator", "nmc",
                  "--date", "2027-06-01").returncode == 0
    added = coprod(data_dir, "--lang", "cy", "cpd", "add", "--date", "2026-11-01", "--title",
                   "Toolkit study", "--method", "reading", "--hours", "2", "--participatory",
                   "--learned", "-", stdin="What carers told us about handovers.\n")
    assert added.returncode == 0, added.stderr
    assert "ychwanegwyd DPP" in added.stdout and "2 h cyfranogol ar 2026-11-01" in added.stdout
    welsh = coprod(data_dir, "--lang", "cy", "revalidation")
    lines = welsh.stdout.splitlines()
    assert lines[0] == "rheoleiddiwr: NMC (Cyngor Nyrsio a Bydwreigiaeth)"
    assert lines[1].startswith("cyfnod: 2024-06-02 i 2027-06-01 (")
    assert "[ ] 2 o 35 h o DPP" in lines and "- 33 h o DPP" in lines
    assert "regulator" not in welsh.stdout and "still needed" not in welsh.stdout
    english = coprod(data_dir, "revalidation")
    assert english.stdout.splitlines()[0] == "regulator: NMC (Nursing and Midwifery Council)"
    assert "[ ] 2 of 35 h of CPD" in english.stdout and "- 33 h of CPD" in english.stdout
    as_json = coprod(data_dir, "--lang", "cy", "revalidation", "--json")
    assert '"33 h of CPD"' in as_json.stdout and '"label": "of CPD"' in as_json.stdout
    listed = coprod(data_dir, "--lang", "cy", "cpd", "list")
    assert listed.returncode == 0, listed.stderr
    # The title and method are the user's (and stored) words: only "participatory" changes.
    assert "2 h cyfranogol  Toolkit study (reading)" in listed.stdout
    assert "participatory" not in listed.stdout
    assert "2 h participatory  Toolkit study (reading)" in coprod(data_dir, "cpd", "list").stdout
    bad = coprod(data_dir, "--lang", "cy", "hours", "add", "--date", "2026-11-01", "--hours",
                 "lots", "--role", "")
    assert bad.returncode == 2 and "nid yw 'lots' yn nifer o oriau, e.e. 1.5" in bad.stderr
    assert "'lots' is not a number of hours" in coprod(
        data_dir, "hours", "add", "--date", "2026-11-01", "--hours", "lots", "--role", "").stderr
    help_text = coprod(data_dir, "--lang", "cy", "cpd", "add", "--help", COLUMNS="80")
    assert "mae - yn darllen y mewnbwn safonol" in help_text.stdout
    assert max(len(line) for line in help_text.stdout.splitlines()) <= 80


def test_html_pack_in_welsh_keeps_the_entry_as_written(data_dir: Path) -> None:
    import html

    seed_entry(data_dir)
    welsh = coprod(data_dir, "--lang", "cy", "export", "--format", "html")
    english = coprod(data_dir, "--lang", "en", "export", "--format", "html")
    assert welsh.returncode == 0 and english.returncode == 0, (welsh.stderr, english.stderr)
    assert '<html lang="cy">' in welsh.stdout and '<html lang="en">' in english.stdout
    assert "<h1>PECYN AILDDILYSU&#x27;R NMC</h1>" in welsh.stdout
    for heading in ("Cynnydd", "Cofnod DPP", "Cyfrifon myfyriol", "Trafodaeth fyfyriol"):
        assert f"<h2>{heading}</h2>" in welsh.stdout, heading
    assert "<h1>NMC REVALIDATION PACK</h1>" in english.stdout
    assert "<h2>CPD record</h2>" in english.stdout and "<h2>Cofnod DPP</h2>" not in english.stdout
    assert "CYFRIF MYFYRIOL 1 O 1" in welsh.stdout and "REFLECTIVE ACCOUNT 1 OF 1" in english.stdout
    # The entry's words and the NMC form's own questions are the same in both.
    for text in (html.escape(WRITTEN), "Night handover", "What did you learn from it?"):
        assert text in welsh.stdout and text in english.stdout, text
    assert "AR GOLL:" in welsh.stdout and "MISSING" not in welsh.stdout


def test_complexity_answers_in_welsh_and_english_unchanged(data_dir: Path) -> None:
    args = ("complexity", "--recipe", "no", "--expertise", "no", "--predictable", "no",
            "--people", "yes", "--crisis", "no")
    welsh = coprod(data_dir, "--lang", "cy", *args)
    assert welsh.returncode == 0, welsh.stderr
    assert welsh.stdout.startswith("Canlyniad: Cymhleth (profi, synhwyro, ymateb)\n")
    for words in ("Pam: Nid oes proses hysbys ac ni allwch ragweld yr hyn sy'n dilyn.",
                  "Ar gyfer cydgynhyrchu: Dyma le mae cydgynhyrchu'n perthyn",
                  "  - Gweithredu nawr: byddai 'ie' yn lle 'na' yn newid y canlyniad i: "
                  "anhrefnus."):
        assert words in welsh.stdout, words
    assert "Complex" not in welsh.stdout and "Why:" not in welsh.stdout
    english = coprod(data_dir, "--lang", "en", *args)
    assert english.stdout.startswith("Result: Complex (probe, sense, respond)\n")
    assert "  - Act now: 'yes' instead of 'no' would make it chaotic." in english.stdout
    # Machines read English in both languages.
    as_json = coprod(data_dir, "--lang", "cy", *args, "--json")
    assert '"label": "Complex"' in as_json.stdout
    assert '"There is no known process and you cannot predict what follows."' in as_json.stdout


def test_plain_reading_menu_in_welsh(data_dir: Path) -> None:
    result = coprod(data_dir, "--lang", "cy", "--plain", stdin="1\n1\n1\n1\nq\n")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Darllen y pecyn cymorth: dewiswch haen\n" in out
    assert "  1. Os oes gennych 10 munud: 0 o 6 adran wedi'u darllen, tua 10 mun" in out
    assert "Parhau gyda'r adran gyntaf heb ei darllen: " in out
    assert "Os oes gennych 10 munud: dewiswch adran\n" in out
    assert "[Adran 1 o " in out and "[Diwedd " in out
    for option in ("Nodi wedi'i darllen", "Yr adran nesaf: ", "Darllen yr adran hon eto"):
        assert option in out, option
    assert "Wedi'i nodi wedi'i darllen." in out
    assert "sections read" not in out and "Mark as read" not in out


def test_settings_names_and_choices_in_welsh(data_dir: Path) -> None:
    welsh = coprod(data_dir, "--lang", "cy", "settings")
    assert welsh.returncode == 0, welsh.stderr
    assert "mouse = on  (Llygoden: ymlaen)" in welsh.stdout
    assert "stocktake-reminder = 3  (Nodyn atgoffa pwyso a mesur: ar ôl 3 mis)" in welsh.stdout
    # The language setting's name and choices are in both languages already.
    assert "language = system  (Language / Iaith: as the system (LANG) / fel y system)" \
        in welsh.stdout
    assert "mouse = on  (Mouse: on)" in coprod(data_dir, "settings").stdout


def test_plain_complexity_and_spectrum_in_welsh(data_dir: Path) -> None:
    # Complexity: no, no, no, yes, no (complex); not saved. Then the spectrum's first question.
    result = coprod(data_dir, "--lang", "cy", "--plain",
                    stdin="4\n1\n2\n2\n2\n1\n2\nn\nb\n3\n1\n2\nq\n")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Cymhlethdod: ai her i'w chydgynhyrchu yw eich her chi?\n" in out
    assert "1. A oes proses hysbys, ysgrifenedig i'w dilyn?\n  1. ie\n  2. na\n" \
           "  3. ddim yn siŵr\n" in out
    assert "Canlyniad: Cymhleth (profi, synhwyro, ymateb)" in out
    assert "Cadw'r her hon?" in out
    assert "Sbectrwm ymgysylltu\n  1. Gosod gweithgaredd (tri chwestiwn)\n" in out
    assert "  1. Ie\n  2. Na\n" in out
    assert "Result:" not in out and "Known process" not in out and "Place an activity" not in out
    assert Store.open(data_dir).all("complexity") == [], "answering n saves nothing"
